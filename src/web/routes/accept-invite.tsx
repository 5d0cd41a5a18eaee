/** Accepting an invitation: a new account, or an existing one proven by its password. */
import { type FormEvent, useState } from 'react';
import { Announcer } from '../components/announcer.tsx';
import { TextField } from '../components/field.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { roleName } from '../lib/labels.ts';
import { navigate } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { useFragmentToken } from '../lib/use-fragment-token.ts';

/** The accept-invitation page. */
export function AcceptInvitePage() {
  const { t } = useI18n();
  const { api, setState } = useSession();
  const token = useFragmentToken();
  const invitation = useLoad(async () => (token ? api.lookupInvitation(token) : null), [token]);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const info = invitation.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token || !info) return;
    const ok = await action.run(async () => {
      await api.acceptInvitation({
        token,
        password,
        ...(info.accountExists ? {} : { displayName }),
      });
      setState(await api.signIn(info.email, password));
    });
    if (ok) navigate('/');
  };

  return (
    <Page title={t('app.invite.title')}>
      {token ? (
        <LoadState loading={info === null && !invitation.error} error={invitation.error} />
      ) : (
        <p className="notice">{t('app.invite.noToken')}</p>
      )}
      {info ? (
        <form className="form" onSubmit={submit} noValidate>
          <p>
            {t('app.invite.offer', {
              organization: info.organization.name,
              role: roleName(t, info.role),
              email: info.email,
            })}
          </p>
          {info.accountExists ? (
            <p>{t('app.invite.existing')}</p>
          ) : (
            <TextField
              label={t('app.field.yourName')}
              name="displayName"
              autoComplete="name"
              required
              value={displayName}
              onChange={setDisplayName}
            />
          )}
          <TextField
            label={info.accountExists ? t('app.field.password') : t('app.field.newPassword')}
            hint={info.accountExists ? undefined : t('app.field.passwordHint')}
            name="password"
            type="password"
            autoComplete={info.accountExists ? 'current-password' : 'new-password'}
            required
            value={password}
            onChange={setPassword}
            error={action.error?.field === 'password' ? action.error.text : undefined}
          />
          <Announcer error={action.error} />
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t('app.working') : t('app.invite.submit')}
          </button>
        </form>
      ) : null}
    </Page>
  );
}
