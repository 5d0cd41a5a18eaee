/**
 * Cleaning of extracted or OCR'd text before it is split into provisions. Policy (conservative: text that is
 * not clearly noise is kept):
 * - Line endings, BOM, NFC, ligatures (ﬁ → fi) and soft hyphens are normalized; tabs and odd spaces are spaces.
 * - A form feed (`\f`) is a page break: pages are numbered from 1 and every line keeps its page, so the splitter
 *   can say which page a provision starts on. A page break inside a paragraph does not end the paragraph.
 * - Page furniture is removed only when clearly repeated: with page breaks, a line at the top or bottom of a
 *   page that recurs on at least three pages and on half of them, either unchanged or differing only in a
 *   number that moves with the page (`Page 3`, `Page 4`; not in a line ending like a sentence, nor in one that
 *   starts like a heading, whose first occurrence is kept anyway); without page breaks, lines such as `Page 3`, `Page 3 of 9` or `- 3 -` when at least three
 *   of them count upwards, and bare-number lines standing alone when at least three count up by one.
 * - A word hyphenated at a line end (`traf-` / `ficking`) is joined when the next line starts in lower case;
 *   the hyphen stays after a few prefixes that are usually real compounds (`self-`, `non-`, `co-`, …).
 */

/** The cleaned lines, each line's 1-based page, and how many lines of page furniture were removed. */
export interface CleanText {
  lines: string[];
  pages: number[];
  /** Number of pages (1 when the text has no form feed). */
  pageCount: number;
  removedFurniture: number;
  joinedHyphenations: number;
}

const ligatures: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};
const keptHyphenPrefixes = new Set([
  'self',
  'non',
  'co',
  'ex',
  'cross',
  'quasi',
  'semi',
  'anti',
  'well',
  'half',
]);
const pageLabel =
  /^(?:page|p\.|pág\.|página)\s*(\d{1,4})(?:\s*(?:of|de|sur|\/)\s*\d{1,4})?$|^[-–—]\s*(\d{1,4})\s*[-–—]$/i;
const bareNumber = /^(\d{1,4})$/;

const structureStart =
  /^(?:#+\s*)?(?:§|\(\w{1,4}\)|\d+[.)]|(?:section|sec|art|article|artículo|chapter|part|title|schedule)\b)/i;

/**
 * The text of a line as page furniture is compared: trimmed, spaces collapsed, digits replaced by `#` (so
 * `Page 3` and `Page 4` match), except for lines that start like a heading or marker (`Article 5` and
 * `Article 6` at the tops of pages are not a running header).
 */
function furnitureKey(line: string): string {
  const key = line.trim().replace(/\s+/g, ' ').toLowerCase();
  return structureStart.test(key) && !/^\d+$/.test(key) ? key : key.replace(/\d+/g, '#');
}

/** Indexes of the first and last two non-blank lines of each page. */
function pageEdges(lines: string[], pages: number[], pageCount: number): number[][] {
  const byPage: number[][] = Array.from({ length: pageCount }, () => []);
  lines.forEach((l, i) => {
    if (l.trim() !== '') byPage[(pages[i] ?? 1) - 1]?.push(i);
  });
  return byPage.map((idx) => [...new Set([...idx.slice(0, 2), ...idx.slice(-2)])]);
}

/** Marks repeated page-edge lines (page breaks known). */
function markPagedFurniture(lines: string[], pages: number[], pageCount: number, drop: Set<number>) {
  if (pageCount < 3) return;
  const edges = pageEdges(lines, pages, pageCount);
  const seenOn = new Map<string, Array<{ page: number; line: string }>>();
  edges.forEach((idx, page) => {
    for (const i of idx) {
      const line = (lines[i] ?? '').trim().replace(/\s+/g, ' ');
      const key = furnitureKey(line);
      if (key.length > 120) continue;
      const list = seenOn.get(key) ?? [];
      if (list.at(-1)?.page !== page) list.push({ page, line });
      seenOn.set(key, list);
    }
  });
  const threshold = Math.max(3, Math.ceil(pageCount / 2));
  const furniture = (key: string): boolean => {
    const seen = seenOn.get(key) ?? [];
    if (seen.length < threshold) return false;
    if (seen.every((s) => s.line === seen[0]?.line)) return true;
    // Lines that differ only in numbers are furniture when the number moves with the page (`Page 3`, `- 4 -`)
    // and the line does not end like a sentence (`Text of article 5.` at the foot of each page stays).
    if (/[.;:,]$/.test(key)) return false;
    const numbers = seen.map((s) => (s.line.match(/\d+/g) ?? []).map(Number));
    const positions = numbers[0]?.length ?? 0;
    for (let at = 0; at < positions; at++) {
      const moves = seen.every(
        (s, k) =>
          k === 0 ||
          (numbers[k]?.[at] ?? 0) - (numbers[k - 1]?.[at] ?? 0) === s.page - (seen[k - 1]?.page ?? 0),
      );
      if (moves) return true;
    }
    return false;
  };
  // A repeated heading-like line (a running head such as `Title 18 — Crimes`) keeps its first occurrence.
  const kept = new Set<string>();
  for (const idx of edges) {
    for (const i of idx) {
      const key = furnitureKey(lines[i] ?? '');
      if (!furniture(key)) continue;
      if (structureStart.test(key) && !/^\d+$/.test(key) && !kept.has(key)) kept.add(key);
      else drop.add(i);
    }
  }
}

/** True when the numbers count upwards, at least three of them, with no step back. */
function countsUp(numbers: number[], stepOne: boolean): boolean {
  if (numbers.length < 3) return false;
  for (let k = 1; k < numbers.length; k++) {
    const step = (numbers[k] ?? 0) - (numbers[k - 1] ?? 0);
    if (stepOne ? step !== 1 : step <= 0) return false;
  }
  return true;
}

/** Marks page-number lines in text without page breaks. */
function markUnpagedFurniture(lines: string[], drop: Set<number>) {
  const labelled: Array<{ i: number; n: number }> = [];
  const bare: Array<{ i: number; n: number }> = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const m = pageLabel.exec(line);
    if (m) labelled.push({ i, n: Number(m[1] ?? m[2]) });
    const b = bareNumber.exec(line);
    const alone = (lines[i - 1] ?? '').trim() === '' && (lines[i + 1] ?? '').trim() === '';
    if (b && alone) bare.push({ i, n: Number(b[1]) });
  });
  if (
    countsUp(
      labelled.map((x) => x.n),
      false,
    )
  )
    for (const x of labelled) drop.add(x.i);
  if (
    countsUp(
      bare.map((x) => x.n),
      true,
    )
  )
    for (const x of bare) drop.add(x.i);
}

/**
 * Blank lines at page edges are dropped, so a paragraph runs on across a page break; a page whose last line
 * ends a sentence (`.`, `;`, `:`) ends its paragraph there.
 */
function joinPages(lines: string[], pages: number[]): { lines: string[]; pages: number[] } {
  const outLines: string[] = [];
  const outPages: number[] = [];
  let from = 0;
  while (from < lines.length) {
    let to = from;
    while (to < lines.length && pages[to] === pages[from]) to++;
    let a = from;
    let b = to;
    while (a < b && (lines[a] ?? '').trim() === '') a++;
    while (b > a && (lines[b - 1] ?? '').trim() === '') b--;
    for (let i = a; i < b; i++) {
      outLines.push(lines[i] ?? '');
      outPages.push(pages[i] ?? 1);
    }
    if (b > a && /[.;:]\s*$/.test(lines[b - 1] ?? '')) {
      outLines.push('');
      outPages.push(pages[b - 1] ?? 1);
    }
    from = to;
  }
  return { lines: outLines, pages: outPages };
}

/**
 * Joins two lines of one paragraph: with a space, or without the hyphen when the first ends in a word broken
 * at the line end and the second goes on in lower case (the hyphen stays after `self-`, `non-`, …).
 */
export function joinLines(left: string, right: string): string {
  const m = /(^|[^\p{L}])(\p{L}*\p{Ll})-$/u.exec(left);
  if (m && /^\p{Ll}/u.test(right)) {
    return keptHyphenPrefixes.has((m[2] ?? '').toLowerCase())
      ? `${left}${right}`
      : `${left.slice(0, -1)}${right}`;
  }
  return `${left} ${right}`;
}

/** Cleans text into lines with their pages (see the policy above). */
export function cleanText(content: string): CleanText {
  const normalized = content
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/[\ufb00-\ufb06]/g, (c) => ligatures[c] ?? c)
    .replace(/\u00ad/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0\u2000-\u200b\v]/g, ' ');
  let lines: string[] = [];
  let pages: number[] = [];
  const rawPages = normalized.split('\f');
  rawPages.forEach((pageText, p) => {
    for (const l of pageText.split('\n')) {
      lines.push(l);
      pages.push(p + 1);
    }
  });
  const pageCount = rawPages.length;
  const drop = new Set<number>();
  if (pageCount > 1) markPagedFurniture(lines, pages, pageCount, drop);
  else markUnpagedFurniture(lines, drop);
  if (drop.size > 0) {
    lines = lines.filter((_, i) => !drop.has(i));
    pages = pages.filter((_, i) => !drop.has(i));
  }
  if (pageCount > 1) ({ lines, pages } = joinPages(lines, pages));
  // Join words hyphenated at a line end, when the next line continues the same paragraph in lower case.
  let joined = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    const m = /(^|[^\p{L}])(\p{L}*\p{Ll})-\s*$/u.exec(line);
    if (!m || !/^\s*\p{Ll}/u.test(next)) continue;
    const word = m[2] ?? '';
    const keep = keptHyphenPrefixes.has(word.toLowerCase());
    const nextWord = /^\s*(\S+)(.*)$/.exec(next);
    if (!nextWord) continue;
    lines[i] = `${line.replace(/-\s*$/, keep ? '-' : '')}${nextWord[1] ?? ''}`;
    lines[i + 1] = (nextWord[2] ?? '').trim();
    joined++;
    // An emptied next line would end the paragraph; drop it instead.
    if (lines[i + 1] === '') {
      lines.splice(i + 1, 1);
      pages.splice(i + 1, 1);
    }
  }
  return { lines, pages, pageCount, removedFurniture: drop.size, joinedHyphenations: joined };
}

/** What the cleaning removed or joined, for the person importing (nothing when it did nothing). */
export function cleanTextNotes(c: CleanText): string[] {
  const notes: string[] = [];
  if (c.removedFurniture > 0)
    notes.push(`removed ${c.removedFurniture} repeated page header/footer or page-number line(s)`);
  if (c.joinedHyphenations > 0) notes.push(`joined ${c.joinedHyphenations} word(s) hyphenated at a line end`);
  return notes;
}
