/**
 * The fallback for XML of schemas lawgap has no reader for: the text content, one line per block-level
 * element, handed to the plain-text splitter (core/laws/split-text.ts). No rules for any particular schema:
 * an element is a line of its own unless it is a known inline element (emphasis, links, spans…), so headings
 * such as `Section 3.` land on their own lines for the splitter to find. Streamed like the other XML readers.
 */
import { splitPlainText } from '../../../core/laws/split-text.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';
import { noText } from './xml-outcome.ts';
import { chunksOf, parseXml } from './xml-stream.ts';

/** Element names (lower case, any namespace) that stay inside the line of their parent. */
const inline = new Set([
  'a',
  'abbr',
  'b',
  'bold',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'emphasis',
  'font',
  'i',
  'ins',
  'italic',
  'inline',
  'kbd',
  'mark',
  'q',
  'ref',
  's',
  'small',
  'smallcaps',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'term',
  'u',
  'underline',
  'xref',
  'link',
  'date',
]);

/** Reads XML of any other schema as text (format `text`, with a note saying so). */
export async function readGenericXml(input: DocumentInput): Promise<ReadDocument> {
  const lines: string[] = [];
  let line: string[] = [];
  const endLine = () => {
    const text = line.join('').replace(/\s+/g, ' ').trim();
    if (text !== '') lines.push(text);
    line = [];
  };
  await parseXml(input.fileName, chunksOf(input.bytes), {
    open(el) {
      if (!inline.has(el.local.toLowerCase())) endLine();
    },
    close(el) {
      if (!inline.has(el.local.toLowerCase())) endLine();
    },
    text(t) {
      line.push(t);
    },
  });
  endLine();
  if (lines.length === 0) throw noText(input.fileName);
  // Blocks become paragraphs: the splitter joins lines of one paragraph, so each block ends with a blank line.
  const split = splitPlainText(lines.join('\n\n'), { documentCitation: input.fileName });
  return {
    format: 'text',
    title: split.title,
    citation: null,
    language: null,
    effectiveFrom: null,
    type: null,
    provisions: split.provisions,
    notes: ['read as generic XML text', ...split.notes],
  };
}
