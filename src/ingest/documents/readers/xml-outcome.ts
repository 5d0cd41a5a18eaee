/**
 * What the XML readers report besides provisions: one note counting the matter kept apart from operative text,
 * and the errors for a file with nothing to read or with the root element of another format.
 */
import { DomainError } from '../../../core/errors.ts';
import type { ProvisionNode } from '../../../core/laws/types.ts';
import type { ProvisionBuilder } from './xml-provisions.ts';
import type { XmlElement } from './xml-stream.ts';

/** Counts of skipped matter as one note, e.g. "kept apart from operative text: 39 source credits, 147 notes". */
export function skippedNote(skipped: Map<string, number>): string | null {
  const parts = [...skipped.entries()].filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`);
  return parts.length > 0
    ? `kept apart from the operative text (not imported as provisions): ${parts.join(', ')}`
    : null;
}

/** DOCUMENT_UNREADABLE for a well-formed file with no text to import (an empty document element). */
export function noText(fileName: string): DomainError {
  return new DomainError('DOCUMENT_UNREADABLE', `${fileName}: the document holds no text to import`, {
    file: fileName,
  });
}

/** DOCUMENT_UNREADABLE for a root element that is not the format the reader was asked to read. */
export function wrongRoot(fileName: string, format: string, el: XmlElement): DomainError {
  const where = el.uri === '' ? 'no namespace' : `namespace ${el.uri}`;
  return new DomainError(
    'DOCUMENT_UNREADABLE',
    `${fileName}: not ${format} (the root element is <${el.local}> in ${where}); choose another format or let lawgap detect it`,
    { file: fileName, root: el.local, namespace: el.uri },
  );
}

/** The builder's provisions and the reader notes (skipped matter); DOCUMENT_UNREADABLE when there are none. */
export function finishProvisions(
  fileName: string,
  builder: ProvisionBuilder,
): { provisions: ProvisionNode[]; notes: string[] } {
  const provisions = builder.finish();
  const notes: string[] = [];
  const skippedText = skippedNote(builder.skipped);
  if (skippedText) notes.push(skippedText);
  if (provisions.length === 0) throw noText(fileName);
  return { provisions, notes };
}
