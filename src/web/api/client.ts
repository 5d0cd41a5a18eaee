/**
 * The fetch wrapper every API call goes through. Requests stay on our origin and carry the session cookie;
 * writes made while signed in carry the session's CSRF token in `X-CSRF-Token`, as the server demands.
 */

/** An API failure: the server's `{ error: { code, message } }`, or NETWORK when no answer came. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A small typed HTTP client bound to one CSRF token at a time. */
export interface HttpClient {
  request<T>(method: Method, path: string, body?: unknown): Promise<T>;
  setCsrfToken(token: string | null): void;
}

function isErrorBody(
  value: unknown,
): value is { error: { code: string; message: string; details?: unknown } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** Creates the client; `fetchImpl` is injectable for tests. */
export function createHttpClient(fetchImpl: typeof fetch = (...args) => fetch(...args)): HttpClient {
  let csrfToken: string | null = null;
  return {
    setCsrfToken(token) {
      csrfToken = token;
    },
    async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
      let response: Response;
      try {
        response = await fetchImpl(path, {
          method,
          headers,
          credentials: 'same-origin',
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
      } catch (err) {
        throw new ApiError('NETWORK', err instanceof Error ? err.message : 'network error', 0);
      }
      if (response.status === 204) return undefined as T;
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      if (!response.ok) {
        if (isErrorBody(json)) {
          throw new ApiError(json.error.code, json.error.message, response.status, json.error.details);
        }
        throw new ApiError('HTTP_ERROR', `HTTP ${response.status}`, response.status);
      }
      return json as T;
    },
  };
}
