/**
 * One error handler for the whole app: DomainErrors become `{ error: { code, message, details? } }` with the
 * status their kind maps to; Fastify's own errors (bad JSON, body too large, wrong media type) get specific
 * codes; anything else is a 500 whose message reveals nothing and whose details go only to the log.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, type ErrorKind } from '../../core/errors.ts';

const statusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

const fastifyCodes: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', message: 'request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'MALFORMED_JSON',
    message: 'request body is empty but JSON was declared',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'BODY_TOO_LARGE', message: 'request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported content type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_REQUEST',
    message: 'content length does not match the body',
  },
};

/** The HTTP status for a domain error. */
export function httpStatus(error: DomainError): number {
  return statusOf[error.kind];
}

/** True for a unique-constraint violation from PostgreSQL (23505) or SQLite. */
function isUniqueViolation(error: { code?: string | undefined }): boolean {
  return (
    error.code === '23505' ||
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** Installs the error handler, and JSON 404s under /api. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({
        error: {
          code: 'ROUTE_NOT_FOUND',
          message: `no route ${request.method} ${request.url.split('?')[0]}`,
        },
      });
    }
    return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const body: { code: string; message: string; details?: unknown } = {
        code: error.code,
        message: error.message,
      };
      if (error.details !== undefined) body.details = error.details;
      return reply.status(httpStatus(error)).send({ error: body });
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) {
      return reply.status(error.statusCode ?? 400).send({ error: known });
    }
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'RATE_LIMITED', message: 'too many requests; try later' } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: 'BAD_REQUEST', message: error.message.slice(0, 300) } });
    }
    if (isUniqueViolation(error)) {
      return reply.status(409).send({ error: { code: 'CONFLICT', message: 'that record already exists' } });
    }
    // Database and library messages can quote the values involved (an email, a name): log the error's
    // class and where it came from, never its message.
    request.log.error(
      { type: error.name, code: error.code, at: error.stack?.split('\n').slice(1, 6).join('\n') },
      'unhandled error',
    );
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
  });
}
