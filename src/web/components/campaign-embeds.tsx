/**
 * A campaign's embeds: an "embed this" snippet generator (an iframe of one of the campaign's public actions,
 * with a partner's code so actions taken through it are counted for that partner) and the counts of
 * signatures, letters and call reports per partner. The server decides who sees the counts.
 */
import { useId, useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { SelectField } from './field.tsx';
import { LoadState } from './load-state.tsx';

interface EmbeddableAction {
  key: string;
  title: string;
  kind: 'petition' | 'letter' | 'call';
  path: string;
}

/** The iframe HTML a partner pastes (the embed path on this origin, with the partner code and language). */
export function embedSnippet(
  origin: string,
  path: string,
  partner: string,
  lang: string,
  title: string,
): string {
  const query = new URLSearchParams();
  if (partner) query.set('partner', partner);
  query.set('lang', lang);
  const escaped = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${origin}${path}?${query.toString().replace(/&/g, '&amp;')}" title="${escaped}" width="100%" height="900" style="border:0" loading="lazy"></iframe>`;
}

/** The section on the campaign page. */
export function CampaignEmbeds({ campaignId }: { campaignId: string }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const snippetId = useId();
  const loaded = useLoad(async () => {
    const [stats, petitions, actions] = await Promise.all([
      api.campaignEmbedStats(campaignId),
      api.campaignPetitions(campaignId),
      api.campaignActions(campaignId),
    ]);
    const embeddable: EmbeddableAction[] = [
      ...petitions
        .filter((p) => p.status !== 'draft')
        .map((p) => ({
          key: `p:${p.id}`,
          title: p.title,
          kind: 'petition' as const,
          path: `/embed/act/${encodeURIComponent(p.slug)}`,
        })),
      ...actions
        .filter((a) => a.status !== 'draft')
        .map((a) => ({
          key: `a:${a.id}`,
          title: a.title,
          kind: a.kind,
          path: `/embed/act/${encodeURIComponent(a.slug)}/${a.kind}`,
        })),
    ];
    return { stats, embeddable };
  }, [campaignId]);
  const [chosen, setChosen] = useState('');
  const [partner, setPartner] = useState('');
  const data = loaded.data;
  const action = data?.embeddable.find((a) => a.key === chosen) ?? data?.embeddable[0];
  return (
    <section aria-labelledby="embeds">
      <h2 id="embeds">{t('app.embeds.title')}</h2>
      <LoadState loading={!data} error={loaded.error} />
      {data ? (
        <>
          <p>{t('app.embeds.intro')}</p>
          {action ? (
            <>
              <SelectField
                name="embed-action"
                label={t('app.embeds.action')}
                value={action.key}
                onChange={setChosen}
              >
                {data.embeddable.map((a) => (
                  <option key={a.key} value={a.key}>
                    {t(`app.embeds.kind.${a.kind}`)}: {a.title}
                  </option>
                ))}
              </SelectField>
              <SelectField
                name="embed-partner"
                label={t('app.embeds.partner')}
                value={partner}
                onChange={setPartner}
              >
                <option value="">{t('app.embeds.noPartner')}</option>
                {data.stats.partners.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
              <div className="field">
                <label htmlFor={snippetId}>{t('app.embeds.snippet')}</label>
                <textarea
                  id={snippetId}
                  readOnly
                  rows={4}
                  value={embedSnippet(window.location.origin, action.path, partner, locale, action.title)}
                  onFocus={(e) => e.currentTarget.select()}
                />
              </div>
            </>
          ) : (
            <p>{t('app.embeds.none')}</p>
          )}
          <table>
            <caption>{t('app.embeds.counts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('app.embeds.partner')}</th>
                <th scope="col">{t('app.embeds.signatures')}</th>
                <th scope="col">{t('app.embeds.letters')}</th>
                <th scope="col">{t('app.embeds.calls')}</th>
              </tr>
            </thead>
            <tbody>
              {data.stats.counts.map((c) => (
                <tr key={c.organizationId ?? 'none'}>
                  <th scope="row">
                    {c.organizationId ? (c.name ?? c.organizationId) : t('app.embeds.noPartner')}
                  </th>
                  <td>{c.signatures}</td>
                  <td>{c.letters}</td>
                  <td>{c.calls}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
