/**
 * The HTML of the public letter and call pages: finding one's lawmakers and the matched targets, the editable
 * letter with the sender's details, and the call page (numbers, script, outcome form). Plain forms that work
 * without JavaScript; no inline script or style; nothing cached (each page depends on the visitor's input).
 */
import type { Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { callOutcomes } from '../../core/letter-actions/types.ts';
import type { ActionTarget, LetterActionRow, LetterProblem } from '../../services/letter-sending.ts';
import { queryPage } from './follow-html.ts';
import { esc } from './html.ts';

/** What the letter form shows (again, after a refused POST). */
export interface LetterFormState {
  targets: ActionTarget[];
  text: string;
  name: string;
  email: string;
  consent: boolean;
  /** The optional "updates from the organisation" consent (recorded per purpose like a petition's). */
  consentUpdates?: boolean;
  problems: LetterProblem[];
  notice?: string;
}

function errorSummary(locale: Locale, messages: string[]): string {
  return messages.length
    ? `<div role="alert" class="message message-error"><p>${esc(t(locale, 'letters.errorsIntro'))}</p><ul>${messages
        .map((m) => `<li>${esc(m)}</li>`)
        .join('')}</ul></div>`
    : '';
}

function problemText(locale: Locale, p: LetterProblem): string {
  return t(locale, `letters.error.${p.field}.${p.reason}` as MessageKey);
}

function targetList(targets: ActionTarget[]): string {
  return `<ul>${targets.map((x) => `<li>${esc(x.name)}${x.detail ? ` (${esc(x.detail)})` : ''}</li>`).join('')}</ul>`;
}

/**
 * The letter page: the district picker (already rendered), then, after a lookup, the matched targets with a
 * button to write, or the campaign's targets when none of the visitor's lawmakers is one.
 */
export function letterFinderPage(
  locale: Locale,
  action: LetterActionRow,
  picker: string,
  match: { matched: ActionTarget[]; all: ActionTarget[] } | null,
  query: string,
): string {
  let result = '';
  if (action.status !== 'open') result = `<p><strong>${esc(t(locale, 'letters.closed'))}</strong></p>`;
  else if (match && match.matched.length > 0)
    result = `<section aria-labelledby="matched-title"><h2 id="matched-title">${esc(t(locale, 'letters.match.title'))}</h2>
${targetList(match.matched)}
<form method="post" action="/act/${esc(action.slug)}/letter">
<input type="hidden" name="lang" value="${locale}">
${match.matched.map((x) => `<input type="hidden" name="t" value="${esc(x.personId)}">`).join('\n')}
<p><button type="submit" class="cta">${esc(t(locale, 'letters.write'))}</button></p>
</form></section>`;
  else if (match)
    result = `<section aria-labelledby="targets-title"><h2 id="targets-title">${esc(t(locale, 'letters.targets.title'))}</h2>
<div role="status" class="message"><p>${esc(t(locale, match.all.length > 0 ? 'letters.match.none' : 'letters.targets.empty'))}</p></div>
${match.all.length > 0 ? targetList(match.all) : ''}</section>`;
  const main = `<h1>${esc(action.title)}</h1>
<p>${esc(t(locale, 'letters.intro'))}</p>
${result}
${action.status === 'open' ? picker : ''}`;
  return queryPage(locale, action.title, `/act/${action.slug}/letter`, query, main);
}

function fieldError(locale: Locale, f: LetterFormState, field: LetterProblem['field']) {
  const p = f.problems.find((x) => x.field === field);
  return {
    attrs: p ? ` aria-invalid="true" aria-describedby="${field}-error"` : '',
    note: p ? `<p class="field-error" id="${field}-error">${esc(problemText(locale, p))}</p>` : '',
  };
}

/** The editable letter to the chosen targets, with the supporter's name, address and consent. */
export function letterPreviewPage(
  locale: Locale,
  action: LetterActionRow,
  f: LetterFormState,
  idempotencyKey: string,
): string {
  const text = fieldError(locale, f, 'text');
  const name = fieldError(locale, f, 'name');
  const email = fieldError(locale, f, 'email');
  const consent = fieldError(locale, f, 'consent');
  const messages = [...(f.notice ? [f.notice] : []), ...f.problems.map((p) => problemText(locale, p))];
  const title = t(locale, 'letters.preview.title');
  const main = `<h1>${esc(action.title)}</h1>
<h2>${esc(title)}</h2>
<p>${esc(t(locale, 'letters.preview.to', { names: f.targets.map((x) => x.name).join(', ') }))}</p>
<p class="muted">${esc(t(locale, 'letters.preview.note'))} ${esc(t(locale, 'letters.privacy'))} <a href="/my-data?lang=${locale}">${esc(t(locale, 'mydata.link'))}</a></p>
${errorSummary(locale, messages)}
<form method="post" action="/act/${esc(action.slug)}/letter/send" class="form">
<input type="hidden" name="lang" value="${locale}">
<input type="hidden" name="idempotency_key" value="${esc(idempotencyKey)}">
${f.targets.map((x) => `<input type="hidden" name="t" value="${esc(x.personId)}">`).join('\n')}
<p><label for="text">${esc(t(locale, 'letters.text'))}</label><br>
<textarea id="text" name="text" rows="14" cols="60" required maxlength="10000"${text.attrs}>${esc(f.text)}</textarea></p>
${text.note}
<p><label for="name">${esc(t(locale, 'letters.name'))}</label><br>
<input type="text" id="name" name="name" autocomplete="name" required maxlength="100" value="${esc(f.name)}"${name.attrs}></p>
${name.note}
<p><label for="email">${esc(t(locale, 'letters.email'))}</label><br>
<input type="email" id="email" name="email" autocomplete="email" required maxlength="254" value="${esc(f.email)}"${email.attrs}></p>
${email.note}
<div hidden><label for="website">${esc(t(locale, 'letters.honeypot'))}</label>
<input type="text" id="website" name="website" tabindex="-1" autocomplete="off" value=""></div>
<p><input type="checkbox" id="consent" name="consent" value="yes" required${f.consent ? ' checked' : ''}${consent.attrs}>
<label for="consent">${esc(t(locale, 'letters.consent', { sender: action.sender_name ?? '' }))}</label></p>
${consent.note}
<p><input type="checkbox" id="consent_updates" name="consent_updates" value="yes"${f.consentUpdates ? ' checked' : ''}>
<label for="consent_updates">${esc(t(locale, 'letters.consent.updates', { sender: action.sender_name ?? '' }))}</label></p>
<p><button type="submit" class="cta">${esc(t(locale, 'letters.submit'))}</button></p>
</form>`;
  return queryPage(locale, `${title}: ${action.title}`, `/act/${action.slug}/letter`, '', main);
}

/** The call page: each target with their office numbers, the script, and the anonymous outcome form. */
export function callPage(
  locale: Locale,
  action: LetterActionRow,
  targets: ActionTarget[],
  script: string,
  error = false,
): string {
  const people = targets.length
    ? `<ul class="lawmakers">${targets
        .map((x) => {
          const phones = x.phones.length
            ? `<ul>${x.phones
                .map(
                  (p) =>
                    `<li>${esc(p.office)}: ${esc(t(locale, 'letters.call.phone'))} <a href="tel:${esc(p.voice.replace(/[^\d+]/g, ''))}">${esc(p.voice)}</a></li>`,
                )
                .join('')}</ul>`
            : `<p>${esc(t(locale, 'letters.call.noPhone'))}</p>`;
          return `<li><strong>${esc(x.name)}</strong>${x.detail ? ` (${esc(x.detail)})` : ''}${phones}</li>`;
        })
        .join('\n')}</ul>`
    : `<p>${esc(t(locale, 'letters.targets.empty'))}</p>`;
  const paragraphs = script
    .split(/\n{2,}/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => `<p>${esc(x)}</p>`)
    .join('\n');
  const radios = (name: string, items: Array<[string, string]>) =>
    items
      .map(
        ([value, label], i) =>
          `<p><input type="radio" id="${name}-${i}" name="${name}" value="${esc(value)}" required>
<label for="${name}-${i}">${esc(label)}</label></p>`,
      )
      .join('\n');
  const form =
    action.status === 'open' && targets.length > 0
      ? `<h2 id="report-title">${esc(t(locale, 'letters.call.report'))}</h2>
${error ? `<div role="alert" class="message message-error"><p>${esc(t(locale, 'letters.call.error'))}</p></div>` : ''}
<form method="post" action="/act/${esc(action.slug)}/call" class="form" aria-labelledby="report-title">
<input type="hidden" name="lang" value="${locale}">
<fieldset><legend>${esc(t(locale, 'letters.call.whom'))}</legend>
${radios(
  'target',
  targets.map((x) => [x.personId, x.name]),
)}
</fieldset>
<fieldset><legend>${esc(t(locale, 'letters.call.outcome'))}</legend>
${radios(
  'outcome',
  callOutcomes.map((o) => [o, t(locale, `letters.call.outcome.${o}` as MessageKey)]),
)}
</fieldset>
<p><button type="submit" class="cta">${esc(t(locale, 'letters.call.submit'))}</button></p>
</form>`
      : action.status !== 'open'
        ? `<p><strong>${esc(t(locale, 'letters.closed'))}</strong></p>`
        : '';
  const main = `<h1>${esc(action.title)}</h1>
<p>${esc(t(locale, 'letters.call.intro'))}</p>
<h2>${esc(t(locale, 'letters.call.targets'))}</h2>
${people}
<h2>${esc(t(locale, 'letters.call.script'))}</h2>
${paragraphs}
${form}`;
  return queryPage(locale, action.title, `/act/${action.slug}/call`, '', main);
}
