/**
 * The trend line drawn with Observable Plot, under our Content-Security-Policy (`style-src 'self'`, no
 * 'unsafe-inline'). Plot always appends a `<style>` element to its SVG; once in the page, Chromium blocks it
 * and reports a violation. Plot builds its SVG detached from the page, where no style sheet is evaluated, so
 * the element is removed before the SVG is inserted and its few rules live in content.css under
 * `.trend-plot`. Plot writes no `style` attribute unless asked to, and we never ask.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { ScoreTrend as Trend } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';

type Point = Trend['points'][number];

/** The class Plot puts on its SVG; content.css styles it in place of Plot's own `<style>` element. */
export const trendPlotClass = 'trend-plot';

/** Builds the Plot SVG of a trend (detached, without its `<style>` element). */
export function trendSvg(
  trend: Trend,
  text: { label: string; year: string; total: string; point: (p: Point) => string },
): SVGSVGElement | HTMLElement {
  const step = Math.max(1, Math.ceil((trend.to - trend.from + 1) / 8));
  const years = trend.points
    .map((p) => p.year)
    .filter((_yr, i, all) => i % step === 0 || i === all.length - 1);
  const scored = trend.points.filter((p) => p.total !== null);
  const chart = Plot.plot({
    className: trendPlotClass,
    width: 640,
    height: 220,
    marginLeft: 44,
    ariaLabel: text.label,
    x: { label: text.year, ticks: years, tickFormat: (y: number) => String(y), labelAnchor: 'right' },
    y: { label: text.total, domain: [0, 100], ticks: [0, 25, 50, 75, 100], grid: true },
    marks: [
      // A year with no score is NaN, which Plot leaves out of the line: the gap shows the missing year.
      Plot.lineY(trend.points, {
        x: 'year',
        y: (p: Point) => p.total ?? Number.NaN,
        stroke: '#0b5cad',
        strokeWidth: 2,
      }),
      Plot.dot(scored, { x: 'year', y: 'total', fill: '#0b5cad', r: 3.5, title: text.point }),
    ],
  });
  for (const style of chart.querySelectorAll('style')) style.remove();
  // The SVG is one image with one name; Plot's names of its inner groups ("line", "dot") are not allowed on
  // plain <g> elements and would say nothing to a screen reader anyway.
  for (const el of chart.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  chart.setAttribute('role', 'img');
  return chart;
}

/** The chart, inserted into a host element once Plot has built it. */
export function TrendPlot({ trend, label }: { trend: Trend; label: string }) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    el.replaceChildren(
      trendSvg(trend, {
        label,
        year: t('app.trend.year'),
        total: t('app.report.total'),
        point: (p) =>
          t('app.trend.point', { year: p.year, total: p.total?.toFixed(1) ?? '—', grade: p.grade ?? '—' }),
      }),
    );
    return () => el.replaceChildren();
  }, [trend, label, t]);
  return <div ref={host} className="trend-plot-host" />;
}
