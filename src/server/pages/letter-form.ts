/**
 * The letter send form as both its pages read it: the public `/act/:slug/letter/send` and the embed's
 * `/embed/act/:slug/letter/send` (embed-act.ts), so a field the form gains reaches both.
 */
import type { Locale } from '../../core/framework/types.ts';
import type { LetterInput, LetterProblem } from '../../services/letter-sending.ts';
import { field, list } from './form-pages.ts';
import type { LetterFormState } from './letter-action-html.ts';

/** The targets the form names (`t`, repeated). */
export const wantedTargets = (body: unknown): string[] => list(body, 't');

/** What the form asks to send (without the partner it came through). */
export function letterInput(body: unknown, locale: Locale): LetterInput {
  return {
    targets: wantedTargets(body),
    text: field(body, 'text'),
    name: field(body, 'name'),
    email: field(body, 'email'),
    consent: field(body, 'consent') === 'yes',
    consents: { updates: field(body, 'consent_updates') === 'yes' },
    honeypot: field(body, 'website'),
    idempotencyKey: field(body, 'idempotency_key'),
    locale,
  };
}

/** The form as it is shown again with its problems (fields cut to their limits). */
export function refusedLetterForm(
  body: unknown,
  targets: LetterFormState['targets'],
  problems: LetterProblem[],
  notice?: string,
): LetterFormState {
  return {
    targets,
    text: field(body, 'text').slice(0, 20_000),
    name: field(body, 'name').slice(0, 200),
    email: field(body, 'email').slice(0, 300),
    consent: field(body, 'consent') === 'yes',
    consentUpdates: field(body, 'consent_updates') === 'yes',
    problems,
    ...(notice ? { notice } : {}),
  };
}
