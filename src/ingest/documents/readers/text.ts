/** Plain text and Markdown: strict UTF-8 (a BOM is dropped), split by headings (core/laws/split-text.ts). */
import { DomainError } from '../../../core/errors.ts';
import { splitPlainText } from '../../../core/laws/split-text.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';

/** Decodes strict UTF-8; throws DOCUMENT_UNREADABLE naming the byte offset of the first invalid sequence. */
export function decodeUtf8(input: DocumentInput): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input.bytes).replace(/^\uFEFF/, '');
  } catch {
    let offset = 0;
    // Find the first offset that does not decode, for the message.
    for (let end = 1; end <= input.bytes.length; end++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(input.bytes.subarray(0, end), { stream: true });
        offset = end;
      } catch {
        break;
      }
    }
    throw new DomainError(
      'DOCUMENT_UNREADABLE',
      `${input.fileName}: not valid UTF-8 at byte ${offset}; convert the file to UTF-8`,
      { file: input.fileName, offset },
    );
  }
}

/** Reads a text or Markdown file into provisions. */
export async function readText(input: DocumentInput): Promise<ReadDocument> {
  const text = decodeUtf8(input);
  const split = splitPlainText(text, { documentCitation: input.fileName });
  return {
    format: 'text',
    title: split.title,
    citation: null,
    language: null,
    effectiveFrom: null,
    type: null,
    provisions: split.provisions,
    notes: split.notes,
  };
}
