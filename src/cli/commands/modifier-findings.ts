/** `lawgap code modifier`: record whether a negative modifier applies, with quoted law (single-coder mode). */
import type { Command } from 'commander';
import { isCodingStatus } from '../../core/coding/types.ts';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';
import { createFinding } from '../../services/modifier-findings.ts';
import { withContext } from '../context.ts';
import { info, printJson } from '../output.ts';

interface ModifierOptions {
  jurisdiction: string;
  modifier: string;
  applies: string;
  provision?: string[];
  quote?: string[];
  validFrom?: string;
  validTo?: string;
  note?: string;
  status?: string;
  json?: boolean;
}

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function date(value: string, flag: string): string {
  if (!isIsoDate(value)) bad(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Registers `code modifier` under the `code` command. */
export function modifierFindingCommand(code: Command): void {
  code
    .command('modifier')
    .description('record a negative-modifier finding (repeat --provision and --quote in pairs)')
    .requiredOption('--jurisdiction <ocd-id>', 'the jurisdiction')
    .requiredOption('--modifier <id>', 'the negative modifier, e.g. NEG-2')
    .requiredOption('--applies <yes|no>', 'yes when the law contains the harmful feature (needs a citation)')
    .option('--provision <id>', 'a cited provision id (repeatable)', collect)
    .option('--quote <text>', 'verbatim words of that provision (repeatable, same order)', collect)
    .option('--valid-from <date>', 'first day the finding applies (default: when the cited law took effect)')
    .option('--valid-to <date>', 'first day it no longer applies (default: open-ended)')
    .option('--note <text>', 'a caution note')
    .option('--status <status>', 'coded (default) or suggested')
    .option('--json', 'print JSON only')
    .action(async (opts: ModifierOptions) => {
      if (!isOcdDivisionId(opts.jurisdiction))
        bad(`--jurisdiction must be an OCD division id, got "${opts.jurisdiction}"`);
      if (opts.applies !== 'yes' && opts.applies !== 'no') bad('--applies must be yes or no');
      const provisions = opts.provision ?? [];
      const quotes = opts.quote ?? [];
      if (provisions.length !== quotes.length) bad('give one --quote for each --provision');
      if (opts.status !== undefined && !isCodingStatus(opts.status)) bad(`unknown status "${opts.status}"`);
      const status = opts.status;
      const finding = await withContext((ctx) =>
        createFinding(ctx, {
          jurisdictionId: opts.jurisdiction,
          modifierId: opts.modifier,
          applies: opts.applies === 'yes',
          citations: provisions.map((provisionId, i) => ({ provisionId, quote: quotes[i] ?? '' })),
          ...(opts.validFrom !== undefined ? { validFrom: date(opts.validFrom, '--valid-from') } : {}),
          ...(opts.validTo !== undefined ? { validTo: date(opts.validTo, '--valid-to') } : {}),
          ...(opts.note !== undefined ? { cautionNote: opts.note } : {}),
          ...(status !== undefined && isCodingStatus(status) ? { status } : {}),
        }),
      );
      if (opts.json) return printJson(finding);
      info(
        `${finding.status} ${finding.modifierId} ${finding.applies ? 'applies' : 'does not apply'} for ${finding.jurisdictionId} from ${finding.validFrom} (${finding.id})`,
      );
    });
}
