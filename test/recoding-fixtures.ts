/**
 * Recoding fixtures (docs/bill-to-law.md): an invented Texas statute (the "Lone Star Fictional Trafficking Code",
 * our own words) whose offence section is coded and whose penalty section meets no penalty indicator (a gap),
 * and invented enacted bills (Open States v3 shape) whose text amends the penalty section.
 */
import type { Actor } from '../src/core/auth/permissions.ts';
import { createAnswer } from '../src/services/coding.ts';
import { getLawVersionText, importLaw } from '../src/services/laws.ts';
import type { Store } from '../src/store/db.ts';

export const texas = 'ocd-division/country:us/state:tx';
export const codeCitation = 'LSFTC';
export const lawStart = '2080-01-01';
export const effective = '2089-06-01';

export const codeText = `Lone Star Fictional Trafficking Code

Section 1. Offence
A person who recruits, transports, transfers, harbours or receives another person by force, threat, deception or abuse of a position of vulnerability for the purpose of exploitation commits the offence of trafficking in persons.

Section 2. Penalties
A person convicted of an offence under section 1 is liable to a fine.

Section 3. Short title
This Act may be cited as the Lone Star Fictional Trafficking Code.
`;

/** The new penalty text, as the enrolled bill words it. */
export const newPenalty =
  'A person convicted of an offence under section 1 is liable to imprisonment for a term of not less than 12 years.';

export const enrolledText = `AN ACT relating to the penalty for trafficking of persons.

BE IT ENACTED BY THE LEGISLATURE OF THE STATE OF TEXAS:

SECTION 1. Section 2, Lone Star Fictional Trafficking Code, is amended to read as follows:
Section 2. Penalties
${newPenalty}

SECTION 2. This Act takes effect June 1, 2089.
`;

const action = (description: string, date: string, classification: string[], order: number) => ({
  organization: { id: 'o-l', name: 'Legislature', classification: 'legislature' },
  description,
  date,
  classification,
  order,
});

/** An Open States v3 bill record; `became` is the date of its became-law action (null: none yet). */
export function billRecord(
  opts: { n?: number; became?: string | null; text?: string; citations?: unknown[] } = {},
) {
  const n = opts.n ?? 1;
  const actions = [
    action('Filed', '2089-01-10', ['introduction'], 1),
    action('Passed', '2089-04-02', ['passage'], 2),
  ];
  if (opts.became !== null) actions.push(action('Effective', opts.became ?? effective, ['became-law'], 3));
  return {
    id: `ocd-bill/5a1d2c3b-0000-4000-8000-00000000000${n}`,
    session: '2089',
    jurisdiction: {
      id: 'ocd-jurisdiction/country:us/state:tx/government',
      name: 'Texas',
      classification: 'state',
    },
    from_organization: { id: 'ocd-organization/house', name: 'House', classification: 'lower' },
    identifier: `HB ${700 + n}`,
    title: 'An invented act relating to the penalty for trafficking of persons',
    classification: ['bill'],
    subject: [],
    abstracts: [],
    sponsorships: [],
    actions,
    versions: [
      {
        note: 'Enrolled',
        date: '2089-04-02',
        classification: null,
        links: [{ url: `https://example.invalid/tx/hb${700 + n}/enrolled`, media_type: 'text/plain' }],
        text: opts.text ?? enrolledText,
      },
    ],
    documents: [],
    related_bills: [],
    citations: opts.citations ?? [
      { publication: codeCitation, citation: 'Section 2', citation_type: 'proposed' },
    ],
    sources: [{ url: 'https://example.invalid/tx/2089', note: '' }],
  };
}

/** An import file holding the given records. */
export function billFile(name: string, ...records: unknown[]) {
  return {
    name,
    content: JSON.stringify({
      results: records,
      pagination: { per_page: 20, page: 1, max_page: 1, total_items: records.length },
    }),
  };
}

const system: Actor = { kind: 'system', name: 'test' };

/**
 * Imports the code (version of 2080-01-01) and codes CR-01 = P (partial) citing its offence section (status coded).
 * Returns the document id and the provision ids by citation.
 */
export async function seedRecodingLaw(
  store: Store,
): Promise<{ documentId: string; versionId: string; ids: Record<string, string> }> {
  const ctx = { db: store.db, actor: system, dialect: store.dialect };
  const r = await importLaw(ctx, {
    jurisdictionId: texas,
    format: 'text',
    content: codeText,
    citation: codeCitation,
    effectiveFrom: lawStart,
  });
  const t = await getLawVersionText(ctx, r.document.id, r.version.id);
  const ids = Object.fromEntries(t.provisions.map((p) => [p.citation, p.id]));
  await createAnswer(ctx, {
    jurisdictionId: texas,
    indicatorId: 'CR-01',
    value: 'P',
    citations: [
      { provisionId: ids['s. 1'] ?? '', quote: 'recruits, transports, transfers, harbours or receives' },
    ],
  });
  return { documentId: r.document.id, versionId: r.version.id, ids };
}
