/**
 * Sign-on letters: the campaign's organisations read letters and signatures (org:read); the owner or an editor
 * partner writes letters, rotates invite links and moderates (campaigns:write). Anyone reads an open or closed
 * letter with its approved signatories, never a contact address. Signing happens on the public pages.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { campaignParams } from '../../contracts/campaigns.ts';
import {
  letterCreateBody,
  letterParams,
  letterPatchBody,
  letter as letterSchema,
  letterWithInvite,
  publicLetter as publicLetterSchema,
  signatureListQuery,
  signatureParams,
  signature as signatureSchema,
} from '../../contracts/sign-on.ts';
import { type Actor, publicActor } from '../../core/auth/permissions.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import {
  campaignLetters,
  createLetter,
  getLetter,
  letterSignatures,
  moderate,
  publicLetter,
  rotateInvite,
  type SignOnContext,
  updateLetterFields,
} from '../../services/sign-on.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { defined } from './defined.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/campaigns/:id/letters, /api/v1/letters/:id…, /api/v1/signatures/:id… and the public letter. */
export function registerSignOnRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['sign-on'];
  let key: FieldKey | null = null;
  const ctx = (actor: Actor | null): SignOnContext => {
    key ??= loadFieldKey(deps.config);
    return { ...serviceCtx(deps, actor), fieldKey: key, publicUrl: deps.config.publicUrl };
  };

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/campaigns/:id/letters',
    summary: 'A campaign’s sign-on letters',
    tags,
    access: 'org:read',
    params: campaignParams,
    response: z.array(letterSchema),
    handler: async ({ actor, params }) => campaignLetters(ctx(actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/campaigns/:id/letters',
    summary: 'Write a sign-on letter (owner or editor partner); the answer shows its invite link once',
    tags,
    access: 'campaigns:write',
    params: campaignParams,
    body: letterCreateBody,
    response: letterWithInvite,
    status: 201,
    handler: async ({ actor, params, body }) => createLetter(ctx(actor), params.id, defined(body) as never),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/letters/:id',
    summary: 'One sign-on letter (404 unless your organization reads its campaign)',
    tags,
    access: 'org:read',
    params: letterParams,
    response: letterSchema,
    handler: async ({ actor, params }) => getLetter(ctx(actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/letters/:id',
    summary: 'Change a letter’s title, text or status (draft → open → closed → open)',
    tags,
    access: 'campaigns:write',
    params: letterParams,
    body: letterPatchBody,
    response: letterSchema,
    handler: async ({ actor, params, body }) => updateLetterFields(ctx(actor), params.id, defined(body)),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/letters/:id/invite',
    summary: 'Make a new invite link (the old one stops working); the answer shows it once',
    tags,
    access: 'campaigns:write',
    params: letterParams,
    response: letterWithInvite,
    handler: async ({ actor, params }) => rotateInvite(ctx(actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/letters/:id/signatures',
    summary: 'A letter’s signatures with contact addresses, for moderation',
    tags,
    access: 'org:read',
    params: letterParams,
    query: signatureListQuery,
    response: z.array(signatureSchema),
    handler: async ({ actor, params, query }) =>
      letterSignatures(ctx(actor), params.id, query.status ? { status: query.status } : {}),
  });

  for (const [verb, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    defineRoute(app, deps, {
      method: 'POST',
      url: `/api/v1/signatures/:id/${verb}`,
      summary:
        verb === 'approve'
          ? 'Approve a signature: it appears on the public list'
          : 'Reject a signature (pending or approved): it leaves the public list',
      tags,
      access: 'campaigns:write',
      params: signatureParams,
      response: signatureSchema,
      handler: async ({ actor, params }) => moderate(ctx(actor), params.id, decision),
    });
  }

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/public/letters/:id',
    summary: 'An open or closed sign-on letter and its approved signatories (no contact addresses)',
    tags,
    access: 'public',
    params: letterParams,
    response: publicLetterSchema,
    handler: async ({ params }) => {
      const found = await publicLetter({ db: deps.store.db, actor: publicActor }, params.id);
      return {
        ...found,
        signatories: found.signatories.map((s) => ({
          ...s,
          logoUrl: s.hasLogo
            ? `/letters/${encodeURIComponent(found.id)}/logos/${encodeURIComponent(s.id)}`
            : null,
        })),
      };
    },
  });
}
