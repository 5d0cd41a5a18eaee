/**
 * Open States legislator CSV (`data.openstates.org/people/current/{abbr}.csv`, one current legislator per row):
 * `id, name, current_party, current_district, current_chamber, given_name, family_name, gender, biography,
 * birth_date, death_date, image, email, links, sources, capitol_address, capitol_voice, capitol_fax,
 * district_address, district_voice, district_fax, twitter, youtube, instagram, facebook`.
 * - The file carries no jurisdiction: it comes from the option, else from the file name (`tx.csv`).
 * - The current chamber and district become one role, the current party one affiliation, the capitol and
 *   district columns an office each; `links` and `sources` are URLs separated by semicolons.
 * - `gender`, `biography`, birth and death dates and the social handles have no place in the people model
 *   and are not kept.
 * A malformed CSV (an unclosed quote, a row whose cells do not match the header, a missing column) refuses the
 * file naming the line; a bad row is a rejected record naming its line.
 */
import { divisionOfJurisdiction } from '../../core/bills/jurisdiction.ts';
import { parseCsv } from '../../core/csv.ts';
import { DomainError } from '../../core/errors.ts';
import { ocdPersonId, type PersonOffice, type PersonRecord } from '../../core/people/types.ts';
import { builtinJurisdictions } from '../iso-jurisdictions.ts';
import type { PeopleFileRecord, PeopleReadOptions } from './people.ts';

const requiredColumns = ['id', 'name'] as const;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(fileName: string, message: string, line?: number): never {
  throw new DomainError(
    'PEOPLE_FILE_INVALID',
    `${fileName}: ${line === undefined ? '' : `line ${line}: `}${message}`,
    { file: fileName, ...(line === undefined ? {} : { line }) },
  );
}

/** The US jurisdiction a file is named after (`tx.csv`, `dc.csv`, `pr.csv`); null when it is not. */
export function jurisdictionOfFileName(fileName: string): string | null {
  const abbr = /(?:^|[/\\])([a-z]{2})\.csv$/i.exec(fileName)?.[1]?.toUpperCase();
  if (abbr === undefined) return null;
  return builtinJurisdictions().find((j) => j.isoCode === `US-${abbr}`)?.id ?? null;
}

function urls(cell: string): { url: string; note: null }[] {
  return cell
    .split(';')
    .map((u) => u.trim())
    .filter((u) => u !== '')
    .map((url) => ({ url, note: null }));
}

/** Reads a legislator CSV into person records; throws PEOPLE_FILE_INVALID when the file itself is bad. */
export function readPeopleCsv(
  fileName: string,
  content: string,
  opts: PeopleReadOptions = {},
): PeopleFileRecord[] {
  let jurisdictionId: string | null;
  if (opts.jurisdiction !== undefined) {
    jurisdictionId = divisionOfJurisdiction(opts.jurisdiction);
    if (jurisdictionId === null)
      throw new DomainError(
        'VALIDATION_FAILED',
        `"${opts.jurisdiction}" is not an OCD jurisdiction or division id`,
      );
  } else jurisdictionId = jurisdictionOfFileName(fileName);
  if (jurisdictionId === null)
    invalid(
      fileName,
      'the legislator CSV names no state: give --jurisdiction or name the file by state (tx.csv)',
    );
  const { records, problem } = parseCsv(content);
  if (problem) invalid(fileName, problem);
  const [header, ...rows] = records;
  if (!header) invalid(fileName, 'the file is empty');
  const columns = new Map(header.cells.map((c, i) => [c.trim().toLowerCase(), i]));
  const missing = requiredColumns.filter((c) => !columns.has(c));
  if (missing.length > 0) invalid(fileName, `missing column(s) ${missing.join(', ')}`, header.line);
  return rows.map((row, index): PeopleFileRecord => {
    if (row.cells.length !== header.cells.length)
      invalid(fileName, `has ${row.cells.length} cells, the header has ${header.cells.length}`, row.line);
    const get = (c: string) => {
      const i = columns.get(c);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const opt = (c: string) => get(c) || null;
    const label = get('name') || `line ${row.line}`;
    const problems: string[] = [];
    const rawId = get('id');
    const bare = rawId.startsWith('ocd-person/') ? rawId.slice('ocd-person/'.length) : rawId;
    if (!uuid.test(bare)) problems.push(`id "${rawId}" is not an OCD person id`);
    if (get('name') === '') problems.push('name is empty');
    if (problems.length > 0)
      return { index, label, kind: 'rejected', reason: `line ${row.line}: ${problems.join('; ')}` };
    const offices: PersonOffice[] = (['capitol', 'district'] as const).flatMap((kind) => {
      const office = {
        classification: kind,
        name: null,
        address: opt(`${kind}_address`),
        voice: opt(`${kind}_voice`),
        fax: opt(`${kind}_fax`),
        email: null,
      };
      return (office.address ?? office.voice ?? office.fax) ? [office] : [];
    });
    const chamber = opt('current_chamber');
    const person: PersonRecord = {
      id: ocdPersonId(bare.toLowerCase()),
      name: get('name'),
      givenName: opt('given_name'),
      familyName: opt('family_name'),
      email: opt('email'),
      image: opt('image'),
      jurisdictionId,
      roles:
        chamber === null
          ? []
          : [
              {
                type: chamber,
                district: opt('current_district'),
                jurisdictionId,
                startDate: null,
                endDate: null,
                endReason: null,
              },
            ],
      party: get('current_party') ? [{ name: get('current_party'), startDate: null, endDate: null }] : [],
      offices,
      links: urls(get('links')),
      sources: urls(get('sources')),
      otherNames: [],
    };
    return { index, label, kind: 'person', person, reason: null };
  });
}
