/**
 * Importing a law file of any format lawgap reads (text, HTML, PDF, DOCX, USLM, Akoma Ntoso, CLML, JSON): the
 * format is detected from the content unless given, the file's own metadata (title, citation, language, date,
 * type) fills whatever the person importing did not say, and the version is stored in one transaction, with
 * the analyzer's suggestions when asked (so a failed analysis stores nothing either). Flags win over the file:
 * the person importing knows better than a heuristic. Citation and start date are required only when neither
 * gives them.
 */
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import { type LawImport, lawLimits } from '../core/laws/types.ts';
import { readDocument } from '../ingest/documents/read-document.ts';
import { openDocumentFile, type ReadFileOptions, readOpenedFile } from '../ingest/documents/read-file.ts';
import { type DocumentFormat, documentFormats, type ReadDocument } from '../ingest/documents/types.ts';
import { lawJsonSchema, readLawJson } from '../ingest/laws-json.ts';
import type { LawImportOptions } from '../ingest/laws-text.ts';
import { getFramework } from './framework.ts';
import { type ImportLawResult, type LawContext, storeLawImport } from './laws.ts';
import { type AnalysisResult, analyzeVersionIn } from './suggestions.ts';

/** The formats an import accepts: `auto` (detected from the content) or one reader's. */
export const importFormats = ['auto', ...documentFormats] as const;
/** One of `importFormats`. */
export type ImportFormat = (typeof importFormats)[number];

/** True when the value is one of `importFormats`. */
export function isImportFormat(value: string): value is ImportFormat {
  return (importFormats as readonly string[]).includes(value);
}

/** A file import: its name (for messages and format hints), bytes, format and what the file does not say. */
export interface ImportLawFileArgs extends LawImportOptions {
  jurisdictionId: string;
  fileName: string;
  bytes: Uint8Array;
  /** `auto` (default) detects the format from the content. */
  format?: DocumentFormat | 'auto';
  /** Run the analyzer on the stored version and store its suggestions (needs `coding:write`). */
  analyze?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** What a file import did: the stored version, the format read, and the analysis when one ran. */
export interface ImportLawFileResult extends ImportLawResult {
  format: DocumentFormat;
  analysis: AnalysisResult | null;
}

/** Runs a reader; an unexpected reader failure becomes DOCUMENT_UNREADABLE naming the file. */
async function guarded(fileName: string, read: () => Promise<ReadDocument>): Promise<ReadDocument> {
  try {
    return await read();
  } catch (err) {
    if (isDomainError(err)) throw err;
    throw new DomainError(
      'DOCUMENT_UNREADABLE',
      `${fileName}: the file could not be read (${err instanceof Error ? err.message : String(err)})`,
      { file: fileName },
    );
  }
}

function isLawgapJson(args: ImportLawFileArgs): string | null {
  if (args.format !== undefined && args.format !== 'auto' && args.format !== 'json') return null;
  const head = new TextDecoder('utf-8').decode(args.bytes.subarray(0, 4096)).trimStart();
  if (!head.startsWith('{') || !head.includes(lawJsonSchema)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(args.bytes);
  } catch {
    throw new DomainError('DOCUMENT_UNREADABLE', `${args.fileName}: not valid UTF-8`, {
      file: args.fileName,
    });
  }
}

function missing(what: string, flag: string, fileName: string): never {
  throw new DomainError('LAW_INVALID', `${fileName} does not state ${what}: give one (${flag})`, {
    field: flag === '--citation' ? 'citation' : 'effectiveFrom',
  });
}

/** Merges what the file says with what the person said (the person wins); throws LAW_INVALID when neither gives a citation or a start date. */
export function lawImportFrom(read: ReadDocument, options: LawImportOptions, fileName: string): LawImport {
  const citation =
    options.citation?.trim() || read.citation?.trim() || missing('a citation', '--citation', fileName);
  const effectiveFrom =
    options.effectiveFrom ??
    read.effectiveFrom ??
    missing('an effective date', '--effective-from YYYY-MM-DD', fileName);
  return {
    document: {
      type: options.type ?? read.type ?? 'statute',
      title: options.title?.trim() || read.title?.trim() || citation,
      citation,
      language: options.language ?? read.language ?? 'en',
      sourceUrl: options.sourceUrl ?? null,
    },
    version: { effectiveFrom, effectiveTo: options.effectiveTo ?? null },
    provisions: read.provisions,
    notes: read.notes,
  };
}

/**
 * Imports a file of any supported format as a document version (idempotent for the same text and date), and
 * with `analyze` stores the analyzer's suggestions for it in the same transaction. Needs `laws:write` (and
 * `coding:write` to analyze). Throws FORMAT_UNSUPPORTED, DOCUMENT_UNREADABLE or LAW_INVALID on bad input.
 */
export async function importLawFile(ctx: LawContext, args: ImportLawFileArgs): Promise<ImportLawFileResult> {
  checkAccess(ctx, args.analyze);
  const { jurisdictionId, fileName, bytes, format, analyze, onProgress, ...options } = args;
  const json = isLawgapJson(args);
  if (json !== null) return store(ctx, args, readLawJson(json, options), 'json');
  const read = await guarded(fileName, () => readDocument({ fileName, bytes }, format ?? 'auto'));
  return store(ctx, args, lawImportFrom(read, options, fileName), read.format);
}

/** A file import from a path on disk (the CLI): `bytes` are read from the file, or streamed for XML formats. */
export interface ImportLawPathArgs extends Omit<ImportLawFileArgs, 'bytes' | 'fileName'> {
  path: string;
  /** The name in messages (default: the path's base name). */
  fileName?: string;
  /** Hears how many bytes of a streamed file have been read. */
  onChunk?: ReadFileOptions['onChunk'];
}

/**
 * Imports a file from disk. USLM, Akoma Ntoso and CLML are streamed (bounded memory, up to
 * lawLimits.streamedFileBytes and lawLimits.streamedProvisions, so a whole US Code title fits); every other
 * format is read whole within the upload limit and imported as importLawFile does. All-or-nothing as ever:
 * a file that breaks off stores nothing.
 */
export async function importLawFileAt(
  ctx: LawContext,
  args: ImportLawPathArgs,
): Promise<ImportLawFileResult> {
  checkAccess(ctx, args.analyze);
  const { path, fileName, onChunk, ...rest } = args;
  // UTF-8 needs at most 4 bytes a character: a larger file cannot fit the character limit of a whole read.
  const file = await openDocumentFile(path, args.format ?? 'auto', {
    maxBytes: lawLimits.contentChars * 4,
    ...(fileName !== undefined ? { fileName } : {}),
  });
  if (!file.streamed)
    return importLawFile(ctx, { ...rest, fileName: file.fileName, bytes: file.input.bytes });
  const { jurisdictionId, format, analyze, onProgress, ...options } = rest;
  const read = await guarded(file.fileName, () => readOpenedFile(file, onChunk ? { onChunk } : {}));
  return store(
    ctx,
    rest,
    lawImportFrom(read, options, file.fileName),
    read.format,
    lawLimits.streamedProvisions,
  );
}

function checkAccess(ctx: LawContext, analyze: boolean | undefined): void {
  if (!actorCan(ctx.actor, 'laws:write')) throw new DomainError('FORBIDDEN', 'you may not import laws');
  if (analyze && !actorCan(ctx.actor, 'coding:write'))
    throw new DomainError('FORBIDDEN', 'you may not store analyzer suggestions');
}

/** Stores an import read from a file, with the analysis in the same transaction when asked. */
async function store(
  ctx: LawContext,
  args: Pick<ImportLawFileArgs, 'jurisdictionId' | 'analyze' | 'onProgress'>,
  imported: LawImport,
  chosen: DocumentFormat,
  maxProvisions?: number,
): Promise<ImportLawFileResult> {
  const { jurisdictionId, analyze, onProgress } = args;
  const framework = analyze ? await getFramework(ctx) : null;
  let analysis: AnalysisResult | null = null;
  const stored = await storeLawImport(ctx, jurisdictionId, imported, {
    ...(maxProvisions !== undefined ? { maxProvisions } : {}),
    ...(onProgress ? { onProgress } : {}),
    ...(framework
      ? {
          within: async (trx, result) => {
            analysis = await analyzeVersionIn(trx, actorLabel(ctx.actor), framework, result);
          },
        }
      : {}),
  });
  return { ...stored, format: chosen, analysis };
}
