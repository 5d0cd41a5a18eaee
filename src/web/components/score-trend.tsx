/**
 * A jurisdiction's total score on 1 January of each year: a small line chart and the same numbers as a table.
 * The chart is drawn with Observable Plot (trend-plot.tsx, which explains how it keeps to our CSP). Years with
 * no score break the line; every point names its year and value in its tooltip, and the table carries every
 * number in text, so neither colour nor the drawing is ever the only carrier.
 */
import { lazy, Suspense } from 'react';
import type { ScoreInclude } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { Grade } from './grade.tsx';
import { LoadState } from './load-state.tsx';
import { ScrollTable } from './scroll-table.tsx';

// Plot (with d3) is loaded only when a report card shows a trend, like the maps.
const TrendPlot = lazy(() => import('./trend-plot.tsx').then((m) => ({ default: m.TrendPlot })));

/** The trend section of the report card. */
export function ScoreTrend({ jurisdictionId, include }: { jurisdictionId: string; include: ScoreInclude }) {
  const { t } = useI18n();
  const { api } = useSession();
  const trend = useLoad(() => api.trend(jurisdictionId, { include }), [api, jurisdictionId, include]);
  const data = trend.data;
  return (
    <section className="trend" aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t('app.trend.title')}</h2>
      <LoadState loading={data === null && !trend.error} error={trend.error} />
      {data ? (
        <>
          <figure className="chart-figure">
            <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
              <TrendPlot trend={data} label={t('app.trend.chart', { from: data.from, to: data.to })} />
            </Suspense>
            <figcaption>{t('app.trend.caption')}</figcaption>
          </figure>
          <ScrollTable id="trend-caption" caption={t('app.trend.table')}>
            <thead>
              <tr>
                <th scope="col">{t('app.trend.year')}</th>
                <th scope="col">{t('app.report.total')}</th>
                <th scope="col">{t('app.report.grade')}</th>
                <th scope="col">{t('app.report.coverage')}</th>
                <th scope="col">{t('app.report.answers')}</th>
              </tr>
            </thead>
            <tbody>
              {data.points.map((p) => (
                <tr key={p.year}>
                  <th scope="row">{p.year}</th>
                  <td>{p.total === null ? t('app.map.notCoded') : p.total.toFixed(1)}</td>
                  <td>
                    <Grade grade={p.grade} capped={p.capped} />
                  </td>
                  <td>{`${Math.round(p.coverage.ratio * 100)} %`}</td>
                  <td>{p.answerCount}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      ) : null}
    </section>
  );
}
