/** Password reset: ask for a link by email, or, arriving from that link, choose a new password. */
import { type FormEvent, useState } from 'react';
import { Announcer } from '../components/announcer.tsx';
import { TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { useFragmentToken } from '../lib/use-fragment-token.ts';

function RequestForm() {
  const { t } = useI18n();
  const { api } = useSession();
  const [email, setEmail] = useState('');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(() => api.requestReset(email), t('app.reset.sent'));
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t('app.reset.requestIntro')}</p>
      <TextField
        label={t('app.field.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={setEmail}
      />
      <Announcer error={action.error} status={action.status} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('app.reset.requestSubmit')}
      </button>
    </form>
  );
}

function ConfirmForm({ token }: { token: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(() => api.confirmReset(token, password), t('app.reset.done'));
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label={t('app.field.newPassword')}
        hint={t('app.field.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={setPassword}
        error={action.error?.field === 'password' ? action.error.text : undefined}
      />
      <Announcer error={action.error} status={action.status} />
      {action.status ? (
        <p>
          <Link to="/sign-in">{t('app.signIn.title')}</Link>
        </p>
      ) : (
        <button type="submit" className="primary" disabled={action.busy}>
          {t('app.reset.confirmSubmit')}
        </button>
      )}
    </form>
  );
}

/** The reset-password page. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const token = useFragmentToken();
  return <Page title={t('app.reset.title')}>{token ? <ConfirmForm token={token} /> : <RequestForm />}</Page>;
}
