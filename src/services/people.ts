/**
 * People and committees: importing Open States files (people repo YAML, scrape JSON, committee YAML/JSON),
 * listing and showing, and linking bill sponsorships to people. Policy, as for bills:
 * - each file is all-or-nothing: any rejected record (bad field, unknown jurisdiction, a record twice in the
 *   file) refuses the whole file with every reason and nothing written; a file's writes run in one
 *   transaction;
 * - re-importing changes nothing: a record is compared by the hash of its normalised form;
 * - after the files, sponsorships without a person are linked by name and jurisdiction (store/sponsor-links).
 * Reading is public like the law library; importing needs `laws:write`.
 */
import { actorCan } from '../core/auth/permissions.ts';
import { divisionOfJurisdiction } from '../core/bills/jurisdiction.ts';
import { DomainError } from '../core/errors.ts';
import type { Committee, Person } from '../core/people/types.ts';
import { type PeopleFileRecord, readPeopleFile } from '../ingest/openstates/people.ts';
import { readPeopleCsv } from '../ingest/openstates/people-csv.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  type CommitteeListing,
  getCommittee,
  getPerson,
  listCommittees as listStoredCommittees,
  listPeople as listStoredPeople,
  type PersonListing,
  recordHash,
  storedHash,
  writeCommittee,
  writePerson,
} from '../store/people.repo.ts';
import { linkSponsorships, type SponsorLinkReport } from '../store/sponsor-links.repo.ts';
import { nowIso } from '../store/util.ts';
import type { ServiceContext } from './context.ts';
import { importEachFile, readFileRecords, rejectedMessage } from './import-files.ts';

/** One file to import: a name for reports (its extension picks YAML or JSON) and its text or a reader. */
export interface PeopleFileInput {
  name: string;
  content: string | (() => string);
}

export interface ImportPeopleArgs {
  files: PeopleFileInput[];
  /** For person scrape files, which carry no jurisdiction: an ocd-jurisdiction or ocd-division id. */
  jurisdiction?: string;
  /** Called after each file. */
  onFile?: (done: number, total: number) => void;
}

/** A record that was not imported, and why. */
export interface PeopleRejection {
  index: number;
  record: string;
  reason: string;
}

/** What happened to one file. */
export interface PeopleFileReport {
  file: string;
  status: 'imported' | 'refused';
  /** Why the whole file was refused (malformed YAML/JSON with its line, or "n of m records rejected"). */
  error: string | null;
  people: number;
  committees: number;
  new: number;
  changed: number;
  unchanged: number;
  rejected: PeopleRejection[];
}

/** The import's report: per file, totals, and the sponsorship linking step. */
export interface PeopleImportReport {
  files: PeopleFileReport[];
  totals: { new: number; changed: number; unchanged: number; rejected: number; refusedFiles: number };
  sponsorships: SponsorLinkReport;
}

function idOf(r: PeopleFileRecord): string | null {
  if (r.kind === 'person') return r.person.id;
  if (r.kind === 'committee') return r.committee.id;
  return null;
}

function jurisdictionsOf(r: PeopleFileRecord): string[] {
  if (r.kind === 'committee') return r.committee.jurisdictionId ? [r.committee.jurisdictionId] : [];
  if (r.kind !== 'person') return [];
  const all = [r.person.jurisdictionId, ...r.person.roles.map((x) => x.jurisdictionId)];
  return [...new Set(all.filter((j): j is string => j !== null))];
}

/** Rejections that need the database or the whole file: unknown jurisdictions, a record twice. */
async function checkFile(ctx: ServiceContext, records: PeopleFileRecord[]): Promise<PeopleRejection[]> {
  const wanted = [...new Set(records.flatMap(jurisdictionsOf))];
  const known = new Set(
    wanted.length === 0
      ? []
      : (await ctx.db.selectFrom('jurisdictions').select('id').where('id', 'in', wanted).execute()).map(
          (j) => j.id,
        ),
  );
  const seen = new Map<string, string>();
  const rejected: PeopleRejection[] = [];
  for (const r of records) {
    if (r.kind === 'rejected') {
      rejected.push({ index: r.index, record: r.label, reason: r.reason });
      continue;
    }
    const unknown = jurisdictionsOf(r).filter((j) => !known.has(j));
    if (unknown.length > 0) {
      rejected.push({
        index: r.index,
        record: r.label,
        reason: `jurisdiction ${unknown.join(', ')} is not known`,
      });
      continue;
    }
    const id = idOf(r) ?? '';
    const before = seen.get(id);
    if (before !== undefined) {
      rejected.push({ index: r.index, record: r.label, reason: `the file already has ${id} (${before})` });
    }
    seen.set(id, r.label);
  }
  return rejected;
}

async function importFile(
  ctx: ServiceContext,
  file: PeopleFileInput,
  jurisdiction?: string,
): Promise<PeopleFileReport> {
  const report: PeopleFileReport = {
    file: file.name,
    status: 'refused',
    error: null,
    people: 0,
    committees: 0,
    new: 0,
    changed: 0,
    unchanged: 0,
    rejected: [],
  };
  const read = readFileRecords(file, 'PEOPLE_FILE_INVALID', (content) =>
    (/\.csv$/i.test(file.name) ? readPeopleCsv : readPeopleFile)(
      file.name,
      content,
      jurisdiction === undefined ? {} : { jurisdiction },
    ),
  );
  if ('error' in read) return { ...report, error: read.error };
  const { records } = read;
  const rejected = await checkFile(ctx, records);
  if (rejected.length > 0)
    return { ...report, error: rejectedMessage(file.name, rejected.length, records.length), rejected };
  const counts = { people: 0, committees: 0, new: 0, changed: 0, unchanged: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    for (const r of records) {
      if (r.kind === 'rejected') continue;
      const record = r.kind === 'person' ? r.person : r.committee;
      const table = r.kind === 'person' ? 'people' : 'committees';
      counts[r.kind === 'person' ? 'people' : 'committees']++;
      const hash = recordHash(record);
      const stored = await storedHash(trx, table, record.id);
      if (stored === hash) {
        counts.unchanged++;
        continue;
      }
      if (r.kind === 'person') await writePerson(trx, r.person, hash, now, stored !== undefined);
      else await writeCommittee(trx, r.committee, hash, now, stored !== undefined);
      counts[stored === undefined ? 'new' : 'changed']++;
    }
    if (counts.new + counts.changed > 0) {
      await recordAudit(trx, ctx.actor, 'people.import', file.name, {
        new: counts.new,
        changed: counts.changed,
        unchanged: counts.unchanged,
      });
    }
  });
  return { ...report, status: 'imported', ...counts };
}

/** Imports people and committee files, each all-or-nothing, then links sponsorships; needs `laws:write`. */
export async function importPeople(ctx: ServiceContext, args: ImportPeopleArgs): Promise<PeopleImportReport> {
  if (!actorCan(ctx.actor, 'laws:write'))
    throw new DomainError('FORBIDDEN', 'importing people needs laws:write');
  if (args.jurisdiction !== undefined && divisionOfJurisdiction(args.jurisdiction) === null) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `"${args.jurisdiction}" is not an OCD jurisdiction or division id`,
    );
  }
  const report = await importEachFile(args.files, args.onFile, (file) =>
    importFile(ctx, file, args.jurisdiction),
  );
  return {
    ...report,
    sponsorships: await linkSponsorships(ctx.db),
  };
}

/** People, by name, optionally of one jurisdiction. */
export async function listPeople(
  ctx: ServiceContext,
  args: { jurisdictionId?: string; limit?: number } = {},
): Promise<PersonListing[]> {
  return listStoredPeople(ctx.db, args);
}

/** One person by OCD person id (or bare UUID); throws PERSON_NOT_FOUND. */
export async function showPerson(ctx: ServiceContext, id: string): Promise<Person> {
  const full = id.startsWith('ocd-person/') ? id : `ocd-person/${id}`;
  const found = await getPerson(ctx.db, full);
  if (!found) throw new DomainError('PERSON_NOT_FOUND', `no person ${id}`, { id });
  return found;
}

/** Committees, by name, optionally of one jurisdiction. */
export async function listCommittees(
  ctx: ServiceContext,
  args: { jurisdictionId?: string; limit?: number } = {},
): Promise<CommitteeListing[]> {
  return listStoredCommittees(ctx.db, args);
}

/** One committee by OCD organization id (or bare UUID); throws COMMITTEE_NOT_FOUND. */
export async function showCommittee(ctx: ServiceContext, id: string): Promise<Committee> {
  const full = id.startsWith('ocd-organization/') ? id : `ocd-organization/${id}`;
  const found = await getCommittee(ctx.db, full);
  if (!found) throw new DomainError('COMMITTEE_NOT_FOUND', `no committee ${id}`, { id });
  return found;
}
