/**
 * The methodology page (`/methodology`): the framework's areas and shares, every indicator's weight and the
 * value of each answer, the grade thresholds, tiers and negative-modifier caps, how to recompute a score, the
 * coding protocol, the quality-control figures and the crosswalks (portal-methodology-sections.ts).
 * Every number comes from the framework and the scoring code's constants (`services/portal.ts`), never typed
 * here.
 */
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import { grades } from '../../core/scoring/grades.ts';
import type { PortalMethodology } from '../../services/portal.ts';
import { esc } from './html.ts';
import { portalPage } from './portal-html.ts';
import { crosswalkSection, protocolSection, qcSection } from './portal-methodology-sections.ts';

function head(...cells: Array<[string, boolean?]>): string {
  return `<thead><tr>${cells.map(([c, num]) => `<th scope="col"${num ? ' class="num"' : ''}>${esc(c)}</th>`).join('')}</tr></thead>`;
}

/** The methodology page. */
export function portalMethodologyPage(locale: Locale, m: PortalMethodology): string {
  const f = m.framework;
  const title = t(locale, 'portal.method.title');
  const areas = f.areas
    .map(
      (a) =>
        `<tr><th scope="row">${esc(a.id)} ${esc(localized(a.name, locale))}</th><td class="num">${a.share}</td></tr>`,
    )
    .join('');
  const values = Object.entries(f.responseTypes)
    .map(
      ([type, def]) =>
        `<tr><th scope="row">${esc(type)}</th><td>${esc(def.label)}</td><td>${Object.entries(def.values)
          .map(([code, value]) => `${esc(code)} = ${value}`)
          .join(', ')}</td></tr>`,
    )
    .join('');
  const sections = f.areas.map((area) => {
    const rows = f.indicators
      .filter((i) => i.area === area.id)
      .map(
        (i) =>
          `<tr><th scope="row">${esc(i.id)}</th><td>${esc(localized(i.question, locale))}</td><td>${esc(i.type)}</td><td class="num">${i.weight}</td></tr>`,
      )
      .join('');
    const id = `method-${esc(area.id)}`;
    return `<h3 id="${id}">${esc(area.id)} ${esc(localized(area.name, locale))}</h3>
<div class="scroll"><table aria-labelledby="${id}">${head([t(locale, 'portal.col.indicator')], [t(locale, 'portal.method.question')], [t(locale, 'portal.method.type')], [t(locale, 'portal.method.weight'), true])}<tbody>${rows}</tbody></table></div>`;
  });
  const gradeRows = m.gradeThresholds
    .map(
      (g) =>
        `<tr><th scope="row">${esc(g.grade)}</th><td class="num">${g.min}</td><td class="num">${m.tierOfGrade[g.grade]}</td></tr>`,
    )
    .join('');
  const modifierRows = f.negativeModifiers
    .map(
      (n) =>
        `<tr><th scope="row">${esc(n.id)}</th><td>${esc(localized(n.description, locale))}</td><td>${esc(m.modifierCaps[n.id] ?? m.defaultModifierCap)}</td></tr>`,
    )
    .join('');
  const steps = (['value', 'area', 'total', 'grade', 'cap'] as const)
    .map((s) => `<li>${esc(t(locale, `portal.method.step.${s}`))}</li>`)
    .join('');
  const main = `<h1>${esc(title)}</h1>
<p>${esc(t(locale, 'portal.method.intro'))}</p>
<p>${esc(t(locale, 'portal.method.method', { method: m.method }))}</p>
<h2 id="recompute">${esc(t(locale, 'portal.method.recompute'))}</h2>
<ol>${steps}</ol>
<h2 id="areas">${esc(t(locale, 'portal.method.areas'))}</h2>
<table aria-labelledby="areas">${head([t(locale, 'portal.col.area')], [t(locale, 'portal.method.share'), true])}<tbody>${areas}</tbody></table>
<h2 id="values">${esc(t(locale, 'portal.method.values'))}</h2>
<table aria-labelledby="values">${head([t(locale, 'portal.method.type')], [t(locale, 'portal.method.label')], [t(locale, 'portal.method.values')])}<tbody>${values}</tbody></table>
<h2 id="grades">${esc(t(locale, 'portal.method.grades'))}</h2>
<table aria-labelledby="grades">${head([t(locale, 'portal.col.grade')], [t(locale, 'portal.method.minimum'), true], [t(locale, 'portal.method.tier'), true])}<tbody>${gradeRows}</tbody></table>
<h2 id="modifiers">${esc(t(locale, 'portal.method.modifiers'))}</h2>
<table aria-labelledby="modifiers">${head([t(locale, 'portal.method.modifier')], [t(locale, 'portal.method.description')], [t(locale, 'portal.method.cap')])}<tbody>${modifierRows}</tbody></table>
<p>${esc(t(locale, 'portal.method.otherCap', { grade: m.defaultModifierCap }))} (${esc(grades.join(' > '))})</p>
${protocolSection(locale)}
${qcSection(locale, f, m.qc)}
<h2>${esc(t(locale, 'portal.method.indicators'))}</h2>
${sections.join('\n')}
${crosswalkSection(locale, f)}`;
  return portalPage(locale, title, '/methodology', '', main, { framework: f });
}
