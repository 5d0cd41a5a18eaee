/** Webhook endpoints, deliveries and attempts as the services and API see them (the secret never appears). */
import type { ChangeEventType } from './types.ts';

/** An organization's webhook endpoint. */
export interface WebhookEndpoint {
  id: string;
  organizationId: string;
  url: string;
  description: string;
  /** Event types it receives; [] means all. */
  eventTypes: ChangeEventType[];
  /** Only events of this jurisdiction, when set. */
  jurisdictionId: string | null;
  active: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const deliveryStatuses = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** One event sent (or to be sent) to one endpoint. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: ChangeEventType;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One try of a delivery, as logged. */
export interface WebhookAttempt {
  id: string;
  deliveryId: string;
  attempt: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

/** True when an endpoint wants an event (type filter, jurisdiction filter, existed before the event). */
export function endpointWants(
  endpoint: Pick<WebhookEndpoint, 'eventTypes' | 'jurisdictionId' | 'active' | 'createdAt'>,
  event: { type: ChangeEventType; jurisdictionId: string | null; createdAt: string },
): boolean {
  if (!endpoint.active) return false;
  if (endpoint.createdAt > event.createdAt) return false;
  if (endpoint.eventTypes.length > 0 && !endpoint.eventTypes.includes(event.type)) return false;
  return endpoint.jurisdictionId === null || endpoint.jurisdictionId === event.jurisdictionId;
}

/**
 * True for a host that names this machine or a private network (loopback, RFC 1918, link-local, unique
 * local, unspecified), given as a name or an IP literal. Names are checked literally; callers also check
 * what a name resolves to.
 */
export function isPrivateHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal'))
    return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  if (h.includes(':')) {
    if (h === '::' || h === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    if (mapped?.[1]) return isPrivateHost(mapped[1]);
    return /^f[cd]/.test(h) || /^fe[89ab]/.test(h);
  }
  return false;
}
