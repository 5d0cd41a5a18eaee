/**
 * The portal's open data: `/data` (every framework version's release: files with sizes and checksums, the
 * licence, how to cite, the public API) and the downloads at stable URLs `/data/<version>/<file>`. Releases
 * are built and validated by services/open-data.ts, then kept in a page cache (portal-cache.ts) per date and
 * version, emptied when published data changes, so a hit never touches the database; `x-portal-cache` says
 * which it was. Downloads carry an ETag (their SHA-256) and answer 304 to a matching If-None-Match.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isDomainError } from '../../core/errors.ts';
import { dataLicenses } from '../../core/export/open-data-docs.ts';
import type { Locale, LocalizedText } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { localized } from '../../core/jurisdictions/types.ts';
import {
  buildRelease,
  listReleaseVersions,
  type OpenDataRelease,
  type ReleaseFileName,
  releaseFileNames,
} from '../../services/open-data.ts';
import { today } from '../../services/scores.ts';
import type { AppDeps } from '../deps.ts';
import { esc } from './html.ts';
import type { LocaleOf } from './portal.ts';
import { createPageCache, type PageCache } from './portal-cache.ts';
import { portalPage } from './portal-html.ts';

const fileText: Record<ReleaseFileName, MessageKey> = {
  'answers.csv': 'data.file.answers',
  'codebook.md': 'data.file.codebook',
  'dataset.json': 'data.file.dataset',
  'CHANGELOG.md': 'data.file.changelog',
  'LICENSE.txt': 'data.file.license',
  SHA256SUMS: 'data.file.sums',
};

/** A release with its framework's title, as the page shows it. */
interface ReleaseView {
  release: OpenDataRelease;
  title: LocalizedText;
}

function releaseSection(locale: Locale, { release, title }: ReleaseView): string {
  const v = release.info.framework.version;
  const rows = release.files
    .map(
      (f) =>
        `<tr><th scope="row"><a href="/data/${v}/${esc(f.name)}">${esc(f.name)}</a></th><td>${esc(t(locale, fileText[f.name]))}</td><td class="num">${f.bytes}</td><td><code>${f.sha256}</code></td></tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="v${v}">
<h2 id="v${v}">${esc(t(locale, 'data.version', { version: v, title: localized(title, locale) }))}</h2>
<p>${esc(t(locale, 'data.counts', release.counts))} ${esc(t(locale, 'portal.meta.asOf', { date: release.info.asOf }))} ${esc(
    release.info.publishedOn
      ? t(locale, 'portal.meta.published', { date: release.info.publishedOn })
      : t(locale, 'portal.meta.nothing'),
  )}</p>
<div class="scroll"><table><caption>${esc(t(locale, 'data.version', { version: v, title: localized(title, locale) }))}</caption><thead><tr><th scope="col">${esc(t(locale, 'data.col.file'))}</th><th scope="col">${esc(t(locale, 'data.col.what'))}</th><th scope="col" class="num">${esc(t(locale, 'data.col.size'))}</th><th scope="col">${esc(t(locale, 'data.col.sha256'))}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<h3>${esc(t(locale, 'data.cite'))}</h3>
<p class="cite">${esc(release.citation)}</p>
</section>`;
}

/** The /data page: every version's release, the licence, the public API and stable URLs. */
export function openDataPage(
  locale: Locale,
  views: readonly ReleaseView[],
  license: keyof typeof dataLicenses,
): string {
  const l = dataLicenses[license];
  const latest = views[0]?.release.info.framework.version;
  const main = `<h1>${esc(t(locale, 'data.title'))}</h1>
<p>${esc(t(locale, 'data.intro'))}</p>
${views.length === 0 ? `<p>${esc(t(locale, 'data.none'))}</p>` : views.map((v) => releaseSection(locale, v)).join('\n')}
<h2>${esc(t(locale, 'data.license'))}</h2>
<p>${esc(t(locale, 'data.licenseText', { name: l.name }))} <a href="${esc(l.url)}">${esc(l.url)}</a></p>
<h2>${esc(t(locale, 'data.api'))}</h2>
<p>${esc(t(locale, 'data.apiText'))} <a href="/api/docs">/api/docs</a></p>
${latest === undefined ? '' : `<p>${esc(t(locale, 'data.stable', { version: latest }))}</p>`}`;
  return portalPage(locale, t(locale, 'data.title'), '/data', '', main, null);
}

/** Registers /data and /data/<version>/<file> with their own release cache, which is returned. */
export function registerOpenDataPages(
  app: FastifyInstance,
  deps: AppDeps,
  requestLocale: LocaleOf,
): PageCache {
  const cache = createPageCache();
  app.addHook('onClose', async () => cache.dispose());
  const db = deps.store.db;
  const args = (version: number, date: string) => ({
    version,
    date,
    license: deps.config.dataLicense,
    baseUrl: deps.config.publicUrl,
    publisher: deps.config.dataPublisher,
  });
  // A release is cached as JSON text (the cache holds pages), parsed on a hit.
  const release = async (
    version: number,
    date: string,
  ): Promise<{ release: OpenDataRelease; hit: boolean }> => {
    const page = await cache.serve(`release|${date}|${version}`, async () => ({
      status: 200,
      body: JSON.stringify(await buildRelease({ db }, args(version, date))),
    }));
    return { release: JSON.parse(page.body) as OpenDataRelease, hit: page.hit };
  };

  app.get('/data', async (request, reply) => {
    const locale = requestLocale(request, reply);
    const date = today();
    const page = await cache.serve(`page|${locale}|${date}`, async () => {
      const versions = await listReleaseVersions({ db });
      const views: ReleaseView[] = [];
      for (const v of versions)
        views.push({ release: (await release(v.version, date)).release, title: v.title });
      return { status: 200, body: openDataPage(locale, views, deps.config.dataLicense) };
    });
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-portal-cache', page.hit ? 'hit' : 'miss')
      .send(page.body);
  });

  app.get('/data/:version/:file', async (request, reply) => {
    const { version, file } = request.params as { version: string; file: string };
    const name = releaseFileNames.find((n) => n === file);
    if (!/^[1-9]\d{0,5}$/.test(version) || !name) return notFound(reply);
    let found: { release: OpenDataRelease; hit: boolean };
    try {
      found = await release(Number(version), today());
    } catch (err) {
      if (isDomainError(err) && err.code === 'FRAMEWORK_NOT_FOUND') return notFound(reply);
      throw err;
    }
    const f = found.release.files.find((x) => x.name === name);
    if (!f) return notFound(reply);
    const etag = `"${f.sha256}"`;
    reply
      .header('etag', etag)
      .header('cache-control', 'no-cache')
      .header('x-portal-cache', found.hit ? 'hit' : 'miss')
      .header('content-disposition', `attachment; filename="${f.name}"`);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type(f.contentType).send(f.text);
  });
  return cache;
}

function notFound(reply: FastifyReply): FastifyReply {
  return reply.status(404).type('text/plain; charset=utf-8').send('no such open-data file\n');
}
