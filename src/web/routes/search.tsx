/**
 * Provision search: words and "phrases", a jurisdiction and an indicator; each hit shows its citation, document
 * and a marked snippet; previous/next links page through the hits (the page is in the address, so it can be shared).
 */
import { type FormEvent, useState } from 'react';
import { searchLimits } from '../../core/laws/search.ts';
import type { SearchHit } from '../api/types.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { highlightSegments, provisionAnchor } from '../lib/law-text.ts';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { useJurisdictionNames } from '../lib/use-jurisdiction-names.ts';
import { lawPath } from './laws.tsx';

/** The snippet as text nodes and <mark> elements built from the offsets (never as HTML). */
function Snippet({ snippet }: { snippet: SearchHit['snippet'] }) {
  return (
    <>
      {highlightSegments(snippet.text, snippet.highlights).map((s, i) =>
        s.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one snippet never reorder.
          <mark key={i}>{s.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one snippet never reorder.
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** Hits per page on the search page. */
const pageSize = 20;

/** The search path for a query, its filters and a page offset (filters left empty are dropped). */
export function searchPath(q: string, jurisdiction: string, indicator: string, offset = 0): string {
  const next = new URLSearchParams();
  if (q) next.set('q', q);
  if (jurisdiction) next.set('jurisdiction', jurisdiction);
  if (indicator) next.set('indicator', indicator);
  if (offset > 0) next.set('offset', String(offset));
  return `/search?${next.toString()}`;
}

/** The search page (public): `/search?q=&jurisdiction=&indicator=&offset=`. */
export function SearchPage() {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const q = params.get('q') ?? '';
  const jurisdiction = params.get('jurisdiction') ?? '';
  const indicator = params.get('indicator') ?? '';
  const asked = Number(params.get('offset') ?? '0');
  const offset = Number.isInteger(asked) && asked > 0 ? Math.min(asked, searchLimits.maxOffset) : 0;
  const [words, setWords] = useState(q);
  const [where, setWhere] = useState(jurisdiction);
  const [cited, setCited] = useState(indicator);
  const library = useLoad(() => api.laws({}), [api]);
  const framework = useLoad(() => api.framework(), [api]);
  const ids = [...new Set((library.data ?? []).map((l) => l.document.jurisdictionId))].sort();
  const names = useJurisdictionNames(ids);
  const hits = useLoad(
    () =>
      q
        ? api.search({
            q,
            ...(jurisdiction ? { jurisdiction } : {}),
            ...(indicator ? { indicator } : {}),
            limit: pageSize,
            ...(offset ? { offset } : {}),
          })
        : Promise.resolve(null),
    [api, q, jurisdiction, indicator, offset],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(searchPath(words.trim(), where, cited));
  };
  const page = hits.data;

  return (
    <Page title={t('app.search.title')} intro={t('app.search.intro')}>
      <search>
        <form className="filters" onSubmit={submit}>
          <TextField
            label={t('app.search.query')}
            name="q"
            type="search"
            value={words}
            onChange={setWords}
            hint={t('app.search.phraseHint')}
          />
          <SelectField
            label={t('app.laws.jurisdiction')}
            name="jurisdiction"
            value={where}
            onChange={setWhere}
          >
            <option value="">{t('app.laws.allJurisdictions')}</option>
            {ids.map((id) => {
              const name = names.get(id);
              return (
                <option key={id} value={id}>
                  {name ? pick(name).text : id}
                </option>
              );
            })}
          </SelectField>
          <SelectField label={t('app.search.indicator')} name="indicator" value={cited} onChange={setCited}>
            <option value="">{t('app.search.anyIndicator')}</option>
            {(framework.data?.indicators ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.id} · {pick(i.question).text}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <button type="submit" className="primary" disabled={!words.trim()}>
              {t('app.search.submit')}
            </button>
          </div>
        </form>
      </search>
      {q ? <LoadState loading={hits.data === null && !hits.error} error={hits.error} /> : null}
      {page ? (
        <section aria-labelledby="search-results">
          <h2 id="search-results">
            {page.hits.length > 0 && (page.offset > 0 || page.hasMore)
              ? t('app.search.range', { from: page.offset + 1, to: page.offset + page.hits.length })
              : t('app.search.results', { count: page.hits.length })}
          </h2>
          {page.hits.length === 0 ? <p>{t('app.search.none')}</p> : null}
          <ol className="hits">
            {page.hits.map((h) => {
              const lang = h.document.language;
              const to = `${lawPath(h.document.id, h.version.id)}#${provisionAnchor(h.provisionId)}`;
              return (
                <li key={h.provisionId} className="hit">
                  <h3>
                    <Link to={to} lang={lang}>
                      {h.citation}
                      {h.heading ? ` ${h.heading}` : ''}
                    </Link>
                  </h3>
                  <p className="muted">
                    <span lang={lang}>{h.document.title}</span> ·{' '}
                    <span lang={lang}>{h.document.citation}</span>
                    {' · '}
                    {t('app.laws.interval', {
                      from: h.version.effectiveFrom,
                      to: h.version.effectiveTo ?? t('app.laws.open'),
                    })}
                  </p>
                  <p className="snippet" lang={lang}>
                    <Snippet snippet={h.snippet} />
                  </p>
                </li>
              );
            })}
          </ol>
          {page.offset > 0 || page.nextOffset !== null ? (
            <nav aria-label={t('app.search.pages')} className="pager">
              {page.offset > 0 ? (
                <Link
                  to={searchPath(q, jurisdiction, indicator, Math.max(0, page.offset - page.limit))}
                  rel="prev"
                >
                  {t('app.search.previous')}
                </Link>
              ) : null}{' '}
              {page.nextOffset !== null ? (
                <Link to={searchPath(q, jurisdiction, indicator, page.nextOffset)} rel="next">
                  {t('app.search.next')}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
