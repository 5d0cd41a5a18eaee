/**
 * The methodology page's crosswalks (from the framework's indicator sources through core `crosswalk`), the
 * coding protocol in plain words, and the quality-control figures (aggregates only, services/portal-qc.ts):
 * every number is in a table and in a sentence.
 */
import { crosswalk, type Framework, type Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import type { AgreementStats } from '../../core/qc/agreement.ts';
import type { PortalQcFigures } from '../../services/portal-qc.ts';
import { esc } from './html.ts';

function head(locale: Locale, ...cells: Array<[MessageKey, boolean?]>): string {
  return `<thead><tr>${cells.map(([c, num]) => `<th scope="col"${num ? ' class="num"' : ''}>${esc(t(locale, c))}</th>`).join('')}</tr></thead>`;
}

/** The instruments marked crosswalk and, for each, the indicators mapped to it with the instrument's citations. */
export function crosswalkSection(locale: Locale, f: Framework): string {
  const byInstrument = new Map<string, Array<{ indicator: string; citations: string[] }>>();
  for (const indicator of f.indicators) {
    for (const [instrument, citations] of Object.entries(crosswalk(f, indicator))) {
      byInstrument.set(instrument, [
        ...(byInstrument.get(instrument) ?? []),
        { indicator: indicator.id, citations },
      ]);
    }
  }
  const instruments = Object.keys(f.instruments).filter((k) => byInstrument.has(k));
  const summary = instruments
    .map(
      (k) =>
        `<tr><th scope="row"><a href="#cw-${esc(k)}">${esc(f.instruments[k]?.name ?? k)}</a></th><td class="num">${byInstrument.get(k)?.length ?? 0}</td></tr>`,
    )
    .join('');
  const tables = instruments.map((k) => {
    const rows = (byInstrument.get(k) ?? [])
      .map((m) => `<tr><th scope="row">${esc(m.indicator)}</th><td>${esc(m.citations.join('; '))}</td></tr>`)
      .join('');
    return `<h3 id="cw-${esc(k)}">${esc(f.instruments[k]?.name ?? k)}</h3>
<table aria-labelledby="cw-${esc(k)}">${head(locale, ['portal.col.indicator'], ['portal.method.citation'])}<tbody>${rows}</tbody></table>`;
  });
  return `<h2 id="crosswalks">${esc(t(locale, 'portal.method.crosswalks'))}</h2>
<p>${esc(t(locale, 'portal.method.crosswalksIntro', { count: instruments.length }))}</p>
<table aria-labelledby="crosswalks">${head(locale, ['portal.method.instrument'], ['portal.method.mapped', true])}<tbody>${summary}</tbody></table>
${tables.join('\n')}`;
}

/** The coding protocol, in plain words. */
export function protocolSection(locale: Locale): string {
  const items = (['coders', 'evidence', 'review', 'machine', 'publish'] as const)
    .map((s) => `<li>${esc(t(locale, `portal.method.protocol.${s}`))}</li>`)
    .join('');
  return `<h2 id="protocol">${esc(t(locale, 'portal.method.protocol'))}</h2>
<ul>${items}</ul>`;
}

function percent(locale: Locale, rate: number | null): string {
  if (rate === null) return t(locale, 'portal.method.qcUndefined');
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rate);
}

function kappa(locale: Locale, value: number | null): string {
  if (value === null) return t(locale, 'portal.method.qcUndefined');
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

function statCells(locale: Locale, s: AgreementStats): string {
  return `<td class="num">${s.compared}</td><td class="num">${s.divergent}</td><td class="num">${esc(percent(locale, s.divergenceRate))}</td><td class="num">${esc(kappa(locale, s.kappa))}</td>`;
}

/** The quality-control figures per framework version, overall and per area, or a line saying there are none. */
export function qcSection(locale: Locale, f: Framework, figures: readonly PortalQcFigures[]): string {
  const title = `<h2 id="qc">${esc(t(locale, 'portal.method.qc'))}</h2>
<p>${esc(t(locale, 'portal.method.qcIntro'))}</p>`;
  if (figures.length === 0) return `${title}\n<p>${esc(t(locale, 'portal.method.qcNone'))}</p>`;
  const areaName = (id: string) => {
    const area = f.areas.find((a) => a.id === id);
    return area ? `${id} ${localized(area.name, locale)}` : id;
  };
  const blocks = figures.map((v) => {
    const id = `qc-v${v.version}`;
    const rows = v.areas
      .map((a) => `<tr><th scope="row">${esc(areaName(a.area))}</th>${statCells(locale, a)}</tr>`)
      .join('');
    const all = `<tr><th scope="row">${esc(t(locale, 'portal.method.qcAll'))}</th>${statCells(locale, v)}</tr>`;
    const summary = t(locale, 'portal.method.qcSummary', {
      version: v.version,
      compared: v.compared,
      divergent: v.divergent,
      rate: percent(locale, v.divergenceRate),
      kappa: kappa(locale, v.kappa),
    });
    return `<h3 id="${id}">${esc(t(locale, 'portal.method.qcVersion', { version: v.version }))}</h3>
<p>${esc(summary)}</p>
<table aria-labelledby="${id}">${head(locale, ['portal.col.area'], ['portal.method.qcCompared', true], ['portal.method.qcDivergent', true], ['portal.method.qcRate', true], ['portal.method.qcKappa', true])}<tbody>${rows}${all}</tbody></table>`;
  });
  return `${title}\n${blocks.join('\n')}`;
}
