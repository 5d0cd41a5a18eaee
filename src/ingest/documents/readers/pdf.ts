/**
 * PDF through pdfjs-dist's legacy build (the Node one). No worker thread and no network: in Node pdfjs runs its
 * "fake worker" in this thread, importing `pdf.worker.mjs` beside `pdf.mjs` (the default `workerSrc`); fonts are
 * not loaded (`disableFontFace`), nothing is rendered, so no canvas is needed. Policy:
 * - Text items of each page are grouped into lines by their baseline (sorted top to bottom, then left to right);
 *   a space goes between items separated by a visible gap. A vertical gap clearly larger than the page's usual
 *   line spacing (or than 1.8 × the font size), or a change of font size, ends the paragraph. Lines of a
 *   paragraph are joined (hyphenation undone), so a wrapped `(a) of this article` or `section 1591.` does not
 *   open a provision; the break stays after a heading line and before a marker that follows a finished clause.
 * - Pages are joined with form feeds, so the splitter's cleaning drops repeated page headers, footers and page
 *   numbers and records the page each provision starts on (`pages` of the result: citation -> page). Page
 *   numbers never enter the provision text.
 * - Encrypted (password-protected) or corrupt files are DOCUMENT_UNREADABLE naming the file; a file with no
 *   text layer at all (a scan) is DOCUMENT_UNREADABLE saying OCR is needed.
 */
import { DomainError } from '../../../core/errors.ts';
import { joinLines } from '../../../core/laws/clean-text.ts';
import { flattenProvisions } from '../../../core/laws/types.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';
import { documentFromSplit, splitForReader } from './from-text.ts';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Line {
  y: number;
  size: number;
  text: string;
}

const startsLikeStructure =
  /^(?:\([0-9a-zA-Z]{1,4}\)|[a-z]\)|\d{1,3}\.\s|§|(?:section|sec\.|art\.|article|chapter|part|title|schedule)\s)/i;
const headingLike = /^(?:§|(?:section|sec\.|art\.|article|chapter|part|title|schedule)\s)/i;

/** Groups a page's text items into lines and lines into paragraphs (see the policy above). */
export function pageText(items: Item[]): string {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; items: Item[] }> = [];
  for (const item of sorted) {
    const last = lines.at(-1);
    const tolerance = Math.max(2, 0.5 * Math.min(item.size, last?.size ?? item.size));
    if (last && Math.abs(last.y - item.y) <= tolerance) {
      last.items.push(item);
      last.size = Math.max(last.size, item.size);
    } else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  const built: Line[] = lines.map((l) => {
    const parts = l.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const p of parts) {
      const gap = p.x - end;
      if (text !== '' && gap > 0.2 * p.size && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      text += p.str;
      end = Math.max(end, p.x + p.width);
    }
    return { y: l.y, size: l.size, text: text.replace(/\s+/g, ' ').trim() };
  });
  // Line spacing relative to the font size, so a wrapped large heading is not taken for a paragraph gap.
  const ratios = built
    .slice(1)
    .map((l, i) => ((built[i]?.y ?? 0) - l.y) / l.size)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  // The usual spacing: a low percentile, so pages of one-line paragraphs still show it.
  const usual = ratios[Math.floor(ratios.length * 0.2)] ?? 0;
  const paragraphs: Line[][] = [];
  built.forEach((l, i) => {
    const prev = built[i - 1];
    const gap = prev ? prev.y - l.y : 0;
    const sizeChange = prev ? Math.abs(prev.size - l.size) > 0.15 * Math.max(prev.size, l.size) : true;
    const newParagraph = (usual > 0 && gap / l.size > 1.3 * usual) || gap > 1.8 * l.size || sizeChange;
    if (newParagraph || paragraphs.length === 0) paragraphs.push([]);
    if (l.text !== '') paragraphs.at(-1)?.push(l);
  });
  const body = mostCommonSize(built);
  const out = paragraphs.filter((p) => p.length > 0).map((p) => paragraphText(p, body));
  return out.join('\n\n');
}

/** The font size most lines have (the body text). */
function mostCommonSize(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.size), (counts.get(Math.round(l.size)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * The lines of one paragraph as text: a larger-than-body paragraph (a heading) is one line; in body text lines
 * are joined (hyphenation undone) except before a line that starts a marker or heading after a line that ends
 * a clause, and after a heading line, where the splitter needs the line break.
 */
function paragraphText(lines: Line[], body: number): string {
  const texts = lines.map((l) => l.text);
  if (lines.every((l) => l.size > body * 1.1)) return texts.reduce((a, b) => joinLines(a, b));
  let out = texts[0] ?? '';
  for (const next of texts.slice(1)) {
    const last = out.slice(out.lastIndexOf('\n') + 1);
    const structural = startsLikeStructure.test(next) && /[.;:,—–-]$/.test(last);
    // A heading line wrapped in the middle (next line in lower case) goes on; otherwise the body starts.
    const afterHeading = headingLike.test(last) && !/^\p{Ll}/u.test(next);
    out = structural || afterHeading ? `${out}\n${next}` : joinLines(out, next);
  }
  return out;
}

function unreadable(input: DocumentInput, why: string): DomainError {
  return new DomainError('DOCUMENT_UNREADABLE', `${input.fileName}: ${why}`, { file: input.fileName });
}

/** Reads a PDF file into provisions. */
export async function readPdf(input: DocumentInput): Promise<ReadDocument> {
  // pdfjs is large (seconds to load on a busy machine): load it only when a PDF is read, not with every command.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (and may detach) the buffer it is given: pass a copy.
  const task = getDocument({
    data: new Uint8Array(input.bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    const name = (err as { name?: string }).name ?? '';
    if (name === 'PasswordException') {
      throw unreadable(input, 'the PDF is encrypted (password-protected); remove the password and try again');
    }
    throw unreadable(input, `not a readable PDF (${(err as Error).message ?? String(err)})`);
  }
  try {
    const pages: string[] = [];
    const failed: number[] = [];
    const blank: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const items: Item[] = [];
        for (const it of content.items) {
          if (!('str' in it)) continue;
          const t = it.transform as number[];
          const size = Math.abs(it.height) || Math.hypot(t[2] ?? 0, t[3] ?? 0) || 10;
          items.push({ str: it.str, x: t[4] ?? 0, y: t[5] ?? 0, width: it.width, size });
        }
        const text = pageText(items);
        if (text.trim() === '') blank.push(n);
        pages.push(text);
        page.cleanup();
      } catch {
        failed.push(n);
        pages.push('');
      }
    }
    if (failed.length === doc.numPages) throw unreadable(input, 'no page of the PDF could be read');
    if (pages.every((p) => p.trim() === '')) {
      throw unreadable(
        input,
        'the PDF has no text layer (a scanned image?): run OCR on it first (e.g. ocrmypdf) and import the result',
      );
    }
    const split = splitForReader(pages.join('\f'), input, 'the PDF has no text');
    // One page (no form feed): every provision starts on page 1.
    split.pages ??= Object.fromEntries(flattenProvisions(split.provisions).map((p) => [p.node.citation, 1]));
    const info = await doc.getMetadata().catch(() => null);
    const metaTitle = (info?.info as { Title?: unknown } | undefined)?.Title;
    const notes = [
      `read ${doc.numPages} page(s); the page each provision starts on is recorded beside the text (pages)`,
    ];
    if (failed.length > 0) notes.push(`page(s) ${failed.join(', ')} could not be read and were skipped`);
    if (blank.length > 0)
      notes.push(`page(s) ${blank.join(', ')} have no text layer (scanned?): their text is missing`);
    return documentFromSplit('pdf', split, {
      title: typeof metaTitle === 'string' ? metaTitle : null,
      notes,
    });
  } finally {
    await doc.destroy().catch(() => {});
  }
}
