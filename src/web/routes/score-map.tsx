/**
 * The score map: the world (or the US states) coloured by total score or one area's score on a date, with a
 * patterned legend and the ranking table, which is always shown and is the route for keyboards and screen
 * readers. `?parent=ocd-division/country:us&area=PN&asOf=2024-01-01&include=coded` (members may count
 * unpublished answers). Names are the jurisdictions' own localized names, as on the map and the report card.
 */

import { type FormEvent, lazy, Suspense, useState } from 'react';
import type { LocalizedText } from '../../core/framework/types.ts';
import { rankingLimits } from '../../core/scoring/ranking-page.ts';
import type { Jurisdiction, RankingLine, Rankings, ScoreInclude } from '../api/types.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { Grade } from '../components/grade.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { IncludeField } from '../components/score-filters.tsx';
import { ScoreLegend, ScorePatterns } from '../components/score-legend.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import type { ShapeShade } from '../components/svg-map.tsx';
import { gradeLine } from '../lib/grade-text.ts';
import { Localized, useI18n } from '../lib/i18n.tsx';
import { includes, reportPath } from '../lib/report-paths.ts';
import { navigate, useLocation } from '../lib/router.ts';
import { bandOf, bandPatternId } from '../lib/score-bands.ts';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';

const WorldMap = lazy(() => import('../components/world-map.tsx').then((m) => ({ default: m.WorldMap })));
const UsMap = lazy(() => import('../components/us-map.tsx').then((m) => ({ default: m.UsMap })));

const unitedStates = 'ocd-division/country:us';
const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** The map page (public: published answers; members may count unpublished ones). */
export function ScoreMapPage() {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const parent = params.get('parent') === unitedStates ? unitedStates : '';
  const area = params.get('area') ?? '';
  const asOf = params.get('asOf') ?? '';
  const requested = params.get('include');
  const include: ScoreInclude = includes.find((i) => i === requested) ?? 'published';
  const [counted, setCounted] = useState<ScoreInclude>(include);
  const [scope, setScope] = useState(parent);
  const [rankedBy, setRankedBy] = useState(area);
  const [date, setDate] = useState(asOf);

  const framework = useLoad(() => api.framework(), [api]);
  const rankings = useLoad(
    () =>
      api.rankings({
        ...(parent ? { parent } : {}),
        ...(area ? { area } : {}),
        ...(asOf ? { asOf } : {}),
        ...(include !== 'published' ? { include } : {}),
        // The map colours every jurisdiction: ask for the largest page the API allows.
        limit: rankingLimits.maxLimit,
      }),
    [api, parent, area, asOf, include],
  );
  const shapes = useLoad(() => api.jurisdictions(parent ? { parent } : { level: 'national' }), [api, parent]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (scope) next.set('parent', scope);
    if (rankedBy) next.set('area', rankedBy);
    if (date) next.set('asOf', date);
    if (counted !== 'published') next.set('include', counted);
    const qs = next.toString();
    navigate(`/map${qs ? `?${qs}` : ''}`);
  };

  const areaMeta = framework.data?.areas.find((a) => a.id === area) ?? null;
  const error = rankings.error ?? shapes.error ?? framework.error;
  return (
    <Page title={t('app.map.title')} intro={t('app.map.intro')}>
      <form className="filters" onSubmit={apply}>
        <SelectField label={t('app.map.scope')} name="parent" value={scope} onChange={setScope}>
          <option value="">{t('app.jurisdictions.world')}</option>
          <option value={unitedStates}>{t('app.map.usStates')}</option>
        </SelectField>
        <SelectField label={t('app.map.rankedBy')} name="area" value={rankedBy} onChange={setRankedBy}>
          <option value="">{t('app.map.total')}</option>
          {(framework.data?.areas ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.id} · {pick(a.name).text}
            </option>
          ))}
        </SelectField>
        <TextField label={t('app.laws.asOf')} name="asOf" type="date" value={date} onChange={setDate} />
        <IncludeField value={counted} onChange={setCounted} />
        <div className="field">
          <button type="submit">{t('app.map.apply')}</button>
        </div>
      </form>
      <LoadState loading={(rankings.data === null || shapes.data === null) && !error} error={error} />
      {rankings.data && shapes.data ? (
        <>
          <p role="status">
            {t('app.map.scope.text', {
              date: rankings.data.asOf,
              include: t(`app.report.include.${rankings.data.include}`),
            })}{' '}
            {areaMeta ? <Localized text={areaMeta.name} /> : t('app.map.total')}
          </p>
          <ScoreMap rankings={rankings.data} jurisdictions={shapes.data} us={parent === unitedStates} />
          <RankingTable
            rankings={rankings.data}
            names={new Map(shapes.data.map((j) => [j.id, j.name] as const))}
            include={include}
          />
        </>
      ) : null}
    </Page>
  );
}

function ScoreMap({
  rankings,
  jurisdictions,
  us,
}: {
  rankings: Rankings;
  jurisdictions: readonly Jurisdiction[];
  us: boolean;
}) {
  const { t } = useI18n();
  const byId = new Map(rankings.lines.map((l) => [l.id, l] as const));
  const shade = (target: Jurisdiction | null): ShapeShade | null => {
    if (!target) return null;
    const line = byId.get(target.id);
    const band = bandOf(line?.value ?? null);
    if (!line || !band || line.value === null) {
      return { fill: `url(#${bandPatternId('notCoded')})`, note: t('app.map.notCoded') };
    }
    const grade = line.grade ? ` (${gradeLine(line.grade, line.capped, t('app.grade.capped'))})` : '';
    return { fill: `url(#${bandPatternId(band.id)})`, note: `${fmt(line.value)}${grade}` };
  };
  const open = (j: Jurisdiction) => navigate(reportPath(j.id));
  const label = t(us ? 'app.map.usLabel' : 'app.map.worldLabel');
  return (
    <div className="score-map">
      <ScorePatterns />
      <Suspense fallback={<p className="loading">{t('app.jurisdictions.mapLoading')}</p>}>
        <figure className="map-figure">
          {us ? (
            <UsMap states={jurisdictions} selectedId={null} onSelect={open} label={label} shade={shade} />
          ) : (
            <WorldMap
              countries={jurisdictions}
              selectedId={null}
              onSelect={open}
              label={label}
              shade={shade}
            />
          )}
          <figcaption>{t('app.map.caption')}</figcaption>
        </figure>
      </Suspense>
      <ScoreLegend />
    </div>
  );
}

function Row({
  line,
  name,
  include,
}: {
  line: RankingLine;
  name: LocalizedText | undefined;
  include: ScoreInclude;
}) {
  const { t } = useI18n();
  return (
    <tr>
      <td>{line.rank ?? '—'}</td>
      <th scope="row">
        <Link to={reportPath(line.id, '', include)}>{name ? <Localized text={name} /> : line.name}</Link>
      </th>
      <td>{line.value === null ? t('app.map.notCoded') : fmt(line.value)}</td>
      <td>
        <Grade grade={line.grade} capped={line.capped} />
      </td>
      <td>
        {t('app.map.coverageText', {
          percent: Math.round(line.coverage.ratio * 100),
          scored: line.coverage.scored,
          applicable: line.coverage.applicable,
        })}
      </td>
    </tr>
  );
}

/** The table alternative: every line of the ranking, coded or not. */
function RankingTable({
  rankings,
  names,
  include,
}: {
  rankings: Rankings;
  names: ReadonlyMap<string, LocalizedText>;
  include: ScoreInclude;
}) {
  const { t } = useI18n();
  return (
    <ScrollTable id="ranking-caption" caption={t('app.map.table', { count: rankings.lines.length })}>
      <thead>
        <tr>
          <th scope="col">{t('app.map.rank')}</th>
          <th scope="col">{t('app.jurisdictions.name')}</th>
          <th scope="col">
            {rankings.area ? t('app.map.areaScore', { area: rankings.area }) : t('app.report.total')}
          </th>
          <th scope="col">{t('app.report.grade')}</th>
          <th scope="col">{t('app.report.coverage')}</th>
        </tr>
      </thead>
      <tbody>
        {rankings.lines.map((line) => (
          <Row key={line.id} line={line} name={names.get(line.id)} include={include} />
        ))}
      </tbody>
    </ScrollTable>
  );
}
