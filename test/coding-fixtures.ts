/**
 * Coding fixtures: a short invented statute of the imaginary Republic of Examplia, in two dated versions, filed
 * under Iceland's division id (a national jurisdiction), plus one provision under Texas, imported through the
 * law-library service. Provision ids are looked up by citation.
 */
import type { Actor } from '../src/core/auth/permissions.ts';
import { createAnswer } from '../src/services/coding.ts';
import { getFramework } from '../src/services/framework.ts';
import { getLawVersionText, importLaw } from '../src/services/laws.ts';
import type { Store } from '../src/store/db.ts';

export const iceland = 'ocd-division/country:is';
export const texas = 'ocd-division/country:us/state:tx';

const act2030 = `Examplia Protection Act 2030

Section 1. Offence
(1) A person who recruits, transports or harbours another person
by force or deception for the purpose of exploitation commits an offence.
(2) The consent of a victim to exploitation is irrelevant.

Section 2. Penalties
A person convicted under section 1 is liable to imprisonment for up to 5 years.

Section 3. Victims
A victim is not liable for “status offences” committed as a result of being trafficked.
`;

const act2035 = act2030
  .replace('up to 5 years', 'up to 15 years')
  .replace('by force or deception', 'by any means');

const texasAct = `Texas Fictional Code

Section 1. Trafficking
A person who traffics another person for exploitation commits an offence.
`;

/** Provision ids by citation (`s. 1(1)` …) of both versions of the act, and of the Texas code. */
export interface CodingFixtures {
  v1: Record<string, string>;
  v2: Record<string, string>;
  texas: Record<string, string>;
  /** The stored text of each provision of v1, by citation. */
  text: Record<string, string>;
}

const system: Actor = { kind: 'system', name: 'test' };

/** Imports the fixtures into a prepared store. */
export async function importCodingFixtures(store: Store): Promise<CodingFixtures> {
  const ctx = { db: store.db, actor: system, dialect: store.dialect };
  const ids = async (jurisdictionId: string, content: string, citation: string, effectiveFrom: string) => {
    const r = await importLaw(ctx, { jurisdictionId, format: 'text', content, citation, effectiveFrom });
    const t = await getLawVersionText(ctx, r.document.id, r.version.id);
    return {
      ids: Object.fromEntries(t.provisions.map((p) => [p.citation, p.id])),
      text: Object.fromEntries(t.provisions.map((p) => [p.citation, p.text])),
    };
  };
  const v1 = await ids(iceland, act2030, 'EPA 2030', '2030-01-01');
  const v2 = await ids(iceland, act2035, 'EPA 2030', '2035-01-01');
  const tx = await ids(texas, texasAct, 'TFC', '2030-01-01');
  return { v1: v1.ids, v2: v2.ids, texas: tx.ids, text: v1.text };
}

/** A provision id, failing loudly when the fixture has no such citation. */
export function pid(map: Record<string, string>, citation: string): string {
  const id = map[citation];
  if (!id) throw new Error(`no provision ${citation} in ${Object.keys(map).join(', ')}`);
  return id;
}

/**
 * Codes every indicator of the current framework for Iceland at its best value (citing s. 1(1) of v1), so the
 * grade is A unless a modifier finding caps it.
 */
export async function codeIcelandAtBest(store: Store, fx: CodingFixtures): Promise<void> {
  const ctx = { db: store.db, actor: system };
  const framework = await getFramework(ctx);
  const cite = [{ provisionId: pid(fx.v1, 's. 1(1)'), quote: 'recruits, transports or harbours' }];
  for (const indicator of framework.indicators) {
    const values = framework.responseTypes[indicator.type].values;
    const top = Object.entries(values).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'NA';
    await createAnswer(ctx, {
      jurisdictionId: iceland,
      indicatorId: indicator.id,
      value: top,
      citations: cite,
    });
  }
}
