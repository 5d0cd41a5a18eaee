/**
 * `lawgap cases import FILE --org ORG --dataset NAME [--jurisdiction J] [--json]` (CSV or .xlsx; a refused file
 * prints every problem with its row and column, never a cell), `lawgap cases datasets --org ORG`,
 * `lawgap cases publish DATASET --org ORG --by a,b --epsilon E [--year Y] [--json]` and
 * `lawgap cases releases --org ORG [--json]`. Published tables show `<10` for a suppressed count.
 */

import fs from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { type CaseRowProblem, describeCaseProblem } from '../../core/cases/case-csv.ts';
import { DomainError, isDomainError } from '../../core/errors.ts';
import { formatCount } from '../../core/privacy/suppress.ts';
import { type CaseReleaseView, listCaseReleases, publishCaseRelease } from '../../services/case-releases.ts';
import { type CasesContext, importCases, listCaseDatasets } from '../../services/cases.ts';
import { loadFieldKey } from '../../services/field-crypto.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

const maxFileBytes = 20 * 1024 * 1024;

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function readFile(file: string): Buffer {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    bad(`cannot read ${file}`);
  }
  if (size > maxFileBytes) bad(`${file} is larger than ${maxFileBytes} bytes`);
  return fs.readFileSync(file);
}

function printRelease(release: CaseReleaseView): void {
  info(
    `${release.statistic}: ${release.mechanism}${release.mechanism === 'noisy' ? `, ε ${release.epsilon}` : ''}`,
  );
  printTable(
    release.table.cells.map((c) => ({
      ...Object.fromEntries(release.attributes.map((a, i) => [a, c.key[i] ?? ''])),
      count: formatCount(c.count),
    })),
    [...release.attributes, 'count'],
  );
}

/** Registers the cases commands. */
export function casesCommands(program: Command): void {
  const cases = program.command('cases').description('HTCDS case records and their privacy-safe releases');
  cases
    .command('import')
    .description(
      'import HTCDS case records (CSV or .xlsx) into a dataset; nothing is written unless every row passes',
    )
    .argument('<file>', 'CSV or .xlsx with a header of HTCDS v2.0 field names (docs/cases.md)')
    .requiredOption('--org <slug>', 'the owning organization (slug or id)')
    .requiredOption('--dataset <name>', 'the dataset (created on first import)')
    .option('--jurisdiction <code>', 'ISO 3166 code or OCD division id of a new dataset')
    .option('--json', 'print JSON only')
    .action(
      async (file: string, opts: { org: string; dataset: string; jurisdiction?: string; json?: boolean }) => {
        const bytes = readFile(file);
        const source = file.toLowerCase().endsWith('.xlsx')
          ? { xlsx: bytes }
          : { csv: bytes.toString('utf8') };
        try {
          const done = await withContext((ctx, _store, config) =>
            importCases({ ...ctx, fieldKey: loadFieldKey(config) } satisfies CasesContext, {
              organization: opts.org,
              dataset: opts.dataset,
              fileName: basename(file),
              ...source,
              ...(opts.jurisdiction === undefined ? {} : { jurisdiction: opts.jurisdiction }),
            }),
          );
          if (opts.json) return printJson(done);
          info(`dataset ${done.name} (${done.id}) now holds ${done.records} records`);
        } catch (err) {
          if (isDomainError(err, 'CASES_IMPORT_INVALID')) {
            const { problems, total } = err.details as { problems: CaseRowProblem[]; total: number };
            for (const p of problems) info(`${file}: ${describeCaseProblem(p)}`);
            if (total > problems.length) info(`${file}: … and ${total - problems.length} more problems`);
          }
          throw err;
        }
      },
    );
  cases
    .command('datasets')
    .description("the organization's case datasets (record counts only)")
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--json', 'print JSON only')
    .action(async (opts: { org: string; json?: boolean }) => {
      const list = await withContext((ctx) => listCaseDatasets(ctx, { organization: opts.org }));
      if (opts.json) return printJson(list);
      printTable(
        list.map((d) => ({ ...d })),
        ['name', 'id', 'jurisdiction', 'privacyUnit', 'records', 'updatedAt'],
      );
    });
  cases
    .command('publish')
    .description(
      'publish a table: suppressed and rounded the first time, noisy and charged to the ledger after',
    )
    .argument('<dataset>', 'dataset name or id')
    .requiredOption('--org <slug>', 'the owning organization (slug or id)')
    .requiredOption('--by <attributes>', '1–3 attributes, comma separated (docs/cases.md)')
    .requiredOption('--epsilon <epsilon>', 'ε charged if this statistic was released before')
    .option('--year <year>', 'only records referred in this year')
    .option(
      '--countries <codes>',
      'with citizenship or event_country: ISO 3166 codes to break out, comma separated',
    )
    .option('--json', 'print JSON only')
    .action(
      async (
        dataset: string,
        opts: { org: string; by: string; epsilon: string; year?: string; countries?: string; json?: boolean },
      ) => {
        if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
          bad(`--year must be a year YYYY, got "${opts.year}"`);
        const release = await withContext((ctx, _store, config) =>
          publishCaseRelease(
            { ...ctx, fieldKey: loadFieldKey(config) },
            {
              organization: opts.org,
              dataset,
              attributes: opts.by.split(','),
              epsilon: opts.epsilon,
              ...(opts.year === undefined ? {} : { year: Number(opts.year) }),
              ...(opts.countries === undefined ? {} : { countries: opts.countries.split(',') }),
            },
          ),
        );
        if (opts.json) return printJson(release);
        printRelease(release);
      },
    );
  cases
    .command('releases')
    .description("the organization's releases, newest first")
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--json', 'print JSON only')
    .action(async (opts: { org: string; json?: boolean }) => {
      const list = await withContext((ctx) => listCaseReleases(ctx, { organization: opts.org }));
      if (opts.json) return printJson(list);
      printTable(
        list.map((r) => ({ ...r, attributes: r.attributes.join(','), year: r.year ?? '' })),
        ['id', 'dataset', 'statistic', 'mechanism', 'epsilon', 'releasedAt'],
      );
    });
}
