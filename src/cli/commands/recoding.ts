/**
 * `lawgap recoding list|show|open|apply|dismiss` (docs/bill-to-law.md): recoding tasks of enacted bills. `apply`
 * stores new law versions from the bill's text (or the consolidated files given with `--file DOC=PATH`) and the
 * analyzer's suggestions, which stay "machine-suggested, not reviewed" until `lawgap suggestions accept`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { machineLabel } from '../../core/analyzer/review.ts';
import { isRecodingStatus } from '../../core/bills/recoding-types.ts';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { dismissRecoding, listRecoding, openRecodingTask, showRecoding } from '../../services/recoding.ts';
import { applyRecoding, type RecodingDocumentInput } from '../../services/recoding-apply.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { collect } from './citation-flags.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function documentsOf(ids: string[], files: string[]): RecodingDocumentInput[] {
  const out: RecodingDocumentInput[] = ids.map((documentId) => ({ documentId }));
  for (const spec of files) {
    const at = spec.indexOf('=');
    if (at <= 0 || at === spec.length - 1) bad(`--file must be DOCUMENT_ID=PATH, got "${spec}"`);
    const documentId = spec.slice(0, at);
    const file = spec.slice(at + 1);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch {
      bad(`--file: cannot read ${file}`);
    }
    out.push({ documentId, file: { fileName: path.basename(file), bytes } });
  }
  return out;
}

/** Registers the recoding commands. */
export function recodingCommands(program: Command): void {
  const cmd = program
    .command('recoding')
    .description('recoding tasks: from an enacted bill to new law versions');

  cmd
    .command('list')
    .description('list recoding tasks, newest first')
    .option('--jurisdiction <ocd-id>', 'only this jurisdiction')
    .option('--status <status>', 'open, applied, done or dismissed')
    .option('--json', 'print JSON only')
    .action(async (opts: { jurisdiction?: string; status?: string; json?: boolean }) => {
      if (opts.jurisdiction !== undefined && !isOcdDivisionId(opts.jurisdiction))
        bad(`--jurisdiction must be an OCD division id, got "${opts.jurisdiction}"`);
      if (opts.status !== undefined && !isRecodingStatus(opts.status))
        bad('--status must be open, applied, done or dismissed');
      await withContext(async (ctx) => {
        const list = await listRecoding(ctx, {
          ...(opts.jurisdiction ? { jurisdictionId: opts.jurisdiction } : {}),
          ...(opts.status && isRecodingStatus(opts.status) ? { status: opts.status } : {}),
        });
        if (opts.json) return printJson(list);
        if (list.length === 0) return info('no recoding tasks');
        printTable(
          list.map((t) => ({
            id: t.id,
            bill: t.bill.identifier,
            jurisdiction: t.jurisdictionId,
            status: t.status,
            effective: t.effectiveDate ?? '(none: give --effective-date)',
            targets: t.targets.map((x) => x.citation).join('; ') || '(none)',
            suggestions: t.suggestionCount,
          })),
          ['id', 'bill', 'jurisdiction', 'status', 'effective', 'targets', 'suggestions'],
        );
      });
    });

  cmd
    .command('show')
    .description('show a task: targets, new versions, suggestions and the score either side of the date')
    .argument('<id>', 'the task id')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const t = await showRecoding(ctx, id);
        if (opts.json) return printJson(t);
        info(`${t.bill.identifier} (${t.bill.title}): ${t.status}`);
        info(`effective: ${t.effectiveDate ?? 'not known: give --effective-date when applying'}`);
        for (const x of t.targets)
          info(`target: ${x.citation} (${x.source}${x.billCitation ? `: ${x.billCitation}` : ''})`);
        for (const c of t.unmatchedCitations) info(`citation matching no library document: ${c}`);
        for (const v of t.newVersions)
          info(`new version ${v.versionId} from ${v.effectiveFrom} (${v.origin})`);
        if (t.score)
          info(
            `score (coded): ${t.score.dayBefore ?? '–'} the day before, ${t.score.effective ?? '–'} on ${t.score.asOf}`,
          );
        if (t.suggestions.length === 0) return;
        printTable(
          t.suggestions.map((s) => ({
            id: s.id,
            indicator: s.indicatorId,
            answer: s.answer,
            before: s.before?.value ?? '(not coded)',
            affected: s.affected ? 'yes' : 'no',
            status: s.reviewStatus === 'pending' ? machineLabel : s.reviewStatus,
          })),
          ['id', 'indicator', 'answer', 'before', 'affected', 'status'],
        );
      });
    });

  cmd
    .command('open')
    .description('open the task of a bill enacted before recoding tasks existed')
    .argument('<bill>', 'the bill id or OCD bill id')
    .option('--json', 'print JSON only')
    .action(async (bill: string, opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const r = await openRecodingTask(ctx, bill);
        if (opts.json) return printJson(r);
        info(`${r.outcome === 'opened' ? 'opened' : 'already has'} task ${r.task.id}`);
      });
    });

  cmd
    .command('apply')
    .description(
      'store new law versions from the bill (or consolidated files) and the analyzer’s suggestions',
    )
    .argument('<id>', 'the task id')
    .option('--effective-date <date>', 'YYYY-MM-DD (required when the bill states none)')
    .option('--document <id>', 'add a law document to the targets (repeatable)', collect, [])
    .option(
      '--file <doc=path>',
      'the consolidated text of a document, any law format (repeatable)',
      collect,
      [],
    )
    .option('--json', 'print JSON only')
    .action(
      async (
        id: string,
        opts: { effectiveDate?: string; document: string[]; file: string[]; json?: boolean },
      ) => {
        const documents = documentsOf(opts.document, opts.file);
        await withContext(async (ctx, store) => {
          const r = await applyRecoding({ ...ctx, dialect: store.dialect }, id, {
            ...(opts.effectiveDate !== undefined ? { effectiveDate: opts.effectiveDate } : {}),
            documents,
          });
          if (opts.json) return printJson(r);
          for (const v of r.versions)
            info(`new version ${v.versionId} of ${v.documentId} from ${v.effectiveFrom}`);
          info(`${r.task.suggestionCount} suggestions, ${machineLabel}: review them with lawgap suggestions`);
        });
      },
    );

  cmd
    .command('dismiss')
    .description('dismiss an open task')
    .argument('<id>', 'the task id')
    .requiredOption('--reason <text>', 'why the bill needs no recoding')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { reason: string; json?: boolean }) => {
      await withContext(async (ctx) => {
        const t = await dismissRecoding(ctx, id, opts.reason);
        if (opts.json) return printJson(t);
        info(`dismissed task ${t.id}`);
      });
    });
}
