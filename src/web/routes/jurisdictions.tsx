/**
 * The jurisdictions browser: a map (the world, or the US states under the United States) above a table
 * that lists the same jurisdictions. `?parent=<OCD id>` opens a jurisdiction's subdivisions.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { ocdParent } from '../../core/jurisdictions/types.ts';
import type { Jurisdiction } from '../api/types.ts';
import { AddJurisdiction } from '../components/add-jurisdiction.tsx';
import { TextField } from '../components/field.tsx';
import { childrenPath, JurisdictionTable } from '../components/jurisdiction-table.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';

const WorldMap = lazy(() => import('../components/world-map.tsx').then((m) => ({ default: m.WorldMap })));
const UsMap = lazy(() => import('../components/us-map.tsx').then((m) => ({ default: m.UsMap })));

const unitedStates = 'ocd-division/country:us';

function ancestorsOf(id: string): string[] {
  const chain: string[] = [];
  for (let at: string | null = id; at; at = ocdParent(at)) chain.unshift(at);
  return chain;
}

/** The jurisdictions page (public; an organization's own divisions appear to its members). */
export function JurisdictionsPage() {
  const { search } = useLocation();
  const parent = new URLSearchParams(search).get('parent');
  // A fresh view per parent: the name filter and scroll position belong to one list.
  return <JurisdictionsView key={parent ?? ''} parent={parent} />;
}

function JurisdictionsView({ parent }: { parent: string | null }) {
  const { t, locale, pick } = useI18n();
  const { api, state, can } = useSession();
  const [filter, setFilter] = useState('');
  const org = state?.activeOrganizationId ?? null;

  const countries = useLoad(() => api.jurisdictions({ level: 'national' }), [api, org]);
  const trail = useLoad(
    () => (parent ? Promise.all(ancestorsOf(parent).map((id) => api.jurisdiction(id))) : Promise.resolve([])),
    [api, parent, org],
  );
  const children = useLoad(
    () => (parent ? api.jurisdictions({ parent }) : Promise.resolve(null)),
    [api, parent, org],
  );

  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const listed = parent ? children.data : countries.data;
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return [...(listed ?? [])]
      .filter((j) => !q || Object.values(j.name).some((n) => n.toLowerCase().includes(q)))
      .sort((a, b) => collator.compare(pick(a.name).text, pick(b.name).text));
  }, [listed, filter, collator, pick]);

  const current = trail.data?.at(-1) ?? null;
  const currentName = current ? pick(current.name) : null;
  const open = (j: Jurisdiction) => navigate(childrenPath(j.id));
  const error = trail.error ?? children.error ?? countries.error;
  const loading = listed === null && !error;
  const country = parent ? (ancestorsOf(parent)[0] ?? null) : null;

  return (
    <Page title={t('app.jurisdictions.title')} intro={t('app.jurisdictions.intro')}>
      <nav aria-label={t('app.jurisdictions.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            {parent ? (
              <Link to="/jurisdictions">{t('app.jurisdictions.world')}</Link>
            ) : (
              <span aria-current="page">{t('app.jurisdictions.world')}</span>
            )}
          </li>
          {(trail.data ?? []).map((j, i, all) => {
            const name = pick(j.name);
            return (
              <li key={j.id}>
                {i === all.length - 1 ? (
                  <span aria-current="page" lang={name.lang}>
                    {name.text}
                  </span>
                ) : (
                  <Link to={childrenPath(j.id)} lang={name.lang}>
                    {name.text}
                  </Link>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <LoadState loading={loading} error={error} />
      <Suspense fallback={<p className="loading">{t('app.jurisdictions.mapLoading')}</p>}>
        <figure className="map-figure">
          {parent === unitedStates && children.data ? (
            <UsMap states={children.data} selectedId={null} onSelect={open} />
          ) : countries.data ? (
            <WorldMap countries={countries.data} selectedId={country} onSelect={open} />
          ) : null}
          <figcaption>{t('app.jurisdictions.mapCaption')}</figcaption>
        </figure>
      </Suspense>
      <h2 lang={currentName?.lang}>{currentName ? currentName.text : t('app.jurisdictions.countries')}</h2>
      <TextField label={t('app.jurisdictions.filter')} name="filter" value={filter} onChange={setFilter} />
      {listed && listed.length === 0 ? <p>{t('app.jurisdictions.none')}</p> : null}
      {listed && listed.length > 0 ? (
        <JurisdictionTable
          caption={t(parent ? 'app.jurisdictions.tableChildren' : 'app.jurisdictions.tableCountries', {
            count: rows.length,
          })}
          rows={rows}
        />
      ) : null}
      {current && can('jurisdictions:write') ? (
        <AddJurisdiction parent={current} onAdded={children.reload} />
      ) : null}
    </Page>
  );
}
