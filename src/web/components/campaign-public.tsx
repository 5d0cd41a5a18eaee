/**
 * The campaign's public flag (owner or editor): a public campaign is listed on the portal while active and has
 * a page at `/campaigns/<slug>` (a plain link: the portal is outside the workspace). Private by default.
 */
import { type FormEvent, useState } from 'react';
import type { Campaign } from '../api/campaign-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';

/** The form that makes a campaign public or private, and its portal link when public. */
export function CampaignPublicForm({
  campaign,
  onSaved,
}: {
  campaign: Campaign;
  onSaved(c: Campaign): void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [checked, setChecked] = useState(campaign.public);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(
      async () => {
        const state = await api.setCampaignPublic(campaign.id, checked);
        onSaved({ ...campaign, public: state.public, publicSlug: state.publicSlug });
      },
      t(checked ? 'app.campaigns.public.madePublic' : 'app.campaigns.public.madePrivate'),
    );
  };
  return (
    <form className="form campaign-public" onSubmit={submit} noValidate>
      <div className="field checkbox">
        <input
          id="campaign-public"
          type="checkbox"
          checked={checked}
          onChange={(e) => setChecked(e.target.checked)}
        />
        <label htmlFor="campaign-public">{t('app.campaigns.public.label')}</label>
      </div>
      <Announcer error={action.error} status={action.status} />
      <button type="submit" disabled={action.busy}>
        {t('app.campaigns.public.save')}
      </button>
      {campaign.public && campaign.publicSlug ? (
        <p>
          <a href={`/campaigns/${encodeURIComponent(campaign.publicSlug)}`}>
            {t('app.campaigns.public.link')}
          </a>
        </p>
      ) : null}
    </form>
  );
}
