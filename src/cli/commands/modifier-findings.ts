/**
 * `lawgap code modifier`, `code modifier-update` and `code modifier-history`: record whether a negative modifier
 * applies, with quoted law, change it, and read its history (single-coder mode: the local system actor).
 */
import type { Command } from 'commander';
import { isCodingStatus } from '../../core/coding/types.ts';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';
import {
  createFinding,
  type FindingPatch,
  getFindingHistory,
  updateFinding,
} from '../../services/modifier-findings.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { citationPairs, collect } from './citation-flags.ts';

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
      const citations = citationPairs(opts.provision, opts.quote);
      if (opts.status !== undefined && !isCodingStatus(opts.status)) bad(`unknown status "${opts.status}"`);
      const status = opts.status;
      const finding = await withContext((ctx) =>
        createFinding(ctx, {
          jurisdictionId: opts.jurisdiction,
          modifierId: opts.modifier,
          applies: opts.applies === 'yes',
          citations,
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

  code
    .command('modifier-update')
    .description('change a finding (a reviewed one goes back to coded), then optionally move its status')
    .argument('<finding-id>', 'the finding')
    .option('--applies <yes|no>', 'whether the law contains the harmful feature')
    .option('--provision <id>', 'a cited provision id (repeatable; replaces every citation)', collect)
    .option('--quote <text>', 'verbatim words of that provision (repeatable, same order)', collect)
    .option('--no-citations', 'remove every citation (only when the modifier does not apply)')
    .option('--valid-from <date>', 'first day the finding applies')
    .option('--valid-to <date>', 'first day it no longer applies')
    .option('--open-ended', 'remove the end date')
    .option('--note <text>', 'a caution note')
    .option('--clear-note', 'remove the caution note')
    .option('--status <status>', 'then move it to this review state')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: UpdateOptions) => {
      const finding = await withContext((ctx) => updateFinding(ctx, id, findingPatch(opts)));
      if (opts.json) return printJson(finding);
      info(
        `${finding.status} ${finding.modifierId} ${finding.applies ? 'applies' : 'does not apply'} for ${finding.jurisdictionId} from ${finding.validFrom}${finding.validTo ? ` to ${finding.validTo}` : ''} (${finding.id})`,
      );
    });

  code
    .command('modifier-history')
    .description('every change to a finding, oldest first: who, when, before and after')
    .argument('<finding-id>', 'the finding')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { json?: boolean }) => {
      const history = await withContext((ctx) => getFindingHistory(ctx, id));
      if (opts.json) return printJson(history);
      if (history.length === 0) return info(`no history for finding ${id}`);
      printTable(
        history.map((h) => ({
          at: h.at,
          who: h.actorName ?? h.actor,
          action: h.action,
          status: `${h.before?.status ?? '-'} → ${h.after.status}`,
          applies: `${h.before ? (h.before.applies ? 'yes' : 'no') : '-'} → ${h.after.applies ? 'yes' : 'no'}`,
          citations: h.after.citations.length,
        })),
        ['at', 'who', 'action', 'status', 'applies', 'citations'],
      );
    });
}

interface UpdateOptions {
  applies?: string;
  provision?: string[];
  quote?: string[];
  citations?: boolean;
  validFrom?: string;
  validTo?: string;
  openEnded?: boolean;
  note?: string;
  clearNote?: boolean;
  status?: string;
  json?: boolean;
}

/** The patch the update flags ask for; refuses contradictory or malformed flags. */
function findingPatch(opts: UpdateOptions): FindingPatch {
  if (opts.applies !== undefined && opts.applies !== 'yes' && opts.applies !== 'no')
    bad('--applies must be yes or no');
  const pairs = citationPairs(opts.provision, opts.quote);
  if (opts.citations === false && pairs.length > 0) bad('--no-citations contradicts --provision');
  if (opts.openEnded && opts.validTo !== undefined) bad('--open-ended contradicts --valid-to');
  if (opts.clearNote && opts.note !== undefined) bad('--clear-note contradicts --note');
  const status = opts.status;
  if (status !== undefined && !isCodingStatus(status)) bad(`unknown status "${status}"`);
  const citations = opts.citations === false ? [] : pairs.length ? pairs : undefined;
  return {
    ...(opts.applies !== undefined ? { applies: opts.applies === 'yes' } : {}),
    ...(citations !== undefined ? { citations } : {}),
    ...(opts.validFrom !== undefined ? { validFrom: date(opts.validFrom, '--valid-from') } : {}),
    ...(opts.validTo !== undefined ? { validTo: date(opts.validTo, '--valid-to') } : {}),
    ...(opts.openEnded ? { validTo: null } : {}),
    ...(opts.note !== undefined ? { cautionNote: opts.note } : {}),
    ...(opts.clearNote ? { cautionNote: null } : {}),
    ...(status !== undefined && isCodingStatus(status) ? { status } : {}),
  };
}
