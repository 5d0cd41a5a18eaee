/** Every user account of this instance (instance administrators): disable and re-enable accounts. */
import type { User } from '../api/types.ts';
import { Announcer } from '../components/announcer.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { formatDate } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';
import { type Action, useAction, useLoad } from '../lib/use-action.ts';

function UserRow({
  user,
  self,
  action,
  onChange,
}: {
  user: User;
  self: boolean;
  action: Action;
  onChange(u: User): void;
}) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const name = user.displayName;
  const toggle = async () => {
    const disable = !user.disabled;
    if (disable && !window.confirm(t('app.users.confirmDisable', { name }))) return;
    await action.run(
      async () => onChange(await api.setUserDisabled(user.id, disable)),
      t(disable ? 'app.users.disabledDone' : 'app.users.enabledDone', { name }),
    );
  };
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{user.email}</td>
      <td>{user.instanceAdmin ? t('app.users.instanceAdmin') : '—'}</td>
      <td>{user.disabled ? t('app.users.disabled') : t('app.users.active')}</td>
      <td>{formatDate(locale, user.createdAt, '—')}</td>
      <td>
        {self ? (
          <span className="muted">{t('app.users.you')}</span>
        ) : (
          <button
            type="button"
            className={user.disabled ? '' : 'danger'}
            onClick={toggle}
            disabled={action.busy}
          >
            {user.disabled ? t('app.users.enable') : t('app.users.disable')}
            <span className="visually-hidden"> {name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

/** The users page. */
export function UsersPage() {
  const { t } = useI18n();
  const { api, state } = useSession();
  const users = useLoad(() => api.users(), [api]);
  const action = useAction();
  const replace = (u: User) => users.setData((users.data ?? []).map((x) => (x.id === u.id ? u : x)));
  return (
    <Page title={t('app.users.title')} intro={t('app.users.intro')}>
      <LoadState loading={users.data === null && !users.error} error={users.error} />
      <Announcer error={action.error} status={action.status} />
      {users.data ? (
        <div className="table-wrap">
          <table className="data">
            <caption>{t('app.users.caption', { count: users.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('app.field.displayName')}</th>
                <th scope="col">{t('app.field.email')}</th>
                <th scope="col">{t('app.users.admin')}</th>
                <th scope="col">{t('app.users.status')}</th>
                <th scope="col">{t('app.tokens.created')}</th>
                <th scope="col">{t('app.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  self={u.id === state?.user?.id}
                  action={action}
                  onChange={replace}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
