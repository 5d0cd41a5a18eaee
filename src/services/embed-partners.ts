/**
 * Partner attribution of actions taken through an embed (docs/embeds.md). A partner's public code is its
 * organisation's slug; an embed URL carries it as `?partner=<code>`. Policy: the code is checked only when an
 * action is stored (the cached page GET touches no database), against the partners of the action's campaign;
 * an unknown, malformed or foreign code is recorded as no partner and never refused, so a supporter is never
 * told about a partner's typo. Counts per partner are visible to the campaign's organisations only.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { type CampaignScope, getCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';

/** The shape of a partner code (an organisation slug); anything else is no partner. */
const partnerCodePattern = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The partner code in a query or form value when well-formed, else null. */
export function partnerCodeOf(value: unknown): string | null {
  return typeof value === 'string' && partnerCodePattern.test(value) ? value : null;
}

/** The organisation id of a partner of the campaign with this code; null when the code names none. */
export async function resolveEmbedPartner(
  db: Kysely<Database>,
  campaignId: string,
  code: string | null,
): Promise<string | null> {
  if (code === null || !partnerCodePattern.test(code)) return null;
  const row = await db
    .selectFrom('campaign_partners')
    .innerJoin('organizations', 'organizations.id', 'campaign_partners.organization_id')
    .select('organizations.id')
    .where('campaign_partners.campaign_id', '=', campaignId)
    .where('organizations.slug', '=', code)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A campaign partner as an embed names it. */
export interface EmbedPartner {
  organizationId: string;
  name: string;
  /** The public code to put in `?partner=`. */
  code: string;
}

/** The actions attributed to one partner (null: none, or an unknown code). */
export interface PartnerActionCount {
  organizationId: string | null;
  code: string | null;
  name: string | null;
  /** Counted (confirmed, not marked) petition signatures. */
  signatures: number;
  /** Confirmed letters. */
  letters: number;
  /** Call reports. */
  calls: number;
}

/** What the campaign screen shows about embeds: the partners' codes and the actions per partner. */
export interface CampaignEmbedStats {
  campaignId: string;
  partners: EmbedPartner[];
  counts: PartnerActionCount[];
}

type Counted = { partner?: string | null; n: number | string | bigint };

function tally(rows: Counted[]): Map<string | null, number> {
  return new Map(rows.map((r) => [r.partner ?? null, Number(r.n)] as const));
}

/**
 * The campaign's partners with their codes and, per partner (and for none), its counted signatures,
 * confirmed letters and call reports; CAMPAIGN_NOT_FOUND unless the acting organisation owns or partners in it.
 */
export async function campaignEmbedStats(
  ctx: ServiceContext,
  campaignId: string,
  scope: CampaignScope = {},
): Promise<CampaignEmbedStats> {
  const campaign = await getCampaign(ctx, campaignId, scope);
  const orgs = campaign.partners.length
    ? await ctx.db
        .selectFrom('organizations')
        .select(['id', 'slug'])
        .where(
          'id',
          'in',
          campaign.partners.map((p) => p.organizationId),
        )
        .execute()
    : [];
  const slugs = new Map(orgs.map((o) => [o.id, o.slug] as const));
  const partners = campaign.partners
    .map((p) => ({
      organizationId: p.organizationId,
      name: p.organizationName,
      code: slugs.get(p.organizationId) ?? '',
    }))
    .filter((p) => p.code !== '');
  const signatures = tally(
    await ctx.db
      .selectFrom('petition_signatures as s')
      .innerJoin('petitions as p', 'p.id', 's.petition_id')
      .select((eb) => ['s.partner_org_id as partner', eb.fn.countAll<number>().as('n')])
      .where('p.campaign_id', '=', campaignId)
      .where('s.counted', '=', 1)
      .groupBy('s.partner_org_id')
      .execute(),
  );
  const letters = tally(
    await ctx.db
      .selectFrom('letters as l')
      .innerJoin('letter_actions as a', 'a.id', 'l.action_id')
      .select((eb) => ['l.partner_org_id as partner', eb.fn.countAll<number>().as('n')])
      .where('a.campaign_id', '=', campaignId)
      .where('l.status', '=', 'confirmed')
      .groupBy('l.partner_org_id')
      .execute(),
  );
  const calls = tally(
    await ctx.db
      .selectFrom('call_reports as c')
      .innerJoin('letter_actions as a', 'a.id', 'c.action_id')
      .select((eb) => ['c.partner_org_id as partner', eb.fn.countAll<number>().as('n')])
      .where('a.campaign_id', '=', campaignId)
      .groupBy('c.partner_org_id')
      .execute(),
  );
  const line = (organizationId: string | null): PartnerActionCount => {
    const partner = partners.find((p) => p.organizationId === organizationId);
    return {
      organizationId,
      code: partner?.code ?? null,
      name: partner?.name ?? null,
      signatures: signatures.get(organizationId) ?? 0,
      letters: letters.get(organizationId) ?? 0,
      calls: calls.get(organizationId) ?? 0,
    };
  };
  // A former partner's past actions stay listed under its id.
  const ids = new Set<string>([...partners.map((p) => p.organizationId)]);
  for (const m of [signatures, letters, calls]) for (const k of m.keys()) if (k !== null) ids.add(k);
  return { campaignId, partners, counts: [...[...ids].map(line), line(null)] };
}
