/** First-run setup: the first administrator and organization, from the one-time link the server printed. */
import { type FormEvent, useState } from 'react';
import { Announcer } from '../components/announcer.tsx';
import { TextField } from '../components/field.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { navigate } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { useFragmentToken } from '../lib/use-fragment-token.ts';

/** The setup page. */
export function SetupPage() {
  const { t } = useI18n();
  const { api, setState } = useSession();
  const token = useFragmentToken();
  const check = useLoad(async () => (token ? (await api.checkSetup(token)).valid : false), [token]);
  const [organizationName, setOrganizationName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    const ok = await action.run(async () => {
      await api.setup({ token, email, displayName, password, organizationName });
      setState(await api.signIn(email, password));
    });
    if (ok) navigate('/');
  };

  const fieldError = (field: string) => (action.error?.field === field ? action.error.text : undefined);

  return (
    <Page title={t('app.setup.title')} intro={t('app.setup.intro')}>
      <LoadState loading={check.data === null} error={check.error} />
      {check.data === false ? <p className="notice">{t('app.setup.invalid')}</p> : null}
      {check.data ? (
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label={t('app.field.organizationName')}
            name="organizationName"
            autoComplete="organization"
            required
            value={organizationName}
            onChange={setOrganizationName}
          />
          <TextField
            label={t('app.field.yourName')}
            name="displayName"
            autoComplete="name"
            required
            value={displayName}
            onChange={setDisplayName}
          />
          <TextField
            label={t('app.field.email')}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={setEmail}
            error={fieldError('email')}
          />
          <TextField
            label={t('app.field.newPassword')}
            hint={t('app.field.passwordHint')}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={password}
            onChange={setPassword}
            error={fieldError('password')}
          />
          <Announcer error={action.error} />
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t('app.working') : t('app.setup.submit')}
          </button>
        </form>
      ) : null}
    </Page>
  );
}
