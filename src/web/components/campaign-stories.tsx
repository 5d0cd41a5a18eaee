/**
 * A campaign's survivor stories, for the organisation that recorded them: status and what the consent record
 * still lacks, publish and withdraw (one action), and the form to record a story with its consent. The server
 * decides every rule (complete consent, no identifying details, expiry); this page shows its answers.
 */
import { type FormEvent, useState } from 'react';
import {
  identifiabilityLevels,
  type Story,
  type StoryConsent,
  storyChannels,
} from '../api/campaign-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { splitList } from '../lib/split-list.ts';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextAreaField, TextField } from './field.tsx';
import { LoadState } from './load-state.tsx';

function StoryItem({ story, editable, onChanged }: { story: Story; editable: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const publish = async () => {
    if (await action.run(() => api.publishStory(story.id), t('app.stories.published'))) onChanged();
  };
  const withdraw = async () => {
    if (!window.confirm(t('app.stories.confirmWithdraw', { name: story.pseudonym }))) return;
    if (await action.run(() => api.withdrawStory(story.id), t('app.stories.withdrawn'))) onChanged();
  };
  const status = story.expired && story.status === 'published' ? 'expired' : story.status;
  return (
    <li className="story">
      <h3>
        {story.pseudonym} <span className="muted">({t(`app.stories.status.${status as 'draft'}`)})</span>
      </h3>
      {story.text ? (
        <p className="story-text">{story.text}</p>
      ) : (
        <p className="muted">{t('app.stories.wiped')}</p>
      )}
      {story.pendingText ? <p className="muted">{t('app.stories.pending')}</p> : null}
      {story.consentProblems.length > 0 ? (
        <p>
          {t('app.stories.missing')}{' '}
          {story.consentProblems
            .map((f) => t(`app.stories.field.${f.replace('consent.', '') as 'purpose'}`))
            .join(', ')}
        </p>
      ) : null}
      {story.consent.expiresOn ? <p>{t('app.stories.expires', { date: story.consent.expiresOn })}</p> : null}
      {editable && story.status !== 'withdrawn' ? (
        <p>
          {story.status !== 'published' ? (
            <button type="button" onClick={publish} disabled={action.busy}>
              {t('app.stories.publish')}
              <span className="visually-hidden"> {story.pseudonym}</span>
            </button>
          ) : null}{' '}
          <button type="button" className="danger" onClick={withdraw} disabled={action.busy}>
            {t('app.stories.withdraw')}
            <span className="visually-hidden"> {story.pseudonym}</span>
          </button>
        </p>
      ) : null}
      <Announcer error={action.error} status={action.status} />
    </li>
  );
}

const blankConsent = {
  purpose: '',
  channels: ['web'] as string[],
  identifiability: 'pseudonymous',
  givenOn: '',
  expiresOn: '',
  withdrawalRoute: '',
  retentionMonths: '',
  researchUse: '',
  consentTextVersion: '',
  recordedBy: '',
};

function NewStory({ campaignId, onCreated }: { campaignId: string; onCreated(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [pseudonym, setPseudonym] = useState('');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [phones, setPhones] = useState('');
  const [emails, setEmails] = useState('');
  const [c, setC] = useState(blankConsent);
  const set = (k: keyof typeof blankConsent) => (v: string) => setC((prev) => ({ ...prev, [k]: v }));
  const action = useAction();
  const toggle = (channel: string) =>
    setC((prev) => ({
      ...prev,
      channels: prev.channels.includes(channel)
        ? prev.channels.filter((x) => x !== channel)
        : [...prev.channels, channel],
    }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
    const consent: StoryConsent = {
      purpose: orNull(c.purpose),
      channels: c.channels,
      identifiability: c.identifiability,
      givenOn: orNull(c.givenOn),
      expiresOn: orNull(c.expiresOn),
      withdrawalRoute: orNull(c.withdrawalRoute),
      retentionMonths: c.retentionMonths.trim() === '' ? null : Number(c.retentionMonths),
      researchUse: c.researchUse === '' ? null : c.researchUse === 'yes',
      consentTextVersion: orNull(c.consentTextVersion),
      recordedBy: orNull(c.recordedBy),
    };
    const body = {
      ...(pseudonym.trim() ? { pseudonym } : {}),
      text,
      subject: {
        name: orNull(name),
        aliases: splitList(aliases),
        phones: splitList(phones),
        emails: splitList(emails),
        other: [],
      },
      consent,
    };
    const ok = await action.run(() => api.createStory(campaignId, body), t('app.stories.saved'));
    if (!ok) return;
    setText('');
    setName('');
    setAliases('');
    setPhones('');
    setEmails('');
    setC(blankConsent);
    onCreated();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h3>{t('app.stories.new')}</h3>
      <TextField
        label={t('app.stories.pseudonym')}
        hint={t('app.stories.pseudonymHint')}
        name="pseudonym"
        value={pseudonym}
        onChange={setPseudonym}
      />
      <TextAreaField
        label={t('app.stories.text')}
        name="story-text"
        required
        value={text}
        onChange={setText}
        rows={6}
      />
      <fieldset>
        <legend>{t('app.stories.subject')}</legend>
        <p className="hint">{t('app.stories.subjectHint')}</p>
        <TextField label={t('app.stories.subjectName')} name="subject-name" value={name} onChange={setName} />
        <TextField label={t('app.stories.aliases')} name="aliases" value={aliases} onChange={setAliases} />
        <TextField label={t('app.stories.phones')} name="phones" value={phones} onChange={setPhones} />
        <TextField label={t('app.stories.emails')} name="emails" value={emails} onChange={setEmails} />
      </fieldset>
      <fieldset>
        <legend>{t('app.stories.consent')}</legend>
        <TextField
          label={t('app.stories.field.purpose')}
          name="purpose"
          value={c.purpose}
          onChange={set('purpose')}
        />
        <fieldset>
          <legend>{t('app.stories.field.channels')}</legend>
          {storyChannels.map((ch) => (
            <div className="field checkbox" key={ch}>
              <input
                id={`channel-${ch}`}
                type="checkbox"
                checked={c.channels.includes(ch)}
                onChange={() => toggle(ch)}
              />
              <label htmlFor={`channel-${ch}`}>{t(`app.stories.channel.${ch}`)}</label>
            </div>
          ))}
        </fieldset>
        <SelectField
          label={t('app.stories.field.identifiability')}
          name="identifiability"
          value={c.identifiability}
          onChange={set('identifiability')}
        >
          {identifiabilityLevels.map((l) => (
            <option key={l} value={l}>
              {t(`app.stories.identifiability.${l}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('app.stories.field.givenOn')}
          name="given-on"
          type="date"
          value={c.givenOn}
          onChange={set('givenOn')}
        />
        <TextField
          label={t('app.stories.field.expiresOn')}
          hint={t('app.stories.expiresHint')}
          name="expires-on"
          type="date"
          value={c.expiresOn}
          onChange={set('expiresOn')}
        />
        <TextField
          label={t('app.stories.field.withdrawalRoute')}
          name="withdrawal-route"
          value={c.withdrawalRoute}
          onChange={set('withdrawalRoute')}
        />
        <TextField
          label={t('app.stories.field.retentionMonths')}
          name="retention"
          value={c.retentionMonths}
          onChange={set('retentionMonths')}
        />
        <SelectField
          label={t('app.stories.field.researchUse')}
          name="research"
          value={c.researchUse}
          onChange={set('researchUse')}
        >
          <option value="">{t('app.stories.notAsked')}</option>
          <option value="yes">{t('app.stories.yes')}</option>
          <option value="no">{t('app.stories.no')}</option>
        </SelectField>
        <TextField
          label={t('app.stories.field.consentTextVersion')}
          name="consent-version"
          value={c.consentTextVersion}
          onChange={set('consentTextVersion')}
        />
        <TextField
          label={t('app.stories.field.recordedBy')}
          name="recorded-by"
          value={c.recordedBy}
          onChange={set('recordedBy')}
        />
      </fieldset>
      <Announcer error={action.error} status={action.status} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('app.stories.save')}
      </button>
    </form>
  );
}

/** The stories section of a campaign page. */
export function CampaignStories({ campaignId, editable }: { campaignId: string; editable: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const stories = useLoad(() => api.campaignStories(campaignId), [api, campaignId]);
  return (
    <section aria-labelledby="stories">
      <h2 id="stories">{t('app.stories.title')}</h2>
      <p>{t('app.stories.intro')}</p>
      <LoadState loading={stories.data === null && !stories.error} error={stories.error} />
      {stories.data && stories.data.length === 0 ? <p>{t('app.stories.none')}</p> : null}
      {stories.data && stories.data.length > 0 ? (
        <ul className="stories">
          {stories.data.map((s) => (
            <StoryItem key={s.id} story={s} editable={editable} onChanged={stories.reload} />
          ))}
        </ul>
      ) : null}
      {editable ? <NewStory campaignId={campaignId} onCreated={stories.reload} /> : null}
    </section>
  );
}
