/**
 * A campaign's outcome (issue 6, scope 6): when its bill was decided, the score of the coded law before and
 * after, how the gaps' answers changed, and what the coalition did. Correlation, never claimed causation: the
 * report shows what happened around the decision; it does not say the campaign caused it. Pure.
 */
import { enactmentDate, fullDate } from '../bills/enactment.ts';
import type { BillAction, BillCitation, BillStage } from '../bills/types.ts';

/** How a bill ended, and on which day (null while it is live or when no action gives a full date). */
export function billDecision(bill: {
  stage: BillStage;
  actions: BillAction[];
  citations: BillCitation[];
}): { decision: 'enacted' | 'failed' | 'vetoed'; date: string | null } | null {
  if (bill.stage === 'enacted')
    return {
      decision: 'enacted',
      date:
        enactmentDate(bill)?.date ?? lastDate(bill.actions, ['executive-signature', 'veto-override-passage']),
    };
  if (bill.stage === 'vetoed')
    return { decision: 'vetoed', date: lastDate(bill.actions, ['executive-veto']) };
  if (bill.stage === 'failed')
    return {
      decision: 'failed',
      date: lastDate(bill.actions, ['failure', 'committee-failure', 'withdrawal']),
    };
  return null;
}

function lastDate(actions: BillAction[], classes: string[]): string | null {
  const hit = [...actions]
    .sort((a, b) => b.order - a.order)
    .find((a) => a.classification.some((c) => classes.includes(c)));
  return hit ? fullDate(hit.date) : null;
}

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A target whose recorded position changed over the campaign: its first and its latest position. */
export interface TargetMove {
  target: string;
  from: string;
  to: string;
}

/** Targets whose latest position differs from their first (positions in recorded order). */
export function targetsMoved(positions: ReadonlyArray<{ target: string; position: string }>): TargetMove[] {
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  for (const p of positions) {
    if (!first.has(p.target)) first.set(p.target, p.position);
    last.set(p.target, p.position);
  }
  return [...first.entries()].flatMap(([target, from]) => {
    const to = last.get(target) ?? from;
    return to === from ? [] : [{ target, from, to }];
  });
}

/** The status a decision suggests: won when a campaign bill was enacted, lost when all ended otherwise. */
export function suggestedStatus(
  decisions: ReadonlyArray<'enacted' | 'failed' | 'vetoed' | null>,
): 'won' | 'lost' | null {
  if (decisions.includes('enacted')) return 'won';
  if (decisions.length > 0 && decisions.every((d) => d === 'failed' || d === 'vetoed')) return 'lost';
  return null;
}
