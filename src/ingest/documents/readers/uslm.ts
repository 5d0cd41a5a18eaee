/** PLACEHOLDER: the USLM reader is being written; until then the format is refused. */
import { DomainError } from '../../../core/errors.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';

/** Reads a USLM file into provisions. */
export async function readUslm(input: DocumentInput): Promise<ReadDocument> {
  throw new DomainError('FORMAT_UNSUPPORTED', `${input.fileName}: the USLM reader is not available yet`, {
    file: input.fileName,
  });
}
