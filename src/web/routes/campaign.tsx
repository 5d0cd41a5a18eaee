/** One campaign: its goal, status, partners (the owner manages them), milestones and the merged timeline. */
import { type FormEvent, useState } from 'react';
import {
  type Campaign,
  type CampaignStatus,
  campaignStatuses,
  type PartnerRole,
  type TimelineEntry,
} from '../api/campaign-endpoints.ts';
import { Announcer } from '../components/announcer.tsx';
import { CampaignActions } from '../components/campaign-actions.tsx';
import { CampaignEmbeds } from '../components/campaign-embeds.tsx';
import { CampaignExportLinks } from '../components/campaign-interop.tsx';
import { CampaignLibrary } from '../components/campaign-library.tsx';
import { CampaignOutcomeSection } from '../components/campaign-outcome.tsx';
import { CampaignPetitions } from '../components/campaign-petitions.tsx';
import { CampaignPublicForm } from '../components/campaign-public.tsx';
import { CampaignSignOn } from '../components/campaign-sign-on.tsx';
import { CampaignStories } from '../components/campaign-stories.tsx';
import { CampaignTargetsSection } from '../components/campaign-targets.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { formatDate } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';
import { type Action, useAction, useLoad } from '../lib/use-action.ts';

function StatusForm({ campaign, onSaved }: { campaign: Campaign; onSaved(c: Campaign): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [status, setStatus] = useState<CampaignStatus>(campaign.status);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(
      async () => onSaved(await api.updateCampaign(campaign.id, { status })),
      t('app.campaigns.saved'),
    );
  };
  return (
    <form className="form inline" onSubmit={submit} noValidate>
      <SelectField
        label={t('app.campaigns.field.status')}
        name="status"
        value={status}
        onChange={(v) => setStatus(v as CampaignStatus)}
      >
        {campaignStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`app.campaigns.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <Announcer error={action.error} status={action.status} />
      <button type="submit" disabled={action.busy}>
        {t('app.campaigns.save')}
      </button>
    </form>
  );
}

function Partners({ campaign, onSaved }: { campaign: Campaign; onSaved(c: Campaign): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [slug, setSlug] = useState('');
  const [role, setRole] = useState<PartnerRole>('viewer');
  const action: Action = useAction();
  const owner = campaign.access === 'owner';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(
      async () => onSaved(await api.setCampaignPartner(campaign.id, slug.trim(), role)),
      t('app.campaigns.partnerSaved'),
    );
    if (ok) setSlug('');
  };
  const remove = (organizationId: string) =>
    action.run(
      async () => onSaved(await api.removeCampaignPartner(campaign.id, organizationId)),
      t('app.campaigns.partnerRemoved'),
    );
  return (
    <section aria-labelledby="partners">
      <h2 id="partners">{t('app.campaigns.partners')}</h2>
      {campaign.partners.length === 0 ? <p>{t('app.campaigns.noPartners')}</p> : null}
      {campaign.partners.length > 0 ? (
        <ul>
          {campaign.partners.map((p) => (
            <li key={p.organizationId}>
              {p.organizationName} ({t(`app.campaigns.role.${p.role}`)}){' '}
              {owner ? (
                <button
                  type="button"
                  className="danger"
                  disabled={action.busy}
                  onClick={() => remove(p.organizationId)}
                >
                  {t('app.campaigns.removePartner')}
                  <span className="visually-hidden"> {p.organizationName}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <Announcer error={action.error} status={action.status} />
      {owner ? (
        <form className="form" onSubmit={submit} noValidate>
          <h3>{t('app.campaigns.addPartner')}</h3>
          <TextField
            label={t('app.campaigns.partnerSlug')}
            name="partner"
            required
            value={slug}
            onChange={setSlug}
          />
          <SelectField
            label={t('app.campaigns.role')}
            name="role"
            value={role}
            onChange={(v) => setRole(v as PartnerRole)}
          >
            <option value="viewer">{t('app.campaigns.role.viewer')}</option>
            <option value="editor">{t('app.campaigns.role.editor')}</option>
          </SelectField>
          <button type="submit" disabled={action.busy}>
            {t('app.campaigns.setPartner')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function MilestoneForm({ campaignId, onAdded }: { campaignId: string; onAdded(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      await api.addCampaignMilestone(campaignId, { date, title, note: note.trim() ? note : null });
      onAdded();
    }, t('app.campaigns.milestoneAdded'));
    if (ok) {
      setTitle('');
      setNote('');
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h3>{t('app.campaigns.milestone')}</h3>
      <TextField
        label={t('app.campaigns.milestoneDate')}
        name="date"
        type="date"
        required
        value={date}
        onChange={setDate}
      />
      <TextField
        label={t('app.campaigns.milestoneTitle')}
        name="title"
        required
        value={title}
        onChange={setTitle}
      />
      <TextField label={t('app.campaigns.milestoneNote')} name="note" value={note} onChange={setNote} />
      <Announcer error={action.error} status={action.status} />
      <button type="submit" disabled={action.busy}>
        {t('app.campaigns.addMilestone')}
      </button>
    </form>
  );
}

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, locale } = useI18n();
  if (entries.length === 0) return <p>{t('app.campaigns.noTimeline')}</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{t('app.campaigns.timeline')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.campaigns.date')}</th>
            <th scope="col">{t('app.campaigns.kind')}</th>
            <th scope="col">{t('app.campaigns.bill')}</th>
            <th scope="col">{t('app.campaigns.entry')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={`${e.kind}:${e.sourceId}`}>
              <td>{formatDate(locale, e.date.slice(0, 10), e.date)}</td>
              <td>{t(`app.campaigns.kind.${e.kind}`)}</td>
              <td>
                {e.billId ? (
                  <Link to={`/bills/${encodeURIComponent(e.billId)}`}>{e.billIdentifier}</Link>
                ) : null}
              </td>
              <th scope="row">
                {e.title}
                {e.detail ? <span className="muted"> · {e.detail}</span> : null}
              </th>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The page of one campaign. */
export function CampaignPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const campaign = useLoad(() => api.campaign(id), [api, id]);
  const timeline = useLoad(() => api.campaignTimeline(id), [api, id]);
  const c = campaign.data;
  const editable = c !== null && (c.access === 'owner' || c.access === 'editor') && can('campaigns:write');
  return (
    <Page title={c?.title ?? t('app.campaigns.title')} intro={c?.summary || undefined}>
      <LoadState loading={c === null && !campaign.error} error={campaign.error} />
      {c ? (
        <>
          <dl className="facts">
            <dt>{t('app.campaigns.owner')}</dt>
            <dd>{c.organizationName}</dd>
            <dt>{t('app.campaigns.access')}</dt>
            <dd>{t(`app.campaigns.access.${c.access}`)}</dd>
            <dt>{t('app.campaigns.field.status')}</dt>
            <dd>{t(`app.campaigns.status.${c.status}`)}</dd>
            <dt>{t('app.campaigns.gaps')}</dt>
            <dd>
              <Link to={`/gaps?jurisdiction=${encodeURIComponent(c.jurisdictionId)}`}>
                {c.gaps.join(', ')}
              </Link>
            </dd>
            <dt>{t('app.campaigns.bills')}</dt>
            <dd>{c.billIds.length}</dd>
          </dl>
          {editable ? (
            <>
              <StatusForm campaign={c} onSaved={campaign.setData} />
              <CampaignPublicForm campaign={c} onSaved={campaign.setData} />
            </>
          ) : (
            <p>{t('app.campaigns.readOnly')}</p>
          )}
          <CampaignTargetsSection campaignId={c.id} editable={editable} />
          <CampaignOutcomeSection campaignId={c.id} />
          <CampaignLibrary campaign={c} editable={editable} />
          <CampaignStories campaignId={c.id} editable={editable} />
          <CampaignPetitions campaignId={c.id} editable={editable} />
          <CampaignActions campaignId={c.id} editable={editable} />
          <CampaignSignOn campaignId={c.id} editable={editable} />
          <CampaignExportLinks campaignId={c.id} />
          <Partners campaign={c} onSaved={campaign.setData} />
          <CampaignEmbeds key={c.partners.map((p) => p.organizationId).join()} campaignId={c.id} />
          <section aria-labelledby="timeline">
            <h2 id="timeline">{t('app.campaigns.timeline')}</h2>
            <p>{t('app.campaigns.timelineIntro')}</p>
            {editable ? <MilestoneForm campaignId={c.id} onAdded={timeline.reload} /> : null}
            <LoadState loading={timeline.data === null && !timeline.error} error={timeline.error} />
            {timeline.data ? <Timeline entries={timeline.data} /> : null}
          </section>
        </>
      ) : null}
    </Page>
  );
}
