/**
 * Score-over-time charts for the portal, drawn on the server with Observable Plot into an SVG string, so they
 * work without JavaScript. Policy:
 * - Plot needs a `document`; a small DOM implementation (linkedom) gives it one, created once per chart;
 * - the page's CSP forbids inline style (`style-src 'self'`): Plot's `<style>` element is removed (its rules
 *   live in portal.css under `svg.score-plot`) and any `style` attribute is turned into presentation
 *   attributes, so the SVG carries no inline style at all;
 * - the SVG is one image (`role="img"`, `<title>`, `aria-label`); Plot's names of its inner groups are removed
 *   (axe: `aria-prohibited-attr`), and every number is also given in a table beside the chart;
 * - series differ by dash pattern and carry their name at the end of the line, so colour is not the only cue;
 * - coordinates are rounded to one decimal to keep the page small.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** One year's published score (null: nothing published was valid that year). */
export interface ScorePoint {
  year: number;
  total: number | null;
}

/** One line: a jurisdiction's scores by year. */
export interface ScoreSeries {
  label: string;
  points: readonly ScorePoint[];
}

/** What the chart says about itself. */
export interface ScorePlotText {
  title: string;
  year: string;
  score: string;
}

const colours = ['#0b5cad', '#a4420b', '#1a7336', '#6b3fa0'] as const;
const dashes = ['none', '6 3', '2 3', '8 3 2 3'] as const;

const styleProperties = new Set([
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'font-size',
  'font-family',
  'font-variant',
  'opacity',
  'text-anchor',
]);

type Element = { getAttribute(n: string): string | null; setAttribute(n: string, v: string): void };

/** Turns a `style` attribute into presentation attributes (properties SVG has no attribute for are dropped). */
function styleToAttributes(el: Element & { removeAttribute(n: string): void }): void {
  const style = el.getAttribute('style');
  if (style === null) return;
  for (const rule of style.split(';')) {
    const [name, ...rest] = rule.split(':');
    const property = name?.trim().toLowerCase() ?? '';
    const value = rest.join(':').trim();
    if (styleProperties.has(property) && value) el.setAttribute(property, value);
  }
  el.removeAttribute('style');
}

const short = (label: string) => (label.length > 18 ? `${label.slice(0, 17)}…` : label);

/** The chart as an SVG string; an empty string when no series has a score. */
export function scorePlotSvg(series: readonly ScoreSeries[], text: ScorePlotText): string {
  const scored = series.flatMap((s, i) =>
    s.points.filter((p) => p.total !== null).map((p) => ({ ...p, series: i })),
  );
  if (scored.length === 0) return '';
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const step = Math.max(1, Math.ceil(years.length / 8));
  const marks = series.flatMap((s, i) => {
    const stroke = colours[i % colours.length] ?? colours[0];
    const strokeDasharray = dashes[i % dashes.length] ?? 'none';
    const mine = scored.filter((p) => p.series === i);
    const last = mine[mine.length - 1];
    return [
      // A year with no score is NaN, which Plot leaves out of the line: the gap shows the missing year.
      Plot.lineY(s.points, {
        x: 'year',
        y: (p: ScorePoint) => p.total ?? Number.NaN,
        stroke,
        strokeWidth: 2,
        strokeDasharray,
      }),
      Plot.dot(mine, { x: 'year', y: 'total', fill: stroke, r: 3 }),
      ...(last
        ? [
            Plot.text([last], {
              x: 'year',
              y: 'total',
              text: () => short(s.label),
              dx: 6,
              textAnchor: 'start',
            }),
          ]
        : []),
    ];
  });
  const chart = Plot.plot({
    document: document as unknown as Document,
    className: 'score-plot',
    width: 560,
    height: 220,
    marginLeft: 40,
    marginRight: 130,
    ariaLabel: text.title,
    x: {
      label: text.year,
      ticks: years.filter((_y, i) => i % step === 0 || i === years.length - 1),
      tickFormat: (y: number) => String(y),
      labelAnchor: 'right',
      ...(years.length === 1 ? { domain: [(years[0] ?? 0) - 1, (years[0] ?? 0) + 1] } : {}),
    },
    y: { label: text.score, domain: [0, 100], ticks: [0, 25, 50, 75, 100], grid: true },
    marks,
  }) as unknown as {
    querySelectorAll(s: string): Iterable<Element & { remove(): void; removeAttribute(n: string): void }>;
    setAttribute(n: string, v: string): void;
    removeAttribute(n: string): void;
    insertBefore(node: unknown, ref: unknown): void;
    firstChild: unknown;
    outerHTML: string;
  };
  for (const style of chart.querySelectorAll('style')) style.remove();
  for (const el of chart.querySelectorAll('[style]')) styleToAttributes(el);
  for (const el of chart.querySelectorAll('[aria-label], [aria-description], [aria-hidden]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
    el.removeAttribute('aria-hidden');
  }
  chart.removeAttribute('style');
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', text.title);
  chart.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = text.title;
  chart.insertBefore(title, chart.firstChild);
  // Round long coordinates inside attribute values only (labels keep their text).
  return chart.outerHTML.replace(/="([^"]*)"/g, (_m, value: string) => {
    const rounded = value.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10));
    return `="${rounded}"`;
  });
}
