/**
 * Streaming XML for the document readers: bytes are decoded in chunks (strictly, in the encoding the file
 * declares) and fed to saxes, which calls back per element and text run. Nothing builds a DOM, so a whole US
 * Code title is read in memory proportional to the provisions produced, not to the markup. Malformed XML and
 * undecodable bytes become DOCUMENT_UNREADABLE naming the file and the line:column (or byte) where it broke.
 */
import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';
import { DomainError } from '../../../core/errors.ts';
import type { DocumentInput } from '../types.ts';

/** An element as the readers see it: local name, namespace URI and attribute lookup by qualified name. */
export interface XmlElement {
  local: string;
  uri: string;
  /** Attribute value by its qualified name (`value`, `eId`, `xml:lang`), or undefined. */
  attr(name: string): string | undefined;
}

/** What a reader does with the events of one file. Throwing from a callback stops the parse. */
export interface XmlHandler {
  open(el: XmlElement): void;
  close(el: XmlElement): void;
  text(text: string): void;
}

/** Bytes per chunk handed to the decoder and the parser. */
const chunkBytes = 1024 * 1024;

const supportedEncodings: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

function unreadable(fileName: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('DOCUMENT_UNREADABLE', `${fileName}: ${message}`, { file: fileName, ...details });
}

/**
 * The decoder label the file's bytes need: a BOM wins, then the XML declaration's `encoding`, then UTF-8.
 * Throws DOCUMENT_UNREADABLE for an encoding lawgap does not decode.
 */
export function xmlEncoding(fileName: string, bytes: Uint8Array): { label: string; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  // UTF-16 without a BOM shows `<` beside a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return { label: 'utf-16le', skip: 0 };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return { label: 'utf-16be', skip: 0 };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared === undefined) return { label: 'utf-8', skip: 0 };
  const label = supportedEncodings[declared];
  if (!label) {
    throw unreadable(
      fileName,
      `the XML declares encoding "${declared}", which lawgap does not read; convert the file to UTF-8`,
      {
        encoding: declared,
      },
    );
  }
  return { label, skip: 0 };
}

/** Splits bytes into chunks for streaming (views, no copies). */
export function* chunksOf(bytes: Uint8Array, size = chunkBytes): Iterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(bytes.length, at + size));
}

function elementOf(tag: SaxesTagNS): XmlElement {
  const attributes = tag.attributes as Record<string, SaxesAttributeNS>;
  return {
    local: tag.local,
    uri: tag.uri,
    attr: (name) => attributes[name]?.value,
  };
}

/**
 * Parses XML from byte chunks, calling the handler per event. The first chunk must hold the file's start (BOM
 * and declaration). Throws DOCUMENT_UNREADABLE on bad bytes, malformed XML, or a file with no root element.
 */
export async function parseXml(
  fileName: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  handler: XmlHandler,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failure: DomainError | null = null;
  const fail = (err: unknown) => {
    if (failure) return;
    if (err instanceof DomainError) failure = err;
    else {
      const reason = (err instanceof Error ? err.message : String(err)).replace(/^[^:]*:\d+:\d+: /, '');
      failure = unreadable(
        fileName,
        `malformed XML at line ${parser.line}, column ${parser.column + 1}: ${reason}`,
        { line: parser.line, column: parser.column + 1 },
      );
    }
  };
  let rootSeen = false;
  const stack: XmlElement[] = [];
  parser.on('error', (err) => {
    fail(err);
    throw failure;
  });
  parser.on('opentag', (tag) => {
    rootSeen = true;
    const el = elementOf(tag as SaxesTagNS);
    stack.push(el);
    handler.open(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el) handler.close(el);
  });
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));

  let decoder: TextDecoder | null = null;
  let bytesSeen = 0;
  let line = 1;
  const feed = (text: string) => {
    try {
      parser.write(text);
    } catch (err) {
      fail(err);
      throw failure;
    }
  };
  for await (const raw of chunks) {
    let chunk = raw;
    if (decoder === null) {
      const { label, skip } = xmlEncoding(fileName, chunk);
      decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
      chunk = chunk.subarray(skip);
      bytesSeen += skip;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw undecodable(fileName, decoder.encoding, chunk, bytesSeen, line);
    }
    bytesSeen += chunk.length;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
    feed(text);
  }
  if (decoder === null) throw unreadable(fileName, 'the file is empty');
  try {
    feed(decoder.decode());
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw unreadable(fileName, `the file ends inside a character that is not valid ${decoder.encoding}`);
  }
  try {
    parser.close();
  } catch (err) {
    fail(err);
    throw failure;
  }
  if (!rootSeen) throw unreadable(fileName, 'no XML element found');
}

/** DOCUMENT_UNREADABLE naming the first byte in the chunk that does not decode. */
function undecodable(fileName: string, encoding: string, chunk: Uint8Array, before: number, line: number) {
  let good = 0;
  const probe = new TextDecoder(encoding, { fatal: true });
  // Binary search the longest prefix that decodes (as a stream, so a cut character is not an error).
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      probe.decode(chunk.subarray(0, mid), { stream: false });
      good = mid;
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  const decoded = good > 0 ? new TextDecoder(encoding).decode(chunk.subarray(0, good)) : '';
  const atLine = line + (decoded.match(/\n/g)?.length ?? 0);
  const offset = before + good;
  return unreadable(
    fileName,
    `not valid ${encoding.toUpperCase()} at byte ${offset} (line ${atLine}); convert the file to ${encoding.toUpperCase()} or fix its encoding declaration`,
    { offset, line: atLine },
  );
}

/** Reads a file's bytes through the parser in chunks. */
export function parseXmlBytes(input: DocumentInput, handler: XmlHandler): Promise<void> {
  return parseXml(input.fileName, chunksOf(input.bytes), handler);
}
