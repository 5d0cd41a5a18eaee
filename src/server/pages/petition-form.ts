/**
 * What the petition page and its embed form share: the posted form read back into the page (so a refused
 * signature keeps what the supporter typed), the signature it asks for, and the page a refusal answers with.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import type { Petition } from '../../core/petitions/types.ts';
import { challengeField } from '../../services/petition-challenge.ts';
import type { SignatureInput, SignatureProblem } from '../../services/petition-signing.ts';
import { field } from './form-pages.ts';
import { type PetitionFormState, petitionPage } from './petition-html.ts';

/** The form as posted, with the problems to show beside it. */
export function formState(body: unknown, problems: SignatureProblem[], notice?: string): PetitionFormState {
  return {
    name: field(body, 'name').slice(0, 200),
    email: field(body, 'email').slice(0, 300),
    postcode: field(body, 'postcode').slice(0, 40),
    consents: {
      campaign: field(body, 'consent_campaign') === 'yes',
      updates: field(body, 'consent_updates') === 'yes',
      partner: field(body, 'consent_partner') === 'yes',
    },
    problems,
    ...(notice ? { notice } : {}),
  };
}

/** The signature a posted form asks for (the `Idempotency-Key` header wins over the form's hidden key). */
export function signatureInput(request: FastifyRequest, locale: Locale): SignatureInput {
  const body = request.body;
  const header = request.headers['idempotency-key'];
  return {
    name: field(body, 'name'),
    email: field(body, 'email'),
    postcode: field(body, 'postcode'),
    country: field(body, 'country'),
    consents: formState(body, []).consents,
    honeypot: field(body, 'website'),
    idempotencyKey: (typeof header === 'string' ? header : '') || field(body, 'idempotency_key'),
    locale,
    challenge: field(body, challengeField),
    clientIp: request.ip,
  };
}

/** How a refused signature is answered: 'not-found', or the form again with a status and problems or a notice. */
export type SignRefusal = 'not-found' | { status: number; problems: SignatureProblem[]; notice?: string };

/** The answer to a signing error, or null when the error is not a refusal (it is then thrown on). */
export function signRefusal(err: unknown, locale: Locale): SignRefusal | null {
  if (isDomainError(err, 'PETITION_NOT_FOUND')) return 'not-found';
  if (isDomainError(err, 'PETITION_CLOSED'))
    return { status: 409, problems: [], notice: t(locale, 'petition.error.closed') };
  if (isDomainError(err, 'PETITION_CHALLENGE_INVALID'))
    return { status: 400, problems: [], notice: t(locale, 'petition.error.challenge') };
  if (isDomainError(err, 'VALIDATION_FAILED'))
    return { status: 400, problems: (err.details as { problems: SignatureProblem[] }).problems };
  return null;
}

/**
 * The petition page again after a refused signature: the form as posted with its problems or notice, under the
 * same idempotency key (a fresh one when the form had none), so a corrected resubmission is still one signature.
 */
export function refusedPetitionPage(
  locale: Locale,
  found: { petition: Petition; count: number },
  body: unknown,
  problems: SignatureProblem[],
  notice?: string,
): string {
  const key = field(body, 'idempotency_key') || randomBytes(18).toString('base64url');
  return petitionPage(locale, found.petition, found.count, formState(body, problems, notice), key);
}
