/**
 * `lawgap qc batch create|list|show` and `lawgap qc divergence list BATCH`. The command line is a local system
 * actor: it may create batches and read them; coders submit their codings and reviewers reconcile through the
 * API, because a QC coding belongs to a signed-in person.
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { type BatchReport, createBatch, getQcBatch, listQcBatches } from '../../services/qc.ts';
import { listBatchDivergences } from '../../services/qc-divergences.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { collect } from './citation-flags.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function fraction(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    bad(`${flag} must be a number from 0 to 1`);
  return n;
}

const percent = (n: number | null) => (n === null ? '-' : `${(n * 100).toFixed(1)}%`);
const kappa = (n: number | null) => (n === null ? '-' : n.toFixed(3));

function row(r: BatchReport): Record<string, unknown> {
  return {
    id: r.batch.id,
    name: r.batch.name,
    status: r.progress.status,
    variables: r.progress.variables,
    redundant: r.progress.redundant,
    coded: `${r.progress.codingsDone}/${r.progress.codingsExpected}`,
    open: r.progress.divergencesOpen,
    divergence: percent(r.stats.divergenceRate),
    agreement: percent(r.stats.percentAgreement),
    kappa: kappa(r.stats.kappa),
  };
}
const columns = [
  'id',
  'name',
  'status',
  'variables',
  'redundant',
  'coded',
  'open',
  'divergence',
  'agreement',
  'kappa',
];

interface CreateOptions {
  name: string;
  jurisdiction: string[];
  indicator: string[];
  coder: string[];
  threshold?: string;
  sample?: string;
  json?: boolean;
}

/** Registers the qc commands. */
export function qcCommands(program: Command): void {
  const qc = program
    .command('qc')
    .description('quality control: coding batches, redundant coding, divergences');
  const batch = qc.command('batch').description('coding batches');
  batch
    .command('create')
    .description('assign jurisdictions × indicators to two coders (all coded twice until divergence is low)')
    .requiredOption('--name <name>', 'the batch name')
    .requiredOption('--jurisdiction <ocd-id>', 'a jurisdiction (repeatable)', collect)
    .requiredOption('--indicator <id>', 'an indicator (repeatable)', collect)
    .requiredOption('--coder <email>', 'a coder’s email (give exactly two)', collect)
    .option('--threshold <rate>', 'divergence rate below which later batches are sampled (default 0.05)')
    .option('--sample <rate>', 'share coded twice once sampling (default 0.2)')
    .option('--json', 'print JSON only')
    .action(async (opts: CreateOptions) => {
      for (const j of opts.jurisdiction)
        if (!isOcdDivisionId(j)) bad(`--jurisdiction must be an OCD division id, got "${j}"`);
      if (opts.coder.length !== 2) bad('give --coder exactly twice');
      const threshold = fraction(opts.threshold, '--threshold');
      const sampleRate = fraction(opts.sample, '--sample');
      const report = await withContext((ctx) =>
        createBatch(ctx, {
          name: opts.name,
          jurisdictions: opts.jurisdiction,
          indicators: opts.indicator,
          coders: opts.coder,
          ...(threshold !== undefined ? { threshold } : {}),
          ...(sampleRate !== undefined ? { sampleRate } : {}),
        }),
      );
      if (opts.json) return printJson(report);
      info(
        `created batch ${report.batch.id}: ${report.progress.variables} variables, ${report.progress.redundant} coded twice (${report.batch.redundancy})`,
      );
    });

  batch
    .command('list')
    .description('list batches with divergence rate, agreement and Cohen’s kappa')
    .option('--json', 'print JSON only')
    .action(async (opts: { json?: boolean }) => {
      const reports = await withContext((ctx) => listQcBatches(ctx));
      if (opts.json) return printJson(reports);
      printTable(reports.map(row), columns);
    });

  batch
    .command('show')
    .description('one batch with its progress and statistics')
    .argument('<id>', 'the batch id')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { json?: boolean }) => {
      const report = await withContext((ctx) => getQcBatch(ctx, id));
      if (opts.json) return printJson(report);
      printTable([row(report)], columns);
      if (report.stats.kappaNote) info(`kappa: ${report.stats.kappaNote}`);
    });

  qc.command('divergence')
    .description('divergences between two coders')
    .command('list')
    .description('a batch’s divergences side by side (open first)')
    .argument('<batch>', 'the batch id')
    .option('--json', 'print JSON only')
    .action(async (batchId: string, opts: { json?: boolean }) => {
      const views = await withContext((ctx) => listBatchDivergences(ctx, batchId));
      if (opts.json) return printJson(views);
      printTable(
        views.map((v) => ({
          id: v.divergence.id,
          jurisdiction: v.divergence.jurisdictionId,
          indicator: v.divergence.indicatorId,
          status: v.divergence.status,
          a: v.sides[0] ? `${v.sides[0].coderName}: ${v.sides[0].value}` : '',
          b: v.sides[1] ? `${v.sides[1].coderName}: ${v.sides[1].value}` : '',
          chosen: v.divergence.value,
          reason: v.divergence.reason,
        })),
        ['id', 'jurisdiction', 'indicator', 'status', 'a', 'b', 'chosen', 'reason'],
      );
    });
}
