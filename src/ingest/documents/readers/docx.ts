/** PLACEHOLDER: the DOCX reader is being written; until then the format is refused. */
import { DomainError } from '../../../core/errors.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';

/** Reads a DOCX file into provisions. */
export async function readDocx(input: DocumentInput): Promise<ReadDocument> {
  throw new DomainError('FORMAT_UNSUPPORTED', `${input.fileName}: the DOCX reader is not available yet`, {
    file: input.fileName,
  });
}
