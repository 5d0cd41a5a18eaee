/**
 * `lawgap analyze FILE... [--format F] [--json]`: suggest an answer for every indicator from the files alone.
 * Needs no database and no network, so it does not go through withContext (which opens the data directory).
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { type DocumentFormat, isDocumentFormat } from '../../ingest/documents/types.ts';
import { analyzeFilesAt } from '../../services/analysis.ts';
import { printJson, printTable } from '../output.ts';

const formats = ['auto', 'text', 'html', 'pdf', 'docx', 'uslm', 'akn', 'clml'];

/** Registers `lawgap analyze`. */
export function analyzeCommands(program: Command): void {
  program
    .command('analyze')
    .description('suggest indicator answers with verbatim evidence for one document set (no database)')
    .argument('<files...>', 'files read together as one document set')
    .option('--format <format>', `document format: ${formats.join('|')}`, 'auto')
    .option('--json', 'print JSON only')
    .action(async (files: string[], opts: { format: string; json?: boolean }) => {
      if (!formats.includes(opts.format)) {
        throw new DomainError('VALIDATION_FAILED', `--format must be one of ${formats.join(', ')}`);
      }
      const format: DocumentFormat | 'auto' =
        opts.format !== 'auto' && isDocumentFormat(opts.format) ? opts.format : 'auto';
      // From the paths: XML formats are streamed from disk, so a whole US Code title can be analyzed.
      const result = await analyzeFilesAt(files, format);
      const suggestions = result.suggestions.map((s) => ({
        indicator: s.indicator,
        answer: s.answer,
        confidence: s.confidence,
        evidence: s.evidence.map((e) => ({
          citation: e.citation,
          quote: e.quote,
          start: e.start,
          end: e.end,
        })),
        rationale: s.rationale,
      }));
      if (opts.json) {
        return printJson({
          document: {
            title: result.document.title,
            format: result.document.format,
            provisions: result.document.provisions,
          },
          suggestions,
          analyzerVersion: result.analyzerVersion,
          framework: { id: result.frameworkId, version: result.frameworkVersion },
        });
      }
      process.stdout.write(
        `${result.document.title} (${result.document.format}, ${result.document.provisions.length} provisions)\n` +
          `machine-suggested, not reviewed (${result.analyzerVersion})\n\n`,
      );
      printTable(
        suggestions.map((s) => ({
          indicator: s.indicator,
          answer: s.answer,
          confidence: s.confidence.toFixed(2),
          evidence: [...new Set(s.evidence.map((e) => e.citation))].join('; '),
          rationale: s.rationale.length > 100 ? `${s.rationale.slice(0, 97)}...` : s.rationale,
        })),
        ['indicator', 'answer', 'confidence', 'evidence', 'rationale'],
      );
    });
}
