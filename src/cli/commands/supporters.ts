/**
 * `lawgap supporters export --email E [--out F]` and `lawgap supporters erase --email E --yes [--json]`: supporter
 * data requests received by other channels (docs/supporter-data.md). The export is everything held about the
 * address as JSON (stdout, or the file named by --out, written with mode 0600); erasing needs --yes, cannot be
 * undone, and prints counts only. Both are audited without the address.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { loadFieldKey } from '../../services/field-crypto.ts';
import { adminEraseSupporter, adminExportSupporter } from '../../services/supporter-data.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

/** Registers the supporters commands. */
export function supporterCommands(program: Command): void {
  const supporters = program
    .command('supporters')
    .description('supporter data requests (access and erasure) received by post, phone or mail');
  supporters
    .command('export')
    .description('everything held about an email address, as JSON')
    .requiredOption('--email <address>', 'the supporter’s email address')
    .option('--out <file>', 'write the JSON to this file (mode 0600) instead of stdout')
    .action(async (opts: { email: string; out?: string }) => {
      const data = await withContext((ctx, _store, config) =>
        adminExportSupporter({ ...ctx, fieldKey: loadFieldKey(config) }, opts.email),
      );
      if (!opts.out) return printJson(data);
      writeFileSync(opts.out, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      info(`wrote ${opts.out}`);
    });
  supporters
    .command('erase')
    .description(
      'erase everything held about an email address and list it as do-not-contact (cannot be undone)',
    )
    .requiredOption('--email <address>', 'the supporter’s email address')
    .option('--yes', 'confirm: erasing cannot be undone')
    .option('--json', 'print JSON only')
    .action(async (opts: { email: string; yes?: boolean; json?: boolean }) => {
      if (opts.yes !== true)
        throw new DomainError('VALIDATION_FAILED', 'erasing cannot be undone: add --yes to confirm');
      const summary = await withContext((ctx, _store, config) =>
        adminEraseSupporter({ ...ctx, fieldKey: loadFieldKey(config) }, opts.email),
      );
      if (opts.json) return printJson(summary);
      const { erasureId, ...counts } = summary;
      printTable(
        Object.entries(counts).map(([what, n]) => ({ what, n })),
        ['what', 'n'],
      );
      info(`erasure ${erasureId} done; the address is on the do-not-contact list`);
    });
}
