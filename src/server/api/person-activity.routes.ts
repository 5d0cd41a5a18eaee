/** A person's sponsorships, votes and committees, and a committee's hearings: public like people and bills. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { committeeParams, personParams } from '../../contracts/people.ts';
import { committeeHearing, personActivity } from '../../contracts/person-activity.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { committeeHearings, personActivity as readActivity } from '../../services/person-activity.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';

/** Registers GET /api/v1/people/:id/activity and GET /api/v1/committees/:id/hearings. */
export function registerPersonActivityRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/people/:id/activity',
    summary: 'One person’s sponsorships and votes on stored bills, and their committee seats',
    tags: ['people'],
    access: 'public',
    params: personParams,
    response: personActivity,
    handler: async ({ actor, params }) =>
      readActivity({ db: deps.store.db, actor: actor ?? publicActor }, params.id),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/committees/:id/hearings',
    summary: 'The hearings one committee took part in, oldest first, with the stored bills on their agendas',
    tags: ['people'],
    access: 'public',
    params: committeeParams,
    response: z.array(committeeHearing),
    handler: async ({ actor, params }) =>
      committeeHearings({ db: deps.store.db, actor: actor ?? publicActor }, params.id),
  });
}
