/**
 * Cross-tabulation of case rows into true counts (PUB-5, PUB-8, PUB-10). A table combines one to three
 * attributes (never a fourth), each from an allow-list that also fixes its categories: continuous values such as
 * age must already be bucketed, and a column whose name looks like an identifier or free text (name, email,
 * phone, date of birth, address, notes…) is refused even if someone allow-lists it. Every combination of
 * categories gets a cell, zeros included, so an empty cell is published exactly like a small one. Contributions
 * are bounded per person before counting. The counts returned here are true counts: publish them only through
 * suppression (suppress.ts), margin protection (complementary.ts) or the noisy release (release.ts).
 */
import { DomainError } from '../errors.ts';
import { type BoundLimits, boundContributions } from './bound.ts';
import { maxAttributes } from './policy.ts';

/** One row of case data as the publishing module sees it: a privacy unit and categorical values. */
export interface CaseRow {
  unit: string;
  values: Readonly<Record<string, string | null | undefined>>;
}

/** The allow-list: each publishable column and its full list of categories. */
export type AttributeDomains = Readonly<Record<string, readonly string[]>>;

/** What to count. */
export interface TableSpec {
  attributes: readonly string[];
  domains: AttributeDomains;
  /** Lowers the attribute limit for this table (1–3). */
  maxAttributes?: number;
  limits?: BoundLimits;
}

/** A table of true counts in row-major order over the categories of each attribute. */
export interface CountTable {
  attributes: string[];
  categories: string[][];
  cells: { key: string[]; count: number }[];
  /** L1 sensitivity after bounding: how much one person can change the whole table. */
  sensitivity: number;
  /** Rows dropped by contribution bounding. */
  dropped: number;
}

const maxCategories = 200;
const maxCells = 10_000;
const identifyingWords = new Set([
  'name',
  'names',
  'surname',
  'email',
  'mail',
  'phone',
  'mobile',
  'dob',
  'birth',
  'birthdate',
  'birthday',
  'address',
  'street',
  'postcode',
  'zip',
  'narrative',
  'story',
  'note',
  'notes',
  'comment',
  'comments',
  'description',
  'text',
  'passport',
  'ssn',
]);

/** Counts bounded rows into every cell of the attributes' categories; throws on a 4th attribute or a bad row. */
export function tabulate(rows: readonly CaseRow[], spec: TableSpec): CountTable {
  const attributes = checkAttributes(spec);
  const categories = attributes.map((attribute) => checkDomain(attribute, spec.domains[attribute]));
  const size = categories.reduce((product, list) => product * list.length, 1);
  if (size > maxCells) {
    throw new DomainError(
      'PRIVACY_PARAMETER_INVALID',
      `a table may have at most ${maxCells} cells, got ${size}`,
      {
        field: 'attributes',
      },
    );
  }
  const indexes = categories.map((list) => new Map(list.map((category, i) => [category, i])));
  const cellOf = rows.map((row, r) => {
    let cell = 0;
    attributes.forEach((attribute, a) => {
      const value = row.values[attribute];
      const i = typeof value === 'string' ? indexes[a]?.get(value) : undefined;
      if (i === undefined) {
        throw new DomainError(
          'PRIVACY_PARAMETER_INVALID',
          `row ${r + 1}: ${attribute} is ${value == null ? 'missing' : 'not one of its allowed categories'}`,
          { field: attribute, row: r + 1 },
        );
      }
      cell = cell * (categories[a]?.length ?? 1) + i;
    });
    return cell;
  });
  const bounded = boundContributions(
    rows.map((row, r) => ({ unit: row.unit, cell: cellOf[r] ?? 0 })),
    (row) => row.unit,
    (row) => String(row.cell),
    spec.limits,
  );
  const counts = new Array<number>(size).fill(0);
  for (const row of bounded.rows) counts[row.cell] = (counts[row.cell] ?? 0) + 1;
  return {
    attributes,
    categories,
    cells: counts.map((count, cell) => ({ key: keyOf(cell, categories), count })),
    sensitivity: bounded.sensitivity,
    dropped: bounded.dropped,
  };
}

/** True when a column name reads as an identifier or free text, which never reaches a published table (PUB-10). */
export function looksIdentifying(attribute: string): boolean {
  const words = attribute
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => identifyingWords.has(word));
}

function checkAttributes(spec: TableSpec): string[] {
  const limit = spec.maxAttributes ?? maxAttributes;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > maxAttributes) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', `maxAttributes must be 1 to ${maxAttributes}`, {
      field: 'maxAttributes',
    });
  }
  const attributes = [...spec.attributes];
  if (attributes.length === 0) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', 'a table needs at least one attribute', {
      field: 'attributes',
    });
  }
  if (attributes.length > limit) {
    throw new DomainError(
      'PRIVACY_TOO_MANY_ATTRIBUTES',
      `a table may combine at most ${limit} attributes, got ${attributes.length}`,
      { field: 'attributes', max: limit },
    );
  }
  if (new Set(attributes).size !== attributes.length) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', 'an attribute is repeated', { field: 'attributes' });
  }
  for (const attribute of attributes) {
    if (!Object.hasOwn(spec.domains, attribute) || looksIdentifying(attribute)) {
      throw new DomainError('PRIVACY_ATTRIBUTE_NOT_ALLOWED', `${attribute} is not a publishable attribute`, {
        field: attribute,
      });
    }
  }
  return attributes;
}

function checkDomain(attribute: string, domain: readonly string[] | undefined): string[] {
  const list = [...(domain ?? [])];
  if (list.length === 0 || list.length > maxCategories || new Set(list).size !== list.length) {
    throw new DomainError(
      'PRIVACY_PARAMETER_INVALID',
      `${attribute} needs 1 to ${maxCategories} distinct categories`,
      { field: attribute },
    );
  }
  return list;
}

function keyOf(cell: number, categories: string[][]): string[] {
  const key: string[] = [];
  let rest = cell;
  for (let a = categories.length - 1; a >= 0; a--) {
    const list = categories[a] ?? [];
    key.unshift(list[rest % list.length] ?? '');
    rest = Math.floor(rest / list.length);
  }
  return key;
}
