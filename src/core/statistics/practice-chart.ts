/**
 * A small trend chart (counts by year, one line per series) built as an SVG string, pure. Policy: the page's
 * CSP forbids inline style (`style-src 'self'`), so the SVG uses presentation attributes only (fill, stroke,
 * stroke-dasharray) and never a `style` attribute or element; it is one image (`role="img"`, a `<title>` and
 * an `aria-label`), and the same numbers are always given in a table beside it. Series differ by dash pattern
 * as well as colour, so the lines do not rely on colour alone. Observable Plot draws the workspace's charts in
 * the browser; on the server it would need a DOM implementation (a new dependency) and emits a `<style>`
 * element, so server pages use this instead.
 */

/** One point: a count in a year. */
export interface ChartPoint {
  year: number;
  value: number;
}

/** One line of the chart. */
export interface ChartSeries {
  label: string;
  points: readonly ChartPoint[];
}

/** What the chart says about itself. */
export interface ChartText {
  /** The accessible name (title and aria-label). */
  title: string;
  year: string;
  value: string;
}

const colours = ['#0b5cad', '#a4420b', '#1a7336', '#6b3fa0', '#b0133a'] as const;
const dashes = ['', '6 3', '2 3', '8 3 2 3', '1 2'] as const;
const width = 480;
const height = 250;
const margin = { top: 26, right: 16, bottom: 84, left: 56 } as const;

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The smallest "nice" number (1, 2 or 5 × a power of ten) at or above `max`; 1 for nothing. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The chart as an SVG string; an empty string when no series has a point. */
export function trendChartSvg(series: readonly ChartSeries[], text: ChartText): string {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return '';
  const years = all.map((p) => p.year);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const top = niceCeiling(Math.max(...all.map((p) => p.value)));
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (year: number) =>
    round(margin.left + (maxYear === minYear ? plotW / 2 : ((year - minYear) / (maxYear - minYear)) * plotW));
  const y = (value: number) => round(margin.top + plotH - (value / top) * plotH);
  const parts: string[] = [];
  // Counts are whole numbers: a tick between two whole numbers is left out.
  for (const tick of [0, 0.25, 0.5, 0.75, 1].map((f) => f * top).filter(Number.isInteger)) {
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#d5d9de" stroke-width="1"/>`,
      `<text x="${margin.left - 6}" y="${y(tick) + 4}" text-anchor="end" font-size="11" fill="#3d4650">${tick.toLocaleString('en')}</text>`,
    );
  }
  const step = Math.max(1, Math.ceil((maxYear - minYear + 1) / 8));
  for (let year = minYear; year <= maxYear; year += step) {
    parts.push(
      `<text x="${x(year)}" y="${height - margin.bottom + 16}" text-anchor="middle" font-size="11" fill="#3d4650">${year}</text>`,
    );
  }
  parts.push(
    `<text x="${width - margin.right}" y="${height - margin.bottom + 32}" text-anchor="end" font-size="11" fill="#3d4650">${escapeXml(text.year)} →</text>`,
    `<text x="4" y="${margin.top - 14}" font-size="11" fill="#3d4650">↑ ${escapeXml(text.value)}</text>`,
  );
  series.forEach((s, i) => {
    const colour = colours[i % colours.length] ?? colours[0];
    const dash = dashes[i % dashes.length] ?? '';
    const dashAttr = dash ? ` stroke-dasharray="${dash}"` : '';
    const points = [...s.points].sort((a, b) => a.year - b.year);
    if (points.length > 1) {
      const d = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.year)},${y(p.value)}`).join('');
      parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dashAttr}/>`);
    }
    for (const p of points)
      parts.push(`<circle cx="${x(p.year)}" cy="${y(p.value)}" r="3.5" fill="${colour}"/>`);
    // Three legend entries a row, under the axis.
    const ly = height - margin.bottom + 54 + Math.floor(i / 3) * 18;
    const lx = margin.left + (i % 3) * 140;
    parts.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"${dashAttr}/>`,
      `<text x="${lx + 30}" y="${ly}" font-size="11" fill="#1d232a">${escapeXml(s.label)}</text>`,
    );
  });
  const name = escapeXml(text.title);
  return `<svg class="practice-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${name}"><title>${name}</title>${parts.join('')}</svg>`;
}
