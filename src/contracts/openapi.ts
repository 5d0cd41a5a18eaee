/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. A committed copy
 * (openapi.json at the project root) is checked for drift in CI: `npm run sync:openapi` refreshes it.
 */
import { z } from 'zod';
import { errorBody } from './common.ts';

export interface OpenApiRoute {
  method: string;
  url: string;
  summary: string;
  tags: string[];
  access: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  status: number;
}

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Json;
  delete json.$schema;
  return json;
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input');
  const props = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

const errorResponses = (access: string): Json => {
  const out: Json = {
    '400': {
      description: 'Invalid request',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    },
  };
  if (access !== 'public') {
    out['401'] = {
      description: 'Not signed in',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  if (access !== 'public' && access !== 'authenticated') {
    out['403'] = {
      description: `Needs the ${access} permission`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return out;
};

/** Builds the OpenAPI document for the given routes, sorted by path and method. */
export function buildOpenApi(routes: OpenApiRoute[], info: { version: string }): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const sorted = [...routes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
  for (const r of sorted) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const op: Json = {
      summary: r.summary,
      tags: r.tags,
      operationId: `${r.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+/g, '_')}`,
      'x-lawgap-access': r.access,
      parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
      responses: {
        [String(r.status)]: r.response
          ? { description: 'OK', content: { 'application/json': { schema: schemaOf(r.response, 'output') } } }
          : { description: 'OK, no content' },
        ...errorResponses(r.access),
      },
    };
    if (r.access !== 'public') op.security = [{ session: [] }, { bearer: [] }];
    if (r.body)
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(r.body, 'input') } },
      };
    const entry = paths[path] ?? {};
    entry[r.method.toLowerCase()] = op;
    paths[path] = entry;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'lawgap API',
      version: info.version,
      description:
        'Anti-trafficking law surveillance: framework, jurisdictions, accounts. Errors are `{ "error": { "code", "message", "details"? } }`. Cookie-authenticated writes need the X-CSRF-Token header from GET /api/v1/session.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: schemaOf(errorBody, 'output') },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'lawgap_sid' },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'API token (lgp_…) scoped to an organization and role',
        },
      },
    },
  };
}
