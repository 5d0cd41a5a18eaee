/**
 * District boundaries from GeoJSON (RFC 7946). Policy: the file is a FeatureCollection whose every feature is
 * a Polygon or MultiPolygon with properties `jurisdiction` (OCD division or Open States jurisdiction id),
 * `chamber` (upper, lower, legislature, …), `district` (as people roles name it), `valid_from` (YYYY-MM-DD)
 * and optional `valid_to` (exclusive) and `name`. Coordinates are WGS84 `[lon, lat]` within range; every
 * ring has at least four positions and is closed. Every problem is listed, named by feature index and
 * property (`features[2].properties.valid_from: …`, `features[0].geometry.coordinates[0][3]: …`); one problem
 * refuses the whole file.
 */
import { divisionOfJurisdiction } from '../bills/jurisdiction.ts';
import { isIsoDate } from '../laws/intervals.ts';
import { bboxOf } from './geometry.ts';
import type { DistrictBoundary, DistrictGeometry, PolygonCoordinates, Position } from './types.ts';

/** The most problems listed for one file (the rest are counted). */
export const maxListedProblems = 20;

const chamberPattern = /^[a-z][a-z0-9_-]{0,39}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function readRing(value: unknown, at: string, problems: string[]): Position[] | null {
  if (!Array.isArray(value)) {
    problems.push(`${at}: a ring must be an array of positions`);
    return null;
  }
  if (value.length < 4) {
    problems.push(`${at}: a ring needs at least 4 positions, got ${value.length}`);
    return null;
  }
  const ring: Position[] = [];
  for (const [i, p] of value.entries()) {
    const where = `${at}[${i}]`;
    if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      problems.push(`${where}: a position must be [longitude, latitude] numbers`);
      return null;
    }
    const [lon, lat] = p as number[];
    if ((lon as number) < -180 || (lon as number) > 180) {
      problems.push(`${where}: longitude ${lon} is outside -180..180`);
      return null;
    }
    if ((lat as number) < -90 || (lat as number) > 90) {
      problems.push(`${where}: latitude ${lat} is outside -90..90 (are longitude and latitude swapped?)`);
      return null;
    }
    ring.push([lon as number, lat as number]);
  }
  const first = ring[0] as Position;
  const last = ring.at(-1) as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.push(`${at}: the ring is not closed (its last position must repeat the first)`);
    return null;
  }
  return ring;
}

function readPolygon(value: unknown, at: string, problems: string[]): PolygonCoordinates | null {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${at}: a polygon must be a non-empty array of rings`);
    return null;
  }
  const rings = value.map((r, i) => readRing(r, `${at}[${i}]`, problems));
  return rings.every((r) => r !== null) ? (rings as Position[][]) : null;
}

function readGeometry(value: unknown, at: string, problems: string[]): DistrictGeometry | null {
  if (!isObj(value)) {
    problems.push(`${at}: a Polygon or MultiPolygon geometry is required`);
    return null;
  }
  const coords = value.coordinates;
  if (value.type === 'Polygon') {
    const p = readPolygon(coords, `${at}.coordinates`, problems);
    return p ? { type: 'Polygon', polygons: [p] } : null;
  }
  if (value.type === 'MultiPolygon') {
    if (!Array.isArray(coords) || coords.length === 0) {
      problems.push(`${at}.coordinates: a MultiPolygon must be a non-empty array of polygons`);
      return null;
    }
    const polygons = coords.map((c, i) => readPolygon(c, `${at}.coordinates[${i}]`, problems));
    return polygons.every((p) => p !== null)
      ? { type: 'MultiPolygon', polygons: polygons as PolygonCoordinates[] }
      : null;
  }
  problems.push(`${at}.type: must be Polygon or MultiPolygon, got ${JSON.stringify(value.type ?? null)}`);
  return null;
}

function text(props: Obj, key: string, at: string, problems: string[], optional = false): string | null {
  const v = props[key];
  if ((v === undefined || v === null) && optional) return null;
  // Open States districts are sometimes numbers (`district: 17`); they are names all the same.
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string' || v.trim() === '') {
    problems.push(`${at}.${key}: ${optional ? 'must be text when given' : 'is required'}`);
    return null;
  }
  if (v.length > 200) {
    problems.push(`${at}.${key}: at most 200 characters`);
    return null;
  }
  return v.trim();
}

function readFeature(value: unknown, i: number, problems: string[]): DistrictBoundary | null {
  const at = `features[${i}]`;
  if (!isObj(value) || value.type !== 'Feature') {
    problems.push(`${at}: must be a GeoJSON Feature`);
    return null;
  }
  const props = value.properties;
  if (!isObj(props)) {
    problems.push(`${at}.properties: jurisdiction, chamber, district and valid_from are required`);
    readGeometry(value.geometry, `${at}.geometry`, problems);
    return null;
  }
  const pat = `${at}.properties`;
  const before = problems.length;
  const jurisdiction = text(props, 'jurisdiction', pat, problems);
  const jurisdictionId = jurisdiction === null ? null : divisionOfJurisdiction(jurisdiction);
  if (jurisdiction !== null && jurisdictionId === null)
    problems.push(`${pat}.jurisdiction: "${jurisdiction}" is not an OCD division or jurisdiction id`);
  const chamber = text(props, 'chamber', pat, problems);
  if (chamber !== null && !chamberPattern.test(chamber))
    problems.push(`${pat}.chamber: "${chamber}" must be a lower-case word such as upper or lower`);
  const district = text(props, 'district', pat, problems);
  const name = text(props, 'name', pat, problems, true);
  const validFrom = text(props, 'valid_from', pat, problems);
  if (validFrom !== null && !isIsoDate(validFrom))
    problems.push(`${pat}.valid_from: must be a date YYYY-MM-DD, got "${validFrom}"`);
  const validTo = text(props, 'valid_to', pat, problems, true);
  if (validTo !== null && !isIsoDate(validTo))
    problems.push(`${pat}.valid_to: must be a date YYYY-MM-DD, got "${validTo}"`);
  else if (validTo !== null && validFrom !== null && validTo <= validFrom)
    problems.push(
      `${pat}.valid_to: must be after valid_from (valid_to is the first day it no longer applies)`,
    );
  const geometry = readGeometry(value.geometry, `${at}.geometry`, problems);
  if (problems.length > before || !geometry) return null;
  return {
    jurisdictionId: jurisdictionId as string,
    chamber: chamber as string,
    district: district as string,
    name,
    validFrom: validFrom as string,
    validTo,
    geometry,
    bbox: bboxOf(geometry),
  };
}

/** A plan's key: the districts of one chamber over one validity interval. */
export function planKey(b: Pick<DistrictBoundary, 'jurisdictionId' | 'chamber' | 'validFrom' | 'validTo'>) {
  return `${b.jurisdictionId}|${b.chamber}|${b.validFrom}|${b.validTo ?? ''}`;
}

/**
 * The boundaries of a parsed GeoJSON document, or every problem found (never both). A district named twice in
 * one plan is a problem too (use a MultiPolygon for a district in several parts).
 */
export function readDistrictGeoJson(doc: unknown): { boundaries: DistrictBoundary[]; problems: string[] } {
  const problems: string[] = [];
  if (!isObj(doc) || doc.type !== 'FeatureCollection') {
    return { boundaries: [], problems: ['type: the file must be a GeoJSON FeatureCollection'] };
  }
  if (!Array.isArray(doc.features) || doc.features.length === 0) {
    return { boundaries: [], problems: ['features: at least one feature is required'] };
  }
  const boundaries: DistrictBoundary[] = [];
  const seen = new Map<string, number>();
  for (const [i, f] of doc.features.entries()) {
    const b = readFeature(f, i, problems);
    if (!b) continue;
    const key = `${planKey(b)}|${b.district}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(
        `features[${i}].properties.district: "${b.district}" (${b.chamber}) is already features[${first}] for the same dates`,
      );
    else seen.set(key, i);
    boundaries.push(b);
  }
  return problems.length > 0 ? { boundaries: [], problems } : { boundaries, problems };
}
