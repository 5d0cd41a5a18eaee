/** PLACEHOLDER: the PDF reader is being written; until then the format is refused. */
import { DomainError } from '../../../core/errors.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';

/** Reads a PDF file into provisions. */
export async function readPdf(input: DocumentInput): Promise<ReadDocument> {
  throw new DomainError('FORMAT_UNSUPPORTED', `${input.fileName}: the PDF reader is not available yet`, {
    file: input.fileName,
  });
}
