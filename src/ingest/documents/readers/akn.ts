/** PLACEHOLDER: the Akoma Ntoso reader is being written; until then the format is refused. */
import { DomainError } from '../../../core/errors.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';

/** Reads a Akoma Ntoso file into provisions. */
export async function readAkn(input: DocumentInput): Promise<ReadDocument> {
  throw new DomainError(
    'FORMAT_UNSUPPORTED',
    `${input.fileName}: the Akoma Ntoso reader is not available yet`,
    {
      file: input.fileName,
    },
  );
}
