/** Signing in with email and password. */
import { type FormEvent, useState } from 'react';
import { Announcer } from '../components/announcer.tsx';
import { TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';

/** Where to go after signing in: `?next=` when it is an app path, else the home page. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The sign-in page. */
export function SignInPage() {
  const { t } = useI18n();
  const { api, state, setState } = useSession();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => setState(await api.signIn(email, password)));
    if (ok) navigate(nextPath(search));
  };

  return (
    <Page title={t('app.signIn.title')}>
      {state?.setupRequired ? <p className="notice">{t('app.signIn.setupRequired')}</p> : null}
      {state?.user ? (
        <p>{t('app.signIn.already', { name: state.user.displayName })}</p>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label={t('app.field.email')}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={setEmail}
          />
          <TextField
            label={t('app.field.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
          />
          <Announcer error={action.error} />
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t('app.signIn.busy') : t('app.signIn.submit')}
          </button>
        </form>
      )}
      <p>
        <Link to="/reset-password">{t('app.signIn.forgot')}</Link>
      </p>
    </Page>
  );
}
