/** `lawgap alerts digests`: send the alert mail that is due (the server does this on its own timer). */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { sendDueDigests } from '../../services/email-digests.ts';
import { loadFieldKey } from '../../services/field-crypto.ts';
import { smtpMailer } from '../../services/mailer.ts';
import { withContext } from '../context.ts';
import { info, printJson } from '../output.ts';

/** Adds `digests` to the `alerts` command group. */
export function alertMailCommands(alerts: Command): void {
  alerts
    .command('digests')
    .description(
      'send due alert mail: immediate mail for new events, daily digests 24 h apart; delete unconfirmed subscriptions after 30 days (needs SMTP_URL)',
    )
    .option('--json', 'print JSON only')
    .action(async (opts: { json?: boolean }) => {
      await withContext(async (ctx, _store, config) => {
        // Without SMTP the mail would only be printed here and then counted as sent.
        if (!config.smtpUrl) {
          throw new DomainError('CONFIG_INVALID', 'alert mail needs SMTP_URL (smtp:// or smtps://)');
        }
        const run = await sendDueDigests(
          { db: ctx.db },
          {
            mailer: smtpMailer(config.smtpUrl, config.mailFrom),
            publicUrl: config.publicUrl,
            fieldKey: loadFieldKey(config),
          },
        );
        if (opts.json) return printJson(run);
        info(
          `sent ${run.mailsSent} mail(s) covering ${run.eventsSent} event(s); ${run.failures} failed (kept for the next run); deleted ${run.subscriptionsDeleted} stale subscription(s)`,
        );
        if (run.failures > 0) process.exitCode = 1;
      });
    });
}
