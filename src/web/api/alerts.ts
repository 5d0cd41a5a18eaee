/**
 * The alerts API as the workspace uses it: follows, the feed, and the organization's webhook endpoints. It has
 * its own client bound to the session's CSRF token (`useAlertsApi`), so the shared endpoint list stays small.
 */
import { useMemo } from 'react';
import type { z } from 'zod';
import type {
  createdWebhook,
  feedEvent,
  feedPage,
  follow,
  webhookDelivery,
  webhookEndpoint,
  webhookTestResult,
} from '../../contracts/alerts.ts';
import type { EmailFrequency, FollowTargetKind } from '../../core/alerts/types.ts';
import { useSession } from '../lib/session.tsx';
import { createHttpClient, type HttpClient } from './client.ts';

/** A follow of the signed-in user. */
export type Follow = z.output<typeof follow>;
/** One entry of the feed. */
export type FeedEvent = z.output<typeof feedEvent>;
/** A page of the feed: newest first; `unseen` counts events after the user's seen marker. */
export type FeedPage = z.output<typeof feedPage>;
/** A webhook endpoint of the organization (never with its secret). */
export type WebhookEndpoint = z.output<typeof webhookEndpoint>;
/** An endpoint just created: the signing secret is shown this once. */
export type CreatedWebhook = z.output<typeof createdWebhook>;
/** One delivery of an event to an endpoint, with its attempts. */
export type WebhookDelivery = z.output<typeof webhookDelivery>;
/** What sending a test message did. */
export type WebhookTestResult = z.output<typeof webhookTestResult>;

/** What a new endpoint needs. */
export interface WebhookBody {
  url: string;
  description: string;
  eventTypes: string[];
  jurisdictionId?: string | null;
}

const enc = encodeURIComponent;

function qs(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The alert calls over one HTTP client. */
export function createAlertsApi(http: HttpClient) {
  return {
    follows: () => http.request<Follow[]>('GET', '/api/v1/follows'),
    follow: (kind: FollowTargetKind, id: string, emailFrequency: EmailFrequency) =>
      http.request<Follow>('POST', '/api/v1/follows', { kind, id, emailFrequency }),
    setEmailFrequency: (followId: string, emailFrequency: EmailFrequency) =>
      http.request<Follow>('PATCH', `/api/v1/follows/${enc(followId)}`, { emailFrequency }),
    unfollow: (followId: string) => http.request<void>('DELETE', `/api/v1/follows/${enc(followId)}`),
    feed: (q: { limit?: number; before?: string } = {}) =>
      http.request<FeedPage>('GET', `/api/v1/feed${qs(q)}`),
    markSeen: (until: string) =>
      http.request<{ seenUntil: string; unseen: number }>('POST', '/api/v1/feed/seen', { until }),
    webhooks: () => http.request<WebhookEndpoint[]>('GET', '/api/v1/webhooks'),
    createWebhook: (body: WebhookBody) => http.request<CreatedWebhook>('POST', '/api/v1/webhooks', body),
    updateWebhook: (id: string, body: Partial<WebhookBody> & { active?: boolean }) =>
      http.request<WebhookEndpoint>('PATCH', `/api/v1/webhooks/${enc(id)}`, body),
    deleteWebhook: (id: string) => http.request<void>('DELETE', `/api/v1/webhooks/${enc(id)}`),
    testWebhook: (id: string) => http.request<WebhookTestResult>('POST', `/api/v1/webhooks/${enc(id)}/test`),
    deliveries: (id: string) =>
      http.request<WebhookDelivery[]>('GET', `/api/v1/webhooks/${enc(id)}/deliveries`),
    redeliver: (deliveryId: string) =>
      http.request<{ result: string; delivery: WebhookDelivery }>(
        'POST',
        `/api/v1/webhook-deliveries/${enc(deliveryId)}/redeliver`,
      ),
  };
}

/** The alerts API. */
export type AlertsApi = ReturnType<typeof createAlertsApi>;

/** The alerts API bound to the current session's CSRF token. */
export function useAlertsApi(): AlertsApi {
  const { state } = useSession();
  const csrf = state?.csrfToken ?? null;
  return useMemo(() => {
    const http = createHttpClient();
    http.setCsrfToken(csrf);
    return createAlertsApi(http);
  }, [csrf]);
}
