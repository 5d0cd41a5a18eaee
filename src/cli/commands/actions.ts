/**
 * `lawgap actions create-letter CAMPAIGN_ID --org ORG --slug S --title T --message ID --sender-name N
 * --sender-email E [--hourly N] [--json]`, `lawgap actions create-call CAMPAIGN_ID --org ORG --slug S --title T
 * --message ID [--json]`, `lawgap actions status CAMPAIGN_ID --org ORG [--json]` (counts only, never who),
 * `lawgap actions open ID --org ORG` and `lawgap actions close ID --org ORG`.
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import {
  type ActionSummary,
  actionStatus,
  createAction,
  listActions,
  setActionStatus,
} from '../../services/letter-actions.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

function row(a: ActionSummary) {
  return {
    id: a.id,
    kind: a.kind,
    slug: a.slug,
    status: a.status,
    letters: `${a.letters.confirmed}/${a.letters.pending + a.letters.confirmed}`,
    queued: a.deliveries.queued,
    sent: a.deliveries.sent,
    failed: a.deliveries.failed,
    noAddress: a.deliveries['no-address'],
    calls: a.calls.reached + a.calls.voicemail + a.calls.no_answer,
  };
}

function hourlyOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n))
    throw new DomainError('VALIDATION_FAILED', `--hourly must be a whole number, got "${text}"`, {
      field: 'hourlyPerRecipient',
    });
  return n;
}

interface CreateOpts {
  org: string;
  slug: string;
  title: string;
  message: string;
  senderName?: string;
  senderEmail?: string;
  hourly?: string;
  json?: boolean;
}

/** Registers the letter and call action commands. */
export function actionCommands(program: Command): void {
  const actions = program
    .command('actions')
    .description('letter and call actions of a campaign (public pages /act/<slug>/letter and /call)');
  for (const kind of ['letter', 'call'] as const) {
    const cmd = actions
      .command(`create-${kind}`)
      .description(`create a draft ${kind} action for a campaign the organization owns or edits`)
      .argument('<campaign>', 'campaign id')
      .requiredOption('--org <slug>', 'the acting organization (slug or id)')
      .requiredOption('--slug <slug>', `public address /act/<slug>/${kind}`)
      .requiredOption('--title <text>', 'title')
      .requiredOption(
        '--message <id>',
        `the campaign message to use (kind ${kind === 'letter' ? 'letter' : 'call_script'})`,
      )
      .option('--json', 'print JSON only');
    if (kind === 'letter')
      cmd
        .requiredOption('--sender-name <name>', 'sender name (From)')
        .requiredOption('--sender-email <address>', 'the campaign sending address (From)')
        .option('--hourly <n>', 'at most this many letters an hour to one recipient (default 30)');
    cmd.action(async (campaign: string, opts: CreateOpts) => {
      const hourly = hourlyOf(opts.hourly);
      const a = await withContext((ctx) =>
        createAction(ctx, campaign, {
          organization: opts.org,
          kind,
          slug: opts.slug,
          title: opts.title,
          messageId: opts.message,
          senderName: opts.senderName ?? null,
          senderEmail: opts.senderEmail ?? null,
          ...(hourly !== undefined ? { hourlyPerRecipient: hourly } : {}),
        }),
      );
      if (opts.json) return printJson(a);
      info(`created ${kind} action ${a.id} (draft): /act/${a.slug}/${kind}`);
    });
  }
  actions
    .command('status')
    .description('actions of a campaign with letters, per-target deliveries and calls counted')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--action <id>', 'only this action')
    .option('--json', 'print JSON only')
    .action(async (campaign: string, opts: { org: string; action?: string; json?: boolean }) => {
      const list = await withContext(async (ctx) =>
        opts.action
          ? [await actionStatus(ctx, opts.action, { organization: opts.org })]
          : listActions(ctx, campaign, { organization: opts.org }),
      );
      if (opts.json) return printJson(list);
      printTable(list.map(row), [
        'id',
        'kind',
        'slug',
        'status',
        'letters',
        'queued',
        'sent',
        'failed',
        'noAddress',
        'calls',
      ]);
    });
  for (const change of ['open', 'close'] as const) {
    actions
      .command(change)
      .description(change === 'open' ? 'open an action' : 'close an action')
      .argument('<id>', 'action id')
      .requiredOption('--org <slug>', 'the acting organization (slug or id)')
      .action(async (id: string, opts: { org: string }) => {
        const a = await withContext((ctx) =>
          setActionStatus(ctx, id, change === 'open' ? 'open' : 'closed', { organization: opts.org }),
        );
        info(`action ${a.slug} is ${a.status}`);
      });
  }
}
