/** People and committees: public reading like bills; importing needs `laws:write`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  committee,
  committeeListing,
  committeeParams,
  peopleImportBody,
  peopleImportBodyLimit,
  peopleImportReport,
  peopleListQuery,
  person,
  personListing,
  personParams,
} from '../../contracts/people.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import {
  importPeople,
  listCommittees,
  listPeople,
  showCommittee,
  showPerson,
} from '../../services/people.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/people and /api/v1/committees. */
export function registerPeopleRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['people'];
  const reader = (actor: Parameters<typeof serviceCtx>[1] | null) => ({
    db: deps.store.db,
    actor: actor ?? publicActor,
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/people',
    summary: 'People (legislators) with current party and role, filtered by jurisdiction',
    tags,
    access: 'public',
    query: peopleListQuery,
    response: z.array(personListing),
    handler: async ({ actor, query }) =>
      listPeople(reader(actor), {
        ...(query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {}),
        limit: query.limit,
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/people/:id',
    summary: 'One person with roles, party history, offices, links and sources',
    tags,
    access: 'public',
    params: personParams,
    response: person,
    handler: async ({ actor, params }) => showPerson(reader(actor), params.id),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/people/import',
    summary:
      'Import Open States people and committee YAML/JSON files (each all-or-nothing), then link sponsors',
    tags,
    access: 'laws:write',
    body: peopleImportBody,
    response: peopleImportReport,
    bodyLimit: peopleImportBodyLimit,
    handler: async ({ actor, body }) =>
      importPeople(serviceCtx(deps, actor), {
        files: body.files,
        ...(body.jurisdiction ? { jurisdiction: body.jurisdiction } : {}),
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/committees',
    summary: 'Committees with parent chamber and member count, filtered by jurisdiction',
    tags,
    access: 'public',
    query: peopleListQuery,
    response: z.array(committeeListing),
    handler: async ({ actor, query }) =>
      listCommittees(reader(actor), {
        ...(query.jurisdiction ? { jurisdictionId: query.jurisdiction } : {}),
        limit: query.limit,
      }),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/committees/:id',
    summary: 'One committee with its memberships',
    tags,
    access: 'public',
    params: committeeParams,
    response: committee,
    handler: async ({ actor, params }) => showCommittee(reader(actor), params.id),
  });
}
