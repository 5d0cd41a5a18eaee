/**
 * The law fixtures (test/fixtures/laws/): short invented statutes in the real formats, clearly fictional, and
 * a helper that imports them through the service as the CLI does.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../src/core/auth/permissions.ts';
import {
  type ImportLawArgs,
  type ImportLawResult,
  importLaw,
  type LawContext,
} from '../src/services/laws.ts';
import type { Store } from '../src/store/db.ts';

const dir = path.resolve(import.meta.dirname, 'fixtures/laws');

/** The text of a fixture file. */
export function lawFixture(name: string): string {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

export const texas = 'ocd-division/country:us/state:tx';
export const spain = 'ocd-division/country:es';
export const france = 'ocd-division/country:fr';

/** The service context of a store, as a given actor (the CLI's system actor by default). */
export function lawCtx(store: Store, actor: Actor = { kind: 'system', name: 'test' }): LawContext {
  return { db: store.db, actor, dialect: store.dialect };
}

/** The two versions of the Fictional Anti-Trafficking Act, the Spanish text and the French JSON. */
export const fixtureImports = {
  actV1: {
    jurisdictionId: texas,
    format: 'text',
    content: lawFixture('fictional-act-2031.txt'),
    citation: 'FATA 2031',
    effectiveFrom: '2031-01-01',
  },
  actV2: {
    jurisdictionId: texas,
    format: 'text',
    content: lawFixture('fictional-act-2034.txt'),
    citation: 'FATA 2031',
    effectiveFrom: '2034-07-01',
  },
  ley: {
    jurisdictionId: spain,
    format: 'text',
    content: lawFixture('ley-ficticia.txt'),
    citation: 'Ley Ficticia 1/2031',
    effectiveFrom: '2031-02-01',
    language: 'es',
  },
  loi: { jurisdictionId: france, format: 'json', content: lawFixture('loi-fictive.json') },
} satisfies Record<string, ImportLawArgs>;

/** Imports every fixture (both act versions in order); returns the results by name. */
export async function importFixtures(
  store: Store,
): Promise<Record<keyof typeof fixtureImports, ImportLawResult>> {
  const ctx = lawCtx(store);
  return {
    actV1: await importLaw(ctx, fixtureImports.actV1),
    actV2: await importLaw(ctx, fixtureImports.actV2),
    ley: await importLaw(ctx, fixtureImports.ley),
    loi: await importLaw(ctx, fixtureImports.loi),
  };
}
