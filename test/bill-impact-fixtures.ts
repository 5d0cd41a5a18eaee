/**
 * Bill impact fixtures: an invented Texas bill (Open States v3 shape, our own words) whose versions carry text,
 * a bill with no text, and hand-picked published Texas answers, so the projected delta can be checked by hand
 * (see the worked example in test/server/bill-impact.test.ts and src/services/bill-impact.test.ts).
 */
import type { Actor } from '../src/core/auth/permissions.ts';
import { importBills } from '../src/services/bills.ts';
import { createAnswer, setAnswerStatus } from '../src/services/coding.ts';
import type { Store } from '../src/store/db.ts';
import { type CodingFixtures, pid, texas } from './coding-fixtures.ts';

const introduced = `AN ACT relating to trafficking of persons.

Section 1. Offence
(1) A person who recruits, transports, transfers, harbours or receives another person by force, threat, deception or abuse of a position of vulnerability for the purpose of exploitation commits the offence of trafficking in persons.
(2) The consent of a victim to the intended exploitation is irrelevant.
`;

const engrossed = `${introduced}
Section 2. Penalties
A person convicted of an offence under section 1 is liable to imprisonment for a term of not less than 12 years.
`;

const version = (note: string, date: string, text: string | null) => ({
  note,
  date,
  classification: null,
  links: [{ url: `https://example.invalid/tx/hb9001/${note.toLowerCase()}`, media_type: 'text/plain' }],
  ...(text === null ? {} : { text }),
});

const record = (id: string, identifier: string, versions: unknown[]) => ({
  id,
  session: '2091',
  jurisdiction: {
    id: 'ocd-jurisdiction/country:us/state:tx/government',
    name: 'Texas',
    classification: 'state',
  },
  from_organization: { id: 'ocd-organization/house', name: 'House', classification: 'lower' },
  identifier,
  title: 'An invented act relating to trafficking of persons',
  classification: ['bill'],
  subject: [],
  abstracts: [],
  sponsorships: [],
  actions: [
    {
      organization: { id: 'o-h', name: 'House', classification: 'lower' },
      description: 'Filed',
      date: '2091-01-05',
      classification: ['introduction'],
      order: 1,
    },
  ],
  versions,
  documents: [],
  related_bills: [],
  sources: [{ url: 'https://example.invalid/tx/2091', note: '' }],
});

/** The Open States page: HB 9001 (introduced and engrossed texts, enrolled without text) and HB 9002 (no text). */
export const impactBillsPage = {
  results: [
    record('ocd-bill/9b1e4b8c-3d21-4f6a-9b5e-7c1d2e3f4a01', 'HB 9001', [
      version('Introduced', '2091-01-05', introduced),
      version('Engrossed', '2091-03-01', engrossed),
      version('Enrolled', '2091-04-05', null),
    ]),
    record('ocd-bill/9b1e4b8c-3d21-4f6a-9b5e-7c1d2e3f4a02', 'HB 9002', [
      version('Introduced', '2091-01-05', null),
    ]),
  ],
  pagination: { per_page: 20, page: 1, max_page: 1, total_items: 2 },
};

/** The current Texas answers, all published: indicator → code. CR-14 stays uncoded. */
export const texasAnswers: Record<string, string> = {
  'CR-01': 'P',
  'CR-02': '2',
  'CR-03': '0',
  'CR-06': 'N',
  'PN-01': '1',
  'VI-01': '0',
};

const system: Actor = { kind: 'system', name: 'test' };

/** Imports the two bills and codes and publishes the Texas answers; returns the two bills' ids by identifier. */
export async function importImpactFixtures(
  store: Store,
  fx: CodingFixtures,
): Promise<Record<string, string>> {
  const ctx = { db: store.db, actor: system, dialect: store.dialect };
  const report = await importBills(ctx, {
    format: 'openstates',
    files: [{ name: 'impact.json', content: JSON.stringify(impactBillsPage) }],
  });
  if (report.totals.new !== 2) throw new Error(`bill fixtures not imported: ${JSON.stringify(report)}`);
  const cite = [{ provisionId: pid(fx.texas, 's. 1'), quote: 'traffics another person' }];
  for (const [indicatorId, value] of Object.entries(texasAnswers)) {
    const a = await createAnswer(ctx, { jurisdictionId: texas, indicatorId, value, citations: cite });
    await setAnswerStatus(ctx, a.id, 'reviewed');
    await setAnswerStatus(ctx, a.id, 'published');
  }
  const rows = await store.db.selectFrom('bills').select(['id', 'identifier']).execute();
  return Object.fromEntries(rows.map((r) => [r.identifier, r.id]));
}
