/**
 * Plain text and Markdown, OCR'd text included: strict UTF-8 (a BOM is dropped), cleaned and split by headings
 * (core/laws/clean-text.ts, core/laws/split-text.ts, core/laws/headings.ts). Form feeds are page breaks: each
 * provision's page is kept. Markdown exported from HTML keeps its quirks readable: `###Article 1` (no space after
 * the hashes) is a heading, and a leading `<meta …>` or `<!-- … -->` line is skipped, never taken as the title.
 */
import { DomainError } from '../../../core/errors.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';
import { documentFromSplit, splitForReader } from './from-text.ts';

/** Decodes strict UTF-8; throws DOCUMENT_UNREADABLE naming the byte offset of the first invalid sequence. */
export function decodeUtf8(input: DocumentInput): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input.bytes).replace(/^\uFEFF/, '');
  } catch {
    // The longest prefix that decodes (in streaming mode) ends where the first invalid sequence starts; a prefix
    // of a valid prefix is valid, so a binary search finds it in O(n log n) rather than trying every length.
    let lo = 0;
    let hi = input.bytes.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(input.bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    // The prefix may end in an incomplete sequence (accepted while streaming): the error starts where it does.
    let offset = lo;
    for (let k = lo; k >= Math.max(0, lo - 3); k--) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(input.bytes.subarray(0, k));
        offset = k;
        break;
      } catch {}
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
  const split = splitForReader(decodeUtf8(input), input, 'the file has no text');
  return documentFromSplit('text', split);
}
