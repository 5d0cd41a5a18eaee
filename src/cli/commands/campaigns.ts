/**
 * `lawgap campaigns list --org ORG [--status S] [--json]`, `lawgap campaigns show ID --org ORG [--json]`
 * (with the timeline), `lawgap campaigns create --org ORG --title T --jurisdiction J --gap IND... [--bill ID...]`
 * `lawgap campaigns partner ID --org ORG --partner ORG2 --role editor|viewer` and
 * `lawgap campaigns targets ID --org ORG [--bill ID] [--date D] [--json]` (who to press at the bill's stage) and
 * `lawgap campaigns outcome ID --org ORG [--json]` and `lawgap campaigns public ID --org ORG [--off]` (shown on
 * the portal while active, or private). The organization is the one
 * acting: it sees only campaigns it owns or partners in.
 */
import type { Command } from 'commander';
import { campaignStatuses, partnerRoles } from '../../core/campaigns/types.ts';
import { DomainError } from '../../core/errors.ts';
import { campaignOutcome } from '../../services/campaign-outcome.ts';
import { campaignTargets } from '../../services/campaign-targets.ts';
import { campaignTimeline } from '../../services/campaign-timeline.ts';
import { createCampaign, getCampaign, listCampaigns, setPartner } from '../../services/campaigns.ts';
import { setCampaignPublic } from '../../services/public-campaigns.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new DomainError(
      'VALIDATION_FAILED',
      `${flag} must be one of ${allowed.join(', ')}, got "${value}"`,
    );
  return value as T;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Registers the campaigns commands. */
export function campaignCommands(program: Command): void {
  const campaigns = program
    .command('campaigns')
    .description('campaigns to close gaps, with partner organizations');
  campaigns
    .command('list')
    .description('campaigns the organization owns or partners in')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--status <status>', campaignStatuses.join('|'))
    .option('--json', 'print JSON only')
    .action(async (opts: { org: string; status?: string; json?: boolean }) => {
      const status = oneOf(opts.status, campaignStatuses, '--status');
      const list = await withContext((ctx) =>
        listCampaigns(ctx, { organization: opts.org, ...(status ? { status } : {}) }),
      );
      if (opts.json) return printJson(list);
      printTable(
        list.map((c) => ({ ...c, gaps: c.gaps.join(','), bills: c.billIds.length })),
        ['id', 'title', 'status', 'access', 'jurisdictionId', 'gaps', 'bills'],
      );
    });
  campaigns
    .command('show')
    .description('one campaign with its partners and timeline')
    .argument('<id>', 'campaign id')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { org: string; json?: boolean }) => {
      const { campaign, timeline } = await withContext(async (ctx) => ({
        campaign: await getCampaign(ctx, id, { organization: opts.org }),
        timeline: await campaignTimeline(ctx, id, { organization: opts.org }),
      }));
      if (opts.json) return printJson({ ...campaign, timeline });
      info(
        `${campaign.title} (${campaign.status}), owned by ${campaign.organizationName}; you: ${campaign.access}`,
      );
      info(`gaps: ${campaign.gaps.join(', ')}; bills: ${campaign.billIds.length}`);
      for (const p of campaign.partners) info(`partner: ${p.organizationName} (${p.role})`);
      printTable(
        timeline.map((t) => ({ ...t, bill: t.billIdentifier ?? '' })),
        ['date', 'kind', 'bill', 'title'],
      );
    });
  campaigns
    .command('create')
    .description('create a campaign owned by the organization')
    .requiredOption('--org <slug>', 'the owning organization (slug or id)')
    .requiredOption('--title <text>', 'title')
    .requiredOption('--jurisdiction <id>', 'OCD division id of the jurisdiction')
    .requiredOption('--gap <indicator>', 'indicator id of a gap to close (repeatable)', collect)
    .option('--bill <id>', 'a bill meant to close it (repeatable)', collect)
    .option('--summary <text>', 'summary')
    .option('--json', 'print JSON only')
    .action(
      async (opts: {
        org: string;
        title: string;
        jurisdiction: string;
        gap: string[];
        bill?: string[];
        summary?: string;
        json?: boolean;
      }) => {
        const campaign = await withContext((ctx) =>
          createCampaign(ctx, {
            organization: opts.org,
            title: opts.title,
            jurisdictionId: opts.jurisdiction,
            gaps: opts.gap,
            billIds: opts.bill ?? [],
            ...(opts.summary ? { summary: opts.summary } : {}),
          }),
        );
        if (opts.json) return printJson(campaign);
        info(`created campaign ${campaign.id}`);
      },
    );
  campaigns
    .command('targets')
    .description(
      "the targets for one of the campaign's bills at its current stage, with positions and the whip count",
    )
    .argument('<id>', 'campaign id')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--bill <id>', "one of the campaign's bills (default: the first)")
    .option('--date <date>', 'whose seats count (default: today)')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { org: string; bill?: string; date?: string; json?: boolean }) => {
      const t = await withContext((ctx) =>
        campaignTargets(ctx, id, {
          organization: opts.org,
          ...(opts.bill ? { billId: opts.bill } : {}),
          ...(opts.date ? { date: opts.date } : {}),
        }),
      );
      if (opts.json) return printJson(t);
      info(`${t.billIdentifier ?? 'no bill'}: ${t.stage ?? ''}${t.unresolved ? ` (${t.unresolved})` : ''}`);
      info(
        `whip: ${t.whip.support} support, ${t.whip.oppose} oppose, ${t.whip.undecided} undecided, ${t.whip.unknown} unknown`,
      );
      printTable(
        t.targets.map((x) => ({ ...x })),
        ['name', 'reason', 'detail', 'group', 'position', 'interactions'],
      );
    });
  campaigns
    .command('outcome')
    .description(
      'the outcome report: bills decided, score before and after, gaps, activity (correlation only)',
    )
    .argument('<id>', 'campaign id')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { org: string; json?: boolean }) => {
      const o = await withContext((ctx) => campaignOutcome(ctx, id, { organization: opts.org }));
      if (opts.json) return printJson(o);
      info(o.decidedOn ? `first decision on ${o.decidedOn}` : 'no campaign bill is decided yet');
      info(
        `score ${o.before.date}: ${o.before.totalRounded ?? 'not scored'}; ${o.after.date}: ${o.after.totalRounded ?? 'not scored'}`,
      );
      printTable(
        o.gaps.map((g) => ({ ...g })),
        ['indicatorId', 'before', 'after'],
      );
      info('correlation only: the report does not say the campaign caused the change');
    });
  campaigns
    .command('partner')
    .description('add a partner organization or change its role (owner only)')
    .argument('<id>', 'campaign id')
    .requiredOption('--org <slug>', 'the owning organization (slug or id)')
    .requiredOption('--partner <slug>', 'the partner organization (slug or id)')
    .requiredOption('--role <role>', partnerRoles.join('|'))
    .action(async (id: string, opts: { org: string; partner: string; role: string }) => {
      const role = oneOf(opts.role, partnerRoles, '--role') ?? 'viewer';
      await withContext((ctx) =>
        setPartner(ctx, id, { organization: opts.org, partner: opts.partner, role }),
      );
      info(`${opts.partner} is now ${role} of campaign ${id}`);
    });
  campaigns
    .command('public')
    .description('show the campaign on the public portal while active, or with --off make it private again')
    .argument('<id>', 'campaign id')
    .requiredOption('--org <slug>', 'the owning or editing organization (slug or id)')
    .option('--off', 'make the campaign private')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { org: string; off?: boolean; json?: boolean }) => {
      const state = await withContext((ctx) =>
        setCampaignPublic(ctx, id, { organization: opts.org, public: !opts.off }),
      );
      if (opts.json) return printJson(state);
      info(
        state.public
          ? `campaign ${id} is public at /campaigns/${state.publicSlug ?? ''} while active`
          : `campaign ${id} is private`,
      );
    });
}
