/**
 * The postcode → district table, from CSV. Policy: a header row naming `postcode`, `jurisdiction`, `chamber`
 * and `district` (any order, case ignored) and optionally `share` (the part of the postcode's addresses in the
 * district, 0 < share ≤ 1, or empty). Postcodes are compared normalised (upper case, spaces removed), so
 * "sw1a 1aa" and "SW1A1AA" are one. A postcode may be listed in several districts of a chamber: that is what
 * makes a lookup ask. Every problem is listed by line and column; one refuses the file.
 */
import { divisionOfJurisdiction } from '../bills/jurisdiction.ts';
import { parseCsv } from '../csv.ts';
import type { PostcodeDistrict } from './lookup.ts';

const required = ['postcode', 'jurisdiction', 'chamber', 'district'] as const;
const chamberPattern = /^[a-z][a-z0-9_-]{0,39}$/;

/** A postcode as stored and looked up: upper case, without spaces; empty when nothing is left. */
export function normalisePostcode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The rows of a postcode CSV with their lines, or every problem found (never both). */
export function readPostcodeCsv(text: string): {
  rows: Array<PostcodeDistrict & { line: number }>;
  problems: string[];
} {
  const { records, problem } = parseCsv(text);
  if (problem) return { rows: [], problems: [problem] };
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: ['the file is empty: a header row is required'] };
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return { rows: [], problems: [`line ${header.line}: the header lacks ${missing.join(', ')}`] };
  if (body.length === 0) return { rows: [], problems: ['the file has no rows after its header'] };
  const col = (name: string) => columns.indexOf(name);
  const problems: string[] = [];
  const rows: Array<PostcodeDistrict & { line: number }> = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of body) {
    const cell = (name: string) => (col(name) >= 0 ? (cells[col(name)] ?? '').trim() : '');
    const before = problems.length;
    const at = (name: string) => `line ${line}, column ${name}`;
    const postcode = normalisePostcode(cell('postcode'));
    if (postcode === '') problems.push(`${at('postcode')}: is required`);
    else if (postcode.length > 16) problems.push(`${at('postcode')}: at most 16 characters`);
    const jurisdiction = cell('jurisdiction');
    const jurisdictionId = divisionOfJurisdiction(jurisdiction);
    if (jurisdictionId === null)
      problems.push(`${at('jurisdiction')}: "${jurisdiction}" is not an OCD division or jurisdiction id`);
    const chamber = cell('chamber');
    if (!chamberPattern.test(chamber))
      problems.push(`${at('chamber')}: "${chamber}" must be a lower-case word such as upper or lower`);
    const district = cell('district');
    if (district === '') problems.push(`${at('district')}: is required`);
    else if (district.length > 200) problems.push(`${at('district')}: at most 200 characters`);
    const shareText = cell('share');
    const share = shareText === '' ? null : Number(shareText);
    if (share !== null && !(Number.isFinite(share) && share > 0 && share <= 1))
      problems.push(`${at('share')}: must be a number above 0 and at most 1, or empty, got "${shareText}"`);
    if (problems.length > before) continue;
    const key = `${postcode}|${jurisdictionId}|${chamber}|${district}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`line ${line}: repeats line ${first} (${postcode}, ${chamber} ${district})`);
      continue;
    }
    seen.set(key, line);
    rows.push({ postcode, jurisdictionId: jurisdictionId as string, chamber, district, share, line });
  }
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}
