/**
 * One bill (public): its facts and stage, the gaps it would close (machine-projected), the timeline of actions
 * with analysts' class overrides, sponsors, votes by member, versions with a word diff, hearings, documents,
 * citations and its indicator links. The review parts (overrides, links) show only when their API answers.
 */
import { BillCitations, BillDocuments } from '../components/bill-documents.tsx';
import { BillHeader } from '../components/bill-header.tsx';
import { BillHearings } from '../components/bill-hearings.tsx';
import { BillImpactSection } from '../components/bill-impact.tsx';
import { BillLinks } from '../components/bill-links.tsx';
import { BillSponsors } from '../components/bill-sponsors.tsx';
import { BillTimeline, type TimelineReview } from '../components/bill-timeline.tsx';
import { BillVersions } from '../components/bill-versions.tsx';
import { BillVotes } from '../components/bill-votes.tsx';
import { FollowButton } from '../components/follow-button.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { billBriefPath } from '../lib/bill-paths.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { useJurisdictionNames } from '../lib/use-jurisdiction-names.ts';
import '../styles/bills.css';

const sections = [
  ['bill-impact', 'app.bill.impact'],
  ['bill-timeline', 'app.bill.timeline'],
  ['bill-sponsors', 'app.bill.sponsors'],
  ['bill-votes', 'app.bill.votes'],
  ['bill-versions', 'app.bill.versions'],
  ['bill-hearings', 'app.bill.hearings'],
  ['bill-documents', 'app.bill.documents'],
  ['bill-citations', 'app.bill.citations'],
] as const;

/** The page of one bill: `/bills/:id` (lawgap bill id or OCD bill id). */
export function BillPage({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const bill = useLoad(() => api.bill(id), [api, id]);
  const votes = useLoad(() => api.billVotes(id), [api, id]);
  const events = useLoad(() => api.billEvents(id), [api, id]);
  // The review API may be absent or refuse this visitor: the page then shows the imported classes only.
  const overrides = useLoad(() => api.billOverrides(id).catch(() => null), [api, id]);
  const links = useLoad(() => api.billLinks(id).catch(() => null), [api, id]);
  const b = bill.data;
  const names = useJurisdictionNames(b ? [b.jurisdictionId] : []);
  const name = b ? names.get(b.jurisdictionId) : undefined;

  const review: TimelineReview | null =
    b && overrides.data
      ? {
          overrides: overrides.data,
          onOverride: async (order, body) => {
            const r = await api.overrideAction(b.id, order, body);
            bill.reload();
            overrides.reload();
            return r;
          },
          onRemove: async (order, body) => {
            const r = await api.removeOverride(b.id, order, body);
            bill.reload();
            overrides.reload();
            return r;
          },
        }
      : null;

  return (
    <Page title={b ? `${b.identifier}: ${b.title}` : t('app.bill.title')}>
      <p className="no-print">
        <Link to="/bills">{t('app.bill.back')}</Link>
        {b ? (
          <>
            {' · '}
            <Link to={billBriefPath(b.id)}>{t('app.bill.brief')}</Link>
          </>
        ) : null}
      </p>
      <LoadState loading={b === null && !bill.error} error={bill.error} />
      {b ? (
        <>
          <FollowButton kind="bill" id={b.id} label={b.identifier} />
          <BillHeader bill={b} jurisdictionName={name ? pick(name) : { text: b.jurisdictionId }} />
          <nav aria-labelledby="bill-contents" className="bill-contents no-print">
            <h2 id="bill-contents">{t('app.bill.contents')}</h2>
            <ul>
              {sections.map(([anchor, key]) => (
                <li key={anchor}>
                  <a href={`#${anchor}`}>{t(key)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <BillImpactSection billId={b.id} />
          <BillTimeline bill={b} review={review} />
          <BillSponsors sponsorships={b.sponsorships} />
          <LoadState loading={votes.data === null && !votes.error} error={votes.error} />
          {votes.data ? <BillVotes votes={votes.data} /> : null}
          <BillVersions bill={b} />
          <LoadState loading={events.data === null && !events.error} error={events.error} />
          {events.data ? <BillHearings events={events.data} /> : null}
          <BillDocuments bill={b} />
          <BillCitations bill={b} />
          {links.data ? (
            <BillLinks
              links={links.data}
              onDecide={async (indicatorId, body) => {
                await api.decideBillLink(b.id, indicatorId, body);
                links.reload();
              }}
              onRefresh={async () => {
                await api.refreshBillLinks(b.id);
                links.reload();
              }}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
