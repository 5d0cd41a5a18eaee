/** The outcome report of a campaign: how its bills ended, the score before and after, its gaps, its activity. */
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { LoadState } from './load-state.tsx';

const score = (n: number | null, none: string) => (n === null ? none : `${n} / 100`);

/** The outcome section of a campaign page. */
export function CampaignOutcomeSection({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const outcome = useLoad(() => api.campaignOutcome(campaignId), [api, campaignId]);
  const o = outcome.data;
  return (
    <section aria-labelledby="outcome">
      <h2 id="outcome">{t('app.outcome.title')}</h2>
      <p className="muted">{t('app.outcome.correlation')}</p>
      <LoadState loading={o === null && !outcome.error} error={outcome.error} />
      {o ? (
        <>
          <p>{o.decidedOn ? t('app.outcome.decided', { date: o.decidedOn }) : t('app.outcome.undecided')}</p>
          {o.bills.length > 0 ? (
            <ul>
              {o.bills.map((b) => (
                <li key={b.billId}>
                  {b.identifier}:{' '}
                  {b.decision ? t(`app.outcome.decision.${b.decision as 'enacted'}`) : t('app.outcome.live')}
                  {b.decidedOn ? ` (${b.decidedOn})` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          <dl className="facts">
            <dt>{t('app.outcome.before', { date: o.before.date })}</dt>
            <dd>{score(o.before.totalRounded, t('app.outcome.notScored'))}</dd>
            <dt>{t('app.outcome.after', { date: o.after.date })}</dt>
            <dd>{score(o.after.totalRounded, t('app.outcome.notScored'))}</dd>
            <dt>{t('app.outcome.activity')}</dt>
            <dd>
              {t('app.outcome.activityText', {
                milestones: o.activity.milestones,
                interactions: o.activity.interactions,
                moved: o.activity.targetsMoved.length,
              })}
            </dd>
          </dl>
          <ul>
            {o.gaps.map((g) => (
              <li key={g.indicatorId}>
                {t('app.outcome.gap', {
                  indicator: g.indicatorId,
                  before: g.before ?? t('app.outcome.notCoded'),
                  after: g.after ?? t('app.outcome.notCoded'),
                })}
              </li>
            ))}
          </ul>
          {o.suggestedStatus ? <p>{t(`app.outcome.suggest.${o.suggestedStatus}`)}</p> : null}
        </>
      ) : null}
    </section>
  );
}
