/**
 * `lawgap stats import FILE --org ORG [--source S] [--source-url U] [--source-date D] [--json]` (one CSV, one
 * draft import; a refused file prints every problem with its row and column), `lawgap stats imports --org ORG`,
 * `lawgap stats list --org ORG [--jurisdiction J] [--measure M] [--year-from Y] [--year-to Y] [--history]
 * [--published] [--json]` and `lawgap stats publish|unpublish IMPORT_ID --org ORG`. The schema is
 * docs/statistics.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DomainError, isDomainError } from '../../core/errors.ts';
import { describeProblem, type StatisticRowProblem } from '../../core/statistics/csv.ts';
import { type StatisticMeasure, statisticLimits, statisticMeasures } from '../../core/statistics/types.ts';
import {
  type FigureQuery,
  importStatistics,
  listStatisticFigures,
  listStatisticImports,
  publishedStatisticFigures,
  setStatisticImportPublished,
} from '../../services/statistics.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function year(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) bad(`${flag} must be a year YYYY, got "${value}"`);
  return Number(value);
}

function readCsv(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    bad(`cannot read ${file}`);
  }
  // A character takes at most 4 bytes of UTF-8; the service checks the exact length.
  if (size > statisticLimits.importChars * 4)
    bad(`${file} is larger than ${statisticLimits.importChars} characters`);
  return fs.readFileSync(file, 'utf8');
}

/** Registers the stats commands. */
export function statsCommands(program: Command): void {
  const stats = program
    .command('stats')
    .description('enforcement statistics tables (aggregate figures, each with its source)');
  stats
    .command('import')
    .description(
      'import a statistics CSV as a draft of the organization; nothing is written unless every row passes',
    )
    .argument('<file>', 'CSV with the columns of docs/statistics.md')
    .requiredOption('--org <slug>', 'the owning organization (slug or id)')
    .option('--source <text>', 'publisher and title, for rows that leave the source column empty')
    .option('--source-url <url>', 'http or https address, for rows that leave source_url empty')
    .option('--source-date <date>', 'YYYY-MM-DD, for rows that leave source_date empty')
    .option('--json', 'print JSON only')
    .action(
      async (
        file: string,
        opts: { org: string; source?: string; sourceUrl?: string; sourceDate?: string; json?: boolean },
      ) => {
        const csv = readCsv(file);
        try {
          const done = await withContext((ctx) =>
            importStatistics(ctx, {
              organization: opts.org,
              csv,
              fileName: path.basename(file).slice(0, statisticLimits.fileNameChars),
              ...(opts.source !== undefined ? { source: opts.source } : {}),
              ...(opts.sourceUrl !== undefined ? { sourceUrl: opts.sourceUrl } : {}),
              ...(opts.sourceDate !== undefined ? { sourceDate: opts.sourceDate } : {}),
            }),
          );
          if (opts.json) return printJson(done);
          info(
            `imported ${done.rowCount} figures as draft ${done.id}` +
              (done.replacedCount ? ` (replacing ${done.replacedCount} from older sources)` : ''),
          );
        } catch (err) {
          if (isDomainError(err, 'STATISTICS_IMPORT_INVALID')) {
            const { problems, total } = err.details as { problems: StatisticRowProblem[]; total: number };
            for (const p of problems) info(`${file}: ${describeProblem(p)}`);
            if (total > problems.length) info(`${file}: … and ${total - problems.length} more problems`);
          }
          throw err;
        }
      },
    );
  stats
    .command('imports')
    .description("the organization's imports, newest first")
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--json', 'print JSON only')
    .action(async (opts: { org: string; json?: boolean }) => {
      const list = await withContext((ctx) => listStatisticImports(ctx, { organization: opts.org }));
      if (opts.json) return printJson(list);
      printTable(
        list.map((i) => ({ ...i, sources: i.sources.join('; ') })),
        ['id', 'status', 'rowCount', 'fileName', 'createdAt', 'sources'],
      );
    });
  stats
    .command('list')
    .description(
      "figures with their source and date: the organization's (drafts too) or, with --published, everyone's published ones",
    )
    .option('--org <slug>', 'the acting organization (slug or id); required unless --published')
    .option('--published', 'only published figures of every organization, as the public sees them')
    .option('--jurisdiction <id>', 'OCD division id or ISO 3166 code')
    .option('--measure <measure>', statisticMeasures.join('|'))
    .option('--year-from <year>', 'from this year')
    .option('--year-to <year>', 'to this year')
    .option('--history', 'also figures replaced by a newer source')
    .option('--json', 'print JSON only')
    .action(
      async (opts: {
        org?: string;
        published?: boolean;
        jurisdiction?: string;
        measure?: string;
        yearFrom?: string;
        yearTo?: string;
        history?: boolean;
        json?: boolean;
      }) => {
        if (opts.measure !== undefined && !(statisticMeasures as readonly string[]).includes(opts.measure))
          bad(`--measure must be one of ${statisticMeasures.join(', ')}, got "${opts.measure}"`);
        if (!opts.published && !opts.org) bad('name the organization (--org) or ask for --published figures');
        const from = year(opts.yearFrom, '--year-from');
        const to = year(opts.yearTo, '--year-to');
        const q: FigureQuery = {
          ...(opts.jurisdiction ? { jurisdiction: opts.jurisdiction } : {}),
          ...(opts.measure ? { measure: opts.measure as StatisticMeasure } : {}),
          ...(from !== undefined ? { yearFrom: from } : {}),
          ...(to !== undefined ? { yearTo: to } : {}),
          ...(opts.history ? { history: true } : {}),
        };
        const list = await withContext((ctx) =>
          opts.published
            ? publishedStatisticFigures(ctx, q)
            : listStatisticFigures(ctx, q, { organization: opts.org as string }),
        );
        if (opts.json) return printJson(list);
        printTable(
          list.map((f) => ({
            ...f,
            breakdown: `${f.form}/${f.sex}/${f.ageGroup}`,
            state: f.replacedBy ? 'replaced' : f.published ? 'published' : 'draft',
          })),
          [
            'jurisdictionId',
            'year',
            'measure',
            'breakdown',
            'value',
            'unit',
            'source',
            'sourceDate',
            'state',
          ],
        );
      },
    );
  for (const [name, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    stats
      .command(name)
      .description(
        published ? 'publish an import: its figures become public' : 'take an import back to draft',
      )
      .argument('<import>', 'import id')
      .requiredOption('--org <slug>', 'the owning organization (slug or id)')
      .option('--json', 'print JSON only')
      .action(async (id: string, opts: { org: string; json?: boolean }) => {
        const done = await withContext((ctx) =>
          setStatisticImportPublished(ctx, id, published, { organization: opts.org }),
        );
        if (opts.json) return printJson(done);
        info(`import ${done.id} is ${done.status}`);
      });
  }
}
