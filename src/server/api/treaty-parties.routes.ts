/** Treaty parties: public reading like the law library; recording and changing need `laws:write`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  asOfQuery,
  jurisdictionTreatiesParams,
  jurisdictionTreaty,
  newTreatyParty,
  treatyParams,
  treatyParty,
  treatyPartyHistoryEntry,
  treatyPartyParams,
  treatyPartyPatch,
  treatyPartyStatus,
} from '../../contracts/treaty-parties.ts';
import { type Actor, publicActor } from '../../core/auth/permissions.ts';
import {
  getTreatyPartyHistory,
  listJurisdictionTreaties,
  listTreatyParties,
  recordTreatyParty,
  updateTreatyParty,
} from '../../services/treaty-parties.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/laws/:id/parties, /api/v1/treaty-parties and /api/v1/jurisdictions/:id/treaties. */
export function registerTreatyPartyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['treaties'];
  const readCtx = (actor: Actor | null) => ({ db: deps.store.db, actor: actor ?? publicActor });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/laws/:id/parties',
    summary: 'The parties and signatories of a treaty document, with each one’s standing on a date',
    tags,
    access: 'public',
    params: treatyParams,
    query: asOfQuery,
    response: z.array(treatyPartyStatus),
    handler: async ({ actor, params, query }) =>
      listTreatyParties(readCtx(actor), params.id, query.asOf ? { asOf: query.asOf } : {}),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/laws/:id/parties',
    summary: 'Record a jurisdiction’s signature, ratification, accession, … of a treaty, with its source',
    tags,
    access: 'laws:write',
    params: treatyParams,
    body: newTreatyParty,
    response: treatyParty,
    handler: async ({ actor, params, body }) =>
      recordTreatyParty(serviceCtx(deps, actor), { ...body, treatyId: params.id }),
  });

  defineRoute(app, deps, {
    method: 'PATCH',
    url: '/api/v1/treaty-parties/:id',
    summary: 'Change a treaty-party record (e.g. a signature becomes a ratification); kept in its history',
    tags,
    access: 'laws:write',
    params: treatyPartyParams,
    body: treatyPartyPatch,
    response: treatyParty,
    handler: async ({ actor, params, body }) => updateTreatyParty(serviceCtx(deps, actor), params.id, body),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/treaty-parties/:id/history',
    summary: 'Every change to a treaty-party record: who, when, before and after',
    tags,
    access: 'org:read',
    params: treatyPartyParams,
    response: z.array(treatyPartyHistoryEntry),
    handler: async ({ actor, params }) => getTreatyPartyHistory(serviceCtx(deps, actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/jurisdictions/:id/treaties',
    summary: 'The treaties a jurisdiction has signed or consented to, with its standing on a date',
    tags,
    access: 'public',
    params: jurisdictionTreatiesParams,
    query: asOfQuery,
    response: z.array(jurisdictionTreaty),
    handler: async ({ actor, params, query }) =>
      listJurisdictionTreaties(readCtx(actor), params.id, query.asOf ? { asOf: query.asOf } : {}),
  });
}
