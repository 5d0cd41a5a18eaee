/**
 * Supporter data requests received by other channels (post, phone, a mail to the organisation): an instance
 * administrator exports or erases everything held about an address. The address travels in the body (never
 * in a logged URL); both are audited without it.
 */
import type { FastifyInstance } from 'fastify';
import {
  erasureSummary,
  supporterEraseBody,
  supporterExport,
  supporterExportBody,
} from '../../contracts/supporters.ts';
import type { Actor } from '../../core/auth/permissions.ts';
import { type FieldKey, loadFieldKey } from '../../services/field-crypto.ts';
import { adminEraseSupporter, adminExportSupporter } from '../../services/supporter-data.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

/** Registers /api/v1/supporters/export and /api/v1/supporters/erase. */
export function registerSupporterRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['supporters'];
  let key: FieldKey | null = null;
  const ctx = (actor: Actor | null) => {
    key ??= loadFieldKey(deps.config);
    return { ...serviceCtx(deps, actor), fieldKey: key };
  };

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/supporters/export',
    summary: 'Everything held about a supporter’s email address (instance administrators)',
    tags,
    access: 'instance:admin',
    body: supporterExportBody,
    response: supporterExport,
    handler: async ({ actor, body }) => adminExportSupporter(ctx(actor), body.email),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/supporters/erase',
    summary: 'Erase everything held about a supporter’s email address and list it as do-not-contact',
    tags,
    access: 'instance:admin',
    body: supporterEraseBody,
    response: erasureSummary,
    handler: async ({ actor, body }) => adminEraseSupporter(ctx(actor), body.email),
  });
}
