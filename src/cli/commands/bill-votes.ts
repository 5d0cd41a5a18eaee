/**
 * `lawgap bills import-votes openstates|legiscan PATH... [--jurisdiction ID] [--json]` and
 * `lawgap bills votes ID [--json]`. Vote files are separate from bill files (a separate command keeps the
 * bill import's detection-free, documented format argument); a refused file makes the exit code 2 after
 * every other file has been imported.
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { billVotes, importVotes } from '../../services/votes.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { filesOf, importWithProgress, printImport } from './bill-files.ts';

/** Registers `bills import-votes` and `bills votes` under the bills command. */
export function billVoteCommands(bills: Command): void {
  bills
    .command('import-votes')
    .description('import Open States vote event JSON or LegiScan getRollCall JSON for stored bills')
    .argument('<format>', 'openstates or legiscan')
    .argument('<paths...>', 'files, or folders of .json files')
    .option(
      '--jurisdiction <id>',
      'for Open States votes naming their bill by identifier: ocd-jurisdiction/…',
    )
    .option('--json', 'print JSON only')
    .action(async (format: string, paths: string[], opts: { jurisdiction?: string; json?: boolean }) => {
      if (format !== 'openstates' && format !== 'legiscan')
        throw new DomainError('VALIDATION_FAILED', 'the format must be openstates or legiscan');
      const files = filesOf(paths);
      const report = await importWithProgress(files.length, (ctx, onFile) =>
        importVotes(ctx, {
          format,
          files,
          ...(opts.jurisdiction ? { jurisdiction: opts.jurisdiction } : {}),
          onFile,
        }),
      );
      const linked = report.files.reduce((n, f) => n + f.membersLinked, 0);
      const unlinked = report.files.reduce((n, f) => n + f.membersUnlinked, 0);
      printImport(
        report,
        files.length,
        !!opts.json,
        `; member votes: ${linked} linked to people, ${unlinked} not`,
      );
    });

  bills
    .command('votes')
    .description('the roll-call votes of one bill, with counts')
    .argument('<id>', 'lawgap bill id or OCD bill id')
    .option('--members', 'also list each member’s vote')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { members?: boolean; json?: boolean }) => {
      const votes = await withContext((ctx) => billVotes(ctx, id));
      if (opts.json) return printJson(votes);
      if (votes.length === 0) return info('no votes stored for this bill');
      printTable(
        votes.map((v) => ({
          date: v.startDate,
          chamber: v.chamber,
          result: v.result,
          counts: v.counts.map((c) => `${c.option} ${c.value}`).join(', '),
          motion: v.motionText,
        })),
        ['date', 'chamber', 'result', 'counts', 'motion'],
      );
      if (!opts.members) return;
      for (const v of votes) {
        info(`\n${v.startDate} ${v.motionText}`);
        printTable(
          v.members.map((m) => ({ option: m.option, voter: m.voterName ?? m.voterRef, person: m.personId })),
          ['option', 'voter', 'person'],
        );
      }
    });
}
