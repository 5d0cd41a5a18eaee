import { describe, expect, it } from 'vitest';
import { type MessageKey, t as translate } from '../../core/i18n/messages.ts';
import {
  chamberName,
  committeeRoleName,
  hearingStatusName,
  officeName,
  optionName,
  stageName,
} from './bill-labels.ts';

const en = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const fr = (key: MessageKey, vars?: Record<string, string | number>) => translate('fr', key, vars);

describe('bill labels', () => {
  it('translates known codes', () => {
    expect(stageName(en, 'passed_one_chamber')).toBe('Passed one chamber');
    expect(stageName(fr, 'enacted')).toBe('Promulgué');
    expect(chamberName(fr, 'upper')).toBe('Chambre haute');
    expect(optionName(en, 'not voting')).toBe('not voting');
    expect(optionName(fr, 'yes')).toBe('pour');
    expect(hearingStatusName(en, 'passed')).toBe('held');
    expect(committeeRoleName(en, 'Vice Chair')).toBe('vice chair');
    expect(officeName(fr, 'district')).toBe('Bureau de circonscription');
  });

  it('keeps unknown codes as the source wrote them, and null as empty', () => {
    expect(chamberName(en, 'governor')).toBe('governor');
    expect(chamberName(en, null)).toBe('');
    expect(optionName(en, 'made-up')).toBe('made-up');
    expect(hearingStatusName(en, 'postponed')).toBe('postponed');
    expect(committeeRoleName(en, 'Ranking Member')).toBe('Ranking Member');
    expect(officeName(en, 'satellite')).toBe('satellite');
  });
});
