/**
 * `lawgap trend`, `lawgap changes`, `lawgap compare`, `lawgap rankings` and `lawgap crosswalk`: scores over time,
 * side by side and by instrument. The command line is a local system actor (every status may be counted).
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';
import { rankingLimits } from '../../core/scoring/ranking-page.ts';
import { compareJurisdictions, rankJurisdictions } from '../../services/compare.ts';
import { crosswalkAsOf } from '../../services/crosswalk.ts';
import { type ScoreInclude, today } from '../../services/scores.ts';
import { scoreChanges, scoreTrend } from '../../services/trends.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function whole(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) bad(`${flag} must be a whole number from ${min} to ${max}`);
  return n;
}

function jurisdiction(value: string): string {
  if (!isOcdDivisionId(value)) bad(`the jurisdiction must be an OCD division id, got "${value}"`);
  return value;
}

function date(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !isIsoDate(value)) bad(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

function year(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) bad(`${flag} must be a year such as 2030, got "${value}"`);
  return Number(value);
}

function include(value: string | undefined): ScoreInclude {
  const v = value ?? 'published';
  if (v !== 'published' && v !== 'reviewed' && v !== 'coded')
    bad('--include must be published, reviewed or coded');
  return v;
}

const includeHelp = 'published (default), reviewed or coded: the least reviewed status counted';
const show = (n: number | string | null | undefined) => (n === null || n === undefined ? '-' : String(n));
const percent = (n: number | null) => (n === null ? '-' : `${(n * 100).toFixed(1)}%`);

interface Common {
  asOf?: string;
  include?: string;
  frameworkVersion?: string;
  json?: boolean;
}

const versionHelp = 'framework version to score under (default: the latest)';

/** `--framework-version N` as the services take it (left out when not given). */
function version(opts: Common): { frameworkVersion?: number } {
  const n = whole(opts.frameworkVersion, '--framework-version', 1, 10_000);
  return n === undefined ? {} : { frameworkVersion: n };
}

/** A grade, marked when a negative-modifier finding capped it. */
const gradeOf = (g: { grade: string | null; capped: boolean }) =>
  g.grade === null ? '-' : g.capped ? `${g.grade} (capped)` : g.grade;

/** Registers the trend, changes, compare, rankings and crosswalk commands. */
export function scoreCommands(program: Command): void {
  program
    .command('trend')
    .description('a jurisdiction’s score on 1 January of each year')
    .argument('<jurisdiction>', 'OCD division id')
    .option('--from <year>', 'first year (default: the first year any answer is valid)')
    .option('--to <year>', 'last year (default: this year)')
    .option('--include <status>', includeHelp)
    .option('--framework-version <n>', versionHelp)
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: Common & { from?: string; to?: string }) => {
      const args = {
        include: include(opts.include),
        ...version(opts),
        ...(opts.from !== undefined ? { from: year(opts.from, '--from') } : {}),
        ...(opts.to !== undefined ? { to: year(opts.to, '--to') } : {}),
      };
      const trend = await withContext((ctx) => scoreTrend(ctx, jurisdiction(id), args));
      if (opts.json) return printJson(trend);
      printTable(
        trend.points.map((p) => ({
          year: p.year,
          total: p.status === 'not_coded' ? 'not coded' : show(p.total),
          grade: gradeOf(p),
          coverage: `${p.coverage.scored}/${p.coverage.applicable}`,
          complete: p.complete ? 'yes' : 'no',
        })),
        ['year', 'total', 'grade', 'coverage', 'complete'],
      );
    });

  program
    .command('changes')
    .description('answers added, removed or changed between two dates, and the score deltas')
    .argument('<jurisdiction>', 'OCD division id')
    .requiredOption('--from <date>', 'the earlier date')
    .requiredOption('--to <date>', 'the later date')
    .option('--include <status>', includeHelp)
    .option('--framework-version <n>', versionHelp)
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: Common & { from: string; to: string }) => {
      const from = date(opts.from, '--from') ?? opts.from;
      const to = date(opts.to, '--to') ?? opts.to;
      const r = await withContext((ctx) =>
        scoreChanges(ctx, jurisdiction(id), from, to, { include: include(opts.include), ...version(opts) }),
      );
      if (opts.json) return printJson(r);
      process.stdout.write(
        `${r.jurisdictionId} ${from} → ${to}: total ${show(r.score.totalBefore)} → ${show(r.score.totalAfter)}` +
          ` (${show(r.score.totalDelta)}); ${r.counts.added} added, ${r.counts.removed} removed, ${r.counts.changed} changed\n`,
      );
      if (r.changes.length === 0) return;
      printTable(
        r.changes.map((c) => ({
          indicator: c.indicatorId,
          change: c.change,
          before: c.before?.value ?? '',
          after: c.after?.value ?? '',
          citations: (c.after ?? c.before)?.citations.map((x) => x.citation).join('; ') ?? '',
        })),
        ['indicator', 'change', 'before', 'after', 'citations'],
      );
    });

  program
    .command('compare')
    .description('2 to 6 jurisdictions side by side')
    .argument('<jurisdictions...>', 'OCD division ids')
    .option('--as-of <date>', 'the day to compare (default: today)')
    .option('--include <status>', includeHelp)
    .option('--framework-version <n>', versionHelp)
    .option('--json', 'print JSON only')
    .action(async (ids: string[], opts: Common) => {
      const asOf = date(opts.asOf, '--as-of') ?? today();
      const r = await withContext((ctx) =>
        compareJurisdictions(ctx, ids.map(jurisdiction), asOf, {
          include: include(opts.include),
          ...version(opts),
        }),
      );
      if (opts.json) return printJson(r);
      const columns = r.jurisdictions.map((j) => j.id.replace(/^ocd-division\//, ''));
      const row = (label: string, values: string[]) =>
        Object.fromEntries([['', label], ...values.map((v, i) => [columns[i] ?? String(i), v])]);
      printTable(
        [
          row(
            'total',
            r.jurisdictions.map((j) => (j.status === 'not_coded' ? 'not coded' : show(j.total))),
          ),
          row('grade', r.jurisdictions.map(gradeOf)),
          ...r.areas.map((a) => row(a.id, a.scores.map(percent))),
          ...r.indicators
            .filter((i) => i.cells.some((c) => c.value !== null))
            .map((i) =>
              row(
                i.id,
                i.cells.map((c) => c.value ?? ''),
              ),
            ),
        ],
        ['', ...columns],
      );
    });

  program
    .command('rankings')
    .description('jurisdictions ranked by total (ties share a rank; not coded listed after)')
    .option('--parent <ocd-id>', 'rank this jurisdiction’s children, e.g. ocd-division/country:us')
    .option('--area <id>', 'rank by one area’s score')
    .option('--as-of <date>', 'the day to rank (default: today)')
    .option('--include <status>', includeHelp)
    .option('--framework-version <n>', versionHelp)
    .option(
      '--limit <n>',
      `lines per page (1-${rankingLimits.maxLimit}, default ${rankingLimits.defaultLimit})`,
    )
    .option('--offset <n>', 'lines to skip (default 0)')
    .option('--json', 'print JSON only')
    .action(async (opts: Common & { parent?: string; area?: string; limit?: string; offset?: string }) => {
      const asOf = date(opts.asOf, '--as-of') ?? today();
      const limit = whole(opts.limit, '--limit', 1, rankingLimits.maxLimit) ?? rankingLimits.defaultLimit;
      const offset = whole(opts.offset, '--offset', 0, 100_000) ?? 0;
      const r = await withContext((ctx) =>
        rankJurisdictions(ctx, asOf, {
          include: include(opts.include),
          ...version(opts),
          ...(opts.parent !== undefined ? { parent: jurisdiction(opts.parent) } : {}),
          ...(opts.area !== undefined ? { area: opts.area } : {}),
          limit,
          offset,
        }),
      );
      if (opts.json) return printJson(r);
      printTable(
        r.lines.map((l) => ({
          rank: show(l.rank),
          jurisdiction: l.id,
          value: l.status === 'not_coded' ? 'not coded' : show(l.value),
          grade: gradeOf(l),
          coverage: `${l.coverage.scored}/${l.coverage.applicable}`,
        })),
        ['rank', 'jurisdiction', 'value', 'grade', 'coverage'],
      );
      if (r.offset > 0 || r.hasMore) {
        const shown = r.lines.length ? `lines ${r.offset + 1}-${r.offset + r.lines.length}` : 'no lines';
        info(`${shown} of ${r.total}${r.hasMore ? `; more with --offset ${r.offset + r.limit}` : ''}`);
      }
    });

  program
    .command('crosswalk')
    .description('a jurisdiction’s answers regrouped by an external instrument (palermo, polaris, gsi, …)')
    .argument('<jurisdiction>', 'OCD division id')
    .argument('<instrument>', 'an instrument marked crosswalk in the framework')
    .option('--as-of <date>', 'the day to report on (default: today)')
    .option('--include <status>', includeHelp)
    .option('--json', 'print JSON only')
    .action(async (id: string, instrument: string, opts: Common) => {
      const asOf = date(opts.asOf, '--as-of') ?? today();
      const r = await withContext((ctx) =>
        crosswalkAsOf(ctx, jurisdiction(id), instrument, asOf, { include: include(opts.include) }),
      );
      if (opts.json) return printJson(r);
      const s = r.summary;
      process.stdout.write(
        `${r.jurisdictionId} against ${r.name} on ${asOf}: ${s.met} met, ${s.partial} partial, ${s.unmet} unmet, ` +
          `${s.na} n/a, ${s.not_coded} not coded\n`,
      );
      printTable(
        r.provisions.map((p) => ({
          provision: p.citation,
          status: p.status,
          indicators: p.indicators.join(' '),
        })),
        ['provision', 'status', 'indicators'],
      );
    });
}
