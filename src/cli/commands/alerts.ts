/**
 * `lawgap alerts deliver` (fan out pending change events and send due webhook deliveries once, as the server's
 * background loop does) and `lawgap follows add|list|remove --user EMAIL` (docs/alerts.md).
 */
import type { Command } from 'commander';
import { emailFrequencies, followTargetKinds } from '../../core/alerts/types.ts';
import { DomainError } from '../../core/errors.ts';
import { dispatchAlerts } from '../../services/alert-dispatch.ts';
import { loadFieldKey } from '../../services/field-crypto.ts';
import { addFollow, listMyFollows, removeFollow } from '../../services/follows.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { alertMailCommands } from './alert-mail.ts';

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  if (!(values as readonly string[]).includes(value))
    throw new DomainError('VALIDATION_FAILED', `${what} must be one of ${values.join(', ')}`);
  return value as T;
}

/** Registers `alerts` and `follows`. */
export function alertCommands(program: Command): void {
  const alerts = program.command('alerts').description('change events: webhooks and mail');
  alertMailCommands(alerts);
  alerts
    .command('deliver')
    .description('fan out pending change events and send due webhook deliveries, once')
    .option('--json', 'print JSON only')
    .action(async (opts: { json?: boolean }) => {
      const r = await withContext((ctx, _store, config) =>
        dispatchAlerts({
          db: ctx.db,
          fieldKey: loadFieldKey(config),
          allowPrivateHosts: config.allowPrivateWebhookHosts,
        }),
      );
      if (opts.json) return printJson(r);
      info(
        `fanned out ${r.events} events (${r.deliveries} webhook deliveries, ${r.emails} mails queued); ` +
          `sent: ${r.delivered} delivered, ${r.retrying} to retry, ${r.dead} dead`,
      );
    });

  const follows = program.command('follows').description("a user's follows (for their feed and mail)");
  follows
    .command('add')
    .description('follow a bill, person, committee, jurisdiction or indicator for a user')
    .argument('<kind>', followTargetKinds.join(' | '))
    .argument('<id>', 'the target id')
    .requiredOption('--user <email>', 'the user')
    .option('--email <frequency>', emailFrequencies.join(' | '), 'none')
    .option('--json', 'print JSON only')
    .action(async (kind: string, id: string, opts: { user: string; email: string; json?: boolean }) => {
      const f = await withContext((ctx) =>
        addFollow(ctx, {
          userEmail: opts.user,
          kind: oneOf(followTargetKinds, kind, 'the kind'),
          id,
          emailFrequency: oneOf(emailFrequencies, opts.email, '--email'),
        }),
      );
      if (opts.json) return printJson(f);
      info(`following ${f.kind} ${f.targetId} (${f.id})`);
    });
  follows
    .command('list')
    .description("a user's follows")
    .requiredOption('--user <email>', 'the user')
    .option('--json', 'print JSON only')
    .action(async (opts: { user: string; json?: boolean }) => {
      const list = await withContext((ctx) => listMyFollows(ctx, { userEmail: opts.user }));
      if (opts.json) return printJson(list);
      if (list.length === 0) return info('no follows');
      printTable(
        list.map((f) => ({ id: f.id, kind: f.kind, target: f.targetId, email: f.emailFrequency })),
        ['id', 'kind', 'target', 'email'],
      );
    });
  follows
    .command('remove')
    .description('stop a follow of a user')
    .argument('<id>', 'the follow id')
    .requiredOption('--user <email>', 'the user')
    .action(async (id: string, opts: { user: string }) => {
      await withContext((ctx) => removeFollow(ctx, { userEmail: opts.user, id }));
      info(`removed follow ${id}`);
    });
}
