/**
 * A fully answered report card for page-weight tests and the page-weight bench: every indicator of the current
 * framework coded and published for Iceland (every other one at its lowest value, so the gap list is as long as
 * it gets, each gap with Texas as the law elsewhere) and for Texas (all at best), each answer citing a provision
 * with a verbatim quote. The two statutes are invented (as in coding-fixtures.ts), in force from `effectiveFrom`
 * (default 2020-01-01, so the cards are full on any later date, the bench's real today included).
 */
import type { Actor } from '../src/core/auth/permissions.ts';
import type { Framework } from '../src/core/framework/types.ts';
import { createAnswer, setAnswerStatus } from '../src/services/coding.ts';
import { getFramework } from '../src/services/framework.ts';
import { getLawVersionText, importLaw } from '../src/services/laws.ts';
import type { Store } from '../src/store/db.ts';
import { iceland, texas } from './coding-fixtures.ts';

const system: Actor = { kind: 'system', name: 'test' };

const examplia = `Examplia Full Coverage Act

Section 1. Offence
(1) A person who recruits, transports or harbours another person
by force or deception for the purpose of exploitation commits an offence.
(2) The consent of a victim to exploitation is irrelevant.
`;

const texan = `Texas Fictional Coverage Code

Section 1. Trafficking
A person who traffics another person for exploitation commits an offence.
`;

/** Seeds the fully answered Iceland and Texas; returns the framework they are coded against. */
export async function seedFullyAnswered(store: Store, effectiveFrom = '2020-01-01'): Promise<Framework> {
  const ctx = { db: store.db, actor: system, dialect: store.dialect };
  const provision = async (jurisdictionId: string, content: string, citation: string, wanted: string) => {
    const r = await importLaw(ctx, { jurisdictionId, format: 'text', content, citation, effectiveFrom });
    const text = await getLawVersionText(ctx, r.document.id, r.version.id);
    const found = text.provisions.find((p) => p.citation === wanted);
    if (!found) throw new Error(`no provision ${wanted}`);
    return found.id;
  };
  const is = await provision(iceland, examplia, 'EFCA', 's. 1(1)');
  const tx = await provision(texas, texan, 'TFCC', 's. 1');
  const framework = await getFramework(ctx);
  const code = async (
    jurisdictionId: string,
    indicatorId: string,
    value: string,
    provisionId: string,
    quote: string,
  ) => {
    const a = await createAnswer(ctx, {
      jurisdictionId,
      indicatorId,
      value,
      citations: [{ provisionId, quote }],
    });
    await setAnswerStatus(ctx, a.id, 'reviewed');
    await setAnswerStatus(ctx, a.id, 'published');
  };
  for (const [i, indicator] of framework.indicators.entries()) {
    const sorted = Object.entries(framework.responseTypes[indicator.type].values).sort((a, b) => b[1] - a[1]);
    const top = sorted[0]?.[0] ?? 'NA';
    const bottom = sorted[sorted.length - 1]?.[0] ?? 'NA';
    await code(iceland, indicator.id, i % 2 === 0 ? top : bottom, is, 'recruits, transports or harbours');
    await code(texas, indicator.id, top, tx, 'traffics another person for exploitation');
  }
  return framework;
}
