/**
 * The live bills on one gap (stage not enacted, vetoed or failed) linked to its indicator: confirmed links
 * first, then the analyzer's suggestions, labelled machine-suggested. Nothing is shown when there are none.
 */
import type { GapLiveBill } from '../api/bill-review.ts';
import { billPath } from '../lib/bill-paths.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link } from './link.tsx';

/** The gap's live bills with stage and latest action. */
export function GapLiveBills({ bills, indicatorId }: { bills: readonly GapLiveBill[]; indicatorId: string }) {
  const { t } = useI18n();
  if (bills.length === 0) return null;
  const headingId = `gap-bills-${indicatorId}`;
  return (
    <section className="gap-live-bills" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('app.billReview.liveBills', { count: bills.length })}</h4>
      <ul>
        {bills.map((b) => (
          <li key={b.billId}>
            <Link to={billPath(b.billId)}>
              <strong>{b.identifier}</strong>
            </Link>{' '}
            ({b.sessionIdentifier}) {b.title}{' '}
            {b.machineSuggested ? (
              <span className="badge badge-machine">{t('app.billReview.machine')}</span>
            ) : null}
            <br />
            {t('app.billReview.stage')}: {t(`app.billReview.stage.${b.stage}`)}
            {b.latestAction ? (
              <>
                {'; '}
                {t('app.billReview.latestAction')}: {b.latestActionDate ? `${b.latestActionDate} ` : ''}
                {b.latestAction}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
