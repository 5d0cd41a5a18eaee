/**
 * `lawgap gaps JURISDICTION [--as-of DATE] [--include S] [--locale L] [--json|--md]` and
 * `lawgap export --format csv|json --out DIR`. The command line is a local system actor.
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { renderGapReportMarkdown } from '../../core/gaps/render-markdown.ts';
import { isLocale } from '../../core/i18n/locales.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';
import { writeExport } from '../../services/export.ts';
import { gapReport } from '../../services/gaps.ts';
import { type ScoreInclude, today } from '../../services/scores.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

interface GapCliOptions {
  asOf?: string;
  include?: string;
  locale?: string;
  json?: boolean;
  md?: boolean;
}

/** Registers the gaps and export commands. */
export function gapCommands(program: Command): void {
  program
    .command('gaps')
    .description(
      'the gaps in a jurisdiction’s law, ranked by points available, with exemplary law from elsewhere',
    )
    .argument('<jurisdiction>', 'OCD division id')
    .option('--as-of <date>', 'the day to report on (default: today)')
    .option('--include <status>', 'published (default), reviewed or coded: the least reviewed status counted')
    .option('--locale <locale>', 'language of the questions: en (default), es or fr')
    .option('--json', 'print the report as JSON only')
    .option('--md', 'print the report as Markdown')
    .action(async (id: string, opts: GapCliOptions) => {
      if (!isOcdDivisionId(id)) bad(`the jurisdiction must be an OCD division id, got "${id}"`);
      if (opts.asOf !== undefined && !isIsoDate(opts.asOf))
        bad(`--as-of must be a date YYYY-MM-DD, got "${opts.asOf}"`);
      const include = opts.include ?? 'published';
      if (!['published', 'reviewed', 'coded'].includes(include))
        bad('--include must be published, reviewed or coded');
      const locale = opts.locale ?? 'en';
      if (!isLocale(locale)) bad('--locale must be en, es or fr');
      if (opts.json && opts.md) bad('give --json or --md, not both');
      const report = await withContext((ctx) =>
        gapReport(ctx, id, opts.asOf ?? today(), { include: include as ScoreInclude, locale }),
      );
      if (opts.json) return printJson(report);
      if (opts.md) return void process.stdout.write(renderGapReportMarkdown(report));
      process.stdout.write(
        `${report.jurisdictionId} on ${report.asOf} (${include}): ${report.gaps.length} gaps worth ` +
          `${report.pointsAvailable.toFixed(1)} points; ${report.notCoded.length} indicators not coded yet\n`,
      );
      if (report.gaps.length === 0) return;
      printTable(
        report.gaps.map((g, i) => ({
          rank: i + 1,
          indicator: g.indicatorId,
          status: g.status,
          value: g.value,
          points: g.pointsAvailable.toFixed(1),
          exemplars: g.exemplars.map((e) => e.jurisdictionId).join(' '),
          // Live bills linked to the gap; a machine suggestion is marked with `?` until confirmed.
          bills: g.liveBills
            .map((b) => `${b.identifier} ${b.stage}${b.machineSuggested ? '?' : ''}`)
            .join(', '),
        })),
        ['rank', 'indicator', 'status', 'value', 'points', 'exemplars', 'bills'],
      );
      if (report.gaps.some((g) => g.liveBills.some((b) => b.machineSuggested)))
        info('bills marked ? are machine-suggested links, not reviewed');
    });

  program
    .command('export')
    .description('write the open dataset (published answers), its codebook and a manifest into a directory')
    .requiredOption('--out <dir>', 'the directory to write into (created if missing)')
    .option('--format <format>', 'csv (default) or json', 'csv')
    .option('--framework-version <n>', 'the framework version to export (default: the latest)')
    .option('--json', 'print the manifest as JSON only')
    .action(async (opts: { out: string; format: string; frameworkVersion?: string; json?: boolean }) => {
      if (opts.format !== 'csv' && opts.format !== 'json') bad('--format must be csv or json');
      const format = opts.format;
      const v = opts.frameworkVersion;
      if (v !== undefined && !/^[1-9]\d{0,4}$/.test(v))
        bad(`--framework-version must be a whole number from 1, got "${v}"`);
      const version = v === undefined ? {} : { frameworkVersion: Number(v) };
      const manifest = await withContext((ctx) => writeExport(ctx, { dir: opts.out, format, ...version }));
      if (opts.json) return printJson(manifest);
      info(
        `wrote ${manifest.files.map((f) => f.name).join(', ')} (${manifest.counts.rows} rows) to ${opts.out}`,
      );
    });
}
