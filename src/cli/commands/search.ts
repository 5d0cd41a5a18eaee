/**
 * `lawgap search QUERY [--jurisdiction ID] [--type T] [--as-of D] [--indicator I] [--limit N] [--offset N]`:
 * one page of provisions matching words and "quoted phrases", with marked snippets.
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';
import { searchLimits } from '../../core/laws/search.ts';
import { isLawDocumentType, lawDocumentTypes } from '../../core/laws/types.ts';
import { type SearchLawsArgs, searchLawPage } from '../../services/law-search.ts';
import { withContext } from '../context.ts';
import { info, printJson } from '../output.ts';

interface SearchOptions {
  jurisdiction?: string;
  type?: string;
  asOf?: string;
  indicator?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
}

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function whole(value: string | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) bad(`${flag} must be a whole number from ${min} to ${max}`);
  return n;
}

/** The service arguments for the command's query and flags; throws VALIDATION_FAILED on a bad flag. */
export function searchArgs(query: string, opts: SearchOptions): SearchLawsArgs {
  if (opts.jurisdiction !== undefined && !isOcdDivisionId(opts.jurisdiction))
    bad(`--jurisdiction must be an OCD division id, got "${opts.jurisdiction}"`);
  if (opts.type !== undefined && !isLawDocumentType(opts.type))
    bad(`--type must be one of ${lawDocumentTypes.join(', ')}`);
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf))
    bad(`--as-of must be a date YYYY-MM-DD, got "${opts.asOf}"`);
  if (opts.indicator !== undefined && (opts.indicator.length === 0 || opts.indicator.length > 20))
    bad('--indicator must be an indicator id such as CR-01');
  return {
    query,
    limit: whole(opts.limit, '--limit', 1, searchLimits.maxLimit, searchLimits.defaultLimit),
    offset: whole(opts.offset, '--offset', 0, searchLimits.maxOffset, 0),
    ...(opts.jurisdiction !== undefined ? { jurisdictionId: opts.jurisdiction } : {}),
    ...(opts.type !== undefined && isLawDocumentType(opts.type) ? { type: opts.type } : {}),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
    ...(opts.indicator !== undefined ? { indicatorId: opts.indicator } : {}),
  };
}

/** Registers `lawgap search`. */
export function searchCommands(program: Command): void {
  program
    .command('search')
    .description('full-text search over provisions (each document’s latest version, or as of a date)')
    .argument('<query>', 'words to find, and "quoted phrases" word for word; other punctuation is ignored')
    .option('--jurisdiction <ocd-id>', 'only this jurisdiction')
    .option('--type <type>', `one of ${lawDocumentTypes.join(', ')}`)
    .option('--as-of <date>', 'search the versions in force that day')
    .option('--indicator <id>', 'only provisions cited by coded answers for this indicator (e.g. CR-01)')
    .option('--limit <n>', `hits per page (1-${searchLimits.maxLimit}, default ${searchLimits.defaultLimit})`)
    .option('--offset <n>', `hits to skip (0-${searchLimits.maxOffset}, default 0)`)
    .option('--json', 'print JSON only: { hits, limit, offset, hasMore, nextOffset }')
    .action(async (query: string, opts: SearchOptions) => {
      const args = searchArgs(query, opts);
      await withContext(async (ctx, store) => {
        const page = await searchLawPage({ ...ctx, dialect: store.dialect }, args);
        if (opts.json) return printJson(page);
        for (const h of page.hits) {
          let text = h.snippet.text;
          for (const mark of [...h.snippet.highlights].reverse()) {
            text = `${text.slice(0, mark.start)}*${text.slice(mark.start, mark.end)}*${text.slice(mark.end)}`;
          }
          process.stdout.write(
            `${h.document.citation} ${h.citation}${h.heading ? `  ${h.heading}` : ''} (${h.document.jurisdictionId}, from ${h.version.effectiveFrom})\n${text ? `  ${text}\n` : ''}`,
          );
        }
        const shown = page.hits.length
          ? `hits ${page.offset + 1}-${page.offset + page.hits.length}`
          : 'no hits';
        info(page.nextOffset !== null ? `${shown}; more with --offset ${page.nextOffset}` : shown);
      });
    });
}
