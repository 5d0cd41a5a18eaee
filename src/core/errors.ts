/**
 * Coded domain errors. Core and services throw these; the server maps each code to an HTTP status in one
 * place (server/plugins/errors.ts) and the CLI maps them to exit codes. Nothing below the edge knows HTTP.
 */
export const errorCodes = {
  VALIDATION_FAILED: 'invalid',
  NOT_FOUND: 'not_found',
  FRAMEWORK_INVALID: 'invalid',
  FRAMEWORK_NOT_FOUND: 'not_found',
  FRAMEWORK_IMMUTABLE: 'conflict',
  JURISDICTION_NOT_FOUND: 'not_found',
  JURISDICTION_EXISTS: 'conflict',
  JURISDICTION_INVALID: 'invalid',
  LAW_INVALID: 'invalid',
  DOCUMENT_UNREADABLE: 'invalid',
  FORMAT_UNSUPPORTED: 'invalid',
  LAW_NOT_FOUND: 'not_found',
  LAW_VERSION_NOT_FOUND: 'not_found',
  LAW_VERSION_OVERLAP: 'conflict',
  LAW_DOCUMENT_MISMATCH: 'conflict',
  INDICATOR_NOT_FOUND: 'not_found',
  PROVISION_NOT_FOUND: 'not_found',
  ANSWER_NOT_FOUND: 'not_found',
  ANSWER_INVALID: 'invalid',
  ANSWER_OVERLAP: 'conflict',
  ANSWER_STATUS_INVALID: 'conflict',
  EVIDENCE_NOT_FOUND: 'invalid',
  SUGGESTION_NOT_FOUND: 'not_found',
  SUGGESTION_REVIEWED: 'conflict',
  SUGGESTION_INVALID: 'invalid',
  MODIFIER_NOT_FOUND: 'not_found',
  FINDING_NOT_FOUND: 'not_found',
  FINDING_OVERLAP: 'conflict',
  CITATION_JURISDICTION_MISMATCH: 'invalid',
  LAW_NOT_TREATY: 'invalid',
  TREATY_PARTY_INVALID: 'invalid',
  TREATY_PARTY_EXISTS: 'conflict',
  TREATY_PARTY_NOT_FOUND: 'not_found',
  CODING_IMPORT_INVALID: 'invalid',
  BILL_FILE_INVALID: 'invalid',
  BILL_NOT_FOUND: 'not_found',
  CAMPAIGN_NOT_FOUND: 'not_found',
  STORY_NOT_FOUND: 'not_found',
  STATISTICS_IMPORT_INVALID: 'invalid',
  STATISTICS_IMPORT_NOT_FOUND: 'not_found',
  CONSENT_INCOMPLETE: 'conflict',
  STORY_IDENTIFYING: 'conflict',
  STORY_STATE_INVALID: 'conflict',
  PETITION_NOT_FOUND: 'not_found',
  PETITION_SLUG_TAKEN: 'conflict',
  PETITION_STATE_INVALID: 'conflict',
  PETITION_CLOSED: 'conflict',
  PETITION_CHALLENGE_INVALID: 'invalid',
  ACTION_NOT_FOUND: 'not_found',
  ACTION_SLUG_TAKEN: 'conflict',
  ACTION_STATE_INVALID: 'conflict',
  ACTION_CLOSED: 'conflict',
  LETTER_NOT_FOUND: 'not_found',
  LETTER_STATE_INVALID: 'conflict',
  SIGNATURE_NOT_FOUND: 'not_found',
  SIGNATURE_DUPLICATE: 'conflict',
  SIGNATURE_STATE_INVALID: 'conflict',
  BILL_VERSION_NOT_FOUND: 'not_found',
  BILL_TEXT_MISSING: 'invalid',
  RECODING_TASK_NOT_FOUND: 'not_found',
  RECODING_INVALID: 'invalid',
  RECODING_STATE_INVALID: 'conflict',
  PEOPLE_FILE_INVALID: 'invalid',
  DISTRICT_FILE_INVALID: 'invalid',
  PERSON_NOT_FOUND: 'not_found',
  COMMITTEE_NOT_FOUND: 'not_found',
  QC_BATCH_NOT_FOUND: 'not_found',
  QC_BATCH_INVALID: 'invalid',
  QC_ASSIGNMENT_NOT_FOUND: 'not_found',
  QC_ALREADY_CODED: 'conflict',
  QC_DIVERGENCE_NOT_FOUND: 'not_found',
  QC_DIVERGENCE_OPEN: 'conflict',
  QC_DIVERGENCE_RECONCILED: 'conflict',
  QC_RECONCILE_INVALID: 'invalid',
  EXPORT_DIR_INVALID: 'invalid',
  EXPORT_INVALID: 'internal',
  USER_NOT_FOUND: 'not_found',
  USER_EXISTS: 'conflict',
  USER_DISABLED: 'forbidden',
  ORG_NOT_FOUND: 'not_found',
  ORG_EXISTS: 'conflict',
  MEMBERSHIP_EXISTS: 'conflict',
  MEMBERSHIP_NOT_FOUND: 'not_found',
  LAST_ADMIN: 'conflict',
  PASSWORD_WEAK: 'invalid',
  AUTH_REQUIRED: 'unauthenticated',
  AUTH_FAILED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  CSRF_FAILED: 'forbidden',
  RATE_LIMITED: 'rate_limited',
  TOKEN_INVALID: 'invalid',
  SETUP_DONE: 'conflict',
  FIELD_KEY_INVALID: 'internal',
  FOLLOW_NOT_FOUND: 'not_found',
  FOLLOW_EXISTS: 'conflict',
  FOLLOW_TARGET_NOT_FOUND: 'not_found',
  WEBHOOK_NOT_FOUND: 'not_found',
  WEBHOOK_URL_INVALID: 'invalid',
  WEBHOOK_EVENT_TYPE_INVALID: 'invalid',
  WEBHOOK_DELIVERY_NOT_FOUND: 'not_found',
  MIGRATION_UNKNOWN: 'internal',
  CONFIG_INVALID: 'invalid',
  PRIVACY_K_TOO_SMALL: 'invalid',
  PRIVACY_PARAMETER_INVALID: 'invalid',
  PRIVACY_TOO_MANY_ATTRIBUTES: 'invalid',
  PRIVACY_ATTRIBUTE_NOT_ALLOWED: 'invalid',
  PRIVACY_UNIT_MISMATCH: 'conflict',
  PRIVACY_BUDGET_EXCEEDED: 'conflict',
  PRIVACY_LEDGER_NOT_FOUND: 'not_found',
  CASES_IMPORT_INVALID: 'invalid',
  CASE_DATASET_NOT_FOUND: 'not_found',
  CASE_RELEASE_NOT_FOUND: 'not_found',
  CASE_RELEASE_PUBLISHED: 'conflict',
  HELP_RESOURCE_NOT_FOUND: 'not_found',
  ERROR_REPORT_NOT_FOUND: 'not_found',
  INTERNAL: 'internal',
} as const;

export type ErrorCode = keyof typeof errorCodes;
/** The broad class of an error, which the edges (HTTP, CLI) translate. */
export type ErrorKind = (typeof errorCodes)[ErrorCode];

/** An expected failure with a stable code, a human message and optional structured details. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  /** The broad class of this error. */
  get kind(): ErrorKind {
    return errorCodes[this.code];
  }
}

/** True when the value is a DomainError with the given code (or any code when none is given). */
export function isDomainError(value: unknown, code?: ErrorCode): value is DomainError {
  return value instanceof DomainError && (code === undefined || value.code === code);
}
