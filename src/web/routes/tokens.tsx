/** API tokens of the active organization: create one (its secret is shown once), list them, revoke them. */
import { type FormEvent, useState } from 'react';
import type { ApiToken, CreatedToken, Role } from '../api/types.ts';
import { roles } from '../api/types.ts';
import { Announcer } from '../components/announcer.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { formatDate, roleName } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';
import { type Action, useAction, useLoad } from '../lib/use-action.ts';

function CreateForm({ onCreated }: { onCreated(created: CreatedToken): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      onCreated(await api.createToken(name, role));
      setName('');
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label={t('app.tokens.name')} name="name" required value={name} onChange={setName} />
      <SelectField label={t('app.field.role')} name="role" value={role} onChange={(v) => setRole(v as Role)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleName(t, r)}
          </option>
        ))}
      </SelectField>
      <Announcer error={action.error} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('app.tokens.create')}
      </button>
    </form>
  );
}

function Secret({ created }: { created: CreatedToken }) {
  const { t } = useI18n();
  return (
    <div className="secret" role="status">
      <p>{t('app.tokens.secretOnce', { name: created.token.name })}</p>
      <TextField
        label={t('app.tokens.secret')}
        name="secret"
        value={created.secret}
        onChange={() => undefined}
        readOnly
      />
    </div>
  );
}

function TokenRow({ token, action, reload }: { token: ApiToken; action: Action; reload(): void }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const revoke = async () => {
    if (!window.confirm(t('app.tokens.confirmRevoke', { name: token.name }))) return;
    if (await action.run(() => api.revokeToken(token.id), t('app.tokens.revoked', { name: token.name })))
      reload();
  };
  return (
    <tr>
      <th scope="row">{token.name}</th>
      <td>{roleName(t, token.role)}</td>
      <td>{formatDate(locale, token.createdAt, '—')}</td>
      <td>{formatDate(locale, token.lastUsedAt, t('app.tokens.never'))}</td>
      <td>
        {token.revokedAt ? (
          t('app.tokens.revokedAt', { date: formatDate(locale, token.revokedAt, '') })
        ) : (
          <button type="button" className="danger" onClick={revoke} disabled={action.busy}>
            {t('app.tokens.revoke')}
            <span className="visually-hidden"> {token.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

/** The API tokens page. */
export function TokensPage() {
  const { t } = useI18n();
  const { api, state } = useSession();
  const tokens = useLoad(() => api.tokens(), [api, state?.activeOrganizationId]);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const action = useAction();
  return (
    <Page title={t('app.tokens.title')} intro={t('app.tokens.intro')}>
      <section aria-labelledby="new-token">
        <h2 id="new-token">{t('app.tokens.new')}</h2>
        <CreateForm
          onCreated={(c) => {
            setCreated(c);
            tokens.reload();
          }}
        />
        {created ? <Secret created={created} /> : null}
      </section>
      <section aria-labelledby="token-list">
        <h2 id="token-list">{t('app.tokens.list')}</h2>
        <LoadState loading={tokens.data === null && !tokens.error} error={tokens.error} />
        <Announcer error={action.error} status={action.status} />
        {tokens.data && tokens.data.length === 0 ? <p>{t('app.tokens.none')}</p> : null}
        {tokens.data && tokens.data.length > 0 ? (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('app.tokens.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('app.tokens.name')}</th>
                  <th scope="col">{t('app.field.role')}</th>
                  <th scope="col">{t('app.tokens.created')}</th>
                  <th scope="col">{t('app.tokens.lastUsed')}</th>
                  <th scope="col">{t('app.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.map((tok) => (
                  <TokenRow key={tok.id} token={tok} action={action} reload={tokens.reload} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
