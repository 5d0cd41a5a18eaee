import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parseFramework } from '../framework/parse-framework.ts';
import v1 from '../framework/versions/v1.json' with { type: 'json' };
import { crosswalkProfile } from './crosswalk-profile.ts';
import type { Answer } from './types.ts';

const framework = parseFramework(v1);
const a = (indicatorId: string, value: string): Answer => ({
  indicatorId,
  value,
  citations: [{ citation: `Act, ${indicatorId}` }],
});

describe('crosswalkProfile', () => {
  it('lists the indicators mapped to Polaris with their answers and a status per category', () => {
    // Polaris cat. 4(a) is mapped from VI-05 and PV-07: one met and one unmet make the category partial.
    const answers = [a('VI-05', 'Y'), a('PV-07', '0'), a('CR-05', 'Y'), a('PN-03', 'P'), a('PN-05', 'N')];
    const profile = crosswalkProfile(framework, answers, 'polaris');
    expect(profile).toMatchObject({ instrument: 'polaris', name: 'Polaris state law categories' });
    expect(profile.indicators.map((i) => i.id)).toEqual([
      'CR-05',
      'PN-03',
      'PN-05',
      'PN-06',
      'VI-02',
      'VI-05',
      'VP-01',
      'CH-01',
      'CH-03',
      'PV-02',
      'PV-07',
      'DC-01',
    ]);
    const provision = (citation: string) => profile.provisions.find((p) => p.citation === citation);
    expect(provision('Polaris cat. 4(a)')).toEqual({
      citation: 'Polaris cat. 4(a)',
      indicators: ['VI-05', 'PV-07'],
      status: 'partial',
      complete: true,
    });
    expect(provision('Polaris cat. 2')?.status).toBe('met');
    expect(provision('Polaris cat. 3(a)')?.status).toBe('partial');
    expect(provision('Polaris cat. 3(b)')?.status).toBe('unmet');
    expect(provision('Polaris cat. 9')).toMatchObject({ status: 'not_coded', complete: false });
    expect(profile.summary).toEqual({ met: 1, partial: 2, unmet: 1, na: 0, not_coded: 7 });
    expect(profile.indicators.find((i) => i.id === 'CR-05')?.citations).toEqual([{ citation: 'Act, CR-05' }]);
  });

  it('marks a GSI milestone N/A for a state when its only indicators are national-only or answered N/A', () => {
    const state = crosswalkProfile(framework, [a('PV-05', 'NA')], 'gsi', 'subnational');
    const milestone5 = state.provisions.find((p) => p.citation === 'GSI milestone 5');
    expect(milestone5).toMatchObject({ indicators: ['PV-05', 'PV-06'], status: 'na', complete: true });
    expect(state.provisions.find((p) => p.citation === 'GSI milestone 3')?.status).toBe('na');
  });

  it('refuses an unknown instrument and one that is not a crosswalk target', () => {
    for (const instrument of ['nope', 'untoc']) {
      let caught: unknown;
      try {
        crosswalkProfile(framework, [], instrument);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe('VALIDATION_FAILED');
      expect((caught as DomainError).message).toMatch(/palermo/);
    }
  });
});
