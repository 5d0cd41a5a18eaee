/** The facts at the top of a bill's page: session, jurisdiction, stage beside the raw latest action, subjects. */
import type { Bill } from '../api/bill-types.ts';
import { stageName } from '../lib/bill-labels.ts';
import { dayOf } from '../lib/bill-text.ts';
import { useI18n } from '../lib/i18n.tsx';

/** The stage in words, with the latest action as the source wrote it and its date. */
export function StageText({ bill }: { bill: Pick<Bill, 'stage' | 'latestAction' | 'latestActionDate'> }) {
  const { t } = useI18n();
  return (
    <>
      <strong className={`stage stage-${bill.stage}`}>{stageName(t, bill.stage)}</strong>
      {bill.latestAction ? (
        <span className="latest-action">
          {' '}
          ({bill.latestAction}
          {bill.latestActionDate ? `, ${dayOf(bill.latestActionDate)}` : ''})
        </span>
      ) : null}
    </>
  );
}

/** The bill's facts as a definition list, and its summary. */
export function BillHeader({
  bill,
  jurisdictionName,
}: {
  bill: Bill;
  jurisdictionName: { text: string; lang?: string | undefined };
}) {
  const { t } = useI18n();
  return (
    <>
      <dl className="facts bill-facts">
        <div>
          <dt>{t('app.bill.stage')}</dt>
          <dd>
            <StageText bill={bill} />
          </dd>
        </div>
        <div>
          <dt>{t('app.bill.session')}</dt>
          <dd>{bill.sessionIdentifier}</dd>
        </div>
        <div>
          <dt>{t('app.bill.jurisdiction')}</dt>
          <dd lang={jurisdictionName.lang}>{jurisdictionName.text}</dd>
        </div>
        {bill.subjects.length > 0 ? (
          <div>
            <dt>{t('app.bill.subjects')}</dt>
            <dd>{bill.subjects.join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('app.bill.source')}</dt>
          <dd>{bill.source === 'openstates' ? 'Open States' : 'LegiScan'}</dd>
        </div>
      </dl>
      {bill.flaggedActions > 0 ? (
        <p className="notice flagged">{t('app.bill.flaggedNote', { count: bill.flaggedActions })}</p>
      ) : null}
      {bill.abstracts.length > 0 ? (
        <section aria-labelledby="bill-summary">
          <h2 id="bill-summary">{t('app.bill.summary')}</h2>
          {bill.abstracts.map((a) => (
            <p key={`${a.date ?? ''}|${a.abstract}`}>{a.abstract}</p>
          ))}
        </section>
      ) : null}
    </>
  );
}
