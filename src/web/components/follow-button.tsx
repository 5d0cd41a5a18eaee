/**
 * Follow a bill, person, committee, jurisdiction or indicator: a toggle button (Follow / Following) and, while
 * following, how often its changes are emailed. Signed-out visitors get a link to sign in and, for bills and
 * jurisdictions, to the public email-alert page that needs no account.
 */
import { useId, useState } from 'react';
import type { EmailFrequency, FollowTargetKind } from '../../core/alerts/types.ts';
import { emailFrequencies } from '../../core/alerts/types.ts';
import { type Follow, useAlertsApi } from '../api/alerts.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { Link } from './link.tsx';

/** Kinds the public (account-free) email follow page accepts. */
const publicKinds: readonly FollowTargetKind[] = ['bill', 'jurisdiction'];

/** The public email-alert page for a target, or null when that kind has none. */
export function publicFollowHref(kind: FollowTargetKind, id: string): string | null {
  return publicKinds.includes(kind) ? `/follow?${kind}=${encodeURIComponent(id)}` : null;
}

export interface FollowButtonProps {
  kind: FollowTargetKind;
  /** Bill id, OCD person id, OCD organization id (committee), jurisdiction id or indicator id. */
  id: string;
  /** What is followed, for screen readers ("Follow HB 12"); the button says only "Follow" when absent. */
  label?: string;
}

function SignedOut({ kind, id }: { kind: FollowTargetKind; id: string }) {
  const { t } = useI18n();
  const { path, search } = useLocation();
  const emailHref = publicFollowHref(kind, id);
  return (
    <p className="follow follow-signed-out">
      <Link to={`/sign-in?next=${encodeURIComponent(path + search)}`}>{t('app.follow.signInToFollow')}</Link>
      {emailHref ? (
        <>
          {' · '}
          <a href={emailHref}>{t('app.follow.emailWithoutAccount')}</a>
        </>
      ) : null}
    </p>
  );
}

function SignedIn({ kind, id, label }: FollowButtonProps) {
  const { t } = useI18n();
  const api = useAlertsApi();
  const selectId = useId();
  const follows = useLoad(() => api.follows(), [api]);
  const [current, setCurrent] = useState<Follow | null | undefined>(undefined);
  const action = useAction();
  const loaded = follows.data?.find((f) => f.kind === kind && f.targetId === id) ?? null;
  const follow = current === undefined ? loaded : current;
  const name = label ? <span className="visually-hidden"> {label}</span> : null;

  if (follows.data === null) {
    return follows.error ? <Announcer error={follows.error} /> : null;
  }

  const toggle = () =>
    void action.run(
      async () => {
        if (follow) {
          await api.unfollow(follow.id);
          setCurrent(null);
        } else {
          setCurrent(await api.follow(kind, id, 'none'));
        }
      },
      follow ? t('app.follow.unfollowed') : t('app.follow.followed'),
    );
  const choose = (frequency: EmailFrequency) =>
    void action.run(async () => {
      if (follow) setCurrent(await api.setEmailFrequency(follow.id, frequency));
    }, t('app.follow.frequencySaved'));

  return (
    <div className="follow">
      <button
        type="button"
        className={follow ? undefined : 'primary'}
        aria-pressed={follow !== null}
        onClick={toggle}
        disabled={action.busy}
      >
        {follow ? t('app.follow.following') : t('app.follow.follow')}
        {name}
      </button>
      {follow ? (
        <span className="inline-control">
          <label htmlFor={selectId}>{t('app.follow.emailLabel')}</label>
          <select
            id={selectId}
            value={follow.emailFrequency}
            disabled={action.busy}
            onChange={(e) => choose(e.target.value as EmailFrequency)}
          >
            {emailFrequencies.map((f) => (
              <option key={f} value={f}>
                {t(`app.follow.frequency.${f}`)}
              </option>
            ))}
          </select>
        </span>
      ) : null}
      <Announcer error={action.error} status={action.status} />
    </div>
  );
}

/** `<FollowButton kind="bill" id={bill.id} label={bill.identifier} />`. */
export function FollowButton(props: FollowButtonProps) {
  const { state } = useSession();
  if (!state?.user) return <SignedOut kind={props.kind} id={props.id} />;
  return <SignedIn {...props} />;
}
