/** A bill's actions as a table: date, chamber or body, the source's description, classes; unknown classes flagged. */

import type {
  ActionOverrideBody,
  ActionOverrideHistory,
  ActionOverrideRemoveBody,
  ActionOverrideResult,
} from '../api/bill-review.ts';
import type { Bill, BillAction } from '../api/bill-types.ts';
import { chamberName } from '../lib/bill-labels.ts';
import { dayOf } from '../lib/bill-text.ts';
import { useI18n } from '../lib/i18n.tsx';
import { ActionOverride } from './action-override.tsx';
import { ScrollTable } from './scroll-table.tsx';

/** The analyst overrides of a bill's actions and the calls that change them (when the review API answers). */
export interface TimelineReview {
  overrides: ActionOverrideHistory;
  onOverride(order: number, body: ActionOverrideBody): Promise<ActionOverrideResult>;
  onRemove(order: number, body: ActionOverrideRemoveBody): Promise<ActionOverrideResult>;
}

function Classes({ action }: { action: BillAction }) {
  return (
    <ul className="classes">
      {action.classification.map((c) => (
        <li key={c}>
          <code>{c}</code>
        </li>
      ))}
      {action.unknownClassification.map((c) => (
        <li key={`?${c}`} className="class-unknown">
          <code>{c}?</code>
        </li>
      ))}
    </ul>
  );
}

/** The timeline section of a bill's page; with `review`, each action's classes show its override and form. */
export function BillTimeline({ bill, review }: { bill: Bill; review?: TimelineReview | null }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="bill-timeline" className="bill-section">
      <h2 id="bill-timeline">{t('app.bill.timeline')}</h2>
      {bill.actions.length === 0 ? (
        <p>{t('app.bill.noActions')}</p>
      ) : (
        <ScrollTable
          id="bill-timeline-caption"
          caption={t('app.bill.timelineCaption', { count: bill.actions.length })}
        >
          <thead>
            <tr>
              <th scope="col">{t('app.bill.date')}</th>
              <th scope="col">{t('app.bill.chamber')}</th>
              <th scope="col">{t('app.bill.action')}</th>
              <th scope="col">{t('app.bill.classes')}</th>
            </tr>
          </thead>
          <tbody>
            {bill.actions.map((a) => (
              <tr key={a.order} className={a.unknownClassification.length > 0 ? 'flagged-row' : undefined}>
                <td className="nowrap">{dayOf(a.date)}</td>
                <td>
                  {[chamberName(t, a.chamber), a.organization === a.chamber ? null : a.organization]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
                <th scope="row">
                  {a.description}
                  {a.unknownClassification.map((c) => (
                    <span key={c} className="badge badge-verify">
                      {t('app.bill.unknownClass')}: <code>{c}</code>
                    </span>
                  ))}
                </th>
                <td>
                  {review ? (
                    <ActionOverride
                      action={a}
                      override={review.overrides.active.find((o) => o.actionOrder === a.order) ?? null}
                      onOverride={(body) => review.onOverride(a.order, body)}
                      onRemove={(body) => review.onRemove(a.order, body)}
                    />
                  ) : (
                    <Classes action={a} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
