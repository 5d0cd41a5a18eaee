/**
 * Format detection from content. Binary signatures first (PDF, DOCX zip), then markup by its root element and
 * namespace, then JSON, then text. The extension only breaks ties (an `.html` fragment without `<html>`);
 * content that is none of these (other binaries, other zips) is null, which callers report as unsupported.
 */
import type { DocumentFormat, DocumentInput } from './types.ts';

const uslmNamespaces = ['http://xml.house.gov/schemas/uslm/1.0', 'http://schemas.gpo.gov/xml/uslm'];
const aknNamespaces = [
  'http://docs.oasis-open.org/legaldocml/ns/akn/3.0',
  'http://www.akomantoso.org/2.0',
  'http://www.akomantoso.org/3.0',
];
const clmlNamespace = 'http://www.legislation.gov.uk/namespaces/legislation';

function startsWith(bytes: Uint8Array, ascii: string, at = 0): boolean {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** UTF-16 shows itself by a BOM or by `<` beside a zero byte; null for everything else. */
function utf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0x3c && bytes[1] === 0x00)) return 'utf-16le';
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0x00 && bytes[1] === 0x3c)) return 'utf-16be';
  return null;
}

/** The first few KiB as text (BOM removed), enough to see a root element and its namespaces. */
function head(bytes: Uint8Array): string {
  const slice = bytes.subarray(0, 64 * 1024);
  const text = new TextDecoder(utf16(bytes) ?? 'utf-8').decode(slice);
  return text.replace(/^\uFEFF/, '');
}

/** True when the content is XML (a declaration or a root element first) that is not HTML. */
export function looksLikeXml(input: DocumentInput): boolean {
  if (!utf16(input.bytes) && looksBinary(input.bytes)) return false;
  const text = head(input.bytes).trimStart();
  if (/^<!DOCTYPE\s+html/i.test(text) || /^<html[\s>]/i.test(text)) return false;
  // An HTML void element first (`<meta charset>` above markdown, as in exported treaty texts) is not a root.
  if (/^<(meta|link|base|br|hr|img)[\s>/]/i.test(text)) return false;
  return /^<\?xml[\s?]/.test(text) || rootTag(text) !== null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 100;
}

/** The root element's start tag (after the XML declaration, comments, doctype and processing instructions). */
function rootTag(text: string): string | null {
  const stripped = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '').trimStart();
  const match = /^<([A-Za-z_][\w:.-]*)([^>]*)>/.exec(stripped);
  return match ? match[0] : null;
}

/** The format the content shows, or null when it is none that lawgap reads. */
export function detectFormat(input: DocumentInput): DocumentFormat | null {
  const { bytes, fileName } = input;
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    // A DOCX is a zip holding word/document.xml; the name appears in the zip's local or central headers.
    const names = new TextDecoder('latin1').decode(
      bytes.subarray(0, Math.min(bytes.length, 4 * 1024 * 1024)),
    );
    if (names.includes('word/document.xml') || names.includes('[Content_Types].xml')) {
      return names.includes('word/') ? 'docx' : null;
    }
    return null;
  }
  if (!utf16(bytes) && looksBinary(bytes)) return null;
  const text = head(bytes);
  const trimmed = text.trimStart();
  if (/^<!DOCTYPE\s+html/i.test(trimmed) || /^<html[\s>]/i.test(trimmed)) return 'html';
  if (trimmed.startsWith('<')) {
    const root = rootTag(trimmed);
    if (root) {
      if (uslmNamespaces.some((ns) => root.includes(ns))) return 'uslm';
      if (aknNamespaces.some((ns) => root.includes(ns)) || /^<(akn:)?akomaNtoso[\s>]/.test(root))
        return 'akn';
      if (root.includes(clmlNamespace)) return 'clml';
      if (/^<(html|body|div|p|h[1-6]|section|article)[\s>]/i.test(root) || ext === 'html' || ext === 'htm')
        return 'html';
      // Other XML is `text`: readDocument reads it through the generic XML fallback (see looksLikeXml).
      return 'text';
    }
  }
  // JSON only when the bracket opens a JSON value: markdown may start with a `[link](…)`.
  if (/^(?:\{\s*(?:"|\})|\[\s*(?:[-\d"[{\]]|true\b|false\b|null\b))/.test(trimmed)) return 'json';
  return 'text';
}
