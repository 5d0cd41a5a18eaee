/**
 * `lawgap bills impact ID [--bill-version N] [--as-of DATE] [--include STATUS] [--json]`: the machine-projected
 * score of the bill's jurisdiction if the bill were enacted, with each raised indicator and its evidence.
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { billImpact } from '../../services/bill-impact.ts';
import type { ScoreInclude } from '../../services/scores.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

const includes: readonly ScoreInclude[] = ['published', 'reviewed', 'coded'];

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

const fmt = (n: number | null) => (n === null ? 'not scored' : n.toFixed(1));

/** Registers `bills impact` under the `bills` command. */
export function billImpactCommand(bills: Command): void {
  bills
    .command('impact')
    .description('machine-projected score of the jurisdiction if the bill were enacted')
    .argument('<id>', 'lawgap bill id or OCD bill id')
    .option(
      '--bill-version <n>',
      'the version’s position in the bill’s version list, from 0 (default: latest with text)',
    )
    .option('--as-of <date>', 'read the current law on this date (default: today)')
    .option('--include <status>', 'published (default), reviewed or coded: the least reviewed status counted')
    .option('--json', 'print JSON only')
    .action(
      async (id: string, opts: { billVersion?: string; asOf?: string; include?: string; json?: boolean }) => {
        if (opts.billVersion !== undefined && !/^\d+$/.test(opts.billVersion))
          bad(`--bill-version must be a whole number from 0, got "${opts.billVersion}"`);
        if (opts.include !== undefined && !(includes as readonly string[]).includes(opts.include))
          bad('--include must be published, reviewed or coded');
        const r = await withContext((ctx) =>
          billImpact(ctx, id, {
            ...(opts.billVersion !== undefined ? { versionId: Number(opts.billVersion) } : {}),
            ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
            ...(opts.include !== undefined ? { include: opts.include as ScoreInclude } : {}),
          }),
        );
        if (opts.json) return printJson(r);
        info(`${r.bill.identifier} (${r.bill.jurisdictionId}), version ${r.version.id} "${r.version.note}"`);
        info(r.label);
        info(
          `score ${fmt(r.current.totalRounded)} → ${fmt(r.projected.totalRounded)} ` +
            `(${r.delta >= 0 ? '+' : ''}${r.delta.toFixed(1)}), grade ${r.current.cappedGrade ?? '-'} → ` +
            `${r.projected.cappedGrade ?? '-'}; current law as of ${r.asOf} (${r.include})`,
        );
        printTable(
          r.changes.map((c) => ({
            indicator: c.indicatorId,
            change: `${c.current} → ${c.projected}`,
            points: `+${c.points.toFixed(2)}`,
            evidence: c.evidence.map((e) => e.citation).join(', '),
          })),
          ['indicator', 'change', 'points', 'evidence'],
        );
        if (r.uncoded.length > 0)
          info(
            `not coded yet, so not scored (the bill would meet them): ${r.uncoded.map((u) => `${u.indicatorId} ${u.suggested}`).join(', ')}`,
          );
      },
    );
}
