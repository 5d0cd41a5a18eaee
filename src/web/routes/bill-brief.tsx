/**
 * A bill's printable one-page brief (public): its facts and stage, summary, sponsors, latest actions, latest
 * vote, hearings and the gaps it would close (machine-projected, labelled). Print styles live in
 * styles/bills.css (the CSP forbids inline styles); the print button and navigation are not printed.
 */
import { StageText } from '../components/bill-header.tsx';
import { BillImpactSection } from '../components/bill-impact.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { chamberName, hearingStatusName, optionName } from '../lib/bill-labels.ts';
import { billPath } from '../lib/bill-paths.ts';
import { dayOf, tallyOf } from '../lib/bill-text.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { useJurisdictionNames } from '../lib/use-jurisdiction-names.ts';
import '../styles/bills.css';

/** How many of the latest actions the brief lists. */
const latestActions = 4;

/** The brief page: `/bills/:id/brief`. */
export function BillBriefPage({ id }: { id: string }) {
  const { t, pick, locale } = useI18n();
  const { api } = useSession();
  const bill = useLoad(() => api.bill(id), [api, id]);
  const votes = useLoad(() => api.billVotes(id), [api, id]);
  const events = useLoad(() => api.billEvents(id), [api, id]);
  const b = bill.data;
  const names = useJurisdictionNames(b ? [b.jurisdictionId] : []);
  const name = b ? names.get(b.jurisdictionId) : undefined;
  const shownName = name ? pick(name) : { text: b?.jurisdictionId ?? '', lang: undefined };
  const lastVote = votes.data?.at(-1);
  const today = new Date().toLocaleDateString(locale, { dateStyle: 'long' });

  return (
    <Page title={b ? t('app.brief.title', { identifier: b.identifier }) : t('app.bill.title')}>
      <p className="no-print">
        <Link to={billPath(id)}>{t('app.brief.back')}</Link>{' '}
        <button type="button" onClick={() => window.print()}>
          {t('app.brief.print')}
        </button>
      </p>
      <LoadState loading={b === null && !bill.error} error={bill.error} />
      {b ? (
        <article className="brief" aria-labelledby="brief-title">
          <p className="brief-title" id="brief-title">
            <strong>{b.title}</strong>
          </p>
          <dl className="facts">
            <div>
              <dt>{t('app.bill.stage')}</dt>
              <dd>
                <StageText bill={b} />
              </dd>
            </div>
            <div>
              <dt>{t('app.bill.session')}</dt>
              <dd>{b.sessionIdentifier}</dd>
            </div>
            <div>
              <dt>{t('app.bill.jurisdiction')}</dt>
              <dd lang={shownName.lang}>{shownName.text}</dd>
            </div>
            {b.sponsorships.length > 0 ? (
              <div>
                <dt>{t('app.bill.sponsors')}</dt>
                <dd>
                  {b.sponsorships
                    .map((s) => (s.primary ? `${s.name} (${t('app.bill.primary')})` : s.name))
                    .join(', ')}
                </dd>
              </div>
            ) : null}
          </dl>
          {b.abstracts[0] ? <p>{b.abstracts[0].abstract}</p> : null}
          <section aria-labelledby="brief-actions">
            <h2 id="brief-actions">{t('app.brief.recentActions')}</h2>
            {b.actions.length === 0 ? <p>{t('app.bill.noActions')}</p> : null}
            <ul>
              {b.actions.slice(-latestActions).map((a) => (
                <li key={a.order}>
                  {dayOf(a.date)}
                  {a.chamber ? ` · ${chamberName(t, a.chamber)}` : ''} · {a.description}
                </li>
              ))}
            </ul>
          </section>
          {lastVote ? (
            <section aria-labelledby="brief-vote">
              <h2 id="brief-vote">{t('app.brief.lastVote')}</h2>
              <p>
                {dayOf(lastVote.startDate)} · {lastVote.motionText} ·{' '}
                <strong>{t(`app.bill.result.${lastVote.result}`)}</strong> (
                {tallyOf(lastVote.counts)
                  .map((c) => `${optionName(t, c.option)} ${c.value}`)
                  .join(', ')}
                )
              </p>
            </section>
          ) : null}
          {events.data && events.data.length > 0 ? (
            <section aria-labelledby="brief-hearings">
              <h2 id="brief-hearings">{t('app.brief.nextHearing')}</h2>
              <ul>
                {events.data.map((e) => (
                  <li key={e.id}>
                    {dayOf(e.startDate)} · {e.name} ({hearingStatusName(t, e.status)})
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <BillImpactSection billId={b.id} compact />
          <p className="muted brief-footer">{t('app.brief.prepared', { date: today })}</p>
        </article>
      ) : null}
    </Page>
  );
}
