import type { Framework, ScoreInclude, ScoreReport } from '../api/types.ts';
import { AnswerReview } from '../components/answer-review.tsx';
import { CrosswalkPanel } from '../components/crosswalk-panel.tsx';
import { JurisdictionTreaties } from '../components/jurisdiction-treaties.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { ScoreChanges } from '../components/score-changes.tsx';
import { ScoreFilters } from '../components/score-filters.tsx';
import { ScoreTrend } from '../components/score-trend.tsx';
import { Localized, useI18n } from '../lib/i18n.tsx';
import { gapsPath, includes, reportPath } from '../lib/report-paths.ts';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { useProvisionLanguages } from '../lib/use-provision-languages.ts';

const fmt = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));

function Summary({ report }: { report: ScoreReport }) {
  const { t } = useI18n();
  const r = report.result;
  const capped = r.cappedGrade !== r.grade;
  return (
    <dl className="facts report-facts">
      <div>
        <dt>{t('app.report.total')}</dt>
        <dd>{r.totalRounded === null ? t('app.report.noScore') : `${r.totalRounded} / 100`}</dd>
      </div>
      <div>
        <dt>{t('app.report.grade')}</dt>
        <dd>{r.grade ?? '—'}</dd>
      </div>
      <div>
        <dt>{t('app.report.cappedGrade')}</dt>
        <dd>
          {r.cappedGrade ?? '—'}
          {capped && r.capReasons.length
            ? ` (${r.capReasons.map((c) => t('app.report.capReason', { modifier: c.modifierId, cap: c.cap })).join('; ')})`
            : ''}
        </dd>
      </div>
      <div>
        <dt>{t('app.report.tier')}</dt>
        <dd>{r.tier ?? '—'}</dd>
      </div>
      <div>
        <dt>{t('app.report.coverage')}</dt>
        <dd>
          {t('app.report.coverageText', {
            scored: r.coverage.scored,
            applicable: r.coverage.applicable,
            percent: Math.round(r.coverage.ratio * 100),
            notCoded: r.coverage.notCoded,
            na: r.coverage.na,
          })}
        </dd>
      </div>
      <div>
        <dt>{t('app.report.complete')}</dt>
        <dd>{t(r.complete ? 'app.report.yes' : 'app.report.no')}</dd>
      </div>
      <div>
        <dt>{t('app.report.answers')}</dt>
        <dd>{report.answerCount}</dd>
      </div>
    </dl>
  );
}

function Areas({
  report,
  framework,
  langOf,
}: {
  report: ScoreReport;
  framework: Framework;
  langOf: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  return (
    <>
      {report.result.areas.map((area) => {
        const meta = framework.areas.find((a) => a.id === area.id);
        return (
          <section key={area.id} className="area" aria-labelledby={`report-area-${area.id}`}>
            <h2 id={`report-area-${area.id}`}>
              <span className="area-id">{area.id}</span> {meta ? <Localized text={meta.name} /> : null}{' '}
              <span className="share">
                {t('app.report.areaScore', {
                  score: area.score === null ? '—' : Math.round(area.score * 100),
                  points: fmt(area.points),
                  share: area.share,
                })}
              </span>
            </h2>
            <ul className="indicators">
              {area.indicators.map((ind) => {
                const question = framework.indicators.find((i) => i.id === ind.id)?.question;
                return (
                  <li key={ind.id} className="indicator">
                    <h3>
                      <span className="indicator-id">{ind.id}</span>{' '}
                      {question ? <Localized text={question} /> : null}
                    </h3>
                    <dl className="facts">
                      <div>
                        <dt>{t('app.report.status')}</dt>
                        <dd>{t(`app.report.indicatorStatus.${ind.status}`)}</dd>
                      </div>
                      {ind.value !== null ? (
                        <div>
                          <dt>{t('app.report.value')}</dt>
                          <dd>{ind.value}</dd>
                        </div>
                      ) : null}
                      {ind.answerStatus ? (
                        <div>
                          <dt>{t('app.report.answerStatus')}</dt>
                          <dd>{t(`app.report.answerStatus.${ind.answerStatus}`)}</dd>
                        </div>
                      ) : null}
                      <div>
                        <dt>{t('app.indicator.weight')}</dt>
                        <dd>{ind.weight}</dd>
                      </div>
                    </dl>
                    {ind.citations.length ? (
                      <ul className="evidence">
                        {ind.citations.map((c) => (
                          <li key={`${c.provisionId ?? ''}|${c.citation}`}>
                            {/* Citations and quotes are the law's own words, kept in its language. */}
                            <cite lang={langOf.get(c.provisionId ?? '')}>{c.citation}</cite>
                            {c.quote ? (
                              <blockquote lang={langOf.get(c.provisionId ?? '')}>{c.quote}</blockquote>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** The report card page (public; counting unpublished answers needs `org:read`). */
export function ReportPage() {
  const { t, pick } = useI18n();
  const { api, can } = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const id = params.get('jurisdiction') ?? '';
  const asOf = params.get('asOf') ?? '';
  const requested = params.get('include');
  const include: ScoreInclude = includes.find((i) => i === requested) ?? 'published';

  const jurisdiction = useLoad(() => api.jurisdiction(id), [api, id]);
  const framework = useLoad(() => api.framework(), [api]);
  const report = useLoad(
    () => api.score(id, { ...(asOf ? { asOf } : {}), include }),
    [api, id, asOf, include],
  );
  // The score's citations do not name their document's language; the answers and the library do.
  const languages = useProvisionLanguages([id], asOf);
  const name = jurisdiction.data ? pick(jurisdiction.data.name) : null;

  const error = report.error ?? jurisdiction.error ?? framework.error;
  return (
    <Page title={name ? t('app.report.title', { name: name.text }) : t('app.report.titlePlain')}>
      <p className="notice">{t('app.report.suggestionsNotCounted')}</p>
      <p className="no-print">
        <Link to={gapsPath(id, asOf, include)}>{t('app.gaps.link')}</Link> ·{' '}
        <Link to={`/compare?jurisdiction=${encodeURIComponent(id)}`}>{t('app.compare.link')}</Link>
      </p>
      <ScoreFilters
        asOf={asOf}
        include={include}
        submitLabel={t('app.report.apply')}
        onApply={(date, counted) => navigate(reportPath(id, date, counted))}
      />
      <LoadState loading={(report.data === null || framework.data === null) && !error} error={error} />
      {report.data && framework.data ? (
        <>
          <p role="status">
            {t('app.report.scope', {
              date: report.data.asOf,
              include: t(`app.report.include.${report.data.include}`),
            })}
          </p>
          {report.data.status === 'not_coded' ? <p>{t('app.report.notCoded')}</p> : null}
          <Summary report={report.data} />
          <ScoreTrend jurisdictionId={id} include={include} />
          <ScoreChanges jurisdictionId={id} include={include} asOf={asOf} />
          <CrosswalkPanel jurisdictionId={id} framework={framework.data} asOf={asOf} include={include} />
          <Areas report={report.data} framework={framework.data} langOf={languages} />
          <JurisdictionTreaties jurisdictionId={id} asOf={asOf} />
        </>
      ) : null}
      {can('org:read') && id ? (
        <AnswerReview jurisdictionId={id} asOf={asOf} onChanged={report.reload} />
      ) : null}
    </Page>
  );
}
