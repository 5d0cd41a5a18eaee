/**
 * HTML (and DOCX through mammoth's HTML) into text lines for the plain-text splitter. Policy:
 * - Each block element (p, div, li, tr, headings, …) becomes its own paragraph; `br` breaks the line; inline
 *   text is joined with whitespace collapsed (kept inside `pre`). Entities are decoded by htmlparser2.
 * - `h1`–`h6` become markdown headings (`## Article 3`), so the splitter reads them as headings even without
 *   punctuation after the number, and a heading such as `Use of terms` after a bare `Article 3` is its heading.
 * - Items of an ordered list whose text does not start with a marker get one from the list's `type` and
 *   position (`(a)`, `(1)`, `(i)`), so generated numbering survives as citations.
 * - script, style, nav, noscript, template, iframe, object, svg and the head (except its title) are dropped.
 * - The title is `<title>`, else the first `<h1>`; the language is `<html lang>` when it looks like BCP 47.
 * - Bytes are strict UTF-8, unless a `<meta charset>` names windows-1252/ISO-8859-1 (read as windows-1252).
 */
import { Parser } from 'htmlparser2';
import { isLanguageTag } from '../../../core/laws/types.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';
import { documentFromSplit, splitForReader } from './from-text.ts';
import { decodeUtf8 } from './text.ts';

/** The text of an HTML document as lines, with its title and language. */
export interface HtmlText {
  text: string;
  title: string | null;
  language: string | null;
}

const dropped = new Set([
  'script',
  'style',
  'nav',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'head',
  'button',
  'select',
]);
const blocks = new Set([
  'p',
  'div',
  'li',
  'tr',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'dl',
  'ul',
  'ol',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'figure',
  'figcaption',
  'address',
  'hr',
  'body',
  'html',
  'form',
  'fieldset',
  'legend',
  'center',
]);
const markerStart = /^\s*(?:\([0-9a-zA-Z]{1,4}\)|[a-z]\)|\d{1,3}\.\s|§|Art)/;

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

function listMarker(type: string, n: number): string {
  if (type === 'a' || type === 'A') {
    const letter = String.fromCharCode((type === 'a' ? 97 : 65) + ((n - 1) % 26));
    return `(${letter})`;
  }
  if (type === 'i') return `(${roman(n)})`;
  if (type === 'I') return `(${roman(n).toUpperCase()})`;
  return `(${n})`;
}

/**
 * Reads HTML into text lines (see the policy above). Never throws: htmlparser2 recovers from any markup.
 * `untypedListMarkers: false` numbers only lists whose `type` is given (mammoth's lists carry no type, and a
 * guessed `(1)` for a Word list numbered `(a)` would be a wrong citation).
 */
export function htmlToText(html: string, options: { untypedListMarkers?: boolean } = {}): HtmlText {
  const untyped = options.untypedListMarkers ?? true;
  const paragraphs: string[] = [];
  let line = '';
  let skip = 0;
  let pre = 0;
  let heading = 0;
  let title: string | null = null;
  let inTitle = false;
  let titleText = '';
  let firstH1: string | null = null;
  let h1Text: string | null = null;
  let language: string | null = null;
  const lists: Array<{ ordered: boolean; type: string; n: number }> = [];
  let pendingMarker: string | null = null;

  const flush = () => {
    const text =
      pre > 0
        ? line.replace(/\s+$/, '').replace(/^\n+/, '')
        : line
            .split('\n')
            .map((l) => l.replace(/\s+/g, ' ').trim())
            .filter((l) => l !== '')
            .join('\n');
    if (text !== '') paragraphs.push(heading > 0 ? `${'#'.repeat(heading)} ${text}` : text);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'html' && attrs.lang && isLanguageTag(attrs.lang)) language = attrs.lang;
        if (name === 'title') {
          inTitle = true;
          return;
        }
        if (dropped.has(name)) skip++;
        if (skip > 0) return;
        if (/^h[1-6]$/.test(name)) {
          flush();
          heading = Number(name[1]);
          if (name === 'h1' && firstH1 === null) h1Text = '';
        } else if (blocks.has(name)) flush();
        if (name === 'pre') pre++;
        if (name === 'br') line += '\n';
        if (name === 'ol' || name === 'ul') {
          const start = Number(attrs.start ?? '1');
          lists.push({
            ordered: name === 'ol',
            type: attrs.type ?? (untyped ? '1' : ''),
            n: Number.isFinite(start) ? start - 1 : 0,
          });
        }
        if (name === 'li') {
          const list = lists.at(-1);
          if (list?.ordered && list.type !== '') {
            list.n++;
            pendingMarker = listMarker(list.type, list.n);
          }
        }
        if (name === 'td' || name === 'th') line += ' ';
      },
      ontext(data) {
        if (inTitle) {
          titleText += data;
          return;
        }
        if (skip > 0) return;
        if (pendingMarker !== null && data.trim() !== '') {
          if (line.trim() === '' && !markerStart.test(data)) line += `${pendingMarker} `;
          pendingMarker = null;
        }
        if (h1Text !== null) h1Text += data;
        line += data;
      },
      onclosetag(name) {
        if (name === 'title') {
          inTitle = false;
          title ??= titleText.replace(/\s+/g, ' ').trim() || null;
          return;
        }
        if (dropped.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip > 0) return;
        if (/^h[1-6]$/.test(name)) {
          // A line break inside a heading stays one heading line.
          line = line.replace(/\n/g, ' ');
          flush();
          heading = 0;
          if (name === 'h1' && h1Text !== null && firstH1 === null) {
            firstH1 = h1Text.replace(/\s+/g, ' ').trim() || null;
            h1Text = null;
          }
        } else if (blocks.has(name)) flush();
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (name === 'ol' || name === 'ul') lists.pop();
        if (name === 'li') pendingMarker = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  // Lines broken by `br` inside one block stay separate lines of the same paragraph.
  const text = paragraphs.map((p) => p.replace(/[ \t]*\n[ \t]*/g, '\n')).join('\n\n');
  return { text, title: title ?? firstH1, language };
}

/** Decodes HTML bytes: strict UTF-8, or windows-1252 when a meta charset says so. */
export function decodeHtml(input: DocumentInput): string {
  const head = new TextDecoder('latin1').decode(input.bytes.subarray(0, 4096));
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (charset && ['windows-1252', 'iso-8859-1', 'latin1', 'us-ascii', 'cp1252'].includes(charset)) {
    return new TextDecoder('windows-1252').decode(input.bytes);
  }
  return decodeUtf8(input);
}

/** Reads an HTML file into provisions. */
export async function readHtml(input: DocumentInput): Promise<ReadDocument> {
  const html = htmlToText(decodeHtml(input));
  const split = splitForReader(html.text, input, 'the HTML has no text');
  return documentFromSplit('html', split, { title: html.title, language: html.language });
}
