/** PLACEHOLDER: the HTML reader is being written; until then the format is refused. */
import { DomainError } from '../../../core/errors.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';

/** Reads a HTML file into provisions. */
export async function readHtml(input: DocumentInput): Promise<ReadDocument> {
  throw new DomainError('FORMAT_UNSUPPORTED', `${input.fileName}: the HTML reader is not available yet`, {
    file: input.fileName,
  });
}
