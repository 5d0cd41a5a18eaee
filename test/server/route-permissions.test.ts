/**
 * SEC-9, deny by default: every API route is enumerated from the registry `defineRoute` fills, and each one is
 * tried anonymously, with every persona, and with API tokens. A new route that forgets its permission, or a
 * route added to Fastify without `defineRoute`, fails here.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '../../src/core/auth/accounts.ts';
import { actorCan, type Permission, permissions } from '../../src/core/auth/permissions.ts';
import type { RouteRecord } from '../../src/server/route-record.ts';
import { describeEachEngine } from '../engines.ts';
import {
  accessCounts,
  as,
  bearer,
  errorCode,
  type Persona,
  personas,
  roleOf,
  type Session,
  seedWorld,
  signInAll,
  startApp,
  type World,
} from './helpers.ts';
import { expectedGuarded, expectedPublic } from './route-access.ts';

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** Every method+path Fastify serves, read from its route tree (HEAD is Fastify's automatic twin of GET). */
function servedRoutes(app: FastifyInstance): string[] {
  const served: string[] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.search(/[└├]── /);
    if (at < 0) continue;
    const depth = at / 4;
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 4));
    const segment = m?.[1] ?? '';
    paths[depth] = (depth > 0 ? (paths[depth - 1] ?? '') : '') + segment;
    paths.length = depth + 1;
    for (const method of (m?.[2] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) {
      served.push(`${method} ${paths[depth]}`);
    }
  }
  return served;
}

/** Plausible values for a route: the attack each refused request would be if the check were missing. */
function validRequest(route: RouteRecord, w: World, self: User | null, tokenId: string): InjectOptions {
  const samples: Record<string, { params?: Record<string, string>; body?: unknown }> = {
    'PUT /api/v1/session/organization': { body: { organizationId: w.orgA.id } },
    'PUT /api/v1/session/locale': { body: { locale: 'fr' } },
    'POST /api/v1/users/:id/disable': { params: { id: w.users.viewer.id } },
    'POST /api/v1/users/:id/enable': { params: { id: w.users.viewer.id } },
    'POST /api/v1/organizations': { body: { name: 'Probe Org' } },
    'PUT /api/v1/organizations/current/members/:userId': {
      params: { userId: (self ?? w.users.viewer).id },
      body: { role: 'admin' },
    },
    'DELETE /api/v1/organizations/current/members/:userId': { params: { userId: w.users.admin.id } },
    'POST /api/v1/organizations/current/invitations': {
      body: { email: 'probe@example.org', role: 'admin' },
    },
    'POST /api/v1/organizations/current/tokens': { body: { name: 'probe', role: 'admin' } },
    'DELETE /api/v1/organizations/current/tokens/:id': { params: { id: tokenId } },
    'POST /api/v1/jurisdictions': {
      body: { parentId: 'ocd-division/country:us', type: 'place', name: { en: 'Probe City' } },
    },
    'PUT /api/v1/recommendations/:indicator': {
      params: { indicator: 'CR-01' },
      body: { text: 'Probe recommendation' },
    },
    'POST /api/v1/laws/import-file': {
      body: {
        jurisdictionId: 'ocd-division/country:us',
        fileName: 'probe.txt',
        contentBase64: Buffer.from('Probe Act\n\nSection 1. Probe\nA probe provision.').toString('base64'),
        citation: 'Probe File Act',
        effectiveFrom: '2031-01-01',
      },
    },
    'POST /api/v1/suggestions/:id/accept': { body: {} },
    'POST /api/v1/suggestions/:id/reject': { body: { reason: 'probe' } },
    'POST /api/v1/laws/import': {
      body: {
        jurisdictionId: 'ocd-division/country:us',
        format: 'text',
        content: 'Probe Act\n\nSection 1. Probe\nA probe provision.',
        citation: 'Probe Act',
        effectiveFrom: '2031-01-01',
      },
    },
  };
  const sample = samples[key(route)] ?? {};
  const url = route.url.replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(sample.params?.[name] ?? '3f2c7a4e-0000-4000-8000-000000000000'),
  );
  return {
    method: route.method,
    url,
    ...(sample.body !== undefined ? { payload: sample.body as Record<string, unknown> } : {}),
  };
}

/** A request that passes the access check but changes nothing: unknown ids, or a body with a stray key. */
function harmlessRequest(route: RouteRecord): InjectOptions {
  return {
    method: route.method,
    url: route.url.replace(/:(\w+)/g, 'no-such-id'),
    ...(route.body ? { payload: { strayKey: true } } : {}),
  };
}

function holds(persona: Persona, w: World, permission: Permission): boolean {
  const u = w.users[persona];
  const orgId = persona === 'otherAdmin' ? w.orgB.id : roleOf[persona] ? w.orgA.id : null;
  return actorCan(
    {
      kind: 'user',
      userId: u.id,
      organizationId: orgId,
      role: roleOf[persona],
      instanceAdmin: u.instanceAdmin,
    },
    permission,
  );
}

describeEachEngine('route permissions', (getStore) => {
  let app: FastifyInstance;
  let routes: RouteRecord[];
  let world: World;
  let sessions: Record<Persona, Session>;
  const tokens = { viewer: '', admin: '', revoked: '', adminId: '' };

  const guarded = () => routes.filter((r) => r.access !== 'public');
  const withPermission = () =>
    routes.filter((r): r is RouteRecord & { access: Permission } =>
      (permissions as readonly string[]).includes(r.access),
    );

  async function createToken(role: string): Promise<{ secret: string; id: string }> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations/current/tokens',
      headers: as(sessions.root),
      payload: { name: `matrix ${role}`, role },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { secret: string; token: { id: string } };
    return { secret: body.secret, id: body.token.id };
  }

  beforeAll(async () => {
    // Every route × every persona from one address: far past the per-address limit, which other tests cover.
    const started = await startApp(getStore(), { build: { rateLimitPerMinute: 1_000_000 } });
    app = started.app;
    routes = started.deps.routes;
    world = await seedWorld(getStore().db);
    sessions = await signInAll(app);
    tokens.viewer = (await createToken('viewer')).secret;
    const admin = await createToken('admin');
    tokens.admin = admin.secret;
    tokens.adminId = admin.id;
    const revoked = await createToken('viewer');
    tokens.revoked = revoked.secret;
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/organizations/current/tokens/${revoked.id}`,
      headers: as(sessions.root),
    });
    expect(res.statusCode).toBe(204);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves no /api/v1 route that bypassed defineRoute', () => {
    const served = servedRoutes(app);
    const api = served.filter((r) => r.split(' ')[1]?.startsWith('/api/v1/')).sort();
    expect(api).toEqual(routes.map(key).sort());
    // The only other thing under /api is the rendered reference.
    expect(served.filter((r) => /^\w+ \/api(\/|$)/.test(r) && !api.includes(r))).toEqual(['GET /api/docs']);
  });

  it('makes exactly the expected routes public and every other one exactly as strict as expected', () => {
    expect(
      routes
        .filter((r) => r.access === 'public')
        .map(key)
        .sort(),
    ).toEqual([...expectedPublic].sort());
    expect(Object.fromEntries(guarded().map((r) => [key(r), r.access]))).toEqual(expectedGuarded);
    const known = new Set<string>(['public', 'authenticated', ...permissions]);
    expect(routes.filter((r) => !known.has(r.access)).map(key)).toEqual([]);
    expect(new Set(routes.map(key)).size).toBe(routes.length);
  });

  it('answers 401 AUTH_REQUIRED to anonymous callers on every non-public route', async () => {
    const problems: string[] = [];
    for (const route of guarded()) {
      const res = await app.inject(validRequest(route, world, null, tokens.adminId));
      if (res.statusCode !== 401 || errorCode(res) !== 'AUTH_REQUIRED') {
        problems.push(`${key(route)} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(guarded().length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it('answers 403 FORBIDDEN to every persona lacking the permission, and writes nothing', async () => {
    const before = await accessCounts(getStore().db);
    const problems: string[] = [];
    let refusals = 0;
    for (const route of withPermission()) {
      for (const persona of personas.filter((p) => !holds(p, world, route.access))) {
        const res = await app.inject({
          ...validRequest(route, world, world.users[persona], tokens.adminId),
          headers: as(sessions[persona]),
        });
        refusals++;
        if (res.statusCode !== 403 || errorCode(res) !== 'FORBIDDEN') {
          problems.push(`${persona} ${key(route)} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(refusals).toBeGreaterThan(40);
    expect(await accessCounts(getStore().db)).toEqual(before);
  });

  it('refuses instance:admin routes to organization admins who are not instance admins', async () => {
    const instanceRoutes = withPermission().filter((r) => r.access === 'instance:admin');
    expect(instanceRoutes.map(key).sort()).toEqual([
      'GET /api/v1/users',
      'POST /api/v1/organizations',
      'POST /api/v1/supporters/erase',
      'POST /api/v1/supporters/export',
      'POST /api/v1/users/:id/disable',
      'POST /api/v1/users/:id/enable',
    ]);
    for (const route of instanceRoutes) {
      for (const headers of [as(sessions.admin), as(sessions.otherAdmin), bearer(tokens.admin)]) {
        const res = await app.inject({ ...validRequest(route, world, null, tokens.adminId), headers });
        expect({ route: key(route), status: res.statusCode, code: errorCode(res) }).toEqual({
          route: key(route),
          status: 403,
          code: 'FORBIDDEN',
        });
      }
    }
  });

  it('lets a persona holding the permission past the check (harmless requests only)', async () => {
    const problems: string[] = [];
    for (const route of withPermission()) {
      const allowed = personas.filter((p) => holds(p, world, route.access));
      expect(allowed.length, key(route)).toBeGreaterThan(0);
      for (const persona of allowed) {
        const res = await app.inject({ ...harmlessRequest(route), headers: as(sessions[persona]) });
        // A GET of one unknown thing may say so (404); anything else readable answers 200.
        const okStatus =
          route.method === 'GET'
            ? res.statusCode === 200 || (res.statusCode === 404 && route.url.includes(':'))
            : res.statusCode < 500;
        if ([401, 403].includes(res.statusCode) || !okStatus) {
          problems.push(`${persona} ${key(route)} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses a viewer token on every members:manage route and a revoked token everywhere', async () => {
    const before = await accessCounts(getStore().db);
    for (const route of withPermission().filter((r) => r.access === 'members:manage')) {
      const res = await app.inject({
        ...validRequest(route, world, world.users.viewer, tokens.adminId),
        headers: bearer(tokens.viewer),
      });
      expect({ route: key(route), status: res.statusCode, code: errorCode(res) }).toEqual({
        route: key(route),
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    for (const route of routes) {
      const res = await app.inject({
        ...validRequest(route, world, null, tokens.adminId),
        headers: bearer(tokens.revoked),
      });
      expect({ route: key(route), status: res.statusCode, code: errorCode(res) }).toEqual({
        route: key(route),
        status: 401,
        code: 'AUTH_FAILED',
      });
    }
    expect(await accessCounts(getStore().db)).toEqual(before);
    // The live tokens still work: the refusals above are about role and revocation, nothing else.
    const ok = await app.inject({
      method: 'GET',
      url: '/api/v1/organizations/current/members',
      headers: bearer(tokens.viewer),
    });
    expect(ok.statusCode).toBe(200);
  });
});
