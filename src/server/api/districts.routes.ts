/**
 * District boundaries and postcodes: importing needs `laws:write` (districts are shared reference data, like
 * the people they belong to, not an organisation's own jurisdiction); the lawmaker lookup is public.
 */
import type { FastifyInstance } from 'fastify';
import {
  boundaryImportReport,
  districtImportBody,
  districtImportBodyLimit,
  districtLookup,
  districtLookupQuery,
  postcodeImportReport,
} from '../../contracts/districts.ts';
import { publicActor } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import {
  type DistrictQuery,
  importBoundaries,
  importPostcodes,
  lawmakersFor,
  lookupDistricts,
} from '../../services/districts.ts';
import type { AppDeps } from '../deps.ts';
import { defineRoute } from '../routing.ts';
import { serviceCtx } from './service-ctx.ts';

type LookupQuery = {
  jurisdiction: string;
  postcode?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  chamber?: string | undefined;
  district?: string | undefined;
  date?: string | undefined;
};

/** The service query for the public lookup's parameters: postcode, lat and lon together, or chamber and district. */
export function districtQueryOf(q: LookupQuery): DistrictQuery {
  const base = { jurisdiction: q.jurisdiction, ...(q.date ? { date: q.date } : {}) };
  if ((q.lat === undefined) !== (q.lon === undefined))
    throw new DomainError('VALIDATION_FAILED', 'give lat and lon together', { field: 'lat' });
  if ((q.chamber === undefined) !== (q.district === undefined))
    throw new DomainError('VALIDATION_FAILED', 'give chamber and district together', { field: 'district' });
  return {
    ...base,
    ...(q.postcode !== undefined ? { postcode: q.postcode } : {}),
    ...(q.lat !== undefined && q.lon !== undefined ? { point: [q.lon, q.lat] as [number, number] } : {}),
    ...(q.chamber !== undefined && q.district !== undefined
      ? { districts: [{ chamber: q.chamber, district: q.district }] }
      : {}),
  };
}

/** Registers /api/v1/districts/import-boundaries, /import-postcodes and /api/v1/public/districts/lookup. */
export function registerDistrictRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['districts'];

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/districts/import-boundaries',
    summary: 'Import district boundaries (GeoJSON FeatureCollection with validity dates), all-or-nothing',
    tags,
    access: 'laws:write',
    body: districtImportBody,
    response: boundaryImportReport,
    bodyLimit: districtImportBodyLimit + 1024,
    handler: async ({ actor, body }) => importBoundaries(serviceCtx(deps, actor), body),
  });

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/districts/import-postcodes',
    summary: 'Import a postcode → district CSV, replacing the table of each jurisdiction it names',
    tags,
    access: 'laws:write',
    body: districtImportBody,
    response: postcodeImportReport,
    bodyLimit: districtImportBodyLimit + 1024,
    handler: async ({ actor, body }) => importPostcodes(serviceCtx(deps, actor), body),
  });

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/public/districts/lookup',
    summary:
      'Find the districts and sitting lawmakers for a postcode, a point (lat, lon) or a chosen district; asks near a boundary or for a split postcode',
    tags,
    access: 'public',
    query: districtLookupQuery,
    response: districtLookup,
    handler: async ({ query }) => {
      const ctx = { db: deps.store.db, actor: publicActor };
      const result = await lookupDistricts(ctx, districtQueryOf(query));
      return { result, lawmakers: await lawmakersFor(ctx, result, query.date) };
    },
  });
}
