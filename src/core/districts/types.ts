/**
 * Districts for "find your lawmakers" (issue 7, part 2): the district names people roles carry (Open States
 * `district`, per chamber), boundaries with validity dates, and what a lookup answers. A lookup never guesses:
 * near a boundary or for a postcode split between districts it asks the person to choose.
 */

/** A district as people roles name it: jurisdiction (OCD division), chamber (upper, lower, …) and district. */
export interface DistrictRef {
  jurisdictionId: string;
  chamber: string;
  district: string;
}

/** A district offered for choice, with a display name and (for postcodes) the share of the postcode in it. */
export interface DistrictCandidate extends DistrictRef {
  name: string | null;
  share: number | null;
}

/** A position `[longitude, latitude]` in WGS84 degrees. */
export type Position = [number, number];
/** A polygon: its outer ring, then holes; each ring closed (first position repeated last). */
export type PolygonCoordinates = Position[][];

/** A district's area: one polygon or several (MultiPolygon), each with optional holes. */
export interface DistrictGeometry {
  type: 'Polygon' | 'MultiPolygon';
  /** Always the MultiPolygon form: a Polygon is one entry. */
  polygons: PolygonCoordinates[];
}

/** A bounding box in degrees. */
export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** One district boundary as read from a GeoJSON feature. `validTo` is exclusive; null means open-ended. */
export interface DistrictBoundary extends DistrictRef {
  name: string | null;
  validFrom: string;
  validTo: string | null;
  geometry: DistrictGeometry;
  bbox: BBox;
}

/** Why a lookup asks instead of answering. */
export type AskReason = 'boundary' | 'ambiguous-postcode';
/** Why a lookup found nothing. */
export type NoneReason =
  | 'no-boundaries'
  | 'outside'
  | 'unknown-postcode'
  | 'unknown-district'
  | 'no-postcodes';

/**
 * A lookup's answer: the districts (one per chamber), or the candidates to choose between (with the chambers
 * already settled in `matched`), or nothing and why.
 */
export type LookupResult =
  | { kind: 'match'; districts: DistrictRef[] }
  | { kind: 'ask'; reason: AskReason; candidates: DistrictCandidate[]; matched: DistrictRef[] }
  | { kind: 'none'; reason: NoneReason };

/** True when two refs name the same district. */
export function sameDistrict(a: DistrictRef, b: DistrictRef): boolean {
  return a.jurisdictionId === b.jurisdictionId && a.chamber === b.chamber && a.district === b.district;
}
