/**
 * A public campaign's page (`/campaigns/<slug>`): its title, summary, jurisdiction and organisation, links to
 * its open actions (petition, letter, call, sign-on letter) and the survivor stories published for the web
 * with consent (services/stories.ts `publicStories`: pseudonymous, unexpired, consented for the web). A
 * private or unknown campaign is a 404 page.
 */
import type { Locale } from '../../core/framework/types.ts';
import { type MessageKey, t } from '../../core/i18n/messages.ts';
import { type Jurisdiction, localized } from '../../core/jurisdictions/types.ts';
import type { PublicCampaign, PublicCampaignAction } from '../../services/public-campaigns.ts';
import type { PublicStory } from '../../services/stories.ts';
import { esc } from './html.ts';
import { type PortalMeta, portalPage, reportCardPath } from './portal-html.ts';
import { campaignPath } from './portal-live-html.ts';

const actionKey: Record<PublicCampaignAction['kind'], MessageKey> = {
  petition: 'portal.campaign.action.petition',
  letter: 'portal.campaign.action.letter',
  call: 'portal.campaign.action.call',
  signOn: 'portal.campaign.action.signOn',
};

/** The campaign page; `jurisdiction` is null when the campaign's jurisdiction has no public report card. */
export function portalCampaignPage(
  locale: Locale,
  args: {
    campaign: PublicCampaign;
    jurisdiction: Jurisdiction | null;
    stories: readonly PublicStory[];
    meta: PortalMeta;
  },
): string {
  const { campaign: c, jurisdiction: j } = args;
  const place = j
    ? `<a href="${esc(reportCardPath(j.id))}?lang=${locale}">${esc(localized(j.name, locale))}</a>`
    : esc(c.jurisdictionId);
  const about = esc(t(locale, 'portal.campaign.about', { jurisdiction: '\u0000', org: c.organizationName }))
    .split('\u0000')
    .join(place);
  const status = t(locale, 'portal.campaign.status', {
    status: t(locale, `app.campaigns.status.${c.status}`),
  });
  const summary = c.summary
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${esc(p.trim())}</p>`)
    .join('\n');
  const actions = c.actions
    .map(
      (a) =>
        `<li><a href="${esc(a.href)}?lang=${locale}">${esc(t(locale, actionKey[a.kind], { title: a.title }))}</a></li>`,
    )
    .join('');
  const stories = args.stories
    .map(
      (s) =>
        `<li><blockquote>${esc(s.text)}</blockquote><p class="meta">${esc(s.pseudonym)} · <time datetime="${esc(s.publishedAt.slice(0, 10))}">${esc(s.publishedAt.slice(0, 10))}</time></p></li>`,
    )
    .join('\n');
  const main = `<h1>${esc(c.title)}</h1>
<p>${about}</p>
<p>${esc(status)}</p>
${summary}
<h2 id="actions">${esc(t(locale, 'portal.campaign.actions'))}</h2>
${actions ? `<ul>${actions}</ul>` : `<p>${esc(t(locale, 'portal.campaign.noActions'))}</p>`}
<h2 id="stories">${esc(t(locale, 'portal.campaign.stories'))}</h2>
${stories ? `<p class="meta">${esc(t(locale, 'portal.campaign.storiesNote'))}</p><ul class="stories">${stories}</ul>` : `<p>${esc(t(locale, 'portal.campaign.noStories'))}</p>`}`;
  return portalPage(locale, c.title, campaignPath(c.slug), '', main, args.meta);
}

/** The page for a missing or private campaign (the same for both). */
export function portalCampaignNotFoundPage(locale: Locale, path: string): string {
  const title = t(locale, 'portal.campaign.notFound');
  return portalPage(
    locale,
    title,
    path,
    '',
    `<h1>${esc(title)}</h1>\n<p>${esc(t(locale, 'portal.campaign.notFoundBody'))}</p>`,
    null,
  );
}
