/**
 * `lawgap code set|modifier|list|status|import` and `lawgap score JURISDICTION [--as-of DATE] [--include S] [--json]`.
 * The command line is a local system actor: it holds every permission and works in single-coder mode.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { type CodingStatus, codingLimits, isCodingStatus } from '../../core/coding/types.ts';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';
import { createAnswer, listVisibleAnswers, setAnswerStatus } from '../../services/coding.ts';
import { importCodingCsv } from '../../services/coding-import.ts';
import { type ScoreInclude, scoreAsOf, today } from '../../services/scores.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { citationPairs, collect } from './citation-flags.ts';
import { modifierFindingCommand } from './modifier-findings.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function date(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !isIsoDate(value)) bad(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

function jurisdiction(value: string, flag = '--jurisdiction'): string {
  if (!isOcdDivisionId(value)) bad(`${flag} must be an OCD division id, got "${value}"`);
  return value;
}

function status(value: string | undefined): CodingStatus | undefined {
  if (value !== undefined && !isCodingStatus(value)) bad(`unknown status "${value}"`);
  return value;
}

interface SetOptions {
  jurisdiction: string;
  indicator: string;
  value: string;
  provision?: string[];
  quote?: string[];
  validFrom?: string;
  validTo?: string;
  note?: string;
  status?: string;
  json?: boolean;
}

interface ListOptions {
  jurisdiction?: string;
  indicator?: string;
  status?: string;
  asOf?: string;
  json?: boolean;
}

const percent = (n: number | null) => (n === null ? '' : `${(n * 100).toFixed(1)}%`);

/** Registers the code and score commands. */
export function codingCommands(program: Command): void {
  const code = program.command('code').description('coded answers: indicator values grounded in quoted law');
  code
    .command('set')
    .description('code one answer (repeat --provision and --quote in pairs to cite several provisions)')
    .requiredOption('--jurisdiction <ocd-id>', 'the jurisdiction')
    .requiredOption('--indicator <id>', 'the indicator, e.g. CR-01')
    .requiredOption('--value <code>', 'a code of the indicator’s type (Y, P, N, 0, 1, 2) or NA')
    .option('--provision <id>', 'a cited provision id (repeatable)', collect)
    .option('--quote <text>', 'verbatim words of that provision (repeatable, same order)', collect)
    .option('--valid-from <date>', 'first day the answer applies (default: when the cited law took effect)')
    .option('--valid-to <date>', 'first day it no longer applies (default: open-ended)')
    .option('--note <text>', 'a caution note')
    .option('--status <status>', 'coded (default) or suggested')
    .option('--json', 'print JSON only')
    .action(async (opts: SetOptions) => {
      const citations = citationPairs(opts.provision, opts.quote);
      const args = {
        jurisdictionId: jurisdiction(opts.jurisdiction),
        indicatorId: opts.indicator,
        value: opts.value,
        citations,
        ...(opts.validFrom !== undefined ? { validFrom: date(opts.validFrom, '--valid-from') } : {}),
        ...(opts.validTo !== undefined ? { validTo: date(opts.validTo, '--valid-to') } : {}),
        ...(opts.note !== undefined ? { cautionNote: opts.note } : {}),
        ...(opts.status !== undefined ? { status: status(opts.status) } : {}),
      };
      if (args.value.length > codingLimits.valueChars) bad('--value is too long');
      const answer = await withContext((ctx) => createAnswer(ctx, args));
      if (opts.json) return printJson(answer);
      info(
        `${answer.status} ${answer.indicatorId} = ${answer.value} for ${answer.jurisdictionId} from ${answer.validFrom} (${answer.id})`,
      );
    });

  modifierFindingCommand(code);

  code
    .command('list')
    .description('list coded answers')
    .option('--jurisdiction <ocd-id>', 'only this jurisdiction')
    .option('--indicator <id>', 'only this indicator')
    .option('--status <status>', 'only this status')
    .option('--as-of <date>', 'only answers valid that day')
    .option('--json', 'print JSON only')
    .action(async (opts: ListOptions) => {
      const args = {
        ...(opts.jurisdiction !== undefined ? { jurisdictionId: jurisdiction(opts.jurisdiction) } : {}),
        ...(opts.indicator !== undefined ? { indicatorId: opts.indicator } : {}),
        ...(opts.status !== undefined ? { status: status(opts.status) } : {}),
        ...(opts.asOf !== undefined ? { asOf: date(opts.asOf, '--as-of') } : {}),
      };
      const answers = await withContext((ctx) => listVisibleAnswers(ctx, args));
      if (opts.json) return printJson(answers);
      printTable(
        answers.map((a) => ({
          jurisdiction: a.jurisdictionId,
          indicator: a.indicatorId,
          value: a.value,
          status: a.status,
          from: a.validFrom,
          to: a.validTo,
          citations: a.citations.map((c) => c.citation).join('; '),
          id: a.id,
        })),
        ['jurisdiction', 'indicator', 'value', 'status', 'from', 'to', 'citations', 'id'],
      );
    });

  code
    .command('status')
    .description('move an answer: suggested→coded→reviewed→published, or back one step')
    .argument('<id>', 'the answer id')
    .argument('<status>', 'the new status')
    .option('--json', 'print JSON only')
    .action(async (id: string, to: string, opts: { json?: boolean }) => {
      const next = status(to) ?? bad('a status is required');
      const answer = await withContext((ctx) => setAnswerStatus(ctx, id, next));
      if (opts.json) return printJson(answer);
      info(`${answer.indicatorId} for ${answer.jurisdictionId} is now ${answer.status}`);
    });

  code
    .command('import')
    .description('import a coding spreadsheet (CSV); nothing is written unless every row passes')
    .argument('<file>', 'CSV: jurisdiction,indicator,value,provision,quote[,valid_from,valid_to,note,status]')
    .option('--json', 'print JSON only')
    .action(async (file: string, opts: { json?: boolean }) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        bad(`cannot read ${file}`);
      }
      const { created } = await withContext((ctx) => importCodingCsv(ctx, text));
      if (opts.json) return printJson(created);
      info(`imported ${created.length} answers`);
    });

  program
    .command('score')
    .description('score a jurisdiction from its stored answers')
    .argument('<jurisdiction>', 'OCD division id')
    .option('--as-of <date>', 'the day to score (default: today)')
    .option('--include <status>', 'published (default), reviewed or coded: the least reviewed status counted')
    .option('--json', 'print the core scoring result as JSON only')
    .action(async (id: string, opts: { asOf?: string; include?: string; json?: boolean }) => {
      const include = opts.include ?? 'published';
      if (!['published', 'reviewed', 'coded'].includes(include))
        bad('--include must be published, reviewed or coded');
      const asOf = date(opts.asOf, '--as-of') ?? today();
      const report = await withContext((ctx) =>
        scoreAsOf(ctx, jurisdiction(id, 'the jurisdiction'), asOf, { include: include as ScoreInclude }),
      );
      if (opts.json) return printJson(report.result);
      const r = report.result;
      if (report.status === 'not_coded') {
        process.stdout.write(`${report.jurisdictionId}: not coded (no ${include} answer valid on ${asOf})\n`);
        return;
      }
      process.stdout.write(
        `${report.jurisdictionId} on ${asOf} (${include}, ${r.frameworkId}): total ${r.totalRounded ?? '-'}, grade ${r.cappedGrade ?? '-'}` +
          `, coverage ${r.coverage.scored}/${r.coverage.applicable} (${percent(r.coverage.ratio)})\n`,
      );
      printTable(
        r.areas.map((a) => ({
          area: a.id,
          share: a.share,
          score: percent(a.score),
          points: a.points?.toFixed(2) ?? 'excluded',
        })),
        ['area', 'share', 'score', 'points'],
      );
    });
}
