/**
 * Treaty fixtures: an invented convention of the imaginary Republic of Examplia's region, filed under the
 * international jurisdiction, and party records with invented dates and example.org sources. Nothing here is
 * the text or the status of any real treaty.
 */
import type { Actor } from '../src/core/auth/permissions.ts';
import { internationalJurisdictionId } from '../src/core/treaties/types.ts';
import { getLawVersionText, importLaw } from '../src/services/laws.ts';
import type { RecordTreatyPartyArgs } from '../src/services/treaty-parties.ts';
import type { Store } from '../src/store/db.ts';

/** The invented convention as lawgap JSON. */
export const conventionJson = JSON.stringify({
  schema: 'lawgap.law/1',
  document: {
    type: 'treaty',
    title: 'Examplia Regional Convention against Exploitation',
    citation: 'ERCE 2030',
    language: 'en',
    sourceUrl: 'https://example.org/erce',
  },
  version: { effectiveFrom: '2030-06-01' },
  provisions: [
    {
      kind: 'article',
      citation: 'Art. 1',
      heading: 'Purpose',
      text: 'Invented text for lawgap tests; not the law of any treaty.',
      children: [],
    },
    {
      kind: 'article',
      citation: 'Art. 3',
      heading: 'Criminalisation',
      text: 'Each Party shall make the recruitment of a person for exploitation a criminal offence.',
      children: [],
    },
  ],
});

/** The quote of Art. 3 used by coding tests. */
export const article3Quote = 'make the recruitment of a person for exploitation a criminal offence';

/** The stored convention: its document id and its provision ids by citation. */
export interface TreatyFixture {
  treatyId: string;
  provisions: Record<string, string>;
}

/** Imports the convention into a prepared store. */
export async function importTreatyFixture(
  store: Store,
  actor: Actor = { kind: 'system', name: 'test' },
): Promise<TreatyFixture> {
  const ctx = { db: store.db, actor, dialect: store.dialect };
  const r = await importLaw(ctx, {
    jurisdictionId: internationalJurisdictionId,
    format: 'json',
    content: conventionJson,
  });
  const t = await getLawVersionText(ctx, r.document.id, r.version.id);
  return {
    treatyId: r.document.id,
    provisions: Object.fromEntries(t.provisions.map((p) => [p.citation, p.id])),
  };
}

/** A ratification as the API takes it (the treaty is in the URL): invented dates, an example.org source. */
export function ratificationBody(jurisdictionId: string): Omit<RecordTreatyPartyArgs, 'treatyId'> {
  return {
    jurisdictionId,
    action: 'ratification',
    signedOn: '2030-07-01',
    consentedOn: '2030-11-15',
    inForceOn: '2031-01-01',
    source: 'https://example.org/erce/status',
  };
}

/** A ratification record with invented dates (in force from 2031-01-01) and an example.org source. */
export function ratification(
  treatyId: string,
  jurisdictionId: string,
  over: Partial<RecordTreatyPartyArgs> = {},
): RecordTreatyPartyArgs {
  return { treatyId, ...ratificationBody(jurisdictionId), ...over };
}
