/** The hearings and floor calendars whose agenda names a bill: date, status, name, location, agenda items. */
import type { HearingEvent } from '../api/bill-types.ts';
import { hearingStatusName } from '../lib/bill-labels.ts';
import { dayOf } from '../lib/bill-text.ts';
import { useI18n } from '../lib/i18n.tsx';

/** The hearings section of a bill's page (events loaded by the page). */
export function BillHearings({ events }: { events: readonly HearingEvent[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="bill-hearings" className="bill-section">
      <h2 id="bill-hearings">{t('app.bill.hearings')}</h2>
      {events.length === 0 ? (
        <p>{t('app.bill.noHearings')}</p>
      ) : (
        <ol className="hearings">
          {events.map((e) => (
            <li key={e.id}>
              <h3>
                {dayOf(e.startDate)} · {e.name}{' '}
                <span className="muted">({hearingStatusName(t, e.status)})</span>
              </h3>
              <dl className="facts">
                {e.location ? (
                  <div>
                    <dt>{t('app.bill.location')}</dt>
                    <dd>{e.location}</dd>
                  </div>
                ) : null}
                {e.participants.length > 0 ? (
                  <div>
                    <dt>{t('app.bill.participants')}</dt>
                    <dd>{e.participants.map((p) => p.name).join(', ')}</dd>
                  </div>
                ) : null}
              </dl>
              {e.agenda.length > 0 ? (
                <ul aria-label={t('app.bill.agenda')}>
                  {e.agenda.map((a, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: agenda items keep the source's order.
                    <li key={i}>{a.description}</li>
                  ))}
                </ul>
              ) : null}
              {e.links.length > 0 ? (
                <ul className="links">
                  {e.links.map((l) => (
                    <li key={l.url}>
                      <a href={l.url}>{l.note || l.url}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
