/** API shapes for alerts: follows, the in-app feed, webhook endpoints and their deliveries (docs/alerts.md). */
import { z } from 'zod';
import { changeEventTypes, emailFrequencies, followTargetKinds } from '../core/alerts/types.ts';
import { deliveryStatuses } from '../core/alerts/webhooks.ts';

const id = z.string().min(1).max(300);
const eventType = z.enum(changeEventTypes);

export const followBody = z
  .strictObject({
    kind: z.enum(followTargetKinds),
    id: id.describe('bill id (lawgap or OCD), OCD person id, committee id, jurisdiction id or indicator id'),
    emailFrequency: z.enum(emailFrequencies).default('none'),
  })
  .meta({ id: 'FollowBody' });

export const followPatch = z
  .strictObject({ emailFrequency: z.enum(emailFrequencies) })
  .meta({ id: 'FollowPatch' });

export const idParams = z.strictObject({ id });

export const follow = z
  .object({
    id: z.string(),
    kind: z.enum(followTargetKinds),
    targetId: z.string(),
    emailFrequency: z.enum(emailFrequencies),
    createdAt: z.string(),
  })
  .meta({ id: 'Follow' });

export const feedQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: id.optional().describe('an event id: the page starts below it (nextBefore of the previous page)'),
});

export const feedEvent = z
  .object({
    id: z.string().describe('UUID v7; also the webhook-id of its webhook deliveries'),
    type: eventType,
    createdAt: z.string(),
    jurisdictionId: z.string().nullable(),
    billId: z.string().nullable(),
    subjectKind: z.enum(['bill', 'vote', 'hearing']),
    subjectId: z.string(),
    payload: z
      .record(z.string(), z.unknown())
      .describe('the event data, as webhooks send it (docs/alerts.md)'),
  })
  .meta({ id: 'FeedEvent' });

export const feedPage = z
  .object({
    events: z.array(feedEvent),
    unseen: z.number().int().describe('feed events newer than the position marked seen'),
    nextBefore: z.string().nullable(),
  })
  .meta({ id: 'FeedPage' });

export const feedSeenBody = z.strictObject({ until: id.describe('the newest event id seen') });
export const feedSeen = z.object({ seenUntil: z.string(), unseen: z.number().int() });

export const webhookBody = z
  .strictObject({
    url: z.string().min(1).max(2000),
    description: z.string().max(500).default(''),
    eventTypes: z.array(eventType).max(changeEventTypes.length).default([]).describe('[] means every type'),
    jurisdictionId: id.nullable().default(null).describe('only events of this jurisdiction'),
  })
  .meta({ id: 'WebhookBody' });

export const webhookPatch = z
  .strictObject({
    url: z.string().min(1).max(2000).optional(),
    description: z.string().max(500).optional(),
    eventTypes: z.array(eventType).max(changeEventTypes.length).optional(),
    jurisdictionId: id.nullable().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'WebhookPatch' });

export const webhookEndpoint = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(eventType),
    jurisdictionId: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WebhookEndpoint' });

export const createdWebhook = z
  .object({
    endpoint: webhookEndpoint,
    secret: z.string().describe('whsec_…: the signing secret, shown only in this answer'),
  })
  .meta({ id: 'CreatedWebhook' });

export const webhookTestResult = z
  .object({
    messageId: z.string(),
    ok: z.boolean(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'WebhookTestResult' });

const attempt = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
});

export const webhookDelivery = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: eventType,
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    attemptLog: z.array(attempt),
  })
  .meta({ id: 'WebhookDelivery' });

export const redeliveryResult = z
  .object({ result: z.enum(['delivered', 'retrying', 'dead', 'skipped']), delivery: webhookDelivery })
  .meta({ id: 'RedeliveryResult' });
