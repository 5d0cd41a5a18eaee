/** Provision search: words and a jurisdiction; each hit shows its citation, document and a marked snippet. */
import { type FormEvent, useState } from 'react';
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

/** The search page (public): `/search?q=&jurisdiction=`. */
export function SearchPage() {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const q = params.get('q') ?? '';
  const jurisdiction = params.get('jurisdiction') ?? '';
  const [words, setWords] = useState(q);
  const [where, setWhere] = useState(jurisdiction);
  const library = useLoad(() => api.laws({}), [api]);
  const ids = [...new Set((library.data ?? []).map((l) => l.document.jurisdictionId))].sort();
  const names = useJurisdictionNames(ids);
  const hits = useLoad(
    () =>
      q ? api.search({ q, ...(jurisdiction ? { jurisdiction } : {}), limit: 50 }) : Promise.resolve(null),
    [api, q, jurisdiction],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (words.trim()) next.set('q', words.trim());
    if (where) next.set('jurisdiction', where);
    navigate(`/search?${next.toString()}`);
  };

  return (
    <Page title={t('app.search.title')} intro={t('app.search.intro')}>
      <search>
        <form className="filters" onSubmit={submit}>
          <TextField label={t('app.search.query')} name="q" type="search" value={words} onChange={setWords} />
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
          <div className="field">
            <button type="submit" className="primary" disabled={!words.trim()}>
              {t('app.search.submit')}
            </button>
          </div>
        </form>
      </search>
      {q ? <LoadState loading={hits.data === null && !hits.error} error={hits.error} /> : null}
      {hits.data ? (
        <section aria-labelledby="search-results">
          <h2 id="search-results">{t('app.search.results', { count: hits.data.length })}</h2>
          {hits.data.length === 0 ? <p>{t('app.search.none')}</p> : null}
          <ol className="hits">
            {hits.data.map((h) => {
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
        </section>
      ) : null}
    </Page>
  );
}
