/** Members of the active organization: list them; admins change roles, remove members and invite people. */
import { type FormEvent, useId, useState } from 'react';
import type { Member, Role } from '../api/types.ts';
import { roles } from '../api/types.ts';
import { Announcer } from '../components/announcer.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { formatDate, roleName } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';
import { type Action, useAction, useLoad } from '../lib/use-action.ts';

function RoleOptions() {
  const { t } = useI18n();
  return (
    <>
      {roles.map((r) => (
        <option key={r} value={r}>
          {roleName(t, r)}
        </option>
      ))}
    </>
  );
}

function MemberRow({
  member,
  manage,
  action,
  reload,
}: {
  member: Member;
  manage: boolean;
  action: Action;
  reload(): void;
}) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const [role, setRole] = useState<Role>(member.role);
  const selectId = useId();
  const name = member.user.displayName;

  const saveRole = async () => {
    if (
      await action.run(() => api.setMemberRole(member.user.id, role), t('app.members.roleChanged', { name }))
    ) {
      reload();
    }
  };
  const remove = async () => {
    if (!window.confirm(t('app.members.confirmRemove', { name }))) return;
    if (await action.run(() => api.removeMember(member.user.id), t('app.members.removed', { name })))
      reload();
  };

  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{member.user.email}</td>
      <td>
        {manage ? (
          <span className="inline-control">
            <label htmlFor={selectId} className="visually-hidden">
              {t('app.members.roleOf', { name })}
            </label>
            <select id={selectId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <RoleOptions />
            </select>
            <button type="button" onClick={saveRole} disabled={action.busy || role === member.role}>
              {t('app.members.saveRole')}
              <span className="visually-hidden"> ({name})</span>
            </button>
          </span>
        ) : (
          roleName(t, member.role)
        )}
      </td>
      <td>{formatDate(locale, member.createdAt, '—')}</td>
      {manage ? (
        <td>
          <button type="button" className="danger" onClick={remove} disabled={action.busy}>
            {t('app.members.remove')}
            <span className="visually-hidden"> {name}</span>
          </button>
        </td>
      ) : null}
    </tr>
  );
}

function InviteForm() {
  const { t } = useI18n();
  const { api } = useSession();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => api.invite(email, role), t('app.members.invited', { email }))) setEmail('');
  };
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('app.members.invite')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('app.field.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={setEmail}
        />
        <SelectField
          label={t('app.field.role')}
          name="role"
          value={role}
          onChange={(v) => setRole(v as Role)}
        >
          <RoleOptions />
        </SelectField>
        <Announcer error={action.error} status={action.status} />
        <button type="submit" className="primary" disabled={action.busy}>
          {t('app.members.inviteSubmit')}
        </button>
      </form>
    </section>
  );
}

/** The members page. */
export function MembersPage() {
  const { t } = useI18n();
  const { api, state, can } = useSession();
  const org = state?.organizations.find((o) => o.id === state.activeOrganizationId);
  const members = useLoad(() => api.members(), [api, state?.activeOrganizationId]);
  const action = useAction();
  const manage = can('members:manage');
  return (
    <Page
      title={t('app.members.title')}
      intro={org ? t('app.members.intro', { organization: org.name }) : undefined}
    >
      <LoadState loading={members.data === null && !members.error} error={members.error} />
      <Announcer error={action.error} status={action.status} />
      {members.data ? (
        <div className="table-wrap">
          <table className="data">
            <caption>{t('app.members.caption', { count: members.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('app.field.displayName')}</th>
                <th scope="col">{t('app.field.email')}</th>
                <th scope="col">{t('app.field.role')}</th>
                <th scope="col">{t('app.members.since')}</th>
                {manage ? <th scope="col">{t('app.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.data.map((m) => (
                <MemberRow
                  key={m.user.id}
                  member={m}
                  manage={manage}
                  action={action}
                  reload={members.reload}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {manage ? <InviteForm /> : null}
    </Page>
  );
}
