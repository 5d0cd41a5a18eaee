/**
 * A campaign's petitions: each with its status, the signatures counted by status (never who signed), a link
 * to its public page, open / close and its moderation view (petition-moderation.tsx); and a form to write a new
 * one (a draft). The server decides every rule.
 */
import { type FormEvent, useState } from 'react';
import type { PetitionDto } from '../api/petition-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { TextAreaField, TextField } from './field.tsx';
import { LoadState } from './load-state.tsx';
import { PetitionModeration } from './petition-moderation.tsx';

function PetitionItem({
  petition: p,
  editable,
  onChanged,
}: {
  petition: PetitionDto;
  editable: boolean;
  onChanged(): void;
}) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const [moderating, setModerating] = useState(false);
  const move = async (to: 'open' | 'close') => {
    if (
      await action.run(
        () => api.setPetitionStatus(p.id, to),
        t(`app.petitions.status.${to === 'open' ? 'open' : 'closed'}`),
      )
    )
      onChanged();
  };
  return (
    <li>
      <strong>{p.title}</strong> <span className="muted">({t(`app.petitions.status.${p.status}`)})</span>
      <br />
      {t('app.petitions.counts', p.signatures)}
      {p.status !== 'draft' ? (
        <>
          {' · '}
          <a href={`/act/${encodeURIComponent(p.slug)}?lang=${locale}`}>
            {t('app.petitions.publicPage')}
            <span className="visually-hidden"> {p.title}</span>
          </a>
        </>
      ) : null}
      {editable ? (
        <p>
          <button
            type="button"
            onClick={() => move(p.status === 'open' ? 'close' : 'open')}
            disabled={action.busy}
          >
            {t(p.status === 'open' ? 'app.petitions.close' : 'app.petitions.open')}
            <span className="visually-hidden"> {p.title}</span>
          </button>{' '}
          {p.status !== 'draft' ? (
            <button type="button" aria-expanded={moderating} onClick={() => setModerating(!moderating)}>
              {t('app.petitions.moderation.show')}
              <span className="visually-hidden"> {p.title}</span>
            </button>
          ) : null}
        </p>
      ) : null}
      {editable && moderating ? <PetitionModeration petitionId={p.id} /> : null}
      <Announcer error={action.error} status={action.status} />
    </li>
  );
}

const blank = {
  slug: '',
  title: '',
  text: '',
  targetDescription: '',
  goal: '1000',
  senderName: '',
  senderEmail: '',
  partnerName: '',
};

function NewPetition({ campaignId, onCreated }: { campaignId: string; onCreated(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [f, setF] = useState(blank);
  const action = useAction();
  const set = (key: keyof typeof blank) => (value: string) => setF((old) => ({ ...old, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(
      () =>
        api.createPetition(campaignId, {
          slug: f.slug,
          title: f.title,
          text: f.text,
          targetDescription: f.targetDescription,
          goal: Number(f.goal),
          senderName: f.senderName,
          senderEmail: f.senderEmail,
          partnerName: f.partnerName.trim() === '' ? null : f.partnerName,
        }),
      t('app.petitions.created'),
    );
    if (!ok) return;
    setF(blank);
    onCreated();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h3>{t('app.petitions.new')}</h3>
      <TextField
        label={t('app.petitions.slug')}
        name="petition-slug"
        required
        value={f.slug}
        onChange={set('slug')}
      />
      <TextField
        label={t('app.petitions.titleField')}
        name="petition-title"
        required
        value={f.title}
        onChange={set('title')}
      />
      <TextAreaField
        label={t('app.petitions.text')}
        name="petition-text"
        required
        value={f.text}
        onChange={set('text')}
        rows={6}
      />
      <TextField
        label={t('app.petitions.target')}
        name="petition-target"
        required
        value={f.targetDescription}
        onChange={set('targetDescription')}
      />
      <TextField
        label={t('app.petitions.goal')}
        name="petition-goal"
        required
        value={f.goal}
        onChange={set('goal')}
      />
      <TextField
        label={t('app.petitions.senderName')}
        name="petition-sender-name"
        required
        value={f.senderName}
        onChange={set('senderName')}
      />
      <TextField
        label={t('app.petitions.senderEmail')}
        name="petition-sender-email"
        type="email"
        required
        value={f.senderEmail}
        onChange={set('senderEmail')}
      />
      <TextField
        label={t('app.petitions.partner')}
        name="petition-partner"
        value={f.partnerName}
        onChange={set('partnerName')}
      />
      <Announcer error={action.error} status={action.status} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('app.petitions.create')}
      </button>
    </form>
  );
}

/** The petitions section of a campaign page. */
export function CampaignPetitions({ campaignId, editable }: { campaignId: string; editable: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const petitions = useLoad(() => api.campaignPetitions(campaignId), [api, campaignId]);
  return (
    <section aria-labelledby="petitions">
      <h2 id="petitions">{t('app.petitions.title')}</h2>
      <LoadState loading={petitions.data === null && !petitions.error} error={petitions.error} />
      {petitions.data && petitions.data.length === 0 ? <p>{t('app.petitions.none')}</p> : null}
      {petitions.data && petitions.data.length > 0 ? (
        <ul className="petitions">
          {petitions.data.map((p) => (
            <PetitionItem key={p.id} petition={p} editable={editable} onChanged={petitions.reload} />
          ))}
        </ul>
      ) : null}
      {editable ? <NewPetition campaignId={campaignId} onCreated={petitions.reload} /> : null}
    </section>
  );
}
