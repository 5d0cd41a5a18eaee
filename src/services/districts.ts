/**
 * Finding lawmakers without outside services (issue 7, part 2): importing district boundaries (GeoJSON) and
 * the postcode → district table (CSV), looking a place up by district, postcode or point, and the sitting
 * people for the answer. Policy:
 * - an import is all-or-nothing in one transaction: any problem (named by feature index and property, or by
 *   line and column) refuses the whole file and nothing stored changes;
 * - boundary plans of one chamber never overlap (core/districts/lookup.ts); a stored open-ended plan is closed
 *   where a later one begins, and the report says so;
 * - a postcode file replaces the postcode table of each jurisdiction it names, whole;
 * - lookups never guess: near a boundary or for a split postcode they answer `ask` with the candidates;
 * - importing needs `laws:write` (districts are shared reference data, imported by whoever imports the people
 *   they belong to); looking up is public and returns only public office details.
 */
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import { divisionOfJurisdiction } from '../core/bills/jurisdiction.ts';
import { planKey, readDistrictGeoJson } from '../core/districts/geojson.ts';
import { searchBox } from '../core/districts/geometry.ts';
import {
  boundariesOn,
  type DistrictPlan,
  defaultBoundaryMarginMetres,
  lookupPoint,
  lookupPostcode,
  placePlans,
} from '../core/districts/lookup.ts';
import { normalisePostcode, readPostcodeCsv } from '../core/districts/postcodes.ts';
import type { DistrictRef, LookupResult, Position } from '../core/districts/types.ts';
import { DomainError } from '../core/errors.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import { currentParty } from '../core/people/types.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  boundariesMeeting,
  closePlan,
  countBoundariesOn,
  hasPostcodes,
  insertBoundaries,
  insertDistrictImport,
  type KnownDistrict,
  knownDistricts,
  postcodeRows,
  replacePostcodes,
  sittingInDistricts,
  storedPlans,
} from '../store/districts.repo.ts';
import { getPerson } from '../store/people.repo.ts';
import { nowIso } from '../store/util.ts';
import type { ServiceContext } from './context.ts';

export type { KnownDistrict } from '../store/districts.repo.ts';

/** A file to import: a name for reports and errors, and its text. */
export interface DistrictFileInput {
  name: string;
  content: string;
}

/** What a boundary import stored. */
export interface BoundaryImportReport {
  file: string;
  importId: string;
  boundaries: number;
  plans: Array<DistrictPlan & { districts: number }>;
  /** Stored open-ended plans now ending where a new plan begins. */
  closed: Array<DistrictPlan & { closedOn: string }>;
}

/** What a postcode import stored. */
export interface PostcodeImportReport {
  file: string;
  importId: string;
  rows: number;
  postcodes: number;
  /** Postcodes listed in more than one district of a chamber (lookups for them ask). */
  ambiguous: number;
  jurisdictions: string[];
}

function refuse(file: string, problems: string[]): never {
  const shown = problems.slice(0, 20);
  const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
  throw new DomainError(
    'DISTRICT_FILE_INVALID',
    `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}${more}; nothing was imported: ${shown[0]}`,
    { file, problems: shown },
  );
}

function mayImport(ctx: ServiceContext): void {
  if (!actorCan(ctx.actor, 'laws:write'))
    throw new DomainError('FORBIDDEN', 'importing districts needs laws:write');
}

async function knownJurisdictions(ctx: ServiceContext, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.db.selectFrom('jurisdictions').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Imports district boundaries from a GeoJSON FeatureCollection, all-or-nothing; needs `laws:write`. */
export async function importBoundaries(
  ctx: ServiceContext,
  file: DistrictFileInput,
): Promise<BoundaryImportReport> {
  mayImport(ctx);
  let doc: unknown;
  try {
    doc = JSON.parse(file.content);
  } catch (err) {
    refuse(file.name, [`invalid JSON: ${(err as Error).message}`]);
  }
  const { boundaries, problems } = readDistrictGeoJson(doc);
  if (problems.length > 0) refuse(file.name, problems);
  const known = await knownJurisdictions(ctx, [...new Set(boundaries.map((b) => b.jurisdictionId))]);
  const unknown = boundaries.flatMap((b, i) =>
    known.has(b.jurisdictionId)
      ? []
      : [`features[${i}].properties.jurisdiction: ${b.jurisdictionId} is not a known jurisdiction`],
  );
  if (unknown.length > 0) refuse(file.name, unknown);
  const plans = new Map<string, DistrictPlan & { districts: number }>();
  for (const b of boundaries) {
    const key = planKey(b);
    const plan = plans.get(key) ?? {
      jurisdictionId: b.jurisdictionId,
      chamber: b.chamber,
      validFrom: b.validFrom,
      validTo: b.validTo,
      districts: 0,
    };
    plan.districts++;
    plans.set(key, plan);
  }
  const incoming = [...plans.values()];
  return ctx.db.transaction().execute(async (trx) => {
    const placed = placePlans(incoming, await storedPlans(trx, incoming));
    if (placed.problems.length > 0) refuse(file.name, placed.problems);
    for (const c of placed.close) await closePlan(trx, c.plan, c.validTo);
    const importId = await insertDistrictImport(trx, {
      kind: 'boundaries',
      file: file.name,
      rows: boundaries.length,
      createdBy: actorLabel(ctx.actor),
      createdAt: nowIso(),
    });
    await insertBoundaries(trx, importId, boundaries);
    await recordAudit(trx, ctx.actor, 'districts.import_boundaries', importId, {
      file: file.name,
      boundaries: boundaries.length,
      closed: placed.close.length,
    });
    return {
      file: file.name,
      importId,
      boundaries: boundaries.length,
      plans: incoming,
      closed: placed.close.map((c) => ({ ...c.plan, closedOn: c.validTo })),
    };
  });
}

/** Imports a postcode → district CSV, replacing each named jurisdiction's table whole; needs `laws:write`. */
export async function importPostcodes(
  ctx: ServiceContext,
  file: DistrictFileInput,
): Promise<PostcodeImportReport> {
  mayImport(ctx);
  const { rows, problems } = readPostcodeCsv(file.content);
  if (problems.length > 0) refuse(file.name, problems);
  const jurisdictions = [...new Set(rows.map((r) => r.jurisdictionId))].sort();
  const known = await knownJurisdictions(ctx, jurisdictions);
  const unknown = rows.flatMap((r) =>
    known.has(r.jurisdictionId)
      ? []
      : [`line ${r.line}, column jurisdiction: ${r.jurisdictionId} is not a known jurisdiction`],
  );
  if (unknown.length > 0) refuse(file.name, unknown);
  const districtsOf = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.jurisdictionId}|${r.postcode}|${r.chamber}`;
    districtsOf.set(key, (districtsOf.get(key) ?? new Set()).add(r.district));
  }
  const ambiguous = new Set(
    [...districtsOf.entries()].filter(([, d]) => d.size > 1).map(([k]) => k.split('|').slice(0, 2).join('|')),
  );
  return ctx.db.transaction().execute(async (trx) => {
    const importId = await insertDistrictImport(trx, {
      kind: 'postcodes',
      file: file.name,
      rows: rows.length,
      createdBy: actorLabel(ctx.actor),
      createdAt: nowIso(),
    });
    await replacePostcodes(trx, importId, rows);
    await recordAudit(trx, ctx.actor, 'districts.import_postcodes', importId, {
      file: file.name,
      rows: rows.length,
    });
    return {
      file: file.name,
      importId,
      rows: rows.length,
      postcodes: new Set(rows.map((r) => `${r.jurisdictionId}|${r.postcode}`)).size,
      ambiguous: ambiguous.size,
      jurisdictions,
    };
  });
}

/** What to look up: exactly one of a postcode, a point, or chosen districts. */
export interface DistrictQuery {
  jurisdiction: string;
  date?: string;
  postcode?: string;
  point?: Position;
  /** Districts the person chose (one per chamber). */
  districts?: Array<{ chamber: string; district: string }>;
  /** The "near a boundary" margin in metres (default 200). */
  marginMetres?: number;
}

async function jurisdictionOf(ctx: ServiceContext, value: string): Promise<string> {
  const id = divisionOfJurisdiction(value);
  if (id === null)
    throw new DomainError('VALIDATION_FAILED', `jurisdiction: "${value}" is not an OCD division id`, {
      field: 'jurisdiction',
    });
  if ((await knownJurisdictions(ctx, [id])).size === 0)
    throw new DomainError('JURISDICTION_NOT_FOUND', `no jurisdiction ${id}`, { field: 'jurisdiction' });
  return id;
}

function dateOf(date: string | undefined): string {
  if (date === undefined) return nowIso().slice(0, 10);
  if (!isIsoDate(date))
    throw new DomainError('VALIDATION_FAILED', 'date must be YYYY-MM-DD', { field: 'date' });
  return date;
}

/** The districts for a postcode, a point or a choice on a date (default today); see LookupResult. */
export async function lookupDistricts(ctx: ServiceContext, q: DistrictQuery): Promise<LookupResult> {
  const modes = [q.postcode !== undefined, q.point !== undefined, q.districts !== undefined].filter(Boolean);
  if (modes.length !== 1)
    throw new DomainError('VALIDATION_FAILED', 'give exactly one of a postcode, a point, or a district', {
      field: 'query',
    });
  const jurisdictionId = await jurisdictionOf(ctx, q.jurisdiction);
  const date = dateOf(q.date);
  if (q.point) {
    const [lon, lat] = q.point;
    if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90))
      throw new DomainError('VALIDATION_FAILED', 'lat must be within -90..90 and lon within -180..180', {
        field: 'point',
      });
    const margin = q.marginMetres ?? defaultBoundaryMarginMetres;
    const near = await boundariesMeeting(ctx.db, jurisdictionId, searchBox(q.point, margin), date);
    if (near.length === 0)
      return (await countBoundariesOn(ctx.db, jurisdictionId, date)) > 0
        ? { kind: 'none', reason: 'outside' }
        : { kind: 'none', reason: 'no-boundaries' };
    return lookupPoint(boundariesOn(near, date), q.point, margin);
  }
  if (q.postcode !== undefined) {
    const postcode = normalisePostcode(q.postcode);
    if (postcode === '' || postcode.length > 16)
      throw new DomainError('VALIDATION_FAILED', 'postcode: 1 to 16 characters', { field: 'postcode' });
    const rows = await postcodeRows(ctx.db, jurisdictionId, postcode);
    if (rows.length === 0)
      return (await hasPostcodes(ctx.db, jurisdictionId))
        ? { kind: 'none', reason: 'unknown-postcode' }
        : { kind: 'none', reason: 'no-postcodes' };
    const result = lookupPostcode(rows);
    if (result.kind !== 'ask') return result;
    // The postcode table carries no names; a stored boundary's name helps the person choose.
    const known = await knownDistricts(ctx.db, jurisdictionId, date);
    const nameOf = (c: DistrictRef) =>
      known.find((k) => k.chamber === c.chamber && k.district === c.district)?.name ?? null;
    return { ...result, candidates: result.candidates.map((c) => ({ ...c, name: nameOf(c) })) };
  }
  const chosen = q.districts ?? [];
  const chambers = chosen.map((d) => d.chamber);
  if (chosen.length === 0 || new Set(chambers).size !== chambers.length)
    throw new DomainError('VALIDATION_FAILED', 'choose one district per chamber', { field: 'district' });
  const known = await knownDistricts(ctx.db, jurisdictionId, date);
  const districts: DistrictRef[] = [];
  for (const d of chosen) {
    if (!known.some((k) => k.chamber === d.chamber && k.district === d.district))
      return { kind: 'none', reason: 'unknown-district' };
    districts.push({ jurisdictionId, chamber: d.chamber, district: d.district });
  }
  return { kind: 'match', districts };
}

/** The districts a person can choose from in a jurisdiction on a date (boundaries and sitting members' roles). */
export async function districtChoices(
  ctx: ServiceContext,
  args: { jurisdiction: string; date?: string },
): Promise<KnownDistrict[]> {
  return knownDistricts(ctx.db, await jurisdictionOf(ctx, args.jurisdiction), dateOf(args.date));
}

/** A sitting lawmaker for a district, with public office details only. */
export interface DistrictLawmaker {
  personId: string;
  name: string;
  party: string | null;
  chamber: string;
  district: string;
  offices: Array<{
    classification: string;
    name: string | null;
    address: string | null;
    voice: string | null;
  }>;
}

/**
 * The people sitting on the date (default today) for the result's districts: all of a match, the settled
 * chambers of an ask; none for none.
 */
export async function lawmakersFor(
  ctx: ServiceContext,
  result: LookupResult,
  date?: string,
): Promise<DistrictLawmaker[]> {
  const districts = result.kind === 'match' ? result.districts : result.kind === 'ask' ? result.matched : [];
  const seats = await sittingInDistricts(ctx.db, districts, dateOf(date));
  const out: DistrictLawmaker[] = [];
  for (const s of seats) {
    const p = await getPerson(ctx.db, s.personId);
    if (!p) continue;
    out.push({
      personId: p.id,
      name: p.name,
      party: currentParty(p.party),
      chamber: s.chamber,
      district: s.district,
      offices: p.offices.map((o) => ({
        classification: o.classification,
        name: o.name,
        address: o.address,
        voice: o.voice,
      })),
    });
  }
  return out;
}
