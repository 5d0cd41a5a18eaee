import { describe, expect, it } from 'vitest';
import { parseFramework } from '../framework/parse-framework.ts';
import v1 from '../framework/versions/v1.json' with { type: 'json' };
import { scoreJurisdiction } from '../scoring/score-jurisdiction.ts';
import { buildGapReport, type ExemplarCandidate, pickExemplars } from './gap-report.ts';
import { escapeMarkdown, renderGapReportMarkdown } from './render-markdown.ts';

const framework = parseFramework(v1);
const candidate = (jurisdictionId: string, indicatorId: string, value: string): ExemplarCandidate => ({
  jurisdictionId,
  indicatorId,
  value,
  validFrom: '2030-01-01',
  validTo: null,
  citations: [{ citation: `${jurisdictionId} s. 1`, quote: 'a [link](javascript:x) <b>bold</b>' }],
});

describe('gap reports', () => {
  it('picks up to three full-marks exemplars per indicator, one per jurisdiction, never the reported one', () => {
    const picked = pickExemplars(
      framework,
      [
        candidate('ocd-division/country:zz', 'CR-01', 'Y'),
        candidate('ocd-division/country:aa', 'CR-01', 'Y'),
        candidate('ocd-division/country:bb', 'CR-01', 'P'),
        candidate('ocd-division/country:cc', 'CR-01', 'Y'),
        candidate('ocd-division/country:dd', 'CR-01', 'Y'),
        candidate('ocd-division/country:is', 'CR-01', 'Y'),
        candidate('ocd-division/country:aa', 'CR-02', '2'),
        candidate('ocd-division/country:aa', 'CR-03', 'NA'),
      ],
      'ocd-division/country:is',
      new Map([['ocd-division/country:aa', 'Aland']]),
    );
    expect(picked.get('CR-01')?.map((e) => e.jurisdictionId)).toEqual([
      'ocd-division/country:aa',
      'ocd-division/country:cc',
      'ocd-division/country:dd',
    ]);
    expect(picked.get('CR-01')?.[0]?.jurisdictionName).toBe('Aland');
    expect(picked.get('CR-02')).toHaveLength(1);
    expect(picked.has('CR-03')).toBe(false);
  });

  it('ranks by points available, excludes N/A, and renders escaped Markdown', () => {
    const score = scoreJurisdiction(framework, {
      jurisdictionLevel: 'national',
      answers: [
        { indicatorId: 'CR-01', value: 'N', citations: [] },
        { indicatorId: 'CR-08', value: 'P', citations: [{ citation: 'Act s. 8' }] },
        { indicatorId: 'CR-09', value: 'NA', citations: [] },
      ],
    });
    const exemplars = pickExemplars(
      framework,
      [candidate('ocd-division/country:aa', 'CR-01', 'Y')],
      'x',
      new Map(),
    );
    const report = buildGapReport({
      framework,
      score,
      jurisdiction: { id: 'ocd-division/country:is', name: 'Iceland' },
      asOf: '2031-01-01',
      include: 'published',
      locale: 'en',
      exemplars,
    });
    // CR applicable weight 4 (w3 + w1), the only counted area: CR-01 3/4 × 18 × 100/18 = 75; CR-08 25 × 0.5.
    expect(report.gaps.map((g) => [g.indicatorId, g.pointsAvailable])).toEqual([
      ['CR-01', 75],
      ['CR-08', 12.5],
    ]);
    expect(report.notCoded).toHaveLength(63);
    const md = renderGapReportMarkdown(report);
    expect(md).toContain('### 1. CR-01 (unmet, 75.0 points)');
    expect(md).toContain('> a \\[link\\]\\(javascript:x\\) \\<b\\>bold\\</b\\>');
    expect(md).not.toContain('<b>');
    expect(md).toContain('Recommendations written by organizations are not part of this report yet.');
    expect(escapeMarkdown('# a|b\nc')).toBe('\\# a\\|b c');
  });
});
