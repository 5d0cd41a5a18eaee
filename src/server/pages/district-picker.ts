/**
 * The "find your lawmakers" form fragment, server-rendered and reusable by any public page (the standalone
 * /find-lawmakers page, a campaign's letter page). Plain GET forms: nothing is written, so they need no CSRF
 * token and work without JavaScript. Three ways in: a postcode, a chosen district, or a location; when the
 * lookup asks (near a boundary, split postcode), the fragment shows the candidates as radio buttons, carrying
 * the chambers already settled as hidden fields, and the same action answers the choice. Every form field is
 * `d=<chamber>:<district>` for choices, so a host page passes them back to `lookupDistricts` as `districts`.
 */
import type { LookupResult } from '../../core/districts/types.ts';
import type { Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import type { DistrictLawmaker, KnownDistrict } from '../../services/districts.ts';
import { esc } from './html.ts';

/** What the fragment shows. */
export interface DistrictPickerState {
  /** Where the forms go (GET), e.g. `/find-lawmakers`. */
  action: string;
  /** Hidden fields every form carries (jurisdiction, lang, a campaign slug…). */
  hidden: Record<string, string>;
  /** The districts offered in "choose your district". */
  districts: KnownDistrict[];
  postcode: string;
  lat: string;
  lon: string;
  /** The last lookup and its lawmakers, or null before any. */
  lookup: { result: LookupResult; lawmakers: DistrictLawmaker[] } | null;
  /** A message about the input (already localized), or null. */
  error: string | null;
  /** Prefix for element ids, so two fragments can share a page. */
  idPrefix?: string;
}

/** The `d` value of a district choice. */
export function choiceValue(d: { chamber: string; district: string }): string {
  return `${d.chamber}:${d.district}`;
}

/** The chosen districts of `d` query values (`chamber:district`); malformed ones are dropped. */
export function choicesOf(values: unknown): Array<{ chamber: string; district: string }> {
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  return list.flatMap((v) => {
    if (typeof v !== 'string') return [];
    const at = v.indexOf(':');
    if (at <= 0 || at === v.length - 1 || v.length > 250) return [];
    return [{ chamber: v.slice(0, at), district: v.slice(at + 1) }];
  });
}

/** The localized name of a chamber (its own word when there is no translation). */
export function chamberName(locale: Locale, chamber: string): string {
  const known = ['upper', 'lower', 'legislature'];
  return known.includes(chamber) ? t(locale, `districts.chamber.${chamber}` as MessageKey) : chamber;
}

function hiddenFields(hidden: Record<string, string>): string {
  return Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('\n');
}

function form(s: DistrictPickerState, body: string): string {
  return `<form method="get" action="${esc(s.action)}" class="form">\n${hiddenFields(s.hidden)}\n${body}\n</form>`;
}

function districtLabel(locale: Locale, d: { chamber: string; district: string; name: string | null }) {
  return (
    d.name ??
    t(locale, 'districts.results.district', { chamber: chamberName(locale, d.chamber), district: d.district })
  );
}

function askForm(
  locale: Locale,
  s: DistrictPickerState,
  result: Extract<LookupResult, { kind: 'ask' }>,
): string {
  const p = s.idPrefix ?? '';
  const chambers = [...new Set(result.candidates.map((c) => c.chamber))];
  const groups = chambers.map((chamber, g) => {
    const radios = result.candidates
      .filter((c) => c.chamber === chamber)
      .map((c, i) => {
        const id = `${p}ask-${g}-${i}`;
        const share =
          c.share === null
            ? ''
            : ` (${t(locale, 'districts.ask.share', { percent: Math.round(c.share * 100) })})`;
        return `<p><input type="radio" id="${id}" name="d" value="${esc(choiceValue(c))}" required>
<label for="${id}">${esc(districtLabel(locale, c))}${esc(share)}</label></p>`;
      })
      .join('\n');
    return `<fieldset>\n<legend>${esc(t(locale, 'districts.ask.legend', { chamber: chamberName(locale, chamber) }))}</legend>\n${radios}\n</fieldset>`;
  });
  const settled = result.matched
    .map((m) => `<input type="hidden" name="d" value="${esc(choiceValue(m))}">`)
    .join('\n');
  const why = t(locale, result.reason === 'boundary' ? 'districts.ask.boundary' : 'districts.ask.postcode');
  return `<div role="status" class="message"><p>${esc(why)}</p></div>
${form(s, `${settled}\n${groups.join('\n')}\n<p><button type="submit" class="cta">${esc(t(locale, 'districts.ask.submit'))}</button></p>`)}`;
}

function lawmakerList(locale: Locale, lawmakers: DistrictLawmaker[]): string {
  if (lawmakers.length === 0) return `<p>${esc(t(locale, 'districts.results.none'))}</p>`;
  const items = lawmakers.map((l) => {
    const offices = l.offices
      .filter((o) => o.address || o.voice)
      .map((o) => {
        const phone = o.voice
          ? ` ${esc(t(locale, 'districts.results.phone'))}: <a href="tel:${esc(o.voice.replace(/[^\d+]/g, ''))}">${esc(o.voice)}</a>`
          : '';
        return `<li>${esc(o.name ?? o.classification)}: ${esc(o.address ?? '')}${phone}</li>`;
      })
      .join('');
    const where = t(locale, 'districts.results.district', {
      chamber: chamberName(locale, l.chamber),
      district: l.district,
    });
    return `<li><strong>${esc(l.name)}</strong>${l.party ? ` (${esc(l.party)})` : ''}<br>${esc(where)}${offices ? `<ul>${offices}</ul>` : ''}</li>`;
  });
  return `<ul class="lawmakers">${items.join('\n')}</ul>`;
}

/** The fragment: results or the question first, then the postcode, district and location forms. */
export function renderDistrictPicker(locale: Locale, s: DistrictPickerState): string {
  const p = s.idPrefix ?? '';
  const parts: string[] = [];
  if (s.error) parts.push(`<div role="alert" class="message message-error"><p>${esc(s.error)}</p></div>`);
  const r = s.lookup?.result;
  if (r?.kind === 'none')
    parts.push(
      `<div role="status" class="message"><p>${esc(t(locale, `districts.none.${r.reason}` as MessageKey))}</p></div>`,
    );
  if (r?.kind === 'ask') parts.push(askForm(locale, s, r));
  if (s.lookup && (r?.kind === 'match' || (r?.kind === 'ask' && s.lookup.lawmakers.length > 0)))
    parts.push(
      `<section aria-labelledby="${p}lawmakers-title"><h2 id="${p}lawmakers-title">${esc(t(locale, 'districts.results.title'))}</h2>\n${lawmakerList(locale, s.lookup.lawmakers)}</section>`,
    );
  parts.push(
    form(
      s,
      `<p><label for="${p}postcode">${esc(t(locale, 'districts.postcode.label'))}</label><br>
<input type="text" id="${p}postcode" name="postcode" autocomplete="postal-code" maxlength="16" value="${esc(s.postcode)}"></p>
<p><button type="submit">${esc(t(locale, 'districts.postcode.submit'))}</button></p>`,
    ),
  );
  if (s.districts.length > 0) {
    const chambers = [...new Set(s.districts.map((d) => d.chamber))];
    const groups = chambers
      .map(
        (c) =>
          `<optgroup label="${esc(chamberName(locale, c))}">${s.districts
            .filter((d) => d.chamber === c)
            .map((d) => `<option value="${esc(choiceValue(d))}">${esc(districtLabel(locale, d))}</option>`)
            .join('')}</optgroup>`,
      )
      .join('');
    parts.push(
      form(
        s,
        `<p><label for="${p}district">${esc(t(locale, 'districts.choose.label'))}</label><br>
<select id="${p}district" name="d" required><option value="">${esc(t(locale, 'districts.choose.empty'))}</option>${groups}</select></p>
<p><button type="submit">${esc(t(locale, 'districts.choose.submit'))}</button></p>`,
      ),
    );
  }
  parts.push(`<details><summary>${esc(t(locale, 'districts.location.summary'))}</summary>
${form(
  s,
  `<p><label for="${p}lat">${esc(t(locale, 'districts.location.lat'))}</label><br>
<input type="text" inputmode="decimal" id="${p}lat" name="lat" maxlength="20" value="${esc(s.lat)}" required></p>
<p><label for="${p}lon">${esc(t(locale, 'districts.location.lon'))}</label><br>
<input type="text" inputmode="decimal" id="${p}lon" name="lon" maxlength="20" value="${esc(s.lon)}" required></p>
<p><button type="submit">${esc(t(locale, 'districts.location.submit'))}</button></p>`,
)}
</details>`);
  return parts.join('\n');
}
