/**
 * Webhook endpoints of an organization: add (the signing secret is shown once, then kept only encrypted),
 * list, change, delete, test, deliveries and redelivery. Policy:
 * - managing needs `webhooks:manage`; an endpoint of another organization is "not found", never "forbidden";
 * - URLs are http(s) without credentials, and may not name loopback or private hosts (also after DNS
 *   resolution) unless the configuration allows them (tests, local development);
 * - the CLI (system actor) names the organization by slug or id.
 */

import type { ChangeEventType } from '../core/alerts/types.ts';
import { isChangeEventType } from '../core/alerts/types.ts';
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../core/alerts/webhooks.ts';
import { actorCan } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { findOrganization } from '../store/accounts.repo.ts';
import { newId, nowIso } from '../store/util.ts';
import {
  deleteEndpoint,
  getDelivery,
  getEndpoint,
  insertEndpoint,
  listAttempts,
  listDeliveries,
  listEndpoints,
  requeueDelivery,
  updateEndpoint,
} from '../store/webhooks.repo.ts';
import {
  type DeliverOptions,
  type DeliveryResult,
  type DispatchContext,
  deliverOne,
} from './alert-dispatch.ts';
import type { ServiceContext } from './context.ts';
import { decryptField, encryptField } from './field-crypto.ts';
import { generateWebhookSecret, resolvesToPrivate, type SendOutcome, sendWebhook } from './webhook-send.ts';

/** A service context with what webhooks need: the field key and the private-host policy. */
export type WebhookContext = ServiceContext & Omit<DispatchContext, 'db'>;

/** Which organization (CLI only; API actors use their active organization). */
export interface OrgArgs {
  organization?: string | undefined;
}

/** The acting organization; null for the CLI without --organization (it may then reach every endpoint by id). */
async function organizationOf(ctx: WebhookContext, args: OrgArgs): Promise<string | null> {
  const a = ctx.actor;
  if (!actorCan(a, 'webhooks:manage'))
    throw new DomainError('FORBIDDEN', 'managing webhooks needs webhooks:manage');
  if (a.kind === 'system') {
    if (!args.organization) return null;
    const org = await findOrganization(ctx.db, args.organization);
    if (!org) throw new DomainError('ORG_NOT_FOUND', `no organization ${args.organization}`);
    return org.id;
  }
  if ((a.kind === 'user' || a.kind === 'token') && a.organizationId) return a.organizationId;
  throw new DomainError('FORBIDDEN', 'choose an organization first');
}

async function ownEndpoint(ctx: WebhookContext, args: OrgArgs, id: string) {
  const org = await organizationOf(ctx, args);
  const endpoint = await getEndpoint(ctx.db, id);
  if (!endpoint || (org !== null && endpoint.organizationId !== org))
    throw new DomainError('WEBHOOK_NOT_FOUND', `no webhook ${id}`);
  return endpoint;
}

async function checkUrl(ctx: WebhookContext, raw: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('WEBHOOK_URL_INVALID', `${raw} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new DomainError('WEBHOOK_URL_INVALID', 'a webhook URL must start with https:// or http://');
  if (url.username || url.password)
    throw new DomainError('WEBHOOK_URL_INVALID', 'a webhook URL may not carry a user name or password');
  if (raw.length > 2000)
    throw new DomainError('WEBHOOK_URL_INVALID', 'a webhook URL may have at most 2000 characters');
  if (!ctx.allowPrivateHosts) {
    let isPrivate: boolean;
    try {
      isPrivate = await resolvesToPrivate(url);
    } catch {
      throw new DomainError('WEBHOOK_URL_INVALID', `the host ${url.hostname} does not resolve`);
    }
    if (isPrivate)
      throw new DomainError(
        'WEBHOOK_URL_INVALID',
        `the host ${url.hostname} is a loopback or private address`,
      );
  }
  return url.toString();
}

function checkEventTypes(types: string[]): ChangeEventType[] {
  const bad = types.filter((t) => !isChangeEventType(t));
  if (bad.length > 0)
    throw new DomainError('WEBHOOK_EVENT_TYPE_INVALID', `unknown event type ${bad.join(', ')}`, {
      types: bad,
    });
  return [...new Set(types as ChangeEventType[])];
}

async function checkJurisdiction(ctx: WebhookContext, id: string | null): Promise<string | null> {
  if (id === null) return null;
  const row = await ctx.db.selectFrom('jurisdictions').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('JURISDICTION_NOT_FOUND', `no jurisdiction ${id}`, { id });
  return id;
}

function creatorOf(ctx: WebhookContext): string {
  const a = ctx.actor;
  if (a.kind === 'user' || a.kind === 'token') return `user:${a.userId}`;
  return a.kind === 'system' ? `system:${a.name}` : 'public';
}

/** Adds an endpoint; returns it with its secret, which is never shown again. */
export async function addWebhook(
  ctx: WebhookContext,
  args: OrgArgs & {
    url: string;
    description?: string;
    eventTypes?: string[];
    jurisdictionId?: string | null;
  },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const organizationId = await organizationOf(ctx, args);
  if (organizationId === null)
    throw new DomainError('VALIDATION_FAILED', 'name the organization (--organization SLUG)');
  const url = await checkUrl(ctx, args.url);
  const eventTypes = checkEventTypes(args.eventTypes ?? []);
  const jurisdictionId = await checkJurisdiction(ctx, args.jurisdictionId ?? null);
  const secret = generateWebhookSecret();
  const endpoint = await insertEndpoint(
    ctx.db,
    {
      organizationId,
      url,
      description: args.description ?? '',
      eventTypes,
      jurisdictionId,
      active: true,
      createdBy: creatorOf(ctx),
      secretCiphertext: encryptField(ctx.fieldKey, secret),
    },
    nowIso(),
  );
  return { endpoint, secret };
}

/** The organization's endpoints (the CLI without an organization: all), oldest first. */
export async function listWebhooks(ctx: WebhookContext, args: OrgArgs = {}): Promise<WebhookEndpoint[]> {
  return listEndpoints(ctx.db, await organizationOf(ctx, args));
}

/** Changes an endpoint; throws WEBHOOK_NOT_FOUND for another organization's. */
export async function changeWebhook(
  ctx: WebhookContext,
  args: OrgArgs & {
    id: string;
    url?: string | undefined;
    description?: string | undefined;
    eventTypes?: string[] | undefined;
    jurisdictionId?: string | null | undefined;
    active?: boolean | undefined;
  },
): Promise<WebhookEndpoint> {
  await ownEndpoint(ctx, args, args.id);
  await updateEndpoint(
    ctx.db,
    args.id,
    {
      ...(args.url !== undefined ? { url: await checkUrl(ctx, args.url) } : {}),
      ...(args.description !== undefined ? { description: args.description } : {}),
      ...(args.eventTypes !== undefined ? { eventTypes: checkEventTypes(args.eventTypes) } : {}),
      ...(args.jurisdictionId !== undefined
        ? { jurisdictionId: await checkJurisdiction(ctx, args.jurisdictionId) }
        : {}),
      ...(args.active !== undefined ? { active: args.active } : {}),
    },
    nowIso(),
  );
  const { secretCiphertext: _secret, ...endpoint } = await ownEndpoint(ctx, args, args.id);
  return endpoint;
}

/** Deletes an endpoint with its delivery log; throws WEBHOOK_NOT_FOUND. */
export async function removeWebhook(ctx: WebhookContext, args: OrgArgs & { id: string }): Promise<void> {
  await ownEndpoint(ctx, args, args.id);
  await ctx.db.transaction().execute((trx) => deleteEndpoint(trx, args.id));
}

/** Sends a signed `webhook.test` message now (not stored, not retried); returns what the receiver said. */
export async function testWebhook(
  ctx: WebhookContext,
  args: OrgArgs & { id: string },
  options: DeliverOptions = {},
): Promise<SendOutcome & { messageId: string }> {
  const endpoint = await ownEndpoint(ctx, args, args.id);
  const messageId = `test_${newId()}`;
  const nowMs = (options.now ?? (() => new Date()))().getTime();
  const outcome = await sendWebhook({
    url: endpoint.url,
    secret: decryptField(ctx.fieldKey, endpoint.secretCiphertext),
    id: messageId,
    body: JSON.stringify({
      type: 'webhook.test',
      timestamp: new Date(nowMs).toISOString(),
      data: { endpointId: endpoint.id },
    }),
    nowMs,
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    allowPrivateHosts: ctx.allowPrivateHosts,
  });
  return { ...outcome, messageId };
}

/** A delivery with its attempts. */
export interface DeliveryWithAttempts extends WebhookDelivery {
  attemptLog: WebhookAttempt[];
}

/** An endpoint's deliveries, newest first, each with its attempts; throws WEBHOOK_NOT_FOUND. */
export async function webhookDeliveries(
  ctx: WebhookContext,
  args: OrgArgs & { id: string; limit?: number },
): Promise<DeliveryWithAttempts[]> {
  await ownEndpoint(ctx, args, args.id);
  const list = await listDeliveries(ctx.db, args.id, Math.min(Math.max(args.limit ?? 50, 1), 200));
  const out: DeliveryWithAttempts[] = [];
  for (const d of list) out.push({ ...d, attemptLog: await listAttempts(ctx.db, d.id) });
  return out;
}

/** Sends a delivery again now, whatever its status; throws WEBHOOK_DELIVERY_NOT_FOUND for another org's. */
export async function redeliver(
  ctx: WebhookContext,
  args: OrgArgs & { deliveryId: string },
  options: DeliverOptions = {},
): Promise<{ result: DeliveryResult; delivery: DeliveryWithAttempts }> {
  const org = await organizationOf(ctx, args);
  const found = await getDelivery(ctx.db, args.deliveryId);
  const endpoint = found && (await getEndpoint(ctx.db, found.endpointId));
  if (!found || !endpoint || (org !== null && endpoint.organizationId !== org))
    throw new DomainError('WEBHOOK_DELIVERY_NOT_FOUND', `no delivery ${args.deliveryId}`);
  await requeueDelivery(ctx.db, found.id, nowIso(options.now));
  const queued = await getDelivery(ctx.db, found.id);
  const result = queued ? await deliverOne(ctx, queued, options) : 'skipped';
  const after = (await getDelivery(ctx.db, found.id)) ?? found;
  return { result, delivery: { ...after, attemptLog: await listAttempts(ctx.db, found.id) } };
}
