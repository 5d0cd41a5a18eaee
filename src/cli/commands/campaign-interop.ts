/**
 * `lawgap campaigns export ID --org ORG --format osdi|csv --out FILE` and `lawgap campaigns import FILE --org ORG
 * [--json]` (docs/campaigns.md, "Export and import (OSDI, CSV)"). The format of an import is read from the file:
 * a zip is the CSV export, anything else an OSDI document. The export file is written whole once built, so a
 * failed export leaves no file; a refused import changes nothing and exits 2 naming every problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { looksLikeZip } from '../../ingest/zip.ts';
import { exportCampaignCsvZip, exportCampaignOsdi, importCampaign } from '../../services/campaign-interop.ts';
import { withContext } from '../context.ts';
import { info, printJson } from '../output.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

/** Registers `campaigns export` and `campaigns import` under the campaigns command. */
export function campaignInteropCommands(program: Command): void {
  const campaigns = program.commands.find((c) => c.name() === 'campaigns');
  if (!campaigns) throw new Error('register the campaigns command first');
  campaigns
    .command('export')
    .description('export a campaign as OSDI (HAL+JSON) or a CSV zip with its data dictionary')
    .argument('<id>', 'campaign id')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .requiredOption('--format <format>', 'osdi or csv')
    .requiredOption('--out <path>', 'the file to write (.json for osdi, .zip for csv)')
    .action(async (id: string, opts: { org: string; format: string; out: string }) => {
      if (opts.format !== 'osdi' && opts.format !== 'csv')
        bad(`--format must be osdi or csv, not "${opts.format}"`);
      const out = path.resolve(opts.out);
      if (fs.existsSync(out) && fs.statSync(out).isDirectory())
        bad(`--out ${opts.out} is a folder: name a file`);
      if (!fs.existsSync(path.dirname(out)))
        bad(`--out ${opts.out}: the folder ${path.dirname(out)} does not exist`);
      await withContext(async (ctx) => {
        const scope = { organization: opts.org };
        if (opts.format === 'osdi') {
          fs.writeFileSync(out, `${JSON.stringify(await exportCampaignOsdi(ctx, id, scope), null, 2)}\n`);
        } else {
          fs.writeFileSync(out, (await exportCampaignCsvZip(ctx, id, scope)).bytes);
        }
        info(`exported campaign ${id} to ${out} (${opts.format})`);
      });
    });
  campaigns
    .command('import')
    .description(
      'import a campaign (OSDI JSON or the CSV zip): new, or an update of the one its identifiers match',
    )
    .argument('<file>', 'an OSDI .json file or a CSV .zip')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--json', 'print JSON only')
    .action(async (file: string, opts: { org: string; json?: boolean }) => {
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) bad(`no file ${file}`);
      const bytes = new Uint8Array(fs.readFileSync(file));
      const format = looksLikeZip(bytes) ? 'csv' : 'osdi';
      const result = await withContext((ctx) =>
        importCampaign(ctx, {
          organization: opts.org,
          format,
          content: format === 'csv' ? bytes : new TextDecoder().decode(bytes),
          name: path.basename(file),
        }),
      );
      if (opts.json) return printJson(result);
      info(
        `${result.created ? 'created' : 'updated'} campaign ${result.campaignId}: targets +${result.targets.created} ~${result.targets.updated}, positions +${result.positions.created}, outreaches +${result.outreaches.created} ~${result.outreaches.updated}`,
      );
    });
}
