/**
 * `/alerts`: the changes to what the signed-in person follows, newest first, with the ones they have not seen
 * marked (in words, not only by colour) and a button to mark everything seen; then their follows, with how
 * often each is mailed and a button to stop following.
 */
import { useEffect, useState } from 'react';
import { describeChangeEvent } from '../../core/alerts/event-text.ts';
import type { EmailFrequency } from '../../core/alerts/types.ts';
import { emailFrequencies } from '../../core/alerts/types.ts';
import { type FeedEvent, type FeedPage, type Follow, useAlertsApi } from '../api/alerts.ts';
import { Announcer } from '../components/announcer.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { billPath, committeePath, personPath } from '../lib/bill-paths.ts';
import { useI18n } from '../lib/i18n.tsx';
import { formatDate } from '../lib/labels.ts';
import { reportPath } from '../lib/report-paths.ts';
import { navigate } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { type Action, useAction, useLoad } from '../lib/use-action.ts';

const pageSize = 50;

function FeedItem({ event, unseen }: { event: FeedEvent; unseen: boolean }) {
  const { t, locale } = useI18n();
  const text = describeChangeEvent(locale, event);
  const heading = [text.billIdentifier, text.billTitle].filter(Boolean).join(': ');
  return (
    <li>
      <p>
        {text.billId && heading ? <Link to={billPath(text.billId)}>{heading}</Link> : heading || null}
        {unseen ? <span className="badge badge-verify">{t('app.alerts.new')}</span> : null}
      </p>
      <p>{text.what}</p>
      <p className="muted">{formatDate(locale, event.createdAt, '')}</p>
    </li>
  );
}

function Feed() {
  const { t } = useI18n();
  const api = useAlertsApi();
  const first = useLoad(() => api.feed({ limit: pageSize }), [api]);
  const [older, setOlder] = useState<FeedPage[]>([]);
  const [unseen, setUnseen] = useState<number | null>(null);
  const action = useAction();
  const more = useAction();
  if (!first.data) return <LoadState loading={!first.error} error={first.error} />;
  const pages = [first.data, ...older];
  const events = pages.flatMap((p) => p.events);
  const nextBefore = pages[pages.length - 1]?.nextBefore ?? null;
  const count = unseen ?? first.data.unseen;
  const newest = events[0];

  const markSeen = () =>
    void action.run(async () => {
      if (!newest) return;
      setUnseen((await api.markSeen(newest.id)).unseen);
    }, t('app.alerts.markedSeen'));
  const loadMore = () =>
    void more.run(async () => {
      if (nextBefore) {
        const page = await api.feed({ limit: pageSize, before: nextBefore });
        setOlder((o) => [...o, page]);
      }
    });

  return (
    <>
      <p>{t('app.alerts.unseen', { count })}</p>
      <p>
        <button type="button" onClick={markSeen} disabled={action.busy || count === 0}>
          {t('app.alerts.markSeen')}
        </button>
      </p>
      <Announcer error={action.error} status={action.status} />
      {events.length === 0 ? <p>{t('app.alerts.empty')}</p> : null}
      <ol className="modifiers">
        {events.map((e, i) => (
          <FeedItem key={e.id} event={e} unseen={i < count} />
        ))}
      </ol>
      {nextBefore ? (
        <button type="button" onClick={loadMore} disabled={more.busy}>
          {t('app.alerts.more')}
        </button>
      ) : null}
      <Announcer error={more.error} />
    </>
  );
}

function targetPath(f: Follow): string | null {
  if (f.kind === 'bill') return billPath(f.targetId);
  if (f.kind === 'person') return personPath(f.targetId);
  if (f.kind === 'committee') return committeePath(f.targetId);
  if (f.kind === 'jurisdiction') return reportPath(f.targetId);
  return null;
}

function FollowRow({ follow, action, onChange }: { follow: Follow; action: Action; onChange(): void }) {
  const { t } = useI18n();
  const api = useAlertsApi();
  const [frequency, setFrequency] = useState<EmailFrequency>(follow.emailFrequency);
  const path = targetPath(follow);
  const selectId = `email-${follow.id}`;
  const choose = (next: EmailFrequency) =>
    void action.run(async () => {
      setFrequency((await api.setEmailFrequency(follow.id, next)).emailFrequency);
    }, t('app.follow.frequencySaved'));
  const unfollow = async () => {
    if (await action.run(() => api.unfollow(follow.id), t('app.follow.unfollowed'))) onChange();
  };
  return (
    <tr>
      <td>{t(`app.alerts.kind.${follow.kind}`)}</td>
      <th scope="row">{path ? <Link to={path}>{follow.targetId}</Link> : follow.targetId}</th>
      <td>
        <label htmlFor={selectId} className="visually-hidden">
          {t('app.alerts.email')} {follow.targetId}
        </label>
        <select
          id={selectId}
          value={frequency}
          disabled={action.busy}
          onChange={(e) => choose(e.target.value as EmailFrequency)}
        >
          {emailFrequencies.map((f) => (
            <option key={f} value={f}>
              {t(`app.follow.frequency.${f}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button type="button" className="danger" onClick={unfollow} disabled={action.busy}>
          {t('app.alerts.unfollow')}
          <span className="visually-hidden"> {follow.targetId}</span>
        </button>
      </td>
    </tr>
  );
}

function Follows() {
  const { t } = useI18n();
  const api = useAlertsApi();
  const follows = useLoad(() => api.follows(), [api]);
  const action = useAction();
  if (!follows.data) return <LoadState loading={!follows.error} error={follows.error} />;
  return (
    <>
      <Announcer error={action.error} status={action.status} />
      {follows.data.length === 0 ? (
        <p>{t('app.alerts.noFollows')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t('app.alerts.follows')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('app.alerts.kind')}</th>
                <th scope="col">{t('app.alerts.target')}</th>
                <th scope="col">{t('app.alerts.email')}</th>
                <th scope="col">{t('app.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {follows.data.map((f) => (
                <FollowRow key={f.id} follow={f} action={action} onChange={follows.reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The alerts page. */
export function AlertsPage() {
  const { t } = useI18n();
  return (
    <Page title={t('app.alerts.title')} intro={t('app.alerts.intro')}>
      <section aria-labelledby="alerts-feed">
        <h2 id="alerts-feed">{t('app.alerts.feed')}</h2>
        <Feed />
      </section>
      <section aria-labelledby="alerts-follows">
        <h2 id="alerts-follows">{t('app.alerts.follows')}</h2>
        <Follows />
      </section>
    </Page>
  );
}

/** `/alerts` for a signed-in person; anyone else is sent to sign in first (and brought back). */
export function AlertsRoute() {
  const { state } = useSession();
  const signedIn = Boolean(state?.user);
  useEffect(() => {
    if (!signedIn) navigate(`/sign-in?next=${encodeURIComponent('/alerts')}`, { replace: true });
  }, [signedIn]);
  return signedIn ? <AlertsPage /> : null;
}
