/** The organization's webhook endpoints, their deliveries and redelivery (docs/alerts.md); needs webhooks:manage. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createdWebhook,
  idParams,
  redeliveryResult,
  webhookBody,
  webhookDelivery,
  webhookEndpoint,
  webhookPatch,
  webhookTestResult,
} from '../../contracts/alerts.ts';
import type { WebhookEndpoint } from '../../core/alerts/webhooks.ts';
import type { Actor } from '../../core/auth/permissions.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import {
  addWebhook,
  changeWebhook,
  type DeliveryWithAttempts,
  listWebhooks,
  redeliver,
  removeWebhook,
  testWebhook,
  type WebhookContext,
  webhookDeliveries,
} from '../../services/webhooks.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

function endpointOut(e: WebhookEndpoint) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    jurisdictionId: e.jurisdictionId,
    active: e.active,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

function deliveryOut(d: DeliveryWithAttempts) {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt,
    createdAt: d.createdAt,
    attemptLog: d.attemptLog.map(({ id: _id, deliveryId: _d, ...a }) => a),
  };
}

/** Registers /api/v1/webhooks… and /api/v1/webhook-deliveries/:id/redeliver. */
export function registerWebhookRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['alerts'];
  const access = 'webhooks:manage';
  let key: FieldKey | null = null;
  const ctx = (actor: Actor | null): WebhookContext => {
    key ??= loadFieldKey(deps.config);
    return {
      ...serviceCtx(deps, actor),
      fieldKey: key,
      allowPrivateHosts: deps.config.allowPrivateWebhookHosts,
    };
  };

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/webhooks',
    summary: "The organization's webhook endpoints (never their secrets)",
    tags,
    access,
    response: z.array(webhookEndpoint),
    handler: async ({ actor }) => (await listWebhooks(ctx(actor))).map(endpointOut),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/webhooks',
    summary: 'Add a webhook endpoint; the answer shows its signing secret, once',
    tags,
    access,
    status: 201,
    body: webhookBody,
    response: createdWebhook,
    handler: async ({ actor, body }) => {
      const { endpoint, secret } = await addWebhook(ctx(actor), body);
      return { endpoint: endpointOut(endpoint), secret };
    },
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/webhooks/:id',
    summary: 'Change a webhook endpoint (URL, filters, active)',
    tags,
    access,
    params: idParams,
    body: webhookPatch,
    response: webhookEndpoint,
    handler: async ({ actor, params, body }) =>
      endpointOut(await changeWebhook(ctx(actor), { id: params.id, ...body })),
  });

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/v1/webhooks/:id',
    summary: 'Delete a webhook endpoint and its delivery log',
    tags,
    access,
    status: 204,
    params: idParams,
    handler: async ({ actor, params }) => {
      await removeWebhook(ctx(actor), { id: params.id });
      return undefined;
    },
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/webhooks/:id/test',
    summary: 'Send a signed webhook.test message to the endpoint now',
    tags,
    access,
    params: idParams,
    response: webhookTestResult,
    rateLimitPerMinute: 20,
    handler: async ({ actor, params }) => {
      const r = await testWebhook(ctx(actor), { id: params.id });
      return {
        messageId: r.messageId,
        ok: r.ok,
        statusCode: r.statusCode,
        error: r.error,
        durationMs: r.durationMs,
      };
    },
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/webhooks/:id/deliveries',
    summary: "The endpoint's deliveries, newest first, with every attempt",
    tags,
    access,
    params: idParams,
    response: z.array(webhookDelivery),
    handler: async ({ actor, params }) =>
      (await webhookDeliveries(ctx(actor), { id: params.id })).map(deliveryOut),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/webhook-deliveries/:id/redeliver',
    summary: 'Send a delivery again now, whatever its status (same webhook-id)',
    tags,
    access,
    params: idParams,
    response: redeliveryResult,
    rateLimitPerMinute: 30,
    handler: async ({ actor, params }) => {
      const r = await redeliver(ctx(actor), { deliveryId: params.id });
      return { result: r.result, delivery: deliveryOut(r.delivery) };
    },
  });
}
