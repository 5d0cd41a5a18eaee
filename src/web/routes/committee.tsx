/** One committee (public): its chamber and jurisdiction, members with their roles, and the bills it heard. */
import { FollowButton } from '../components/follow-button.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { chamberName, committeeRoleName, hearingStatusName, stageName } from '../lib/bill-labels.ts';
import { billPath, personPath } from '../lib/bill-paths.ts';
import { dayOf } from '../lib/bill-text.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { useJurisdictionNames } from '../lib/use-jurisdiction-names.ts';
import '../styles/bills.css';

/** The page of one committee: `/committees/:id` (OCD organization id or its UUID). */
export function CommitteePage({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const committee = useLoad(() => api.committee(id), [api, id]);
  const hearings = useLoad(() => api.committeeHearings(id), [api, id]);
  const c = committee.data;
  const names = useJurisdictionNames(c?.jurisdictionId ? [c.jurisdictionId] : []);
  const name = c?.jurisdictionId ? names.get(c.jurisdictionId) : undefined;
  const shownName = name ? pick(name) : { text: c?.jurisdictionId ?? '—', lang: undefined };

  return (
    <Page title={c?.name ?? t('app.committee.title')}>
      <LoadState loading={c === null && !committee.error} error={committee.error} />
      {c ? (
        <>
          <FollowButton kind="committee" id={c.id} label={c.name} />
          <dl className="facts">
            {c.parent ? (
              <div>
                <dt>{t('app.committee.chamber')}</dt>
                <dd>{chamberName(t, c.parent)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('app.committee.jurisdiction')}</dt>
              <dd lang={shownName.lang}>{shownName.text}</dd>
            </div>
          </dl>
          <section aria-labelledby="committee-members" className="bill-section">
            <h2 id="committee-members">{t('app.committee.members')}</h2>
            {c.members.length === 0 ? (
              <p>{t('app.committee.noMembers')}</p>
            ) : (
              <ScrollTable
                id="committee-members-caption"
                caption={t('app.committee.membersCaption', { count: c.members.length })}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('app.committee.name')}</th>
                    <th scope="col">{t('app.committee.role')}</th>
                    <th scope="col">{t('app.committee.since')}</th>
                    <th scope="col">{t('app.committee.until')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.members.map((m, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: memberships keep the source's order.
                    <tr key={i}>
                      <th scope="row">
                        {m.personId ? <Link to={personPath(m.personId)}>{m.name}</Link> : m.name}
                      </th>
                      <td>{committeeRoleName(t, m.role)}</td>
                      <td>{m.startDate ?? '—'}</td>
                      <td>{m.endDate ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )}
          </section>
          <section aria-labelledby="committee-hearings" className="bill-section">
            <h2 id="committee-hearings">{t('app.committee.hearings')}</h2>
            <LoadState loading={hearings.data === null && !hearings.error} error={hearings.error} />
            {hearings.data && hearings.data.length === 0 ? <p>{t('app.committee.noHearings')}</p> : null}
            {hearings.data && hearings.data.length > 0 ? (
              <ScrollTable
                id="committee-hearings-caption"
                caption={t('app.committee.hearingsCaption', { count: hearings.data.length })}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('app.bill.date')}</th>
                    <th scope="col">{t('app.committee.hearing')}</th>
                    <th scope="col">{t('app.committee.bills')}</th>
                  </tr>
                </thead>
                <tbody>
                  {hearings.data.map((h) => (
                    <tr key={h.id}>
                      <td className="nowrap">{dayOf(h.startDate)}</td>
                      <th scope="row">
                        {h.name} <span className="muted">({hearingStatusName(t, h.status)})</span>
                      </th>
                      <td>
                        {h.bills.length === 0 ? (
                          <span className="muted">{t('app.committee.noBills')}</span>
                        ) : (
                          <ul className="classes">
                            {h.bills.map((b) => (
                              <li key={b.id}>
                                <Link to={billPath(b.id)}>{b.identifier}</Link> {b.title}{' '}
                                <span className="muted">({stageName(t, b.stage)})</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            ) : null}
          </section>
        </>
      ) : null}
    </Page>
  );
}
