/** Public server-rendered pages: the portal (portal.ts) and the API reference. They work without JavaScript. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildOpenApi } from '../../contracts/openapi.ts';
import type { Locale } from '../../core/framework/types.ts';
import { isLocale, pickLocale } from '../../core/i18n/locales.ts';
import { t } from '../../core/i18n/messages.ts';
import { apiVersion } from '../api/meta.routes.ts';
import type { AppDeps } from '../deps.ts';
import { registerEmbedActionPages } from './embed-act.ts';
import { registerEmbedPortalPages } from './embed-portal.ts';
import { registerFindLawmakersPage } from './find-lawmakers.ts';
import { registerFollowPages } from './follow.ts';
import { esc, page, siteCss } from './html.ts';
import { registerLetterActionPages } from './letter-action.ts';
import { registerMyDataPages } from './my-data.ts';
import { registerOpenDataPages } from './open-data.ts';
import { registerPetitionPages } from './petition.ts';
import { registerPortalPages } from './portal.ts';
import { registerSignOnPages } from './sign-on.ts';
import { registerWorkspace } from './workspace.ts';

const localeCookie = 'lawgap_lang';

/** The page locale: `?lang=` (remembered in a cookie), else the cookie, else Accept-Language. */
export function requestLocale(request: FastifyRequest, reply: FastifyReply): Locale {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(query)) {
    reply.setCookie(localeCookie, query, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
    return query;
  }
  return pickLocale(request.cookies[localeCookie], request.headers['accept-language']);
}

type Json = Record<string, unknown>;

function docs(locale: Locale, doc: Json): string {
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const rows: string[] = [];
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const access = String(op['x-lawgap-access']);
      const accessText =
        access === 'public'
          ? t(locale, 'docs.access.public')
          : access === 'authenticated'
            ? t(locale, 'docs.access.authenticated')
            : access;
      const params = (op.parameters as Json[])
        .map((p) => `<code>${esc(p.name)}</code> (${esc(p.in)})`)
        .join(', ');
      const body = (op.requestBody as Json | undefined)?.content as Json | undefined;
      const bodySchema = body ? JSON.stringify((body['application/json'] as Json).schema, null, 1) : null;
      rows.push(`<section class="route" aria-labelledby="${esc(op.operationId)}">
<h2 id="${esc(op.operationId)}"><code class="m">${esc(method.toUpperCase())}</code><code>${esc(path)}</code></h2>
<p>${esc(op.summary)}</p>
<p class="muted">${esc(t(locale, 'docs.access'))}: ${esc(accessText)}${params ? ` · ${esc(t(locale, 'docs.parameters'))}: ${params}` : ''}</p>
${bodySchema ? `<details><summary>${esc(t(locale, 'docs.request'))}</summary><pre>${esc(bodySchema)}</pre></details>` : ''}
</section>`);
    }
  }
  return page(
    locale,
    t(locale, 'docs.title'),
    '/api/docs',
    `<h1>${esc(t(locale, 'docs.title'))}</h1>
<p>${esc(t(locale, 'docs.intro'))} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>
${rows.join('\n')}`,
  );
}

/** Registers the portal (`/` and below), `/api/docs`, `/assets/site.css` and the workspace under `/app/`. */
export async function registerPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerPortalPages(app, deps, requestLocale);
  registerOpenDataPages(app, deps, requestLocale);
  app.get('/assets/site.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(siteCss),
  );
  let doc: Json | null = null;
  app.get('/api/docs', async (request, reply) => {
    const locale = requestLocale(request, reply);
    doc ??= buildOpenApi(deps.routes, { version: apiVersion });
    return reply.type('text/html; charset=utf-8').send(docs(locale, doc));
  });
  await registerFollowPages(app, deps);
  registerFindLawmakersPage(app, deps);
  await registerPetitionPages(app, deps);
  await registerLetterActionPages(app, deps);
  await registerSignOnPages(app, deps);
  await registerMyDataPages(app, deps);
  await registerEmbedActionPages(app, deps);
  registerEmbedPortalPages(app, deps, requestLocale);
  await registerWorkspace(app, deps);
}
