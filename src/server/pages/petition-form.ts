/**
 * What the petition page and its embed form share: the posted form read back into the page (so a refused
 * signature keeps what the supporter typed), the signature it asks for, and the page a refusal answers with.
 */
import type { FastifyRequest } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { challengeField } from '../../services/petition-challenge.ts';
import type { SignatureInput, SignatureProblem } from '../../services/petition-signing.ts';
import { field } from './form-pages.ts';
import type { PetitionFormState } from './petition-html.ts';

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
