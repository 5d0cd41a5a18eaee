import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../framework/builtin.ts';
import { parseFramework } from '../framework/parse-framework.ts';
import { linkedMeasures, practiceLinkFor, practiceLinks } from './practice-links.ts';
import { statisticMeasures } from './types.ts';

const frameworks = builtinFrameworks.map(parseFramework);

describe('practice links', () => {
  it('names only indicators that exist in every built-in framework version', () => {
    for (const framework of frameworks) {
      const ids = new Set(framework.indicators.map((i) => i.id));
      for (const link of practiceLinks) expect(ids.has(link.indicatorId), link.indicatorId).toBe(true);
    }
  });

  it('links each indicator once, to known measures, with a reason in every language', () => {
    const ids = practiceLinks.map((l) => l.indicatorId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const link of practiceLinks) {
      expect(link.measures.length, link.indicatorId).toBeGreaterThan(0);
      expect(new Set(link.measures).size).toBe(link.measures.length);
      for (const m of link.measures) expect(statisticMeasures).toContain(m);
      for (const locale of ['en', 'es', 'fr'] as const) {
        expect(link.reason[locale]?.trim().length ?? 0, `${link.indicatorId} ${locale}`).toBeGreaterThan(10);
      }
    }
  });

  it('puts victims identified beside non-punishment and victims assisted beside the right to assistance', () => {
    expect(practiceLinkFor('VI-01')?.measures).toContain('victims_identified');
    expect(practiceLinkFor('VI-01')?.measures).toContain('prosecutions');
    expect(practiceLinkFor('VP-01')?.measures).toContain('victims_assisted');
    expect(practiceLinkFor('CR-01')?.measures).toEqual(['investigations', 'prosecutions', 'convictions']);
    expect(practiceLinkFor('CR-02')).toBeNull();
    expect(practiceLinkFor('nonsense')).toBeNull();
    expect(linkedMeasures().sort()).toEqual([...statisticMeasures].sort());
  });
});
