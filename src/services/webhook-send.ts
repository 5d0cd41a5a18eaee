/**
 * Sending one signed webhook request (Standard Webhooks): sign, POST with a timeout, read a short excerpt of the
 * answer. Any 2xx answer is success; anything else (another status, a refused connection, a timeout, a host
 * that resolves to a private address when those are not allowed) is a failure described in `error`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { signedContent, webhookHeaders, webhookSecretPrefix } from '../core/alerts/standard-webhooks.ts';
import { isPrivateHost } from '../core/alerts/webhooks.ts';

/** The fetch the dispatcher uses (the global one unless a test passes another). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** A new signing secret: `whsec_` and the base64 of 24 random bytes. */
export function generateWebhookSecret(): string {
  return `${webhookSecretPrefix}${randomBytes(24).toString('base64')}`;
}

/** The Standard Webhooks headers of a message signed with `secret` (`whsec_…`). */
export function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  const key = Buffer.from(
    secret.startsWith(webhookSecretPrefix) ? secret.slice(webhookSecretPrefix.length) : secret,
    'base64',
  );
  const signature = createHmac('sha256', key)
    .update(signedContent(id, timestampSeconds, body))
    .digest('base64');
  return webhookHeaders(id, timestampSeconds, signature);
}

/** True when the URL's host is, or resolves to, a loopback or private address. */
export async function resolvesToPrivate(url: URL): Promise<boolean> {
  if (isPrivateHost(url.hostname)) return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = await lookup(host, { all: true });
  return addresses.some((a) => isPrivateHost(a.address));
}

/** What one send gave. */
export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  durationMs: number;
}

/** Posts a signed message; never throws. */
export async function sendWebhook(args: {
  url: string;
  secret: string;
  id: string;
  body: string;
  nowMs: number;
  fetch: FetchLike;
  timeoutMs: number;
  allowPrivateHosts: boolean;
}): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    if (!args.allowPrivateHosts && (await resolvesToPrivate(new URL(args.url)))) {
      return {
        ok: false,
        statusCode: null,
        error: 'the host resolves to a private address',
        responseExcerpt: null,
        durationMs: elapsed(),
      };
    }
    const headers = signWebhook(args.secret, args.id, Math.floor(args.nowMs / 1000), args.body);
    const response = await args.fetch(args.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'lawgap-webhooks/1', ...headers },
      body: args.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(args.timeoutMs),
    });
    const text = await response.text().catch(() => '');
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      statusCode: response.status,
      error: ok ? null : `the receiver answered ${response.status}`,
      responseExcerpt: text.slice(0, 500) || null,
      durationMs: elapsed(),
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const why =
      e.name === 'TimeoutError' || e.name === 'AbortError'
        ? `no answer within ${args.timeoutMs} ms`
        : (e.cause?.code ?? e.message ?? 'the request failed');
    return {
      ok: false,
      statusCode: null,
      error: String(why).slice(0, 300),
      responseExcerpt: null,
      durationMs: elapsed(),
    };
  }
}
