/**
 * `lawgap suggestions list --jurisdiction ID [--version ID] [--status S]`, `lawgap suggestions analyze LAW VERSION`,
 * `lawgap suggestions accept ID [--value V] [--provision P --quote Q]...` and `lawgap suggestions reject ID
 * [--reason R]`. Pending suggestions are printed with their label, "machine-suggested, not reviewed".
 */
import type { Command } from 'commander';
import { isReviewStatus, machineLabel, type StoredSuggestion } from '../../core/analyzer/review.ts';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { acceptSuggestion, rejectSuggestion } from '../../services/suggestion-review.ts';
import { analyzeVersion, listSuggestions } from '../../services/suggestions.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { citationPairs, collect } from './citation-flags.ts';
import { analysisLine } from './law-file-options.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function row(s: StoredSuggestion): Record<string, unknown> {
  return {
    id: s.id,
    document: s.documentCitation,
    indicator: s.indicatorId,
    answer: s.answer,
    confidence: s.confidence.toFixed(2),
    evidence: s.evidence.map((e) => `${e.citation}: "${e.quote}"`).join('; '),
    status: s.reviewStatus === 'pending' ? machineLabel : `${s.reviewStatus} by ${s.reviewedBy}`,
  };
}

/** Registers the suggestions commands. */
export function suggestionCommands(program: Command): void {
  const cmd = program
    .command('suggestions')
    .description(`analyzer suggestions (${machineLabel} until a person accepts them)`);

  cmd
    .command('list')
    .description('list the analyzer suggestions of a jurisdiction')
    .requiredOption('--jurisdiction <ocd-id>', 'the jurisdiction')
    .option('--version <id>', 'only this law version')
    .option('--status <status>', 'pending, accepted, edited or rejected')
    .option('--json', 'print JSON only')
    .action(async (opts: { jurisdiction: string; version?: string; status?: string; json?: boolean }) => {
      if (!isOcdDivisionId(opts.jurisdiction))
        bad(`--jurisdiction must be an OCD division id, got "${opts.jurisdiction}"`);
      if (opts.status !== undefined && !isReviewStatus(opts.status))
        bad('--status must be pending, accepted, edited or rejected');
      await withContext(async (ctx) => {
        const list = await listSuggestions(ctx, {
          jurisdictionId: opts.jurisdiction,
          ...(opts.version ? { versionId: opts.version } : {}),
          ...(opts.status && isReviewStatus(opts.status) ? { reviewStatus: opts.status } : {}),
        });
        if (opts.json) return printJson(list);
        if (list.length === 0) return info('no suggestions');
        printTable(list.map(row), [
          'id',
          'document',
          'indicator',
          'answer',
          'confidence',
          'status',
          'evidence',
        ]);
      });
    });

  cmd
    .command('analyze')
    .description('run the analyzer on a stored law version and store its suggestions')
    .argument('<law-id>', 'the document id')
    .argument('<version-id>', 'the version id')
    .option('--json', 'print JSON only')
    .action(async (lawId: string, versionId: string, opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const result = await analyzeVersion(ctx, { documentId: lawId, versionId });
        if (opts.json) return printJson(result);
        info(analysisLine(result));
      });
    });

  cmd
    .command('accept')
    .description('accept a suggestion (optionally edited): creates a coded answer recording the analyzer')
    .argument('<id>', 'the suggestion id')
    .option('--value <code>', 'a different answer code (Y/P/N, Y/N, 0/1/2 or NA)')
    .option('--provision <id>', 'a cited provision id (repeat; with one --quote each)', collect)
    .option('--quote <text>', 'the verbatim quote for the matching --provision', collect)
    .option('--note <text>', 'a caution note')
    .option('--json', 'print JSON only')
    .action(
      async (
        id: string,
        opts: { value?: string; provision?: string[]; quote?: string[]; note?: string; json?: boolean },
      ) => {
        const pairs = citationPairs(opts.provision, opts.quote);
        const citations = pairs.length > 0 ? pairs : undefined;
        await withContext(async (ctx) => {
          const result = await acceptSuggestion(ctx, id, {
            ...(opts.value !== undefined ? { value: opts.value } : {}),
            ...(citations ? { citations } : {}),
            ...(opts.note !== undefined ? { cautionNote: opts.note } : {}),
          });
          if (opts.json) return printJson(result);
          info(
            `${result.suggestion.reviewStatus} suggestion ${id}: coded answer ${result.answer?.id} ` +
              `(${result.suggestion.indicatorId} = ${result.answer?.value}, from ${result.suggestion.analyzerVersion})`,
          );
        });
      },
    );

  cmd
    .command('reject')
    .description('reject a suggestion; no answer is created')
    .argument('<id>', 'the suggestion id')
    .option('--reason <text>', 'why')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { reason?: string; json?: boolean }) => {
      await withContext(async (ctx) => {
        const result = await rejectSuggestion(ctx, id, opts.reason ?? null);
        if (opts.json) return printJson(result);
        info(`rejected suggestion ${id} (${result.suggestion.indicatorId})`);
      });
    });
}
