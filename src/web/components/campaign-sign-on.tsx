/**
 * A campaign's sign-on letters: write one, copy its invite link (shown once, on creation or when a new link is
 * made), open or close it, moderate the signatures (approve or reject), and reach the public list and print
 * view. The server decides every rule; this section shows its answers.
 */
import { type FormEvent, useState } from 'react';
import type { SignOnLetter, SignOnSignature } from '../api/sign-on-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { formatDate } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { TextAreaField, TextField } from './field.tsx';
import { LoadState } from './load-state.tsx';

function InviteLink({ url }: { url: string }) {
  const { t } = useI18n();
  const action = useAction();
  const copy = () => action.run(() => navigator.clipboard.writeText(url), t('app.signOn.copied'));
  return (
    <div className="invite-link">
      <TextField
        label={t('app.signOn.inviteLink')}
        name="invite-link"
        value={url}
        onChange={() => {}}
        readOnly
      />
      <button type="button" onClick={copy}>
        {t('app.signOn.copy')}
      </button>
      <Announcer error={action.error} status={action.status} />
    </div>
  );
}

function SignatureItem({
  signature: s,
  editable,
  onChanged,
}: {
  signature: SignOnSignature;
  editable: boolean;
  onChanged(): void;
}) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const decide = async (approve: boolean) => {
    const ok = await action.run(
      () => (approve ? api.approveSignature(s.id) : api.rejectSignature(s.id)),
      t(approve ? 'app.signOn.approved' : 'app.signOn.rejected'),
    );
    if (ok) onChanged();
  };
  const status = t(`app.signOn.sigStatus.${s.status}`);
  return (
    <li>
      <strong>{s.organizationName}</strong> <span className="muted">({status})</span>
      <br />
      {s.signerName}
      {s.signerTitle ? `, ${s.signerTitle}` : ''} · {t('app.signOn.contact')}: {s.contactEmail}
      {s.website ? ` · ${s.website}` : ''}
      {s.moderatedBy && s.moderatedAt ? (
        <span className="muted">
          {' '}
          ·{' '}
          {t('app.signOn.moderatedBy', {
            status,
            who: s.moderatedBy,
            date: formatDate(locale, s.moderatedAt, ''),
          })}
        </span>
      ) : null}
      {editable && s.status !== 'rejected' ? (
        <p>
          {s.status === 'pending' ? (
            <button type="button" onClick={() => decide(true)} disabled={action.busy}>
              {t('app.signOn.approve')}
              <span className="visually-hidden"> {s.organizationName}</span>
            </button>
          ) : null}{' '}
          <button type="button" className="danger" onClick={() => decide(false)} disabled={action.busy}>
            {t('app.signOn.reject')}
            <span className="visually-hidden"> {s.organizationName}</span>
          </button>
        </p>
      ) : null}
      <Announcer error={action.error} status={action.status} />
    </li>
  );
}

function LetterItem({
  letter,
  editable,
  onChanged,
}: {
  letter: SignOnLetter;
  editable: boolean;
  onChanged(): void;
}) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const [invite, setInvite] = useState<string | null>(null);
  const signatures = useLoad(() => api.letterSignatures(letter.id), [api, letter.id]);
  const setStatus = async (status: 'open' | 'closed') => {
    if (await action.run(() => api.updateLetter(letter.id, { status }), t('app.signOn.saved'))) onChanged();
  };
  const rotate = () =>
    action.run(async () => setInvite((await api.rotateInvite(letter.id)).inviteUrl), t('app.signOn.rotated'));
  const base = `/letters/${encodeURIComponent(letter.id)}`;
  return (
    <li className="letter">
      <h3>
        {letter.title} <span className="muted">({t(`app.signOn.status.${letter.status}`)})</span>
      </h3>
      {letter.status !== 'draft' ? (
        <p>
          <a href={`${base}?lang=${locale}`}>
            {t('app.signOn.publicList')}
            <span className="visually-hidden"> {letter.title}</span>
          </a>{' '}
          ·{' '}
          <a href={`${base}/print?lang=${locale}`}>
            {t('app.signOn.printView')}
            <span className="visually-hidden"> {letter.title}</span>
          </a>
        </p>
      ) : null}
      {editable ? (
        <p>
          {letter.status !== 'open' ? (
            <button type="button" onClick={() => setStatus('open')} disabled={action.busy}>
              {t('app.signOn.open')}
              <span className="visually-hidden"> {letter.title}</span>
            </button>
          ) : (
            <button type="button" onClick={() => setStatus('closed')} disabled={action.busy}>
              {t('app.signOn.close')}
              <span className="visually-hidden"> {letter.title}</span>
            </button>
          )}{' '}
          <button type="button" onClick={rotate} disabled={action.busy}>
            {t('app.signOn.rotate')}
            <span className="visually-hidden"> {letter.title}</span>
          </button>
        </p>
      ) : null}
      <Announcer error={action.error} status={action.status} />
      {invite ? <InviteLink url={invite} /> : null}
      <h4>{t('app.signOn.signatures')}</h4>
      <LoadState loading={signatures.data === null && !signatures.error} error={signatures.error} />
      {signatures.data && signatures.data.length === 0 ? <p>{t('app.signOn.noSignatures')}</p> : null}
      {signatures.data && signatures.data.length > 0 ? (
        <ul className="signatures">
          {signatures.data.map((s) => (
            <SignatureItem key={s.id} signature={s} editable={editable} onChanged={signatures.reload} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function NewLetter({ campaignId, onCreated }: { campaignId: string; onCreated(url: string): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let url = '';
    const ok = await action.run(async () => {
      url = (await api.createLetter(campaignId, { title, body, status: 'open' })).inviteUrl;
    }, t('app.signOn.created'));
    if (!ok) return;
    setTitle('');
    setBody('');
    onCreated(url);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h3>{t('app.signOn.new')}</h3>
      <TextField
        label={t('app.signOn.field.title')}
        name="letter-title"
        required
        value={title}
        onChange={setTitle}
      />
      <TextAreaField
        label={t('app.signOn.field.body')}
        hint={t('app.signOn.bodyHint')}
        name="letter-body"
        required
        value={body}
        onChange={setBody}
        rows={8}
      />
      <Announcer error={action.error} status={action.status} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('app.signOn.create')}
      </button>
    </form>
  );
}

/** The sign-on letters section of a campaign page. */
export function CampaignSignOn({ campaignId, editable }: { campaignId: string; editable: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const letters = useLoad(() => api.campaignLetters(campaignId), [api, campaignId]);
  const [invite, setInvite] = useState<string | null>(null);
  return (
    <section aria-labelledby="sign-on">
      <h2 id="sign-on">{t('app.signOn.title')}</h2>
      <p>{t('app.signOn.intro')}</p>
      <LoadState loading={letters.data === null && !letters.error} error={letters.error} />
      {letters.data && letters.data.length === 0 ? <p>{t('app.signOn.none')}</p> : null}
      {invite ? <InviteLink url={invite} /> : null}
      {letters.data && letters.data.length > 0 ? (
        <ul className="letters">
          {letters.data.map((l) => (
            <LetterItem key={l.id} letter={l} editable={editable} onChanged={letters.reload} />
          ))}
        </ul>
      ) : null}
      {editable ? (
        <NewLetter
          campaignId={campaignId}
          onCreated={(url) => {
            setInvite(url);
            letters.reload();
          }}
        />
      ) : null}
    </section>
  );
}
