/**
 * A jurisdiction's gap report: unmet and partial indicators ranked by the points they would add, with what is
 * missing, the international standards behind them and exemplary provisions of other jurisdictions; then the
 * indicators not coded yet. Members see their organization's recommendation on each gap. Printable (the print stylesheet hides navigation and forms and opens every
 * disclosure) and downloadable as Markdown from the API.
 */
import { useEffect } from 'react';
import { gapPath } from '../api/endpoints.ts';
import type { Gap, GapReport, ScoreInclude } from '../api/types.ts';
import { GapLiveBills } from '../components/gap-live-bills.tsx';
import { GapRecommendationPanel } from '../components/gap-recommendation.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { ScoreFilters } from '../components/score-filters.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { gapsPath, includes, reportPath } from '../lib/report-paths.ts';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { useProvisionLanguages } from '../lib/use-provision-languages.ts';

type Citation = Gap['citations'][number];

function Evidence({ citations, langOf }: { citations: readonly Citation[]; langOf: Map<string, string> }) {
  if (citations.length === 0) return null;
  return (
    <ul className="evidence">
      {citations.map((c) => {
        // Citations and quotes are the law's own words, kept in its language where known.
        const lang = langOf.get(c.provisionId ?? '');
        return (
          <li key={`${c.provisionId ?? ''}|${c.citation}`}>
            <cite lang={lang}>{c.citation}</cite>
            {c.quote ? <blockquote lang={lang}>{c.quote}</blockquote> : null}
          </li>
        );
      })}
    </ul>
  );
}

function Standards({ standards }: { standards: Gap['standards'] }) {
  const { t, locale } = useI18n();
  // Instrument names and citations exist only in English.
  const english = locale === 'en' ? undefined : 'en';
  if (standards.length === 0) return <p className="muted">{t('app.gaps.noStandards')}</p>;
  return (
    <ul>
      {standards.map((s) => (
        <li key={`${s.instrument}|${s.citation}`}>
          <strong lang={english}>{s.instrumentName}</strong>: <span lang={english}>{s.citation}</span>
          {s.verify ? <span className="badge badge-verify">{t('app.indicator.verify')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function GapItem({
  gap,
  rank,
  langOf,
  onChanged,
  jurisdictionId,
}: {
  gap: Gap;
  rank: number;
  langOf: Map<string, string>;
  onChanged(): void;
  jurisdictionId: string;
}) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const headingId = `gap-${gap.indicatorId}`;
  return (
    <li className="indicator gap">
      <h3 id={headingId}>
        <span className="rank">{rank}.</span> <span className="indicator-id">{gap.indicatorId}</span>{' '}
        {gap.question}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('app.report.status')}</dt>
          <dd>{t(`app.gaps.status.${gap.status}`)}</dd>
        </div>
        <div>
          <dt>{t('app.gaps.points')}</dt>
          <dd>
            {t('app.gaps.pointsText', {
              points: gap.pointsAvailable.toFixed(1),
              max: gap.maxPoints.toFixed(1),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('app.report.value')}</dt>
          <dd>{gap.value}</dd>
        </div>
        <div>
          <dt>{t('app.gaps.fullMarks')}</dt>
          <dd>{gap.fullMarks.join(', ')}</dd>
        </div>
      </dl>
      <p>
        <strong>{t('app.gaps.missing')}</strong> {/* The server writes what is missing in English. */}
        <span lang={locale === 'en' ? undefined : 'en'}>{gap.missing}</span>
      </p>
      <Evidence citations={gap.citations} langOf={langOf} />
      <GapLiveBills bills={gap.liveBills ?? []} indicatorId={gap.indicatorId} />
      {can('campaigns:write') ? (
        <p>
          <Link
            to={`/campaigns?jurisdiction=${encodeURIComponent(jurisdictionId)}&gap=${encodeURIComponent(gap.indicatorId)}${gap.liveBills?.[0] ? `&bill=${encodeURIComponent(gap.liveBills[0].billId)}` : ''}`}
          >
            {t('app.campaigns.startFromGap')}
            <span className="visually-hidden"> {gap.indicatorId}</span>
          </Link>
        </p>
      ) : null}
      <GapRecommendationPanel
        indicatorId={gap.indicatorId}
        recommendation={gap.recommendation ?? null}
        onSaved={onChanged}
      />
      <details>
        <summary>{t('app.gaps.standards', { count: gap.standards.length })}</summary>
        <Standards standards={gap.standards} />
      </details>
      <details>
        <summary>{t('app.gaps.exemplars', { count: gap.exemplars.length })}</summary>
        {gap.exemplars.length === 0 ? (
          <p className="muted">{t('app.gaps.noExemplars')}</p>
        ) : (
          <ul className="exemplars">
            {gap.exemplars.map((ex) => (
              <li key={ex.jurisdictionId}>
                <p>
                  <strong>{ex.jurisdictionName}</strong>{' '}
                  {t('app.gaps.exemplarValue', { value: ex.value, from: ex.validFrom })}{' '}
                  <Link to={reportPath(ex.jurisdictionId)}>
                    {t('app.report.link')}
                    <span className="visually-hidden"> ({ex.jurisdictionName})</span>
                  </Link>
                </p>
                <Evidence citations={ex.citations} langOf={langOf} />
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

function Report({ report, onChanged }: { report: GapReport; onChanged(): void }) {
  const { t } = useI18n();
  const langOf = useProvisionLanguages(
    [report.jurisdictionId, ...report.gaps.flatMap((g) => g.exemplars.map((e) => e.jurisdictionId))],
    report.asOf,
  );
  return (
    <>
      <p role="status">
        {t('app.report.scope', { date: report.asOf, include: t(`app.report.include.${report.include}`) })}
      </p>
      <dl className="facts report-facts">
        <div>
          <dt>{t('app.report.total')}</dt>
          <dd>{report.totalRounded === null ? t('app.report.noScore') : `${report.totalRounded} / 100`}</dd>
        </div>
        <div>
          <dt>{t('app.gaps.pointsAvailable')}</dt>
          <dd>{report.pointsAvailable.toFixed(1)}</dd>
        </div>
        <div>
          <dt>{t('app.report.coverage')}</dt>
          <dd>
            {t('app.report.coverageText', {
              scored: report.coverage.scored,
              applicable: report.coverage.applicable,
              percent: Math.round(report.coverage.ratio * 100),
              notCoded: report.coverage.notCoded,
              na: report.coverage.na,
            })}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{t('app.gaps.gapsHeading', { count: report.gaps.length })}</h2>
        {report.gaps.length === 0 ? <p>{t('app.gaps.none')}</p> : null}
        <ol className="indicators gaps">
          {report.gaps.map((gap, i) => (
            <GapItem
              key={gap.indicatorId}
              gap={gap}
              rank={i + 1}
              langOf={langOf}
              onChanged={onChanged}
              jurisdictionId={report.jurisdictionId}
            />
          ))}
        </ol>
      </section>
      <section aria-labelledby="not-coded-heading">
        <h2 id="not-coded-heading">{t('app.gaps.notCodedHeading', { count: report.notCoded.length })}</h2>
        <details className="not-coded">
          <summary>{t('app.gaps.showNotCoded')}</summary>
          <ul>
            {report.notCoded.map((n) => (
              <li key={n.indicatorId}>
                <span className="indicator-id">{n.indicatorId}</span> {n.question}{' '}
                <span className="muted">{t('app.gaps.weight', { weight: n.weight })}</span>
              </li>
            ))}
          </ul>
        </details>
      </section>
    </>
  );
}

/** Opens every disclosure before printing, so the paper copy holds everything. */
function useOpenDetailsForPrint(): void {
  useEffect(() => {
    const open = () => {
      for (const d of document.querySelectorAll('main details')) d.setAttribute('open', '');
    };
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
}

/** The gap report page (public; counting unpublished answers needs `org:read`). */
export function GapsPage() {
  const { t, pick, locale } = useI18n();
  const { api } = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const id = params.get('jurisdiction') ?? '';
  const asOf = params.get('asOf') ?? '';
  const requested = params.get('include');
  const include: ScoreInclude = includes.find((i) => i === requested) ?? 'published';
  useOpenDetailsForPrint();

  const jurisdiction = useLoad(() => api.jurisdiction(id), [api, id]);
  const query = { ...(asOf ? { asOf } : {}), include, locale };
  const report = useLoad(() => api.gaps(id, query), [api, id, asOf, include, locale]);
  const name = jurisdiction.data ? pick(jurisdiction.data.name) : null;

  const error = report.error ?? jurisdiction.error;
  return (
    <Page title={name ? t('app.gaps.title', { name: name.text }) : t('app.gaps.titlePlain')}>
      <ul className="links no-print">
        <li>
          <Link to={reportPath(id, asOf, include)}>{t('app.gaps.backToReport')}</Link>
        </li>
        <li>
          <a href={gapPath(id, { ...query, format: 'md' })} download>
            {t('app.gaps.downloadMarkdown')}
          </a>
        </li>
        <li>
          <a href="/api/v1/export/dataset.csv">{t('app.gaps.datasetCsv')}</a>
        </li>
        <li>
          <a href="/api/v1/export/codebook.md">{t('app.gaps.codebook')}</a>
        </li>
      </ul>
      <ScoreFilters
        asOf={asOf}
        include={include}
        submitLabel={t('app.gaps.apply')}
        onApply={(date, counted) => navigate(gapsPath(id, date, counted))}
      />
      <LoadState loading={report.data === null && !error} error={error} />
      {report.data ? <Report report={report.data} onChanged={report.reload} /> : null}
    </Page>
  );
}
