/**
 * Standard Webhooks (https://www.standardwebhooks.com), the pure parts: the body, the signed content, the
 * headers and the retry schedule. The HMAC itself is computed by the caller (services/webhooks.ts, with
 * node:crypto), so this file stays free of IO. Policy:
 * - `webhook-id` is the change event id: stable across retries and redeliveries, so receivers dedupe on it;
 * - `webhook-timestamp` is the send time in Unix seconds (receivers reject old ones against replay);
 * - `webhook-signature` is `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed by the secret's bytes
 *   (the base64 after `whsec_`);
 * - failed sends are retried after 30 s, 2 min, 10 min, 1 h and 6 h; after the last the delivery is dead
 *   (it can still be redelivered by hand).
 */
import type { ChangeEvent } from './types.ts';

/** The secret prefix Standard Webhooks libraries expect. */
export const webhookSecretPrefix = 'whsec_';

/** The JSON body of a delivery: `{ type, timestamp, data }`, timestamp being the event's creation time. */
export function webhookBody(event: Pick<ChangeEvent, 'type' | 'createdAt' | 'payload'>): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt, data: event.payload });
}

/** The content that is signed: `${id}.${timestamp}.${body}`. */
export function signedContent(id: string, timestampSeconds: number, body: string): string {
  return `${id}.${timestampSeconds}.${body}`;
}

/** The three Standard Webhooks headers, given the base64 signature of `signedContent`. */
export function webhookHeaders(
  id: string,
  timestampSeconds: number,
  signatureBase64: string,
): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${signatureBase64}`,
  };
}

/** Seconds to wait after each failed attempt (index 0: after the first); the attempt after the last is none. */
export const retryDelaysSeconds = [30, 120, 600, 3600, 21600] as const;

/** Attempts a delivery gets before it is dead: the first plus one per retry delay. */
export const maxAttempts = retryDelaysSeconds.length + 1;

/** When to try again after `attempts` failed attempts, or null when the delivery is dead. */
export function nextAttemptAt(attempts: number, nowMs: number): string | null {
  const delay = retryDelaysSeconds[attempts - 1];
  return delay === undefined ? null : new Date(nowMs + delay * 1000).toISOString();
}
