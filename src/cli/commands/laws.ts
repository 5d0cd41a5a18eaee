/**
 * `lawgap laws import FILE --jurisdiction ID [--citation C] [--effective-from DATE] …`,
 * `lawgap laws list|show|diff` (`lawgap search` is in search.ts).
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';
import {
  isLanguageTag,
  isLawDocumentType,
  type LawDocumentType,
  lawDocumentTypes,
} from '../../core/laws/types.ts';
import { importFormats, importLawFileAt, isImportFormat } from '../../services/law-files.ts';
import {
  diffLawVersions,
  getLaw,
  getLawVersionText,
  type LawContext,
  listLaws,
} from '../../services/laws.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { analysisLine } from './law-file-options.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function date(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !isIsoDate(value)) bad(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

function jurisdiction(value: string | undefined): string | undefined {
  if (value !== undefined && !isOcdDivisionId(value))
    bad(`--jurisdiction must be an OCD division id, got "${value}"`);
  return value;
}

function docType(value: string | undefined): LawDocumentType | undefined {
  if (value !== undefined && !isLawDocumentType(value))
    bad(`--type must be one of ${lawDocumentTypes.join(', ')}`);
  return value;
}

/** Runs work with the CLI's service context plus the engine, which search depends on. */
function withLaws<T>(work: (ctx: LawContext) => Promise<T>) {
  return withContext((ctx, store) => work({ ...ctx, dialect: store.dialect }));
}

/** Reports import progress on stderr: a line rewritten in place on a terminal, a few lines otherwise. */
function progressReporter(): (done: number, total: number) => void {
  let lastQuarter = -1;
  return (done, total) => {
    if (total < 1000) return;
    if (process.stderr.isTTY) {
      process.stderr.write(`\rstored ${done}/${total} provisions${done === total ? '\n' : ''}`);
      return;
    }
    const quarter = Math.floor((done / total) * 4);
    if (quarter !== lastQuarter) info(`stored ${done}/${total} provisions`);
    lastQuarter = quarter;
  };
}

interface ImportOptions {
  jurisdiction: string;
  citation?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  title?: string;
  type?: string;
  language?: string;
  sourceUrl?: string;
  format?: string;
  analyze?: boolean;
  json?: boolean;
}

/** Registers the laws commands. */
export function lawCommands(program: Command): void {
  const laws = program.command('laws').description('the law library: documents, versions, provisions');
  laws
    .command('import')
    .description('import a document version from any format lawgap reads (text, HTML, PDF, DOCX, XML, JSON)')
    .argument('<file>', 'the document file; its format is detected from the content')
    .requiredOption('--jurisdiction <ocd-id>', 'the jurisdiction the document belongs to')
    .option('--citation <citation>', 'official citation of the document (required unless the JSON has one)')
    .option('--effective-from <date>', 'first day this version applies (required unless the JSON has one)')
    .option('--effective-to <date>', 'first day it no longer applies (default: until a later version)')
    .option('--title <title>', 'title (default: the first line of a text file, or the citation)')
    .option('--type <type>', `one of ${lawDocumentTypes.join(', ')} (default statute)`)
    .option('--language <tag>', 'language of the text: en, es, fr, … (default en)')
    .option('--source-url <url>', 'where the text comes from')
    .option('--format <format>', `${importFormats.join('|')} (default auto: detected from the content)`)
    .option('--analyze', 'run the analyzer and store its suggestions (machine-suggested, not reviewed)')
    .option('--json', 'print JSON only')
    .action(async (file: string, opts: ImportOptions) => {
      const format = opts.format ?? 'auto';
      if (!isImportFormat(format)) bad(`--format must be one of ${importFormats.join(', ')}`);
      if (opts.language !== undefined && !isLanguageTag(opts.language))
        bad('--language must be a tag such as en, es, fr');
      const args = {
        jurisdictionId: jurisdiction(opts.jurisdiction) ?? '',
        format,
        ...(opts.citation !== undefined ? { citation: opts.citation } : {}),
        ...(opts.effectiveFrom !== undefined
          ? { effectiveFrom: date(opts.effectiveFrom, '--effective-from') }
          : {}),
        ...(opts.effectiveTo !== undefined ? { effectiveTo: date(opts.effectiveTo, '--effective-to') } : {}),
        ...(opts.title !== undefined ? { title: opts.title } : {}),
        ...(opts.type !== undefined ? { type: docType(opts.type) } : {}),
        ...(opts.language !== undefined ? { language: opts.language } : {}),
        ...(opts.sourceUrl !== undefined ? { sourceUrl: opts.sourceUrl } : {}),
      };
      await withLaws(async (ctx) => {
        // From the path: USLM, Akoma Ntoso and CLML are streamed, so a whole US Code title fits (docs/law-import.md).
        const result = await importLawFileAt(ctx, {
          ...args,
          path: file,
          analyze: opts.analyze === true,
          onProgress: progressReporter(),
        });
        if (opts.json) return printJson(result);
        if (result.analysis) info(analysisLine(result.analysis));
        for (const note of result.notes) info(`note: ${note}`);
        for (const c of result.closed) info(`closed version ${c.versionId}: now ends on ${c.effectiveTo}`);
        const v = result.version;
        info(
          `${result.outcome === 'created' ? 'imported' : 'already stored:'} ${result.document.citation}, version ${v.id} ` +
            `(${v.provisionCount} provisions, effective ${v.effectiveFrom}${v.effectiveTo ? ` to ${v.effectiveTo}` : ''})`,
        );
      });
    });

  laws
    .command('list')
    .description('list documents with the version in force on a date (default: each one’s latest)')
    .option('--jurisdiction <ocd-id>', 'only this jurisdiction')
    .option('--as-of <date>', 'the versions in force that day')
    .option('--type <type>', `one of ${lawDocumentTypes.join(', ')}`)
    .option('--json', 'print JSON only')
    .action(async (opts: { jurisdiction?: string; asOf?: string; type?: string; json?: boolean }) => {
      const filter = {
        ...(opts.jurisdiction !== undefined ? { jurisdictionId: jurisdiction(opts.jurisdiction) } : {}),
        ...(opts.asOf !== undefined ? { asOf: date(opts.asOf, '--as-of') } : {}),
        ...(opts.type !== undefined ? { type: docType(opts.type) } : {}),
      };
      await withLaws(async (ctx) => {
        const list = await listLaws(ctx, filter);
        if (opts.json) return printJson(list);
        printTable(
          list.map(({ document: d, version: v }) => ({
            id: d.id,
            jurisdiction: d.jurisdictionId,
            type: d.type,
            citation: d.citation,
            version: v.id,
            effective: `${v.effectiveFrom}–${v.effectiveTo ?? ''}`,
            provisions: v.provisionCount,
          })),
          ['id', 'jurisdiction', 'type', 'citation', 'version', 'effective', 'provisions'],
        );
      });
    });

  laws
    .command('show')
    .description('show a document and its versions, or one version’s provisions (--version)')
    .argument('<id>', 'document id')
    .option('--version <id>', 'a version id: print its provisions')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { version?: string; json?: boolean }) => {
      await withLaws(async (ctx) => {
        if (opts.version === undefined) {
          const law = await getLaw(ctx, id);
          if (opts.json) return printJson(law);
          process.stdout.write(
            `${law.document.title} (${law.document.citation}), ${law.document.jurisdictionId}\n\n`,
          );
          return printTable(
            law.versions.map((v) => ({
              version: v.id,
              from: v.effectiveFrom,
              to: v.effectiveTo,
              provisions: v.provisionCount,
              recorded: v.recordedAt,
            })),
            ['version', 'from', 'to', 'provisions', 'recorded'],
          );
        }
        const text = await getLawVersionText(ctx, id, opts.version);
        if (opts.json) return printJson(text);
        for (const p of text.provisions) {
          const indent = '  '.repeat(p.depth);
          process.stdout.write(`${indent}${p.citation}${p.heading ? `  ${p.heading}` : ''}\n`);
          if (p.text) process.stdout.write(`${p.text.replace(/^/gm, `${indent}  `)}\n`);
        }
      });
    });

  laws
    .command('diff')
    .description('provisions added, removed and changed between two versions ([-deleted-] {+inserted+})')
    .argument('<id>', 'document id')
    .requiredOption('--from <version>', 'the older version id')
    .requiredOption('--to <version>', 'the newer version id')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { from: string; to: string; json?: boolean }) => {
      await withLaws(async (ctx) => {
        const diff = await diffLawVersions(ctx, id, opts.from, opts.to);
        if (opts.json) return printJson(diff);
        for (const c of diff.changes) {
          if (c.change === 'added')
            process.stdout.write(`+ ${c.citation}  ${c.after.heading ?? ''}\n  ${c.after.text}\n`);
          else if (c.change === 'removed')
            process.stdout.write(`- ${c.citation}  ${c.before.heading ?? ''}\n  ${c.before.text}\n`);
          else {
            const words = c.words
              .map((w) => (w.op === 'equal' ? w.text : w.op === 'delete' ? `[-${w.text}-]` : `{+${w.text}+}`))
              .join('');
            process.stdout.write(`~ ${c.citation}  ${c.after.heading ?? ''}\n  ${words}\n`);
          }
        }
        const n = diff.counts;
        info(`${n.added} added, ${n.removed} removed, ${n.changed} changed, ${n.unchanged} unchanged`);
      });
    });
}
