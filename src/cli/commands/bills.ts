/**
 * `lawgap bills import openstates|legiscan PATH... [--jurisdiction ID] [--json]`,
 * `lawgap bills list [--jurisdiction ID] [--session S] [--stage STAGE] [--json]`, `lawgap bills show ID`.
 * A PATH may be a folder: its `.json` files are imported, in name order. A refused file makes the exit
 * code 2 after every other file has been imported.
 */
import type { Command } from 'commander';
import { billStages, isBillStage } from '../../core/bills/types.ts';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { importBillFiles } from '../../services/bill-bulk.ts';
import { type BillFormat, listBills, showBill } from '../../services/bills.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { bulkFilesOf, printBulkImport } from './bill-bulk-files.ts';
import { billEventCommands } from './bill-events.ts';
import { billExportCommand } from './bill-export.ts';
import { importWithProgress } from './bill-files.ts';
import { billImpactCommand } from './bill-impact.ts';
import { billReviewCommands } from './bill-review.ts';
import { billVoteCommands } from './bill-votes.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

/** Registers the bills commands. */
export function billCommands(program: Command): void {
  const bills = program.command('bills').description('bills from Open States and LegiScan, with their stage');
  bills
    .command('import')
    .description(
      'import Open States (scrape, API v3 or bulk JSON; session JSON/CSV zips) or LegiScan (getBill JSON; dataset zips) files',
    )
    .argument('<format>', 'openstates or legiscan')
    .argument('<paths...>', 'files, or folders of .json and .zip files')
    .option(
      '--jurisdiction <id>',
      'for Open States files without one (scrape output, unknown jurisdiction names): ocd-jurisdiction/… or ocd-division/…',
    )
    .option('--json', 'print JSON only')
    .action(async (format: string, paths: string[], opts: { jurisdiction?: string; json?: boolean }) => {
      if (format !== 'openstates' && format !== 'legiscan') bad('the format must be openstates or legiscan');
      const files = bulkFilesOf(paths);
      const zips = files.some((f) => f.bytes !== undefined);
      const report = await importWithProgress(
        zips ? Math.max(files.length, 2) : files.length,
        (ctx, onFile) =>
          importBillFiles(ctx, {
            format: format as BillFormat,
            files,
            ...(opts.jurisdiction ? { jurisdiction: opts.jurisdiction } : {}),
            onFile,
          }),
      );
      printBulkImport(report, files.length, !!opts.json);
    });

  bills
    .command('list')
    .description('bills, each with its normalised stage')
    .option('--jurisdiction <ocd-id>', 'only this jurisdiction (OCD division id)')
    .option('--session <identifier>', 'only this legislative session')
    .option('--stage <stage>', `only this stage: ${billStages.join(', ')}`)
    .option('--subject <subject>', 'only bills with this subject (case-insensitive)')
    .option('--indicator <id>', 'only bills linked to this indicator (confirmed or suggested)')
    .option('--limit <n>', 'at most this many bills (default 1000)')
    .option('--json', 'print JSON only')
    .action(
      async (opts: {
        jurisdiction?: string;
        session?: string;
        stage?: string;
        subject?: string;
        indicator?: string;
        limit?: string;
        json?: boolean;
      }) => {
        if (opts.jurisdiction !== undefined && !isOcdDivisionId(opts.jurisdiction))
          bad(`--jurisdiction must be an OCD division id, got "${opts.jurisdiction}"`);
        if (opts.stage !== undefined && !isBillStage(opts.stage))
          bad(`--stage must be one of ${billStages.join(', ')}`);
        const limit = opts.limit === undefined ? undefined : Number(opts.limit);
        if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1))
          bad('--limit must be a whole number ≥ 1');
        const list = await withContext((ctx) =>
          listBills(ctx, {
            ...(opts.jurisdiction ? { jurisdictionId: opts.jurisdiction } : {}),
            ...(opts.session ? { session: opts.session } : {}),
            ...(opts.stage && isBillStage(opts.stage) ? { stage: opts.stage } : {}),
            ...(opts.subject ? { subject: opts.subject } : {}),
            ...(opts.indicator ? { indicator: opts.indicator } : {}),
            ...(limit !== undefined ? { limit } : {}),
          }),
        );
        if (opts.json) return printJson(list);
        printTable(
          list.map((b) => ({ ...b, flagged: b.flaggedActions || '' })),
          [
            'jurisdictionId',
            'sessionIdentifier',
            'identifier',
            'stage',
            'latestActionDate',
            'latestAction',
            'flagged',
            'id',
          ],
        );
      },
    );

  bills
    .command('show')
    .description('one bill with its actions, sponsors, versions and documents')
    .argument('<id>', 'lawgap bill id or OCD bill id')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { json?: boolean }) => {
      const bill = await withContext((ctx) => showBill(ctx, id));
      if (opts.json) return printJson(bill);
      info(`${bill.identifier} (${bill.jurisdictionId}, ${bill.sessionIdentifier}): ${bill.title}`);
      info(`stage: ${bill.stage}; source: ${bill.source}${bill.ocdId ? `; ${bill.ocdId}` : ''}`);
      info(
        `sponsors: ${bill.sponsorships.map((s) => `${s.name}${s.primary ? ' (primary)' : ''}`).join(', ') || 'none'}`,
      );
      printTable(
        bill.actions.map((a) => ({
          date: a.date,
          chamber: a.chamber,
          classes: [...a.classification, ...a.unknownClassification.map((c) => `${c}?`)].join(' '),
          description: a.description,
        })),
        ['date', 'chamber', 'classes', 'description'],
      );
      if (bill.actions.some((a) => a.unknownClassification.length > 0))
        info('classes marked ? are outside the Open States vocabulary (kept, flagged)');
    });
  billImpactCommand(bills);
  billVoteCommands(bills);
  billExportCommand(bills);
  billEventCommands(bills);
  billReviewCommands(bills);
}
