/**
 * The shared last step of the text-like readers (text, HTML, DOCX, PDF, generic JSON): split the text into
 * provisions with core/laws/split-text.ts and fill a ReadDocument. Text with nothing to read is refused as
 * DOCUMENT_UNREADABLE naming the file, so no reader lets the splitter's LAW_INVALID through.
 */
import { DomainError, isDomainError } from '../../../core/errors.ts';
import { type SplitText, splitPlainText } from '../../../core/laws/split-text.ts';
import type { DocumentFormat, DocumentInput, ReadDocument } from '../types.ts';

/** Splits text read from a file; `what` names what was empty in the refusal ("the file has no text"). */
export function splitForReader(text: string, input: DocumentInput, what = 'no text'): SplitText {
  try {
    return splitPlainText(text, { documentCitation: input.fileName });
  } catch (err) {
    if (isDomainError(err, 'LAW_INVALID')) {
      throw new DomainError('DOCUMENT_UNREADABLE', `${input.fileName}: ${what}`, { file: input.fileName });
    }
    throw err;
  }
}

/** A ReadDocument from split text and what the file said about itself. */
export function documentFromSplit(
  format: DocumentFormat,
  split: SplitText,
  extra: { title?: string | null; language?: string | null; notes?: string[] } = {},
): ReadDocument {
  return {
    format,
    title: extra.title?.trim() || split.title,
    citation: null,
    language: extra.language ?? null,
    effectiveFrom: null,
    type: null,
    provisions: split.provisions,
    notes: [...split.notes, ...(extra.notes ?? [])],
    ...(split.pages ? { pages: split.pages } : {}),
  };
}
