/**
 * Public campaigns on the portal. Policy:
 * - a campaign is private until its owner or an editor partner makes it public (`campaigns:write`); the first
 *   time, it gets a stable slug (its title, slugified, plus the end of its id) that it keeps when made private
 *   and public again, so links stay valid;
 * - the portal lists only public campaigns whose status is `active`, and a campaign's public page exists only
 *   while it is public (a private campaign answers CAMPAIGN_NOT_FOUND exactly like a missing one);
 * - a public page shows the campaign's title, summary, jurisdiction and organisation, and links to its open
 *   actions only (petitions and letter or call actions by slug, sign-on letters by id): drafts never appear;
 * - every change of the flag tells the portal's page cache (publication-events.ts) after it committed.
 */
import { slugify } from '../core/auth/accounts.ts';
import type { CampaignStatus } from '../core/campaigns/types.ts';
import { DomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { nowIso } from '../store/util.ts';
import { type CampaignScope, editableCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';
import { notifyPublicationChanged } from './publication-events.ts';

/** A public campaign as the portal lists it. */
export interface PublicCampaignSummary {
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: CampaignStatus;
  jurisdictionId: string;
  organizationName: string;
}

/** One open action of a public campaign, with the public page it lives on. */
export interface PublicCampaignAction {
  kind: 'petition' | 'letter' | 'call' | 'signOn';
  title: string;
  href: string;
}

/** A public campaign's page: the campaign and its open actions. */
export interface PublicCampaign extends PublicCampaignSummary {
  actions: PublicCampaignAction[];
}

/** The slug a campaign gets when first made public. */
function campaignSlug(title: string, id: string): string {
  const base = slugify(title).slice(0, 60).replace(/-+$/, '');
  return `${base}-${id.replace(/-/g, '').slice(-8).toLowerCase()}`;
}

/**
 * Makes a campaign public or private (owner or editor); returns its public state. Throws FORBIDDEN without
 * `campaigns:write` or for a viewer partner, CAMPAIGN_NOT_FOUND for a campaign the organisation cannot see.
 */
export async function setCampaignPublic(
  ctx: ServiceContext,
  id: string,
  args: CampaignScope & { public: boolean },
): Promise<{ id: string; public: boolean; publicSlug: string | null }> {
  const { organizationId, campaign } = await editableCampaign(ctx, args, id);
  const slug = campaign.publicSlug ?? (args.public ? campaignSlug(campaign.title, campaign.id) : null);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('campaigns')
      .set({ public: args.public ? 1 : 0, public_slug: slug, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx.actor, args.public ? 'campaigns.public' : 'campaigns.private', id, {
      organizationId,
    });
  });
  notifyPublicationChanged();
  return { id, public: args.public, publicSlug: slug };
}

function publicRows(ctx: Pick<ServiceContext, 'db'>) {
  return ctx.db
    .selectFrom('campaigns')
    .innerJoin('organizations', 'organizations.id', 'campaigns.organization_id')
    .select([
      'campaigns.id',
      'campaigns.public_slug',
      'campaigns.title',
      'campaigns.summary',
      'campaigns.status',
      'campaigns.jurisdiction_id',
      'organizations.name',
    ])
    .where('campaigns.public', '=', 1)
    .where('campaigns.public_slug', 'is not', null);
}

type Row = Awaited<ReturnType<ReturnType<typeof publicRows>['execute']>>[number];

const summaryOf = (r: Row): PublicCampaignSummary => ({
  id: r.id,
  slug: r.public_slug ?? '',
  title: r.title,
  summary: r.summary,
  status: r.status as CampaignStatus,
  jurisdictionId: r.jurisdiction_id,
  organizationName: r.name,
});

/** The public, active campaigns (of one jurisdiction when given), newest first. */
export async function listPublicCampaigns(
  ctx: Pick<ServiceContext, 'db'>,
  filter: { jurisdictionId?: string } = {},
): Promise<PublicCampaignSummary[]> {
  let query = publicRows(ctx).where('campaigns.status', '=', 'active');
  if (filter.jurisdictionId) query = query.where('campaigns.jurisdiction_id', '=', filter.jurisdictionId);
  const rows = await query.orderBy('campaigns.created_at', 'desc').orderBy('campaigns.id').execute();
  return rows.map(summaryOf);
}

/** A public campaign by slug with its open actions; CAMPAIGN_NOT_FOUND when missing or private. */
export async function publicCampaign(ctx: Pick<ServiceContext, 'db'>, slug: string): Promise<PublicCampaign> {
  const row = await publicRows(ctx).where('campaigns.public_slug', '=', slug).executeTakeFirst();
  if (!row) throw new DomainError('CAMPAIGN_NOT_FOUND', `no public campaign ${slug}`, { slug });
  const [petitions, letters, signOns] = await Promise.all([
    ctx.db
      .selectFrom('petitions')
      .select(['slug', 'title'])
      .where('campaign_id', '=', row.id)
      .where('status', '=', 'open')
      .orderBy('created_at')
      .execute(),
    ctx.db
      .selectFrom('letter_actions')
      .select(['slug', 'title', 'kind'])
      .where('campaign_id', '=', row.id)
      .where('status', '=', 'open')
      .orderBy('created_at')
      .execute(),
    ctx.db
      .selectFrom('sign_on_letters')
      .select(['id', 'title'])
      .where('campaign_id', '=', row.id)
      .where('status', '=', 'open')
      .orderBy('created_at')
      .execute(),
  ]);
  const slugPath = (s: string) => `/act/${encodeURIComponent(s)}`;
  const actions: PublicCampaignAction[] = [
    ...petitions.map((p) => ({ kind: 'petition' as const, title: p.title, href: slugPath(p.slug) })),
    ...letters.map((l) => ({
      kind: l.kind === 'call' ? ('call' as const) : ('letter' as const),
      title: l.title,
      href: `${slugPath(l.slug)}/${l.kind === 'call' ? 'call' : 'letter'}`,
    })),
    ...signOns.map((s) => ({
      kind: 'signOn' as const,
      title: s.title,
      href: `/letters/${encodeURIComponent(s.id)}`,
    })),
  ];
  return { ...summaryOf(row), actions };
}
