/**
 * Applying a recoding task (docs/bill-to-law.md). Policy:
 * - the effective date is the analyst's, else the task's (from the bill); with none, RECODING_INVALID asks for it;
 * - each target document gets one new version starting on that date: by default the version in force then,
 *   with the provisions the bill's text amends replaced by the bill's own words (core/bills/enactment.ts), or
 *   the consolidated text the analyst supplies as a file (read by the law library's readers). Law text comes
 *   from nowhere else;
 * - everything is checked before anything is written: an amendment whose section no target has, or a target
 *   no amendment names, refuses the whole apply with the list of what was not found;
 * - the versions, the analyzer's suggestions for them and the task's change are written in one transaction.
 *   The suggestions stay machine suggestions until a person reviews them (services/suggestion-review.ts).
 * Needs `laws:write` (and `coding:write`, held by the same roles, for the suggestions).
 */
import type { Kysely } from 'kysely';
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import {
  type Amendment,
  amendmentsFor,
  applyAmendments,
  findAmendments,
  provisionTree,
} from '../core/bills/enactment.ts';
import type { RecodingTarget, RecodingTask, RecodingVersion } from '../core/bills/recoding-types.ts';
import type { Bill } from '../core/bills/types.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import { appliesOn, isIsoDate, placeVersion } from '../core/laws/intervals.ts';
import type { LawDocument, LawImport, LawVersion } from '../core/laws/types.ts';
import { checkLawImport } from '../core/laws/validate.ts';
import { readDocument } from '../ingest/documents/read-document.ts';
import type { DocumentFormat } from '../ingest/documents/types.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { getBill } from '../store/bills.repo.ts';
import {
  closeLawVersion,
  insertLawVersion,
  listLawVersions,
  listProvisions,
  lockLawDocument,
  provisionChecksum,
} from '../store/laws.repo.ts';
import { getRecodingTask, updateRecodingTask } from '../store/recoding.repo.ts';
import type { Database } from '../store/schema.ts';
import { searchFor } from '../store/search/search-for.ts';
import { getFramework } from './framework.ts';
import { lawImportFrom } from './law-files.ts';
import { getLaw, type LawContext } from './laws.ts';
import { requireTask } from './recoding.ts';
import { type AnalysisResult, analyzeVersionIn } from './suggestions.ts';

/** The analyst's consolidated text of one document: a file in any format the law library reads. */
export interface RecodingFile {
  fileName: string;
  bytes: Uint8Array;
  format?: DocumentFormat | 'auto';
}

/** A document to recode: a target of the task or one the analyst adds, optionally with its consolidated text. */
export interface RecodingDocumentInput {
  documentId: string;
  file?: RecodingFile;
}

/** What the analyst gives when applying (both optional). */
export interface ApplyRecodingArgs {
  effectiveDate?: string;
  documents?: RecodingDocumentInput[];
}

/** What applying did: the task as now stored, the versions and the analyses. */
export interface ApplyRecodingResult {
  task: RecodingTask;
  versions: RecodingVersion[];
  analyses: AnalysisResult[];
}

interface Planned {
  document: LawDocument;
  base: LawVersion;
  imported: LawImport;
  origin: RecodingVersion['origin'];
  replaced: string[];
}

function invalid(message: string, details?: Record<string, unknown>): never {
  throw new DomainError('RECODING_INVALID', message, details);
}

/** The bill's latest version with text (by date, then position), or null. */
export function enactedText(bill: Bill): { note: string; text: string } | null {
  let best: { note: string; text: string; date: string } | null = null;
  for (const v of bill.versions) {
    if ((v.text ?? '').trim() === '') continue;
    if (!best || (v.date ?? '') >= best.date) best = { note: v.note, text: v.text ?? '', date: v.date ?? '' };
  }
  return best ? { note: best.note, text: best.text } : null;
}

async function readFile(doc: LawDocument, file: RecodingFile, effectiveFrom: string): Promise<LawImport> {
  try {
    const read = await readDocument({ fileName: file.fileName, bytes: file.bytes }, file.format ?? 'auto');
    return lawImportFrom(
      read,
      {
        citation: doc.citation,
        effectiveFrom,
        title: doc.title,
        type: doc.type,
        language: doc.language,
        ...(doc.sourceUrl ? { sourceUrl: doc.sourceUrl } : {}),
      },
      file.fileName,
    );
  } catch (err) {
    if (isDomainError(err)) throw err;
    invalid(
      `${file.fileName}: the file could not be read (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

/** The targets of an apply: the task's, plus the documents the analyst adds (same jurisdiction only). */
async function targetsOf(
  ctx: LawContext,
  task: RecodingTask,
  inputs: RecodingDocumentInput[],
): Promise<Array<{ target: RecodingTarget; document: LawDocument; file?: RecodingFile }>> {
  const out: Array<{ target: RecodingTarget; document: LawDocument; file?: RecodingFile }> = [];
  const ids = [...task.targets.map((t) => t.documentId), ...inputs.map((d) => d.documentId)];
  for (const id of [...new Set(ids)]) {
    const { document } = await getLaw(ctx, id);
    if (document.jurisdictionId !== task.jurisdictionId) {
      invalid(
        `law ${document.citation} belongs to ${document.jurisdictionId}, not to the bill's ${task.jurisdictionId}`,
        {
          documentId: id,
        },
      );
    }
    const target = task.targets.find((t) => t.documentId === id) ?? {
      documentId: id,
      citation: document.citation,
      title: document.title,
      source: 'analyst' as const,
      billCitation: null,
    };
    const file = inputs.find((d) => d.documentId === id && d.file)?.file;
    out.push({ target, document, ...(file ? { file } : {}) });
  }
  return out;
}

/** The version a new one is made from: the one in force on the date, else the latest that starts before it. */
function baseVersion(versions: LawVersion[], doc: LawDocument, date: string): LawVersion {
  const on = versions.find((v) => appliesOn(v, date));
  const before = [...versions]
    .filter((v) => v.effectiveFrom < date)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const base = on ?? before.at(-1);
  if (!base)
    invalid(`law ${doc.citation} has no version in force on or before ${date} to amend`, {
      documentId: doc.id,
    });
  if (base.effectiveFrom === date) {
    invalid(`law ${doc.citation} already has a version starting on ${date}`, {
      documentId: doc.id,
      versionId: base.id,
    });
  }
  return base;
}

/** Plans every new version (reading the bill's text or the analyst's files); throws before anything is written. */
async function plan(
  ctx: LawContext,
  task: RecodingTask,
  bill: Bill,
  date: string,
  inputs: RecodingDocumentInput[],
) {
  const targets = await targetsOf(ctx, task, inputs);
  if (targets.length === 0) {
    invalid(
      `the task names no law document: none of the bill's citations matched the library${task.unmatchedCitations.length > 0 ? ` (${task.unmatchedCitations.join('; ')})` : ''}; add one with documents`,
      { field: 'documents' },
    );
  }
  const needText = targets.filter((t) => !t.file);
  let amendments: Amendment[] = [];
  if (needText.length > 0) {
    const text = enactedText(bill);
    if (!text) {
      throw new DomainError(
        'BILL_TEXT_MISSING',
        `bill ${bill.identifier} carries no text: give the consolidated text of ${needText.map((t) => t.document.citation).join(', ')} as a file`,
        { billId: bill.id },
      );
    }
    amendments = findAmendments(text.text);
    if (amendments.length === 0) {
      invalid(
        `the text of bill ${bill.identifier} ("${text.note}") has no "… is amended to read as follows:" block; give the consolidated text as a file`,
        { billId: bill.id },
      );
    }
  }
  const notFound: string[] = [];
  const used = new Set<Amendment>();
  const planned: Planned[] = [];
  for (const t of targets) {
    const versions = await listLawVersions(ctx.db, t.document.id);
    const base = baseVersion(versions, t.document, date);
    const docMeta = {
      type: t.document.type,
      title: t.document.title,
      citation: t.document.citation,
      language: t.document.language,
      sourceUrl: t.document.sourceUrl,
    };
    if (t.file) {
      const imported = await readFile(t.document, t.file, date);
      planned.push({
        document: t.document,
        base,
        imported: { ...imported, document: docMeta },
        origin: 'analyst-file',
        replaced: [],
      });
      continue;
    }
    const mine = amendmentsFor(amendments, t.document, needText.length);
    for (const a of mine) used.add(a);
    if (mine.length === 0) {
      notFound.push(`no amendment of the bill names ${t.document.citation}`);
      continue;
    }
    const tree = provisionTree(await listProvisions(ctx.db, base.id));
    const amended = applyAmendments(tree, mine, t.document.citation);
    notFound.push(...amended.notFound.map((n) => `${n}: not found in ${t.document.citation}`));
    planned.push({
      document: t.document,
      base,
      imported: {
        document: docMeta,
        version: { effectiveFrom: date, effectiveTo: null },
        provisions: amended.provisions,
        notes: [],
      },
      origin: 'bill-text',
      replaced: amended.applied.map((x) => x.citation),
    });
  }
  for (const a of amendments)
    if (!used.has(a) && needText.length > 0) notFound.push(`${a.instruction}: names no target document`);
  if (notFound.length > 0) {
    invalid(
      `the bill's text could not be applied; not found: ${notFound.join('; ')}. Correct the targets, or give the consolidated text as a file`,
      { notFound },
    );
  }
  for (const p of planned) checkLawImport(p.imported);
  return { planned, targets: targets.map((t) => t.target) };
}

async function storeVersion(ctx: LawContext, trx: Kysely<Database>, p: Planned): Promise<LawVersion> {
  await lockLawDocument(trx, p.document.id);
  const versions = await listLawVersions(trx, p.document.id);
  const placement = placeVersion(versions, p.imported.version);
  for (const c of placement.close) await closeLawVersion(trx, c.version.id, c.effectiveTo);
  const version = await insertLawVersion(trx, searchFor(ctx.dialect), {
    document: p.document,
    ...placement.interval,
    checksum: provisionChecksum(p.imported.provisions),
    provisions: p.imported.provisions,
  });
  await recordAudit(trx, ctx.actor, 'law.import', p.document.id, {
    versionId: version.id,
    effectiveFrom: version.effectiveFrom,
    provisions: version.provisionCount,
    origin: p.origin,
  });
  return version;
}

/**
 * Applies an open task: new law versions effective on the date, the analyzer's suggestions for them, and the task
 * marked `applied`, in one transaction. Throws RECODING_TASK_NOT_FOUND, RECODING_STATE_INVALID (dismissed or
 * already applied), RECODING_INVALID (no date, nothing to amend, sections not found), BILL_TEXT_MISSING,
 * LAW_NOT_FOUND, or the law readers' errors for a file.
 */
export async function applyRecoding(
  ctx: LawContext,
  id: string,
  args: ApplyRecodingArgs = {},
): Promise<ApplyRecodingResult> {
  if (!actorCan(ctx.actor, 'laws:write') || !actorCan(ctx.actor, 'coding:write'))
    throw new DomainError('FORBIDDEN', 'applying a recoding task needs laws:write and coding:write');
  if (args.effectiveDate !== undefined && !isIsoDate(args.effectiveDate)) {
    invalid(`effectiveDate must be a date YYYY-MM-DD, got "${args.effectiveDate}"`, {
      field: 'effectiveDate',
    });
  }
  const task = await requireTask(ctx, id);
  const checkState = (t: RecodingTask) => {
    if (t.status === 'open') return;
    throw new DomainError(
      'RECODING_STATE_INVALID',
      t.status === 'dismissed'
        ? `recoding task ${id} was dismissed (${t.note ?? 'no reason'}); it cannot be applied`
        : `recoding task ${id} was already applied by ${t.appliedBy} on ${t.appliedAt}`,
      { id, status: t.status },
    );
  };
  checkState(task);
  const bill = await getBill(ctx.db, task.billId);
  if (!bill) throw new DomainError('BILL_NOT_FOUND', `no bill ${task.billId}`, { id: task.billId });
  const date = args.effectiveDate ?? task.effectiveDate;
  if (date === null) {
    invalid(
      `bill ${bill.identifier} states no effective date (no chapter or final citation with one, no became-law action with a full date): give the effective date (effectiveDate, --effective-date YYYY-MM-DD)`,
      { field: 'effectiveDate' },
    );
  }
  const inputs = args.documents ?? [];
  const { planned, targets } = await plan(ctx, task, bill, date, inputs);
  const framework = await getFramework(ctx);
  const who = actorLabel(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const now = await getRecodingTask(trx, id);
    if (!now) throw new DomainError('RECODING_TASK_NOT_FOUND', `recoding task ${id} does not exist`, { id });
    checkState(now);
    const versions: RecodingVersion[] = [];
    const analyses: AnalysisResult[] = [];
    for (const p of planned) {
      const version = await storeVersion(ctx, trx, p);
      versions.push({
        documentId: p.document.id,
        versionId: version.id,
        effectiveFrom: version.effectiveFrom,
        origin: p.origin,
        replaced: p.replaced,
      });
      analyses.push(await analyzeVersionIn(trx, who, framework, { document: p.document, version }));
    }
    const suggestionCount = analyses.reduce((n, a) => n + a.created + a.replaced + a.unchanged + a.kept, 0);
    await updateRecodingTask(
      trx,
      id,
      {
        status: 'applied',
        effectiveDate: date,
        ...(args.effectiveDate !== undefined && args.effectiveDate !== task.effectiveDate
          ? { effectiveSource: 'analyst' as const }
          : {}),
        targets,
        newVersions: versions,
        suggestionCount,
        appliedBy: who,
      },
      { actor: who, action: 'applied', details: { effectiveDate: date, versions, suggestionCount } },
    );
    await recordAudit(trx, ctx.actor, 'recoding.apply', id, { versions: versions.length, suggestionCount });
    const stored = await getRecodingTask(trx, id);
    return { task: stored ?? now, versions, analyses };
  });
}
