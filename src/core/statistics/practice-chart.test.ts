import { describe, expect, it } from 'vitest';
import { niceCeiling, trendChartSvg } from './practice-chart.ts';

const text = { title: 'Victims <identified> & "prosecuted"', year: 'Year', value: 'Count' };

describe('trend chart', () => {
  it('draws one image with a name, a line and a dot per point, with presentation attributes only', () => {
    const svg = trendChartSvg(
      [
        {
          label: 'victims identified',
          points: [
            { year: 2030, value: 160 },
            { year: 2028, value: 120 },
            { year: 2029, value: 140 },
          ],
        },
        { label: 'prosecutions', points: [{ year: 2030, value: 44 }] },
      ],
      text,
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Victims &lt;identified&gt; &amp; &quot;prosecuted&quot;"');
    expect(svg).toContain('<title>Victims &lt;identified&gt; &amp; &quot;prosecuted&quot;</title>');
    expect(svg).not.toMatch(/style[=>]/);
    expect(svg).not.toContain('<script');
    expect(svg.match(/<circle /g)).toHaveLength(4);
    // One line for the three-point series (the one-point series is a dot), drawn in year order.
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(paths).toHaveLength(1);
    const xs = [...(paths[0] ?? '').matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // The second series differs by dash pattern, not colour alone; each has a legend entry.
    expect(svg).toContain('stroke-dasharray="6 3"');
    expect(svg).toContain('>victims identified</text>');
    expect(svg).toContain('>2029</text>');
  });

  it('draws nothing without points, and a single year in the middle', () => {
    expect(trendChartSvg([], text)).toBe('');
    expect(trendChartSvg([{ label: 'x', points: [] }], text)).toBe('');
    const one = trendChartSvg([{ label: 'x', points: [{ year: 2030, value: 0 }] }], text);
    expect(one).toContain('<circle cx="260"');
  });

  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(160)).toBe(200);
    expect(niceCeiling(420)).toBe(500);
    expect(niceCeiling(1000)).toBe(1000);
  });
});
