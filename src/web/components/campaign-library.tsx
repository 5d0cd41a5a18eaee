/** A campaign's messaging and evidence library: facts with their sources, talking points, letters, scripts. */
import { type FormEvent, useState } from 'react';
import type { Campaign, CampaignMessage, MessageKind } from '../api/campaign-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextAreaField, TextField } from './field.tsx';
import { LoadState } from './load-state.tsx';

function Facts({ campaign, editable }: { campaign: Campaign; editable: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const facts = useLoad(() => api.campaignFacts(campaign.id), [api, campaign.id]);
  const [statement, setStatement] = useState('');
  const [source, setSource] = useState('');
  const [date, setDate] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(
      () => api.addCampaignFact(campaign.id, { statement, source, date }),
      t('app.campaigns.factAdded'),
    );
    if (!ok) return;
    setStatement('');
    setSource('');
    facts.reload();
  };
  return (
    <section aria-labelledby="facts">
      <h2 id="facts">{t('app.campaigns.facts')}</h2>
      <LoadState loading={facts.data === null && !facts.error} error={facts.error} />
      {facts.data && facts.data.length === 0 ? <p>{t('app.campaigns.noFacts')}</p> : null}
      {facts.data && facts.data.length > 0 ? (
        <ul className="facts-list">
          {facts.data.map((f) => (
            <li key={f.id}>
              {f.statement}{' '}
              <span className="muted">
                ({t('app.campaigns.factSource')}: {f.source}, {f.date})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <form className="form" onSubmit={submit} noValidate>
          <TextAreaField
            label={t('app.campaigns.factStatement')}
            name="statement"
            required
            value={statement}
            onChange={setStatement}
          />
          <TextField
            label={t('app.campaigns.factSource')}
            name="fact-source"
            required
            value={source}
            onChange={setSource}
          />
          <TextField
            label={t('app.campaigns.factDate')}
            name="fact-date"
            type="date"
            required
            value={date}
            onChange={setDate}
          />
          <Announcer error={action.error} status={action.status} />
          <button type="submit" disabled={action.busy}>
            {t('app.campaigns.addFact')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function MessageItem({ campaignId, message }: { campaignId: string; message: CampaignMessage }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [preview, setPreview] = useState<string | null>(null);
  const action = useAction();
  const show = () =>
    action.run(async () => setPreview((await api.previewCampaignMessage(campaignId, message.id)).text));
  return (
    <li>
      <h3>
        {message.title} <span className="muted">({t(`app.campaigns.messageKind.${message.kind}`)})</span>
      </h3>
      <pre className="message-body">{message.body}</pre>
      {message.kind !== 'talking_points' ? (
        <button type="button" onClick={show} disabled={action.busy}>
          {t('app.campaigns.preview')}
          <span className="visually-hidden"> {message.title}</span>
        </button>
      ) : null}
      <Announcer error={action.error} />
      {preview !== null ? <pre className="message-preview">{preview}</pre> : null}
    </li>
  );
}

function Messages({ campaign, editable }: { campaign: Campaign; editable: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const messages = useLoad(() => api.campaignMessages(campaign.id), [api, campaign.id]);
  const [kind, setKind] = useState<MessageKind>('letter');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [gap, setGap] = useState(campaign.gaps[0] ?? '');
  const action = useAction();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(
      () => api.createCampaignMessage(campaign.id, { kind, title, body }),
      t('app.campaigns.messageAdded'),
    );
    if (!ok) return;
    setTitle('');
    setBody('');
    messages.reload();
  };
  const draft = async () => {
    if (await action.run(() => api.draftTalkingPoints(campaign.id, gap), t('app.campaigns.messageAdded')))
      messages.reload();
  };
  return (
    <section aria-labelledby="messages">
      <h2 id="messages">{t('app.campaigns.messages')}</h2>
      <LoadState loading={messages.data === null && !messages.error} error={messages.error} />
      {messages.data && messages.data.length === 0 ? <p>{t('app.campaigns.noMessages')}</p> : null}
      {messages.data && messages.data.length > 0 ? (
        <ul className="messages">
          {messages.data.map((m) => (
            <MessageItem key={m.id} campaignId={campaign.id} message={m} />
          ))}
        </ul>
      ) : null}
      <Announcer error={action.error} status={action.status} />
      {editable ? (
        <>
          <div className="form">
            <SelectField label={t('app.campaigns.draftFor')} name="draft-gap" value={gap} onChange={setGap}>
              {campaign.gaps.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </SelectField>
            <button type="button" onClick={draft} disabled={action.busy}>
              {t('app.campaigns.draftTalkingPoints')}
            </button>
          </div>
          <form className="form" onSubmit={create} noValidate>
            <h3>{t('app.campaigns.newMessage')}</h3>
            <SelectField
              label={t('app.campaigns.messageKindLabel')}
              name="message-kind"
              value={kind}
              onChange={(v) => setKind(v as MessageKind)}
            >
              <option value="letter">{t('app.campaigns.messageKind.letter')}</option>
              <option value="call_script">{t('app.campaigns.messageKind.call_script')}</option>
              <option value="talking_points">{t('app.campaigns.messageKind.talking_points')}</option>
            </SelectField>
            <TextField
              label={t('app.campaigns.messageTitle')}
              name="message-title"
              required
              value={title}
              onChange={setTitle}
            />
            <TextAreaField
              label={t('app.campaigns.messageBody')}
              hint={t('app.campaigns.messageFields')}
              name="message-body"
              required
              value={body}
              onChange={setBody}
            />
            <button type="submit" disabled={action.busy}>
              {t('app.campaigns.addMessage')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}

/** The library sections of a campaign page. */
export function CampaignLibrary({ campaign, editable }: { campaign: Campaign; editable: boolean }) {
  return (
    <>
      <Messages campaign={campaign} editable={editable} />
      <Facts campaign={campaign} editable={editable} />
    </>
  );
}
