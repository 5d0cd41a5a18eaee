/**
 * A jurisdiction's total score on 1 January of each year: a small line chart and the same numbers as a table.
 * The chart is plain SVG drawn here (no chart library): Observable Plot writes a `<style>` element into its SVG,
 * which the `style-src 'self'` policy blocks, and a line over at most a few dozen points needs no more.
 * Years with no score break the line; every point names its year and value in its tooltip.
 */
import type { ScoreInclude, ScoreTrend as Trend } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { LoadState } from './load-state.tsx';

const width = 640;
const height = 220;
const margin = { top: 12, right: 16, bottom: 28, left: 40 };

type Point = Trend['points'][number];

/** Splits the points into runs of consecutive scored years, so a year without a score breaks the line. */
function runs(points: readonly Point[]): Point[][] {
  const out: Point[][] = [];
  let run: Point[] = [];
  for (const p of points) {
    if (p.total === null) {
      if (run.length) out.push(run);
      run = [];
    } else run.push(p);
  }
  if (run.length) out.push(run);
  return out;
}

function Chart({ trend, label }: { trend: Trend; label: string }) {
  const { t } = useI18n();
  const span = Math.max(1, trend.to - trend.from);
  const x = (year: number) =>
    margin.left + ((year - trend.from) / span) * (width - margin.left - margin.right);
  const y = (total: number) => margin.top + (1 - total / 100) * (height - margin.top - margin.bottom);
  const step = Math.max(1, Math.ceil((trend.to - trend.from + 1) / 8));
  const years = trend.points
    .map((p) => p.year)
    .filter((_yr, i, all) => i % step === 0 || i === all.length - 1);
  return (
    <svg className="trend-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {[0, 25, 50, 75, 100].map((v) => (
        <g key={v}>
          <line x1={margin.left} x2={width - margin.right} y1={y(v)} y2={y(v)} stroke="#c9ced6" />
          <text x={margin.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#4a4a4a">
            {v}
          </text>
        </g>
      ))}
      {years.map((yr) => (
        <text key={yr} x={x(yr)} y={height - 8} textAnchor="middle" fontSize="11" fill="#4a4a4a">
          {yr}
        </text>
      ))}
      {runs(trend.points).map((run) => (
        <polyline
          key={run[0]?.year}
          points={run.map((p) => `${x(p.year)},${y(p.total ?? 0)}`).join(' ')}
          fill="none"
          stroke="#0b5cad"
          strokeWidth="2"
        />
      ))}
      {trend.points.map((p) =>
        p.total === null ? null : (
          <circle key={p.year} cx={x(p.year)} cy={y(p.total)} r="3.5" fill="#0b5cad">
            <title>
              {t('app.trend.point', { year: p.year, total: p.total.toFixed(1), grade: p.grade ?? '—' })}
            </title>
          </circle>
        ),
      )}
    </svg>
  );
}

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
            <Chart trend={data} label={t('app.trend.chart', { from: data.from, to: data.to })} />
            <figcaption>{t('app.trend.caption')}</figcaption>
          </figure>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
          <section className="table-wrap" aria-labelledby="trend-caption" tabIndex={0}>
            <table className="data">
              <caption id="trend-caption">{t('app.trend.table')}</caption>
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
                    <td>{p.grade ?? '—'}</td>
                    <td>{`${Math.round(p.coverage.ratio * 100)} %`}</td>
                    <td>{p.answerCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </section>
  );
}
