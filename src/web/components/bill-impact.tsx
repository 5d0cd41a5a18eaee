/**
 * "Gaps this bill would close": the machine-projected score of the bill's jurisdiction if it were enacted
 * (GET /api/v1/bills/:id/impact): current and projected total, the change per area, and each indicator the
 * bill would raise with the evidence quoted from its text. Everything here is labelled as machine suggestions,
 * in words and with the machine badge. A bill without text says so instead of failing.
 */

import type { BillImpact } from '../api/bill-types.ts';
import { ApiError } from '../api/client.ts';
import type { Framework } from '../api/types.ts';
import { signedPoints, totalText } from '../lib/bill-text.ts';
import { Localized, useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { LoadState } from './load-state.tsx';
import { ScrollTable } from './scroll-table.tsx';

type Summary = BillImpact['current'];

function ScoreText({ summary }: { summary: Summary }) {
  const { t } = useI18n();
  return (
    <>
      {summary.total === null ? '—' : t('app.bill.impactTotal', { total: totalText(summary.total) })}
      {summary.grade ? ` (${t('app.bill.impactGrade', { grade: summary.grade })})` : ''}
    </>
  );
}

function Changes({ impact, framework }: { impact: BillImpact; framework: Framework | null }) {
  const { t } = useI18n();
  const question = (id: string) => framework?.indicators.find((i) => i.id === id)?.question;
  if (impact.changes.length === 0) return <p>{t('app.bill.noChanges')}</p>;
  return (
    <ul className="impact-changes">
      {impact.changes.map((c) => {
        const q = question(c.indicatorId);
        return (
          <li key={c.indicatorId} className="suggestion">
            <h4>
              <span className="indicator-id">{c.indicatorId}</span> {q ? <Localized text={q} /> : null}
            </h4>
            <p>
              {t('app.bill.changeCodes', { from: c.current, to: c.projected })} ·{' '}
              <strong>{t('app.bill.changePoints', { points: signedPoints(c.points) })}</strong> ·{' '}
              <span className="muted">
                {t('app.bill.confidence', { percent: Math.round(c.confidence * 100) })}
              </span>
            </p>
            {c.evidence.length > 0 ? (
              <figure className="evidence">
                <figcaption>{t('app.bill.evidence')}</figcaption>
                {c.evidence.map((e) => (
                  <blockquote key={`${e.citation}|${e.quote}`}>
                    <p>{e.quote}</p>
                    <cite>{e.citation}</cite>
                  </blockquote>
                ))}
              </figure>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The impact section of a bill's page; `compact` (the brief) leaves out the per-area table and the uncoded list. */
export function BillImpactSection({ billId, compact = false }: { billId: string; compact?: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const loaded = useLoad(
    () =>
      api.billImpact(billId).then(
        (impact) => ({ impact }),
        (err: unknown) => {
          if (err instanceof ApiError && err.code === 'BILL_TEXT_MISSING') return { impact: null };
          throw err;
        },
      ),
    [api, billId],
  );
  const framework = useLoad(() => api.framework(), [api]);
  const impact = loaded.data?.impact ?? null;
  const areaName = (id: string) => framework.data?.areas.find((a) => a.id === id)?.name;

  return (
    <section aria-labelledby="bill-impact" className="bill-section bill-impact">
      <h2 id="bill-impact">{t('app.bill.impact')}</h2>
      <p className="notice">
        <span className="badge badge-machine">{t('app.suggestions.label')}</span> {t('app.bill.impactNotice')}
      </p>
      <LoadState loading={loaded.data === null && !loaded.error} error={loaded.error} />
      {loaded.data && !impact ? <p>{t('app.bill.impactNoText')}</p> : null}
      {impact ? (
        <>
          <p className="muted">
            {t('app.bill.impactScope', {
              version: impact.version.note,
              asOf: impact.asOf,
              include: t(`app.report.include.${impact.include}`),
            })}
          </p>
          <dl className="facts impact-totals">
            <div>
              <dt>{t('app.bill.impactCurrent')}</dt>
              <dd>
                <ScoreText summary={impact.current} />
              </dd>
            </div>
            <div>
              <dt>{t('app.bill.impactProjected')}</dt>
              <dd>
                <ScoreText summary={impact.projected} />
              </dd>
            </div>
            <div>
              <dt>{t('app.bill.impactDelta')}</dt>
              <dd>
                <strong>{signedPoints(impact.delta)}</strong>
              </dd>
            </div>
          </dl>
          {!compact && impact.areas.length > 0 ? (
            <ScrollTable id="bill-impact-areas" caption={t('app.bill.areasCaption')}>
              <thead>
                <tr>
                  <th scope="col">{t('app.bill.area')}</th>
                  <th scope="col">{t('app.bill.areaNow')}</th>
                  <th scope="col">{t('app.bill.areaProjected')}</th>
                  <th scope="col">{t('app.bill.areaDelta')}</th>
                </tr>
              </thead>
              <tbody>
                {impact.areas.map((a) => {
                  const name = areaName(a.id);
                  return (
                    <tr key={a.id}>
                      <th scope="row">
                        <span className="area-id">{a.id}</span> {name ? <Localized text={name} /> : null}
                      </th>
                      <td>{totalText(a.current)}</td>
                      <td>{totalText(a.projected)}</td>
                      <td>{signedPoints(a.delta)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </ScrollTable>
          ) : null}
          <h3>{t('app.bill.changes')}</h3>
          <Changes impact={impact} framework={framework.data} />
          {compact && impact.uncoded.length > 0 ? (
            <p>
              {t('app.bill.uncoded')}: {impact.uncoded.map((u) => u.indicatorId).join(', ')}
            </p>
          ) : null}
          {!compact && impact.uncoded.length > 0 ? (
            <>
              <h3>{t('app.bill.uncoded')}</h3>
              <ul>
                {impact.uncoded.map((u) => (
                  <li key={u.indicatorId}>
                    {t('app.bill.uncodedItem', { indicator: u.indicatorId, value: u.suggested })}
                    {u.evidence[0] ? (
                      <blockquote>
                        <p>{u.evidence[0].quote}</p>
                        <cite>{u.evidence[0].citation}</cite>
                      </blockquote>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
