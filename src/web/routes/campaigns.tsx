/** The campaign board: campaigns the organization owns or partners in, and a form to start one from a gap. */
import { type FormEvent, useState } from 'react';
import type { Campaign } from '../api/campaign-endpoints.ts';
import { Announcer } from '../components/announcer.tsx';
import { CampaignImportForm } from '../components/campaign-interop.tsx';
import { TextAreaField, TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { splitList } from '../lib/split-list.ts';
import { useAction, useLoad } from '../lib/use-action.ts';

function CreateForm() {
  const { t } = useI18n();
  const { api } = useSession();
  const params = new URLSearchParams(useLocation().search);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [jurisdiction, setJurisdiction] = useState(params.get('jurisdiction') ?? '');
  const [gaps, setGaps] = useState(params.get('gap') ?? '');
  const [bills, setBills] = useState(params.get('bill') ?? '');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const created = await api.createCampaign({
        title,
        summary,
        jurisdictionId: jurisdiction.trim(),
        gaps: splitList(gaps),
        billIds: splitList(bills),
      });
      navigate(`/campaigns/${encodeURIComponent(created.id)}`);
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label={t('app.campaigns.field.title')}
        name="title"
        required
        value={title}
        onChange={setTitle}
      />
      <TextAreaField
        label={t('app.campaigns.field.summary')}
        name="summary"
        value={summary}
        onChange={setSummary}
      />
      <TextField
        label={t('app.campaigns.field.jurisdiction')}
        name="jurisdiction"
        required
        value={jurisdiction}
        onChange={setJurisdiction}
      />
      <TextField label={t('app.campaigns.field.gaps')} name="gaps" required value={gaps} onChange={setGaps} />
      <TextField label={t('app.campaigns.field.bills')} name="bills" value={bills} onChange={setBills} />
      <Announcer error={action.error} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('app.campaigns.create')}
      </button>
    </form>
  );
}

function CampaignTable({ campaigns }: { campaigns: Campaign[] }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{t('app.campaigns.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.campaigns.field.title')}</th>
            <th scope="col">{t('app.campaigns.field.status')}</th>
            <th scope="col">{t('app.campaigns.owner')}</th>
            <th scope="col">{t('app.campaigns.access')}</th>
            <th scope="col">{t('app.campaigns.gaps')}</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{c.title}</Link>
              </th>
              <td>{t(`app.campaigns.status.${c.status}`)}</td>
              <td>{c.organizationName}</td>
              <td>{t(`app.campaigns.access.${c.access}`)}</td>
              <td>{c.gaps.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The campaigns page. */
export function CampaignsPage() {
  const { t } = useI18n();
  const { api, state, can } = useSession();
  const campaigns = useLoad(() => api.campaigns(), [api, state?.activeOrganizationId]);
  return (
    <Page title={t('app.campaigns.title')} intro={t('app.campaigns.intro')}>
      <section aria-labelledby="campaign-list">
        <h2 id="campaign-list">{t('app.campaigns.list')}</h2>
        <LoadState loading={campaigns.data === null && !campaigns.error} error={campaigns.error} />
        {campaigns.data && campaigns.data.length === 0 ? <p>{t('app.campaigns.none')}</p> : null}
        {campaigns.data && campaigns.data.length > 0 ? <CampaignTable campaigns={campaigns.data} /> : null}
      </section>
      {can('campaigns:write') ? (
        <section aria-labelledby="new-campaign">
          <h2 id="new-campaign">{t('app.campaigns.new')}</h2>
          <CreateForm />
        </section>
      ) : null}
      <CampaignImportForm />
    </Page>
  );
}
