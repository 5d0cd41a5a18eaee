/** PLACEHOLDER: the JSON reader is being written; until then the format is refused. */
import { DomainError } from '../../../core/errors.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';

/** Reads a JSON file into provisions. */
export async function readJsonDocument(input: DocumentInput): Promise<ReadDocument> {
  throw new DomainError('FORMAT_UNSUPPORTED', `${input.fileName}: the JSON reader is not available yet`, {
    file: input.fileName,
  });
}
