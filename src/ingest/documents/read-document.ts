/**
 * One entry for every format: detect it from the content (the extension is only a hint), then hand the bytes to
 * that format's reader. Readers throw DOCUMENT_UNREADABLE naming the file; unknown content is FORMAT_UNSUPPORTED.
 */
import { DomainError } from '../../core/errors.ts';
import { detectFormat, looksLikeXml } from './detect.ts';
import { readAkn } from './readers/akn.ts';
import { readClml } from './readers/clml.ts';
import { readDocx } from './readers/docx.ts';
import { readHtml } from './readers/html.ts';
import { readJsonDocument } from './readers/json.ts';
import { readPdf } from './readers/pdf.ts';
import { readText } from './readers/text.ts';
import { readUslm } from './readers/uslm.ts';
import { readGenericXml } from './readers/xml-generic.ts';
import type { DocumentFormat, DocumentInput, DocumentReader, ReadDocument } from './types.ts';

const readers: Record<DocumentFormat, DocumentReader> = {
  text: readText,
  html: readHtml,
  pdf: readPdf,
  docx: readDocx,
  uslm: readUslm,
  akn: readAkn,
  clml: readClml,
  json: readJsonDocument,
};

/** Reads a file in the given format, or the one its content shows (`auto`). */
export async function readDocument(
  input: DocumentInput,
  format: DocumentFormat | 'auto' = 'auto',
): Promise<ReadDocument> {
  if (input.bytes.length === 0) {
    throw new DomainError('DOCUMENT_UNREADABLE', `${input.fileName}: the file is empty`, {
      file: input.fileName,
    });
  }
  const chosen = format === 'auto' ? detectFormat(input) : format;
  if (chosen === null) {
    throw new DomainError(
      'FORMAT_UNSUPPORTED',
      `${input.fileName}: unsupported format (not text, HTML, PDF, DOCX, USLM, Akoma Ntoso, CLML or JSON)`,
      { file: input.fileName },
    );
  }
  // XML of a schema lawgap has no reader for is read as text, block by block, never by rules for that schema.
  if (chosen === 'text' && format === 'auto' && looksLikeXml(input)) return readGenericXml(input);
  return readers[chosen](input);
}
