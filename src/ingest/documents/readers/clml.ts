/** PLACEHOLDER: the CLML reader is being written; until then the format is refused. */
import { DomainError } from '../../../core/errors.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';

/** Reads a CLML file into provisions. */
export async function readClml(input: DocumentInput): Promise<ReadDocument> {
  throw new DomainError('FORMAT_UNSUPPORTED', `${input.fileName}: the CLML reader is not available yet`, {
    file: input.fileName,
  });
}
