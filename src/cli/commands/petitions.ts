/**
 * `lawgap petitions create CAMPAIGN_ID --org ORG --slug S --title T --text T --target T --sender-name N
 * --sender-email E [--goal N] [--partner NAME] [--json]`, `lawgap petitions list CAMPAIGN_ID --org ORG [--json]`
 * (signatures counted by status, never who signed), `lawgap petitions open ID --org ORG` and
 * `lawgap petitions close ID --org ORG`. The organization is the one acting, as for campaigns.
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import {
  createPetition,
  listPetitions,
  type PetitionSummary,
  setPetitionStatus,
} from '../../services/petitions.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

function row(p: PetitionSummary) {
  return {
    id: p.id,
    slug: p.slug,
    status: p.status,
    goal: p.goal,
    pending: p.signatures.pending,
    validated: p.signatures.validated,
    counted: p.signatures.counted,
    title: p.title,
  };
}

function goalOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n))
    throw new DomainError('VALIDATION_FAILED', `--goal must be a whole number, got "${text}"`);
  return n;
}

/** Registers the petitions commands. */
export function petitionCommands(program: Command): void {
  const petitions = program
    .command('petitions')
    .description('petitions of a campaign (public pages /act/<slug>)');
  petitions
    .command('create')
    .description('create a draft petition for a campaign the organization owns or edits')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .requiredOption('--slug <slug>', 'public address /act/<slug>')
    .requiredOption('--title <text>', 'title')
    .requiredOption('--text <text>', 'the petition text (paragraphs separated by blank lines)')
    .requiredOption('--target <text>', 'who the petition is addressed to')
    .requiredOption('--sender-name <name>', 'sender name of the confirmation mail')
    .requiredOption('--sender-email <address>', 'sender address of the confirmation mail')
    .option('--goal <n>', 'signatures wanted (default 1000)')
    .option('--partner <name>', 'a partner signers may agree to share their details with')
    .option('--json', 'print JSON only')
    .action(
      async (
        campaign: string,
        opts: {
          org: string;
          slug: string;
          title: string;
          text: string;
          target: string;
          senderName: string;
          senderEmail: string;
          goal?: string;
          partner?: string;
          json?: boolean;
        },
      ) => {
        const goal = goalOf(opts.goal);
        const p = await withContext((ctx) =>
          createPetition(ctx, campaign, {
            organization: opts.org,
            slug: opts.slug,
            title: opts.title,
            text: opts.text,
            targetDescription: opts.target,
            senderName: opts.senderName,
            senderEmail: opts.senderEmail,
            ...(goal !== undefined ? { goal } : {}),
            ...(opts.partner ? { partnerName: opts.partner } : {}),
          }),
        );
        if (opts.json) return printJson(p);
        info(`created petition ${p.id} (draft): /act/${p.slug}`);
      },
    );
  petitions
    .command('list')
    .description('petitions of a campaign with their signatures counted by status')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--json', 'print JSON only')
    .action(async (campaign: string, opts: { org: string; json?: boolean }) => {
      const list = await withContext((ctx) => listPetitions(ctx, campaign, { organization: opts.org }));
      if (opts.json) return printJson(list);
      printTable(list.map(row), ['id', 'slug', 'status', 'goal', 'pending', 'validated', 'counted', 'title']);
    });
  for (const action of ['open', 'close'] as const) {
    petitions
      .command(action)
      .description(action === 'open' ? 'open a petition to signatures' : 'close a petition')
      .argument('<id>', 'petition id')
      .requiredOption('--org <slug>', 'the acting organization (slug or id)')
      .action(async (id: string, opts: { org: string }) => {
        const p = await withContext((ctx) =>
          setPetitionStatus(ctx, id, action === 'open' ? 'open' : 'closed', { organization: opts.org }),
        );
        info(`petition ${p.slug} is ${p.status}`);
      });
  }
}
