/**
 * Survivor stories: the recording organisation reads and manages its own (org:read / campaigns:write); anyone
 * reads a campaign's published, unexpired, web-consented stories. Story text never reaches a log line.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { campaignParams } from '../../contracts/campaigns.ts';
import {
  publicStory,
  story,
  storyApproveBody,
  storyCreateBody,
  storyParams,
  storyPatchBody,
} from '../../contracts/stories.ts';
import type { Actor } from '../../core/auth/permissions.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import {
  approveRevision,
  campaignStories,
  createStory,
  editStory,
  publicStories,
  publishStory,
  type StoryContext,
  withdrawStory,
} from '../../services/stories.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { defined } from './defined.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/campaigns/:id/stories, /api/v1/stories/:id… and the public story list. */
export function registerStoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['stories'];
  let key: FieldKey | null = null;
  const ctx = (actor: Actor | null): StoryContext => {
    key ??= loadFieldKey(deps.config);
    return { ...serviceCtx(deps, actor), fieldKey: key };
  };

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/stories',
    summary: 'Your organization’s stories of a campaign, with their consent records',
    tags,
    access: 'org:read',
    params: campaignParams,
    response: z.array(story),
    handler: async ({ actor, params }) => campaignStories(ctx(actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/stories',
    summary: 'Record a story (a draft; encrypted at rest)',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: storyCreateBody,
    response: story,
    status: 201,
    handler: async ({ actor, params, body }) => createStory(ctx(actor), params.id, defined(body) as never),
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/stories/:id',
    summary: 'Change a story: a published story’s new text waits for re-approval',
    tags,
    access: 'campaigns:write',
    params: storyParams,
    body: storyPatchBody,
    response: story,
    handler: async ({ actor, params, body }) => editStory(ctx(actor), params.id, defined(body) as never),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/stories/:id/publish',
    summary: 'Publish a story (409 when consent is incomplete or expired, or the text identifies the person)',
    tags,
    access: 'campaigns:write',
    params: storyParams,
    response: story,
    handler: async ({ actor, params }) => publishStory(ctx(actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/stories/:id/approve',
    summary: 'Approve the pending revision of a published story',
    tags,
    access: 'campaigns:write',
    params: storyParams,
    body: storyApproveBody,
    response: story,
    handler: async ({ actor, params, body }) =>
      approveRevision(ctx(actor), params.id, { approvedBy: body.approvedBy }),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/stories/:id/withdraw',
    summary: 'Withdraw a story in one action: unpublished everywhere at once, its text wiped',
    tags,
    access: 'campaigns:write',
    params: storyParams,
    response: story,
    handler: async ({ actor, params }) => withdrawStory(ctx(actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/public/campaigns/:id/stories',
    summary: 'A campaign’s published stories (consented for the web, not expired, pseudonymous)',
    tags,
    access: 'public',
    params: campaignParams,
    response: z.array(publicStory),
    handler: async ({ params }) => {
      key ??= loadFieldKey(deps.config);
      return publicStories({ db: deps.store.db, actor: publicActor, fieldKey: key }, params.id);
    },
  });
}
