/**
 * Heading lines of plain-text statutes, for core/laws/split-text.ts. Policy:
 * - Word headings: containers (`Title 18`, `Part 2`, `Chapter 77`, `Schedule 1`, Spanish and French names) and
 *   sections (`§ 1591`, `Section 3`, `Sec. 3`, `Article 5`, `Art. 5`, `Artículo 5`). Numbers are kept as
 *   written, with letters and US state code separators (`§ 712-1202`, `Sec. 20A.02`, `Section 10-9-101`,
 *   `§ 18.2-357.1`, `Art. 273f`). After the number a heading line ends, or goes on with `.`, `:`, `—`, `–` or
 *   `-`; or, after a space, with a heading-like rest (`§ 5 Offence`, `Section 3 TRAFFICKING`, `Article 5
 *   Review`: a capital first, short, no terminal `.;:,`; after `§` any capitalised rest), or anything in a
 *   markdown heading. So "Section 3 of this Act applies." stays text, and so does a spaced heading on a line
 *   that goes on a sentence wrapped from the line before (which ends in a lower-case letter or a comma).
 * - A heading and a sentence on one line are split, the rest becoming body text: after an all-capitals
 *   heading (`Sec. 20A.01. DEFINITIONS. In this chapter:`), or before a first subsection (`§ 712-1202 Promoting
 *   hoarding. (1) A person …`). An all-capitals heading loses its closing full stop; a sentence-case one keeps
 *   it (it may be a sentence: `Section 2: Makers register.`).
 * - UK style: `3.—(1) Text` (dash), or `3.(1) Text` / `3. (1) Text` (only before `(1)`): the number opens
 *   section `s. 3` and the rest of the line is its body; a short unpunctuated line standing alone before it
 *   (a margin note / side heading) becomes its heading (handled by the splitter).
 * - Commonwealth numbered headings without a word (`3. Trafficking in persons`, `3A. Aggravated offence`,
 *   `**3 Trafficking in persons**`, `## 3 Trafficking in persons`, or with the body after `.—` on the same line:
 *   `3. Trafficking in persons.—(1) Whoever …`) are read only by `numberedSections`, over the whole document,
 *   because the same shape is a numbered list item inside a section. A line counts when it is heading-like
 *   (capital first, at most 100 characters and 14 words, no terminal `.;:,`; without the full stop after the
 *   number only in bold or a markdown heading); when the next non-blank line is a subsection marker or body
 *   text, not another such line (a run of them is an arrangement of sections, a table of contents) nor a
 *   heading (a heading with its body after `.—` needs no next line); and when the document has no word
 *   section headings (`Section 3`, `§ 3`, `Article 3`; UK `3.—(1)` lines do not count). Of those lines only
 *   the longest run of strictly increasing numbers is kept, and only if it has two (or one followed by `(1)`).
 *   `1. the person…` (lower case) and `1. A person who fails.` (full stop) are never headings.
 * - Code section numbers without a word (`609.281 DEFINITIONS.`, `940.302 Human trafficking.`: parts joined by
 *   `.` or `-`, then an all-capitals or heading-like rest, one closing full stop allowed) go through the same
 *   whole-document checks and are cited `§ 609.281`; numbers are ordered part by part (`3A` after `3`).
 */
import type { ProvisionKind } from './types.ts';

/** A heading line read: what it opens and how it is cited. */
export interface Heading {
  kind: ProvisionKind;
  citation: string;
  /** The number as written, for container repeats. */
  number: string;
  heading: string | null;
  /** Text that followed the number but is too long to be a heading. */
  text: string | null;
  /** The rest of the line to read as body text (UK-style `3.—(1) …`, `DEFINITIONS. In this chapter:`). */
  body?: string;
  /** Read from `§ 5 Offence` (a space, no punctuation): the splitter refuses it where a sentence runs on. */
  spaced?: boolean;
}

const sectionWords: Record<string, { kind: ProvisionKind; cite: string }> = {
  '§': { kind: 'section', cite: '§' },
  '§§': { kind: 'section', cite: '§' },
  'sec.': { kind: 'section', cite: 's.' },
  sec: { kind: 'section', cite: 's.' },
  'sect.': { kind: 'section', cite: 's.' },
  section: { kind: 'section', cite: 's.' },
  sección: { kind: 'section', cite: 's.' },
  'art.': { kind: 'article', cite: 'Art.' },
  art: { kind: 'article', cite: 'Art.' },
  article: { kind: 'article', cite: 'Art.' },
  artículo: { kind: 'article', cite: 'Art.' },
  articulo: { kind: 'article', cite: 'Art.' },
};
const containerWords: Record<string, { kind: ProvisionKind; cite: string }> = {
  title: { kind: 'title', cite: 'tit.' },
  título: { kind: 'title', cite: 'tit.' },
  titre: { kind: 'title', cite: 'tit.' },
  part: { kind: 'part', cite: 'pt.' },
  parte: { kind: 'part', cite: 'pt.' },
  partie: { kind: 'part', cite: 'pt.' },
  chapter: { kind: 'chapter', cite: 'ch.' },
  capítulo: { kind: 'chapter', cite: 'ch.' },
  chapitre: { kind: 'chapter', cite: 'ch.' },
  schedule: { kind: 'schedule', cite: 'sch.' },
};

const sectionLine =
  /^(§§?|sec\.|sect\.|sec(?=\s)|section|sección|art\.|art(?=\s)|article|artículo|articulo)\s*(\d+[a-z]{0,3}(?:[.-]\d+[a-z]{0,3})*(?:\s(?:bis|ter|quater|quinquies)\b)?|[IVX]{1,6}\b)(.*)$/iu;
/** Roman section numbers count only in capitals and up to XXXIX (`Article IV`, not `Article vi` or `Art. L`). */
const romanNumber = /^X{0,3}(?:IX|IV|V?I{0,3})$/;
/** UK style: `3.—(1) Text`, or `3.(1)` / `3. (1)` before subsection 1; the rest of the line is the body. */
const ukSectionLine = /^(\d+[A-Z]{0,3})\.(?:\s?[—–-]\s?(?=\()|\s?(?=\(1\)\s))(.*)$/u;
const containerLine =
  /^(title|título|titre|part|parte|partie|chapter|capítulo|chapitre|schedule)\s+(\d+[a-z]?|[ivxlc]+)(.*)$/iu;
/** A line that is only definitions' heading (`Definitions`, `Interpretation`, Spanish and French names). */
export const definitionsLine =
  /^(definitions|interpretation|definitions and interpretation|interpretation and definitions|general definitions|definiciones|définitions)\s*[.:]?$/iu;
/** A subsection marker at the start of a line: `(a)`, `(1)`, `(A)`, `(i)`, `a)` or `1.`. */
export const markerAtStart =
  /^(?:\(([0-9]{1,3}[a-z]?|[a-z]{1,4}|[A-Z]{1,4})\)|([a-z])\)|([0-9]{1,3})\.(?=\s))\s*/;
const longHeading = 200;
/** An all-capitals heading ending in a full stop, then the body on the same line. */
const capsThenBody = /^([A-Z][A-Z0-9 ,;'’&()/–—-]*[A-Z)])\.\s+(\S.*)$/u;
/** A heading ending in a full stop, then the first subsection on the same line (`Offence. (1) A person …`). */
const headingThenMarker = /^(\S.{1,118}?)\.\s+(\((?:1|a)\)\s.*)$/u;

/** True for a short line that reads like a heading: capital first, no terminal punctuation. */
export function headingLike(text: string, maxLength = 100): boolean {
  return (
    text.length > 0 &&
    text.length <= maxLength &&
    /^[\p{Lu}"“‘'(]/u.test(text) &&
    // Headings end without punctuation, except the abbreviation "etc." ("… by threat, force, etc.").
    (!/[.;:,]$/.test(text) || /,\s+etc\.$/.test(text)) &&
    text.split(/\s+/).length <= 14
  );
}

/** Reads a heading line; null when the line is not one. */
export function readHeading(line: string, markdown: boolean): Heading | null {
  const uk = ukSectionLine.exec(line);
  if (uk) {
    const number = uk[1] ?? '';
    return {
      kind: 'section',
      citation: `s. ${number}`,
      number,
      heading: null,
      text: null,
      body: uk[2] ?? '',
    };
  }
  for (const [pattern, words] of [
    [sectionLine, sectionWords],
    [containerLine, containerWords],
  ] as const) {
    const m = pattern.exec(line);
    if (!m) continue;
    const word = words[(m[1] ?? '').toLowerCase()];
    const number = m[2] ?? '';
    const rest = m[3] ?? '';
    if (!word) continue;
    if (words === sectionWords && /^[a-z]/i.test(number) && !romanNumber.test(number)) continue;
    let after: string;
    let spaced = false;
    if (rest.trim() === '') after = '';
    else if (/^\s*(?:[.:—–]|-(?=\s))/.test(rest)) after = rest.replace(/^\s*[.:—–-]+\s*/, '');
    else if (markdown && /^\s/.test(rest)) after = rest.trim();
    else if (/^\s/.test(rest) && spacedHeading(m[1] ?? '', rest.trim())) {
      after = rest.trim();
      spaced = true;
    } else continue;
    let body: string | undefined;
    const split = words === sectionWords ? (capsThenBody.exec(after) ?? headingThenMarker.exec(after)) : null;
    if (split) {
      after = split[1] ?? after;
      body = split[2];
    }
    // The closing full stop of an all-capitals heading (`HOARDING OF WIDGETS.`) is not part of it; a
    // sentence-case one may be a sentence (`Section 2: Makers register.`) and keeps it.
    if (body !== undefined || (/^[^.]+\.$/.test(after) && after === after.toUpperCase()))
      after = after.replace(/\.$/, '');
    const display = words === containerWords ? number.toUpperCase() : number.replace(/\s+/, ' ');
    const long = after.length > longHeading;
    return {
      kind: word.kind,
      citation: `${word.cite} ${display}`,
      number: display,
      heading: after === '' || long ? null : after,
      text: long ? after : null,
      ...(body !== undefined ? { body } : {}),
      ...(spaced ? { spaced } : {}),
    };
  }
  return null;
}

/**
 * Whether a spaced heading (`Article 16 Paragraph 2 …`) on a line is really the rest of a sentence wrapped
 * from the line before: that line is not blank, not a heading, and ends in a lower-case letter or a comma.
 */
export function wrappedSentence(previous: SplitLine | undefined): boolean {
  if (!previous || previous.line === '' || !/[\p{Ll},]$/u.test(previous.line)) return false;
  return readHeading(previous.line, previous.markdown) === null;
}

/** Whether the rest after `§ 5 ` / `Section 5 ` (a space, no punctuation) is a heading and not a sentence. */
function spacedHeading(word: string, rest: string): boolean {
  if (word.startsWith('§')) return /^\p{Lu}/u.test(rest);
  if (/\p{L}/u.test(rest) && rest === rest.toUpperCase()) return true;
  return headingLike(rest, 80);
}

/** A line as the splitter reads it: markdown `#` marks and `**bold**` around the whole line removed. */
export interface SplitLine {
  line: string;
  markdown: boolean;
  page: number;
}

/** Markdown heading marks, with or without the space (`### Article 1`, `###Article 1`). */
const markdownMarks = /^\s*(?:#{1,6}\s+|#{2,6}(?=[^#\s])|#(?=\p{Lu}))/u;
/** A line wholly in bold (`**3 Offences**`, `__3 Offences__`). */
const boldLine = /^\s*(\*\*|__)(.+?)\1\s*$/;

/** Reads one raw line: strips markdown marks and whole-line bold (both mark a heading). */
export function toSplitLine(raw: string, page: number): SplitLine {
  let markdown = markdownMarks.test(raw);
  let line = raw.replace(markdownMarks, '');
  const bold = boldLine.exec(line);
  if (bold) {
    markdown = true;
    line = bold[2] ?? line;
  }
  return { line: line.replace(/ {2,}/g, ' ').trim(), markdown, page };
}

/** Lines that are only markup: `<meta …>`, `<!DOCTYPE …>`, `<?xml …?>`, `<link …>`, `<!-- … -->`. */
const markupLine = /^\s*(?:<(?:meta|link|!doctype|\?xml)\b[^>]*>|<!--.*?-->)\s*$/i;

/** Indexes of lines that carry only markup (HTML comments may span lines), to be skipped. */
export function markupLines(lines: string[]): Set<number> {
  const out = new Set<number>();
  let inComment = false;
  lines.forEach((l, i) => {
    if (inComment) {
      out.add(i);
      if (l.includes('-->')) inComment = false;
    } else if (markupLine.test(l)) out.add(i);
    else if (/^\s*<!--/.test(l) && !l.includes('-->')) {
      inComment = true;
      out.add(i);
    }
  });
  return out;
}

const numberedLine = /^(\d{1,4})([A-Z]{0,3})(\.?)\s+(.+)$/u;
/** `Punishment for trafficking.—(1) Whoever …`: the heading ends in `.—` (or `:—`, `.-`) and the body follows. */
const headingThenDash = /^([^.:—–]{2,118}?)[.:]\s?(?:[—–]|--?)\s?(\S.*)$/u;
/** A code section number without a word (`609.281 DEFINITIONS.`, `940.302 Human trafficking.`). */
const codeNumberLine = /^(\d{1,4}[A-Z]{0,2}(?:[.-]\d+[A-Za-z]{0,3}){1,3})\.?\s+(.+)$/u;

/**
 * Sort key of a section number: its parts, a letter adding a fraction (`3A` after `3`, before `4`). A part after
 * `.` counts as a decimal fraction in code numbers (`609.2821` before `609.283`) when the part before it has
 * three digits or the part has a leading zero (`20A.02`); otherwise as a whole number (`1.2` before `1.10`).
 */
function numberKey(number: string): number[] {
  const parts = [...number.matchAll(/([.-]?)(\d+)([A-Za-z]*)/g)];
  const decimal = (parts[0]?.[2] ?? '').length >= 3;
  return parts.map(([, sep, digits = '', letters = '']) => {
    const fraction = letters === '' ? 0 : (letters.toLowerCase().charCodeAt(0) - 96) / 100;
    if (sep === '.' && (decimal || digits.startsWith('0'))) return Number(`0.${digits}`) + fraction / 100;
    return Number(digits) + fraction;
  });
}

function keyBefore(a: number[], b: number[]): boolean {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k] ?? -1;
    const y = b[k] ?? -1;
    if (x !== y) return x < y;
  }
  return false;
}

interface Candidate {
  key: number[];
  heading: Heading;
}

/** A candidate numbered heading, before the whole-document checks. */
function numberedCandidate(l: SplitLine): Candidate | null {
  const code = codeNumberLine.exec(l.line);
  if (code) {
    const [, number = '', rest = ''] = code;
    const heading = rest.replace(/(?<=[^.])\.$/, '');
    const caps = /\p{L}/u.test(heading) && heading === heading.toUpperCase() && heading.length <= 100;
    if (!caps && !headingLike(heading)) return null;
    return {
      key: numberKey(number),
      heading: { kind: 'section', citation: `§ ${number}`, number, heading, text: null },
    };
  }
  const m = numberedLine.exec(l.line);
  if (!m) return null;
  const [, digits = '', letters = '', dot = '', text = ''] = m;
  if (dot === '' && !l.markdown) return null;
  const inline = dot === '.' ? headingThenDash.exec(text) : null;
  const heading = inline ? (inline[1] ?? '') : text.replace(/(?<=[^.:])[.:]\s?(?:[—–]|--?)$/u, '');
  if (!headingLike(heading) || markerAtStart.test(heading)) return null;
  const number = `${digits}${letters}`;
  const body = inline ? { body: inline[2] ?? '' } : {};
  return {
    key: numberKey(number),
    heading: { kind: 'section', citation: `s. ${number}`, number, heading, text: null, ...body },
  };
}

/**
 * Commonwealth numbered section headings (`3. Trafficking in persons`) by line index, decided over the whole
 * document (see the policy above); empty when the document does not use them.
 */
export function numberedSections(lines: SplitLine[]): Map<number, Heading> {
  const found = new Map<number, Heading>();
  const candidates: Array<Candidate & { i: number; firstSub: boolean }> = [];
  const nextLine = (i: number): SplitLine | null => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j]?.line) return lines[j] ?? null;
    return null;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l || l.line === '') continue;
    const word = readHeading(l.line, l.markdown);
    const sectionWord = word && (word.kind === 'section' || word.kind === 'article');
    // A word heading (not a UK `3.—(1)` line) means the document numbers its sections with words.
    if (sectionWord && !ukSectionLine.test(l.line) && !(word.spaced && wrappedSentence(lines[i - 1])))
      return found;
    const c = numberedCandidate(l);
    if (!c) continue;
    const next = nextLine(i);
    const alone = c.heading.body === undefined;
    if (alone && (!next || numberedCandidate(next) || readHeading(next.line, next.markdown))) continue;
    candidates.push({ i, ...c, firstSub: /^\(1\)\s/.test(c.heading.body ?? next?.line ?? '') });
  }
  // Longest strictly increasing run of numbers (patience sorting, O(n log n)).
  const tails: number[] = [];
  const prev: number[] = candidates.map(() => -1);
  candidates.forEach((c, a) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyBefore(candidates[tails[mid] ?? 0]?.key ?? [], c.key)) lo = mid + 1;
      else hi = mid;
    }
    prev[a] = lo > 0 ? (tails[lo - 1] ?? -1) : -1;
    tails[lo] = a;
  });
  const chain: number[] = [];
  for (let k = tails.at(-1) ?? -1; k >= 0; k = prev[k] ?? -1) chain.unshift(k);
  const only = chain.length === 1 ? candidates[chain[0] ?? 0] : undefined;
  if (chain.length < 2 && !only?.firstSub) return found;
  for (const k of chain) {
    const c = candidates[k];
    if (c) found.set(c.i, c.heading);
  }
  return found;
}
