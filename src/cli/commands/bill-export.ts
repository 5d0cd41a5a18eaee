/**
 * `lawgap bills export --format json|csv --jurisdiction ID [--session S] --out PATH`: the stored bills of one
 * jurisdiction in Open States' bulk shapes (docs/bills.md, "Export"): a JSON array of per-session bulk bills,
 * or a CSV v2.1 zip. The file is written whole once the export is built, so a failed export leaves no file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { billExportFormats, exportBillsCsvZip, exportBillsJson } from '../../services/bill-export.ts';
import { withContext } from '../context.ts';
import { info } from '../output.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

/** Registers `bills export` under the bills command. */
export function billExportCommand(bills: Command): void {
  bills
    .command('export')
    .description('export the bills of one jurisdiction as Open States bulk JSON or a CSV v2.1 zip')
    .requiredOption('--format <format>', 'json or csv')
    .requiredOption('--jurisdiction <id>', 'ocd-division/… or ocd-jurisdiction/…')
    .option('--session <identifier>', 'one session only')
    .requiredOption('--out <path>', 'the file to write (.json, or .zip for csv)')
    .action(async (opts: { format: string; jurisdiction: string; session?: string; out: string }) => {
      if (!(billExportFormats as readonly string[]).includes(opts.format))
        bad(`--format must be ${billExportFormats.join(' or ')}, not "${opts.format}"`);
      const out = path.resolve(opts.out);
      if (fs.existsSync(out) && fs.statSync(out).isDirectory())
        bad(`--out ${opts.out} is a folder: name a file`);
      if (!fs.existsSync(path.dirname(out)))
        bad(`--out ${opts.out}: the folder ${path.dirname(out)} does not exist`);
      const args = {
        jurisdiction: opts.jurisdiction,
        ...(opts.session !== undefined ? { session: opts.session } : {}),
      };
      await withContext(async (ctx) => {
        if (opts.format === 'json') {
          const bills = await exportBillsJson(ctx, args);
          fs.writeFileSync(out, `${JSON.stringify(bills)}\n`);
          info(`exported ${bills.length} bill(s) to ${out}`);
        } else {
          const zip = await exportBillsCsvZip(ctx, args);
          fs.writeFileSync(out, zip.bytes);
          info(`exported ${zip.bills} bill(s) to ${out} (CSV format version 2.1)`);
        }
      });
    });
}
