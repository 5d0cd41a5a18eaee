/**
 * `lawgap bills import-events PATH... [--jurisdiction ID] [--json]` (Open States event JSON) and
 * `lawgap bills events ID [--json]`. A refused file makes the exit code 2 after every other file.
 */
import type { Command } from 'commander';
import { billEvents, importEvents } from '../../services/events.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { filesOf, importWithProgress, printImport } from './bill-files.ts';

/** Registers `bills import-events` and `bills events` under the bills command. */
export function billEventCommands(bills: Command): void {
  bills
    .command('import-events')
    .description('import Open States event (hearing) JSON; agenda bills are linked when stored')
    .argument('<paths...>', 'files, or folders of .json files')
    .option('--jurisdiction <id>', 'for event files without one: ocd-jurisdiction/… or ocd-division/…')
    .option('--json', 'print JSON only')
    .action(async (paths: string[], opts: { jurisdiction?: string; json?: boolean }) => {
      const files = filesOf(paths);
      const report = await importWithProgress(files.length, (ctx, onFile) =>
        importEvents(ctx, {
          files,
          ...(opts.jurisdiction ? { jurisdiction: opts.jurisdiction } : {}),
          onFile,
        }),
      );
      const linked = report.files.reduce((n, f) => n + f.agendaBillsLinked, 0);
      const unlinked = report.files.reduce((n, f) => n + f.agendaBillsUnlinked, 0);
      printImport(
        report,
        files.length,
        !!opts.json,
        `; agenda bills: ${linked} linked, ${unlinked} not stored`,
      );
    });

  bills
    .command('events')
    .description('the events (hearings) whose agenda names one bill')
    .argument('<id>', 'lawgap bill id or OCD bill id')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { json?: boolean }) => {
      const events = await withContext((ctx) => billEvents(ctx, id));
      if (opts.json) return printJson(events);
      if (events.length === 0) return info('no events stored for this bill');
      printTable(
        events.map((e) => ({ start: e.startDate, status: e.status, name: e.name, location: e.location })),
        ['start', 'status', 'name', 'location'],
      );
    });
}
