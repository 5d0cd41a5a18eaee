/**
 * Reading a document from a path on disk. USLM, Akoma Ntoso and CLML are streamed from the file through the
 * chunk readers (fs.createReadStream, 1 MiB at a time), so a whole US Code title is read in memory proportional
 * to the provisions it yields, never to its markup or its bytes; such a file may be up to
 * lawLimits.streamedFileBytes and hold up to lawLimits.streamedProvisions. Every other format (and XML of other
 * schemas) is read into memory as before and handed to readDocument, within the caller's byte limit.
 * The format is detected from the file's first 64 KiB, the same head readDocument looks at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../core/errors.ts';
import { lawLimits } from '../../core/laws/types.ts';
import { detectFormat } from './detect.ts';
import { readDocument } from './read-document.ts';
import { readAknChunks } from './readers/akn.ts';
import { readClmlChunks } from './readers/clml.ts';
import { readUslmChunks } from './readers/uslm.ts';
import type { XmlReadOptions } from './readers/xml-provisions.ts';
import type { DocumentFormat, DocumentInput, ReadDocument } from './types.ts';

/** The formats read as a stream from disk. */
const streamed = {
  uslm: readUslmChunks,
  akn: readAknChunks,
  clml: readClmlChunks,
} as const satisfies Record<
  string,
  (name: string, chunks: AsyncIterable<Uint8Array>, options: XmlReadOptions) => Promise<ReadDocument>
>;

/** One of the formats streamed from disk. */
export type StreamedFormat = keyof typeof streamed;

const headBytes = 64 * 1024;
const chunkBytes = 1024 * 1024;

/** How to open a file: its name in messages, and the byte limit of formats read whole. */
export interface OpenFileOptions {
  /** The name in messages and format hints (default: the path's base name). */
  fileName?: string;
  /** Bytes at most for a format read whole (default: no limit of its own; readers keep theirs). */
  maxBytes?: number;
}

/** A file ready to read: streamed (an XML format, only its size known) or its bytes already read. */
export type DocumentFile =
  | { streamed: true; path: string; fileName: string; format: StreamedFormat; size: number }
  | {
      streamed: false;
      path: string;
      fileName: string;
      input: DocumentInput;
      format: DocumentFormat | 'auto';
    };

/** What else a read hears: how many bytes have been read so far (per chunk). */
export interface ReadFileOptions {
  onChunk?: (bytesRead: number) => void;
}

function unreadable(fileName: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('DOCUMENT_UNREADABLE', `${fileName}: ${message}`, { file: fileName, ...details });
}

function isStreamed(format: string | null): format is StreamedFormat {
  return format !== null && format in streamed;
}

async function readHead(filePath: string, fileName: string): Promise<Uint8Array> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const buffer = new Uint8Array(headBytes);
    const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch (err) {
    throw unreadable(fileName, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close();
  }
}

/**
 * Opens a document file: checks it exists and is a file, picks the format (given, or detected from its head)
 * and, for a format that is not streamed, reads its bytes within `maxBytes`. Throws DOCUMENT_UNREADABLE for a
 * missing, unreadable, empty or oversized file (FORMAT_UNSUPPORTED is left to readDocument).
 */
export async function openDocumentFile(
  filePath: string,
  format: DocumentFormat | 'auto' = 'auto',
  options: OpenFileOptions = {},
): Promise<DocumentFile> {
  const fileName = options.fileName ?? path.basename(filePath);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw unreadable(fileName, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`);
  }
  if (!stat.isFile()) throw unreadable(fileName, 'not a file');
  if (stat.size === 0) throw unreadable(fileName, 'the file is empty');
  const head = await readHead(filePath, fileName);
  const chosen = format === 'auto' ? detectFormat({ fileName, bytes: head }) : format;
  if (isStreamed(chosen)) {
    if (stat.size > lawLimits.streamedFileBytes)
      throw tooLarge(fileName, stat.size, lawLimits.streamedFileBytes);
    return { streamed: true, path: filePath, fileName, format: chosen, size: stat.size };
  }
  if (options.maxBytes !== undefined && stat.size > options.maxBytes) {
    throw tooLarge(fileName, stat.size, options.maxBytes);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.promises.readFile(filePath));
  } catch (err) {
    throw unreadable(fileName, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { streamed: false, path: filePath, fileName, input: { fileName, bytes }, format };
}

function tooLarge(fileName: string, size: number, limit: number): DomainError {
  const mib = limit >= 1024 * 1024 ? ` (${Math.round((limit / 1024 / 1024) * 10) / 10} MiB)` : '';
  return unreadable(
    fileName,
    `the file has ${size} bytes, more than the ${limit}${mib} one import may read`,
    {
      size,
      limit,
    },
  );
}

/** The file's chunks from disk, counted against the streamed limit (a file may grow after it was opened). */
async function* fileChunks(file: Extract<DocumentFile, { streamed: true }>, options: ReadFileOptions) {
  let read = 0;
  const stream = fs.createReadStream(file.path, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      read += bytes.length;
      if (read > lawLimits.streamedFileBytes) {
        throw tooLarge(file.fileName, read, lawLimits.streamedFileBytes);
      }
      options.onChunk?.(read);
      yield new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw unreadable(file.fileName, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    stream.destroy();
  }
}

/** Reads an opened file: streamed through its XML reader (up to lawLimits.streamedProvisions), or its bytes. */
export async function readOpenedFile(
  file: DocumentFile,
  options: ReadFileOptions = {},
): Promise<ReadDocument> {
  if (!file.streamed) return readDocument(file.input, file.format);
  return streamed[file.format](file.fileName, fileChunks(file, options), {
    maxProvisions: lawLimits.streamedProvisions,
  });
}

/**
 * Reads a document from a path: USLM, Akoma Ntoso and CLML streamed from disk in bounded memory, every other
 * format read whole (within `maxBytes` when given). Throws as readDocument does, and DOCUMENT_UNREADABLE for a
 * missing, empty or oversized file.
 */
export async function readDocumentFile(
  filePath: string,
  format: DocumentFormat | 'auto' = 'auto',
  options: OpenFileOptions & ReadFileOptions = {},
): Promise<ReadDocument> {
  return readOpenedFile(await openDocumentFile(filePath, format, options), options);
}
