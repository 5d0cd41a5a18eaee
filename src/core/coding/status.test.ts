import { describe, expect, it } from 'vitest';
import type { Permission } from '../auth/permissions.ts';
import { isDomainError } from '../errors.ts';
import { checkTransition, statusAfterEdit } from './status.ts';
import { type CodingStatus, codingStatuses, statusesIncluded } from './types.ts';

const all = (_p: Permission) => true;
function outcome(
  from: CodingStatus,
  to: CodingStatus,
  can = all,
  actor = 'user:b',
  singleCoder = false,
): string {
  try {
    checkTransition({ from, to, actor, coder: 'user:a', can, singleCoder });
    return 'ok';
  } catch (err) {
    return isDomainError(err) ? err.code : String(err);
  }
}

describe('checkTransition', () => {
  it('allows exactly the documented moves', () => {
    const allowed = new Set([
      'suggested>coded',
      'coded>reviewed',
      'reviewed>published',
      'reviewed>coded',
      'published>reviewed',
    ]);
    for (const from of codingStatuses)
      for (const to of codingStatuses)
        expect(outcome(from, to), `${from}>${to}`).toBe(
          allowed.has(`${from}>${to}`) ? 'ok' : 'ANSWER_STATUS_INVALID',
        );
  });

  it('needs the move’s permission, and four eyes for a review unless single-coder mode', () => {
    const only = (p: Permission) => (q: Permission) => q === p;
    expect(outcome('coded', 'reviewed', only('coding:write'))).toBe('FORBIDDEN');
    expect(outcome('coded', 'reviewed', only('coding:review'))).toBe('ok');
    expect(outcome('reviewed', 'published', only('coding:review'))).toBe('FORBIDDEN');
    expect(outcome('suggested', 'coded', only('coding:write'))).toBe('ok');
    expect(outcome('coded', 'reviewed', all, 'user:a')).toBe('FORBIDDEN');
    expect(outcome('coded', 'reviewed', all, 'user:a', true)).toBe('ok');
  });

  it('sends edited reviewed and published answers back to coded', () => {
    expect(codingStatuses.map(statusAfterEdit)).toEqual(['suggested', 'coded', 'coded', 'coded']);
    expect(statusesIncluded('published')).toEqual(['published']);
    expect(statusesIncluded('coded')).toEqual(['coded', 'reviewed', 'published']);
  });
});
