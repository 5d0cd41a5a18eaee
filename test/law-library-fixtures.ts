/**
 * Law-library fixtures: an invented by-law of an organisation's own jurisdiction (a city it added under
 * Iceland), which only that organisation's members may read. Its text carries a canary the public pages must
 * never show: the public library holds only documents of built-in jurisdictions.
 */
import type { Actor } from '../src/core/auth/permissions.ts';
import { createJurisdiction } from '../src/services/jurisdictions.ts';
import { importLaw } from '../src/services/laws.ts';
import { insertOrganization } from '../src/store/accounts.repo.ts';
import type { Store } from '../src/store/db.ts';
import { iceland } from './coding-fixtures.ts';

/** The words only the organisation's own law holds. */
export const privateLawCanary = 'CANARY-private-bylaw';

const bylaw = `Examplia City By-law

Section 1. Notice
Every shelter posts the ${privateLawCanary} notice in the entrance.
`;

const system: Actor = { kind: 'system', name: 'test' };

/** Adds the organisation, its city and the by-law; returns the by-law's document id. */
export async function seedPrivateLaw(store: Store): Promise<{ documentId: string; jurisdictionId: string }> {
  const ctx = { db: store.db, actor: system, dialect: store.dialect };
  const org = await insertOrganization(store.db, 'Library Coalition', 'library-coalition');
  const city = await createJurisdiction(ctx, {
    parentId: iceland,
    type: 'place',
    name: { en: 'Examplia City' },
    organizationId: org.id,
  });
  const r = await importLaw(ctx, {
    jurisdictionId: city.id,
    format: 'text',
    content: bylaw,
    citation: 'ECB 2030',
    effectiveFrom: '2030-01-01',
  });
  return { documentId: r.document.id, jurisdictionId: city.id };
}
