/** Follows and the in-app feed of the signed-in person (docs/alerts.md). Each person sees only their own. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  feedPage,
  feedQuery,
  feedSeen,
  feedSeenBody,
  follow,
  followBody,
  followPatch,
  idParams,
} from '../../contracts/alerts.ts';
import type { ChangeEvent } from '../../core/alerts/types.ts';
import {
  addFollow,
  changeFollow,
  type Follow,
  feed,
  listMyFollows,
  markFeedSeen,
  removeFollow,
} from '../../services/follows.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

function followOut(f: Follow) {
  return {
    id: f.id,
    kind: f.kind,
    targetId: f.targetId,
    emailFrequency: f.emailFrequency,
    createdAt: f.createdAt,
  };
}

function eventOut(e: ChangeEvent) {
  return {
    id: e.id,
    type: e.type,
    createdAt: e.createdAt,
    jurisdictionId: e.jurisdictionId,
    billId: e.billId,
    subjectKind: e.subjectKind,
    subjectId: e.subjectId,
    payload: e.payload,
  };
}

/** Registers /api/v1/follows and /api/v1/feed. */
export function registerAlertRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['alerts'];

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/follows',
    summary: 'Your follows (bills, people, committees, jurisdictions, indicators), oldest first',
    tags,
    access: 'authenticated',
    response: z.array(follow),
    handler: async ({ actor }) => (await listMyFollows(serviceCtx(deps, actor))).map(followOut),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/follows',
    summary: 'Follow a bill, person, committee, jurisdiction or indicator',
    tags,
    access: 'authenticated',
    status: 201,
    body: followBody,
    response: follow,
    handler: async ({ actor, body }) => followOut(await addFollow(serviceCtx(deps, actor), body)),
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/follows/:id',
    summary: 'Change how often one of your follows is mailed',
    tags,
    access: 'authenticated',
    params: idParams,
    body: followPatch,
    response: follow,
    handler: async ({ actor, params, body }) =>
      followOut(
        await changeFollow(serviceCtx(deps, actor), { id: params.id, emailFrequency: body.emailFrequency }),
      ),
  });

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/v1/follows/:id',
    summary: 'Stop one of your follows',
    tags,
    access: 'authenticated',
    status: 204,
    params: idParams,
    handler: async ({ actor, params }) => {
      await removeFollow(serviceCtx(deps, actor), { id: params.id });
      return undefined;
    },
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/feed',
    summary: 'Changes to what you follow, newest first, paged by event id',
    tags,
    access: 'authenticated',
    query: feedQuery,
    response: feedPage,
    handler: async ({ actor, query }) => {
      const page = await feed(serviceCtx(deps, actor), { limit: query.limit, before: query.before });
      return { events: page.events.map(eventOut), unseen: page.unseen, nextBefore: page.nextBefore };
    },
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/feed/seen',
    summary: 'Mark your feed seen up to an event id (never moves back)',
    tags,
    access: 'authenticated',
    body: feedSeenBody,
    response: feedSeen,
    handler: async ({ actor, body }) => markFeedSeen(serviceCtx(deps, actor), { until: body.until }),
  });
}
