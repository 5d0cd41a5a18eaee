/**
 * The normalised stage of a bill, derived from its actions' classes in order. Policy:
 * - progress only moves forward (introduced < in committee < passed one chamber < passed both < sent to
 *   executive), except that an ending event decides: signature or `became-law` → enacted, a whole veto →
 *   vetoed (undone by `veto-override-passage` → enacted), `failure`/`committee-failure`/`withdrawal` →
 *   failed;
 * - a later forward step after a failure (a reconsidered bill passes) revives the bill;
 * - passage is counted per chamber: passage in both `upper` and `lower`, by a unicameral `legislature`, or
 *   `enrolled`/`concurrence` means passed both;
 * - a bill with no classified action is `introduced` (it exists, nothing more is known).
 * Unknown classes never move the stage.
 */
import type { BillAction, BillStage } from './types.ts';

const rank: Record<BillStage, number> = {
  introduced: 0,
  in_committee: 1,
  passed_one_chamber: 2,
  passed_both: 3,
  sent_to_executive: 4,
  enacted: 5,
  vetoed: 5,
  failed: 5,
};

type StageAction = Pick<BillAction, 'classification' | 'chamber' | 'order'>;

/** Derives the stage from actions (sorted here by `order`); pure and total. */
export function deriveStage(actions: readonly StageAction[]): BillStage {
  const sorted = [...actions].sort((a, b) => a.order - b.order);
  let progress: BillStage = 'introduced';
  let ended: 'enacted' | 'vetoed' | 'failed' | null = null;
  const passedIn = new Set<string>();

  const advance = (to: BillStage) => {
    if (ended === 'failed') ended = null; // a later step forward revives a failed bill
    if (rank[to] > rank[progress]) progress = to;
  };

  for (const action of sorted) {
    const has = (c: string) => action.classification.includes(c);
    if (ended === 'enacted') break;
    if (has('became-law') || has('executive-signature') || has('veto-override-passage')) {
      ended = 'enacted';
      continue;
    }
    if (has('executive-veto')) {
      ended = 'vetoed';
      continue;
    }
    if (ended === 'vetoed') continue; // only an override moves a vetoed bill
    if (has('failure') || has('committee-failure') || has('withdrawal')) {
      ended = 'failed';
      continue;
    }
    if (has('executive-receipt')) advance('sent_to_executive');
    if (has('enrolled') || has('concurrence')) advance('passed_both');
    if (has('passage')) {
      if (action.chamber === 'legislature') advance('passed_both');
      else {
        passedIn.add(action.chamber ?? `unknown-${passedIn.size}`);
        advance(passedIn.has('upper') && passedIn.has('lower') ? 'passed_both' : 'passed_one_chamber');
      }
    }
    if (
      has('referral-committee') ||
      has('referral') ||
      has('committee-passage') ||
      has('committee-passage-favorable') ||
      has('committee-passage-unfavorable') ||
      has('reported-out-of-committee') ||
      has('hearing-held') ||
      has('work-session')
    ) {
      advance('in_committee');
    }
    if (has('introduction') || has('filing') || has('reading-1')) advance('introduced');
  }
  return ended ?? progress;
}
