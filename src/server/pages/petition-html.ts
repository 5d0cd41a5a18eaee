/**
 * The HTML of the public petition pages: the petition with its count and form, the "check your email" answer,
 * and the confirm / unsubscribe buttons. Plain forms that work without JavaScript; no inline script or style
 * (the sign form loads `/assets/petition.js`, which solves the proof-of-work when scripts run).
 * The petition page is cached (petition-cache.ts), so it holds a placeholder for the per-response
 * idempotency key, filled in as each copy is sent.
 */
import type { Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import type { Petition } from '../../core/petitions/types.ts';
import type { SignatureProblem } from '../../services/petition-signing.ts';
import { messagePage, queryPage } from './follow-html.ts';
import { esc } from './html.ts';

/** Replaced by a fresh idempotency key in each copy of a cached petition page. */
export const idempotencyPlaceholder = '%%IDEMPOTENCY_KEY%%';

/** What the form shows again after a refused POST. */
export interface PetitionFormState {
  name: string;
  email: string;
  postcode: string;
  consents: { campaign: boolean; updates: boolean; partner: boolean };
  problems: SignatureProblem[];
  /** A message above the form (a closed petition, a foreign origin). */
  notice?: string;
}

/** An empty form. */
export const emptyForm: PetitionFormState = {
  name: '',
  email: '',
  postcode: '',
  consents: { campaign: false, updates: false, partner: false },
  problems: [],
};

function problemText(locale: Locale, p: SignatureProblem): string {
  return t(locale, `petition.error.${p.field}.${p.reason}` as MessageKey);
}

function fieldError(locale: Locale, f: PetitionFormState, field: SignatureProblem['field']) {
  const p = f.problems.find((x) => x.field === field);
  return {
    attrs: p ? ` aria-invalid="true" aria-describedby="${field}-error"` : '',
    note: p ? `<p class="field-error" id="${field}-error">${esc(problemText(locale, p))}</p>` : '',
  };
}

function checkbox(id: string, checked: boolean, label: string, attrs = ''): string {
  return `<p><input type="checkbox" id="${id}" name="${id}" value="yes"${checked ? ' checked' : ''}${attrs}>
<label for="${id}">${esc(label)}</label></p>`;
}

function signForm(locale: Locale, p: Petition, f: PetitionFormState, idempotencyKey: string): string {
  const name = fieldError(locale, f, 'name');
  const email = fieldError(locale, f, 'email');
  const postcode = fieldError(locale, f, 'postcode');
  const consent = fieldError(locale, f, 'consent');
  const partner = p.partnerName
    ? checkbox(
        'consent_partner',
        f.consents.partner,
        t(locale, 'petition.consent.partner', { partner: p.partnerName }),
      )
    : '';
  return `<form method="post" action="/act/${esc(p.slug)}/sign" class="form" data-challenge="/act/${esc(p.slug)}/challenge" data-checking="${esc(t(locale, 'petition.checking'))}">
<input type="hidden" name="lang" value="${locale}">
<input type="hidden" name="idempotency_key" value="${esc(idempotencyKey)}">
<input type="hidden" name="altcha" value="">
<p><label for="name">${esc(t(locale, 'petition.name'))}</label><br>
<input type="text" id="name" name="name" autocomplete="name" required maxlength="100" value="${esc(f.name)}"${name.attrs}></p>
${name.note}
<p><label for="email">${esc(t(locale, 'petition.email'))}</label><br>
<input type="email" id="email" name="email" autocomplete="email" required maxlength="254" value="${esc(f.email)}"${email.attrs}></p>
${email.note}
<p><label for="postcode">${esc(t(locale, 'petition.postcode'))}</label><br>
<input type="text" id="postcode" name="postcode" autocomplete="postal-code" maxlength="16" value="${esc(f.postcode)}"${postcode.attrs}></p>
${postcode.note}
<div hidden><label for="website">${esc(t(locale, 'petition.honeypot'))}</label>
<input type="text" id="website" name="website" tabindex="-1" autocomplete="off" value=""></div>
<fieldset>
<legend>${esc(t(locale, 'petition.choices'))}</legend>
${checkbox('consent_campaign', f.consents.campaign, t(locale, 'petition.consent.campaign'), ` required${consent.attrs}`)}
${consent.note}
${checkbox('consent_updates', f.consents.updates, t(locale, 'petition.consent.updates', { sender: p.senderName }))}
${partner}
</fieldset>
<p><button type="submit" class="cta">${esc(t(locale, 'petition.submit'))}</button></p>
<p id="pow-status" role="status" class="muted"></p>
</form>
<script src="/assets/petition.js" defer></script>`;
}

/** The petition page: title, addressee, text, count, and the form while the petition is open. */
export function petitionPage(
  locale: Locale,
  p: Petition,
  count: number,
  form: PetitionFormState = emptyForm,
  idempotencyKey = idempotencyPlaceholder,
): string {
  const messages = [
    ...(form.notice ? [form.notice] : []),
    ...form.problems.map((x) => problemText(locale, x)),
  ];
  const summary = messages.length
    ? `<div role="alert" class="message message-error"><p>${esc(t(locale, 'petition.errorsIntro'))}</p><ul>${messages
        .map((m) => `<li>${esc(m)}</li>`)
        .join('')}</ul></div>`
    : '';
  const paragraphs = p.text
    .split(/\n{2,}/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => `<p>${esc(x)}</p>`)
    .join('\n');
  const fmt = new Intl.NumberFormat(locale);
  const body =
    p.status === 'open'
      ? `<h2 id="sign">${esc(t(locale, 'petition.sign'))}</h2>
<p class="muted">${esc(t(locale, 'petition.privacy'))} <a href="/my-data?lang=${locale}">${esc(t(locale, 'mydata.link'))}</a></p>
${summary}
${signForm(locale, p, form, idempotencyKey)}`
      : `${summary}<p><strong>${esc(t(locale, 'petition.closed'))}</strong></p>`;
  const main = `<h1>${esc(p.title)}</h1>
<p>${esc(t(locale, 'petition.to', { target: p.targetDescription }))}</p>
<p><strong id="count">${esc(t(locale, 'petition.count', { count: fmt.format(count), goal: fmt.format(p.goal) }))}</strong>
<br><span class="muted">${esc(t(locale, 'petition.countNote'))}</span></p>
<progress max="${p.goal}" value="${Math.min(count, p.goal)}" aria-labelledby="count">${count}</progress>
${paragraphs}
${body}`;
  return queryPage(locale, p.title, `/act/${p.slug}`, '', main);
}

/** A page that only says something, with language links back to `path`. */
export function petitionMessage(
  locale: Locale,
  titleKey: MessageKey,
  bodyKey: MessageKey,
  path: string,
  vars: Record<string, string> = {},
) {
  return messagePage(locale, t(locale, titleKey, vars), t(locale, bodyKey, vars), path);
}

/** A page with one button that POSTs to `path` (confirming or unsubscribing takes a deliberate press). */
export function petitionButtonPage(
  locale: Locale,
  args: { title: string; body: string; path: string; button: string },
): string {
  const main = `<h1>${esc(args.title)}</h1>
<p>${esc(args.body)}</p>
<form method="post" action="${esc(args.path)}">
<input type="hidden" name="lang" value="${locale}">
<p><button type="submit" class="cta">${esc(args.button)}</button></p>
</form>`;
  return queryPage(locale, args.title, args.path, '', main);
}
