/** Privacy ledgers: the organisation's budgets per dataset and year, read-only (org:read). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ledgerRelease, ledgerReleasesQuery, privacyLedger } from '../../contracts/privacy.ts';
import { listLedgerReleases } from '../../services/case-workspace.ts';
import { listPrivacyLedgers } from '../../services/privacy-ledger.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { defined } from './defined.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/privacy/ledgers and /api/v1/privacy/ledgers/releases. */
export function registerPrivacyRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/privacy/ledgers',
    summary:
      'Your organization’s privacy ledgers: ε and δ spent and left per dataset and year, newest year first',
    tags: ['privacy'],
    access: 'org:read',
    response: z.array(privacyLedger),
    handler: async ({ actor }) => listPrivacyLedgers(serviceCtx(deps, actor)),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/privacy/ledgers/releases',
    summary:
      'The releases charged to one of your organization’s ledgers (dataset and year) and what each cost',
    tags: ['privacy'],
    access: 'org:read',
    query: ledgerReleasesQuery,
    response: z.array(ledgerRelease),
    handler: async ({ actor, query }) => listLedgerReleases(serviceCtx(deps, actor), defined(query)),
  });
}
