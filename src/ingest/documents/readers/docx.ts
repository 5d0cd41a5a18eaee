/**
 * DOCX through mammoth: the document becomes HTML (Word's Heading 1–6 styles become h1–h6), then it takes the
 * HTML path (readers/html.ts), so headings stay headings. Images are dropped (never inlined), external files
 * are never read. Word's automatic list numbering is not part of the text, so such list items keep no number;
 * numbers typed into the text (`(a)`, `1.`) are kept as written. A zip that is not a Word document, or is
 * damaged, is DOCUMENT_UNREADABLE naming the file.
 */
import type mammothTypes from 'mammoth';
import { DomainError } from '../../../core/errors.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';
import { documentFromSplit, splitForReader } from './from-text.ts';
import { htmlToText } from './html.ts';

/** Reads a DOCX file into provisions. */
export async function readDocx(input: DocumentInput): Promise<ReadDocument> {
  // mammoth is large: load it only when a DOCX is read, not with every command.
  const { default: mammoth } = await import('mammoth');
  let result: Awaited<ReturnType<typeof mammothTypes.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch (err) {
    throw new DomainError(
      'DOCUMENT_UNREADABLE',
      `${input.fileName}: not a readable DOCX (${(err as Error)?.message ?? String(err)})`,
      { file: input.fileName },
    );
  }
  const html = htmlToText(result.value, { untypedListMarkers: false });
  const split = splitForReader(html.text, input, 'the Word document has no text');
  const warnings = result.messages.filter((m) => m.type === 'warning' || m.type === 'error');
  const notes =
    warnings.length > 0
      ? [
          `the converter reported ${warnings.length} issue(s), e.g. ${warnings
            .slice(0, 3)
            .map((m) => m.message)
            .join('; ')}`,
        ]
      : [];
  return documentFromSplit('docx', split, { title: html.title, notes });
}
