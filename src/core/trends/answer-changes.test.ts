import { describe, expect, it } from 'vitest';
import { parseFramework } from '../framework/parse-framework.ts';
import v1 from '../framework/versions/v1.json' with { type: 'json' };
import { type DatedAnswer, diffAnswers, validOn, yearsBetween } from './answer-changes.ts';

const framework = parseFramework(v1);
const a = (indicatorId: string, value: string, citation = 'Act s1'): DatedAnswer => ({
  indicatorId,
  value,
  validFrom: '2030-01-01',
  validTo: null,
  citations: [{ citation }],
});

describe('diffAnswers', () => {
  it('lists added, removed and changed answers in framework order, ignoring unchanged ones', () => {
    const before = [a('PN-01', '0'), a('CR-02', '2'), a('CR-01', 'P'), a('CR-03', '1')];
    const after = [a('CR-01', 'Y'), a('CR-02', '2'), a('CR-03', '1', 'Act s2'), a('VI-01', 'Y')];
    expect(
      diffAnswers(framework, before, after).map((c) => [c.indicatorId, c.change, c.valueChanged]),
    ).toEqual([
      ['CR-01', 'changed', true],
      ['CR-03', 'changed', false],
      ['PN-01', 'removed', true],
      ['VI-01', 'added', true],
    ]);
    expect(diffAnswers(framework, before, before)).toEqual([]);
  });

  it('counts validity as validFrom inclusive, validTo exclusive', () => {
    const x = { validFrom: '2030-01-01', validTo: '2035-01-01' };
    expect([validOn(x, '2030-01-01'), validOn(x, '2034-12-31'), validOn(x, '2035-01-01')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(yearsBetween(2030, 2032)).toEqual([2030, 2031, 2032]);
    expect(yearsBetween(2032, 2030)).toEqual([]);
  });
});
