/**
 * Search fixtures: an invented English statute of the imaginary Republic of Examplia (filed under Iceland's
 * division id) with 25 sections that all mention trafficking (for paging) and two sections that hold the same
 * words in and out of the phrase "consent shall be irrelevant"; and an invented Texas code. One CR-01 answer
 * cites each jurisdiction's provision, so the indicator filter has something to find.
 */
import type { Actor } from '../src/core/auth/permissions.ts';
import { createAnswer } from '../src/services/coding.ts';
import { getLawVersionText, importLaw } from '../src/services/laws.ts';
import type { Store } from '../src/store/db.ts';

export const iceland = 'ocd-division/country:is';
export const texas = 'ocd-division/country:us/state:tx';

/** The sentence that holds the phrase, and the one that holds its words in another order. */
export const phraseText = 'Consent shall be irrelevant where any of the means in section 1 has been used.';
export const scatteredText = 'Consent is never irrelevant to sentencing, and the court shall be told of it.';

const filler = Array.from(
  { length: 25 },
  (_, i) =>
    `Section ${i + 3}. Duty ${i + 1}\nAgency ${i + 1} shall report trafficking cases in district ${i + 1}.\n`,
).join('\n');

const statute = `Examplia Search Act 2031

Section 1. Consent
${phraseText}

Section 2. Sentencing
${scatteredText}

${filler}`;

const texasCode = `Texas Search Code

Section 1. Consent
${phraseText}
`;

/** Provision ids of the fixtures by citation. */
export interface SearchFixtures {
  examplia: Record<string, string>;
  texas: Record<string, string>;
}

const system: Actor = { kind: 'system', name: 'test' };

/** Imports both documents and codes CR-01 (status coded) in each jurisdiction, citing its section 1. */
export async function importSearchFixtures(store: Store): Promise<SearchFixtures> {
  const ctx = { db: store.db, actor: system, dialect: store.dialect };
  const ids = async (jurisdictionId: string, content: string, citation: string) => {
    const r = await importLaw(ctx, {
      jurisdictionId,
      format: 'text',
      content,
      citation,
      effectiveFrom: '2031-01-01',
    });
    const t = await getLawVersionText(ctx, r.document.id, r.version.id);
    return Object.fromEntries(t.provisions.map((p) => [p.citation, p.id]));
  };
  const examplia = await ids(iceland, statute, 'ESA 2031');
  const tx = await ids(texas, texasCode, 'TSC');
  for (const [jurisdictionId, map] of [
    [iceland, examplia],
    [texas, tx],
  ] as const) {
    const provisionId = map['s. 1'];
    if (!provisionId) throw new Error(`no s. 1 in ${Object.keys(map).join(', ')}`);
    await createAnswer(ctx, {
      jurisdictionId,
      indicatorId: 'CR-01',
      value: 'Y',
      citations: [{ provisionId, quote: 'Consent shall be irrelevant' }],
    });
  }
  return { examplia, texas: tx };
}
