/** Turns API failures into interface text: known codes are translated; others keep the server's English. */
import type { MessageKey } from '../../core/i18n/messages.ts';
import { ApiError } from '../api/client.ts';
import type { I18n } from './i18n.tsx';

/** A failure ready to show: the text, its language when it is not the interface's, and the field it is about. */
export interface ShownError {
  text: string;
  lang?: 'en';
  field?: string;
}

const known: Record<string, MessageKey> = {
  NETWORK: 'app.error.network',
  AUTH_FAILED: 'app.error.authFailed',
  AUTH_REQUIRED: 'app.error.authRequired',
  FORBIDDEN: 'app.error.forbidden',
  CSRF_FAILED: 'app.error.csrf',
  RATE_LIMITED: 'app.error.rateLimited',
  TOKEN_INVALID: 'app.error.tokenInvalid',
  USER_EXISTS: 'app.error.userExists',
  MEMBERSHIP_EXISTS: 'app.error.membershipExists',
  LAST_ADMIN: 'app.error.lastAdmin',
  SETUP_DONE: 'app.error.setupDone',
  QC_DIVERGENCE_OPEN: 'app.error.divergenceOpen',
  ANSWER_STATUS_INVALID: 'app.error.answerStatusInvalid',
  QC_ALREADY_CODED: 'app.error.alreadyCoded',
  QC_ASSIGNMENT_NOT_FOUND: 'app.error.assignmentNotFound',
};

function fieldOf(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const field = (details as { field?: unknown }).field;
  return typeof field === 'string' ? field : undefined;
}

/** The text to show for a failure. */
export function describeError(i18n: I18n, err: unknown): ShownError {
  if (!(err instanceof ApiError)) return { text: i18n.t('app.error.unexpected') };
  const field = fieldOf(err.details);
  const key = known[err.code];
  if (key) return { text: i18n.t(key), ...(field ? { field } : {}) };
  // One sentence covers every rule of the password policy, so no English reason leaks into the page.
  if (err.code === 'PASSWORD_WEAK') return { text: i18n.t('app.error.passwordWeak'), field: 'password' };
  if (err.status >= 500 || err.code === 'HTTP_ERROR') return { text: i18n.t('app.error.unexpected') };
  // Validation and other coded failures: the server's own sentence, marked as English.
  return {
    text: err.message,
    ...(i18n.locale === 'en' ? {} : { lang: 'en' as const }),
    ...(field ? { field } : {}),
  };
}
