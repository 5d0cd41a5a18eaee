/**
 * Plain-text statutes into a provision tree. Policy:
 * - Container headings (`Title 18`, `Part 2`, `Chapter 77`, `Schedule 1`, and their Spanish and French names)
 *   and section headings (`§ 1591`, `Section 3`, `Sec. 20A.02`, `§ 712-1202`, `Article 5`, `Art. 5`,
 *   `Artículo 5`) start provisions; Commonwealth numbered headings (`3. Trafficking in persons`) do when the
 *   whole document reads as using them. What counts as a heading line, and why a sentence such as "Section 3
 *   of this Act applies" or a numbered list item (`1. the person…`) stays text, is set out in headings.ts.
 * - Markdown heading marks (`### Article 1`, also `###Article 1` without the space) and whole-line bold are
 *   removed; lines that are only markup (`<meta …>`, `<!-- … -->`) are skipped, so they never become the title.
 * - A heading that repeats one already open (the same container, or the same section within the same
 *   containers) continues it: chunked sources repeat headings at chunk boundaries, and they are merged.
 * - Inside a section, lines starting with `(a)`, `(1)`, `(A)`, `(i)`, `(I)`, `a)` or `1.` start subsections.
 *   Levels follow the order in which marker styles appear, so both `(a)(1)(A)` and `(1)(a)(i)` nest; `(i)`
 *   after `(h)` is a letter, elsewhere a roman numeral.
 * - The first line is the title when it is not a heading; other text before the first heading is a preamble.
 * - Text with no recognizable heading at all becomes one provision (kind `document`) citing the document, with
 *   a warning: nothing is lost, and the person importing is told.
 * - Lines inside a paragraph are joined with spaces (hard wrapping removed); paragraphs are kept.
 * - UK-style numbered sections (`3.—(1) Text`, `3.-(1)`, `3.(1)`) start section `s. 3` whose line goes on as
 *   `(1)`; a short unpunctuated line standing alone just before one (a side heading or margin note) becomes its
 *   heading.
 * - A line that is only `Definitions` or `Interpretation` (or `Definitions and interpretation`, Spanish and
 *   French names) heads the next section when one follows at once (and has no heading of its own); otherwise
 *   it opens an unnumbered provision cited `Definitions` (or `Interpretation`), so definitions stay citable.
 * - OCR and extraction noise (page furniture, hyphenation at line ends, form feeds) is cleaned first
 *   (core/laws/clean-text.ts); with form feeds, the page each provision starts on is returned in `pages`.
 */
import { DomainError } from '../errors.ts';
import { cleanText, cleanTextNotes } from './clean-text.ts';
import {
  definitionsLine,
  type Heading,
  markerAtStart,
  markupLines,
  numberedSections,
  readHeading,
  type SplitLine,
  toSplitLine,
  wrappedSentence,
} from './headings.ts';
import type { ProvisionKind, ProvisionNode } from './types.ts';

/** The provision tree, the title when the text starts with one, and what the splitter had to guess. */
export interface SplitText {
  title: string | null;
  provisions: ProvisionNode[];
  /** Repeated headings merged into the provision they repeat. */
  mergedHeadings: number;
  /** What the splitter had to decide, for the person importing. */
  notes: string[];
  /** Citation -> 1-based page the provision starts on; null when the text has no page breaks. */
  pages: Record<string, number> | null;
}

interface Draft {
  node: ProvisionNode;
  paragraphs: string[];
  /** The next line should become the heading (a heading line that gave only a number). */
  awaitsHeading: boolean;
}

const subsectionKinds: ProvisionKind[] = ['subsection', 'paragraph', 'subparagraph', 'clause', 'subclause'];

type MarkerStyle = 'number' | 'number-dot' | 'lower' | 'lower-roman' | 'upper' | 'upper-roman';

function letterBefore(label: string): string {
  return String.fromCharCode(label.charCodeAt(0) - 1);
}

/** Splits plain text into provisions (see the policy above). Throws LAW_INVALID on empty text. */
export function splitPlainText(content: string, options: { documentCitation: string }): SplitText {
  const cleaned = cleanText(content);
  const lines: SplitLine[] = [];
  const markup = markupLines(cleaned.lines);
  cleaned.lines.forEach((raw, i) => {
    // Chunk banners (`===== FILE: … =====`), horizontal rules and markup-only lines carry no text.
    if (/^\s*={3,}.*={3,}\s*$/.test(raw) || /^\s*([-=*_])\1{2,}\s*$/.test(raw) || markup.has(i)) return;
    lines.push(toSplitLine(raw, cleaned.pages[i] ?? 1));
  });
  if (lines.every((l) => l.line === '')) {
    throw new DomainError('LAW_INVALID', 'the text is empty', { field: 'content' });
  }
  const paged = cleaned.pageCount > 1;
  const numbered = numberedSections(lines);
  const startPage = new Map<ProvisionNode, number>();
  let page = 1;
  /** A side heading waiting for the section heading on the next line. */
  let pendingHeading: string | null = null;
  /** The next non-blank line after `i`, read as a heading (or null). */
  const headingAfter = (i: number): Heading | null => {
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j];
      if (next && next.line !== '') return readHeading(next.line, next.markdown);
    }
    return null;
  };

  const top: ProvisionNode[] = [];
  const drafts = new Map<ProvisionNode, Draft>();
  const containers: Array<{ kind: ProvisionKind; number: string; draft: Draft }> = [];
  let section: Draft | null = null;
  let levels: Array<{ style: MarkerStyle; label: string; draft: Draft }> = [];
  let current: Draft | null = null;
  let title: string | null = null;
  let preamble: Draft | null = null;
  let paragraphOpen = false;
  /** Whether the line after the title continued its paragraph (only matters when nothing is a heading). */
  let titleJoined = false;
  let sawHeading = false;
  let mergedHeadings = 0;
  const byKey = new Map<string, Draft>();
  const usedCitations = new Set<string>();

  const open = (node: Omit<ProvisionNode, 'children'>, parent: Draft | null): Draft => {
    const draft: Draft = { node: { ...node, children: [] }, paragraphs: [], awaitsHeading: false };
    (parent ? parent.node.children : top).push(draft.node);
    startPage.set(draft.node, page);
    drafts.set(draft.node, draft);
    return draft;
  };
  const freeCitation = (wanted: string, parent: Draft | null): string => {
    let citation = wanted;
    if (usedCitations.has(citation) && parent) citation = `${parent.node.citation}, ${wanted}`;
    for (let n = 2; usedCitations.has(citation); n++) citation = `${wanted} [${n}]`;
    usedCitations.add(citation);
    return citation;
  };
  const containerPath = () => containers.map((c) => c.draft.node.citation).join(', ');

  const startSection = (h: Heading): Draft => {
    const parent = containers.at(-1)?.draft ?? null;
    const key = `${containerPath()}|${h.citation}`;
    const known = byKey.get(key);
    if (known) {
      mergedHeadings++;
      if (known !== section) levels = [];
      return known;
    }
    levels = [];
    const draft = open(
      { kind: h.kind, citation: freeCitation(h.citation, parent), heading: h.heading, text: '' },
      parent,
    );
    draft.awaitsHeading = h.heading === null && h.text === null;
    if (h.text) draft.paragraphs.push(h.text);
    byKey.set(key, draft);
    return draft;
  };

  /** Opens a container; null when the heading repeats the open one (which then simply goes on). */
  const startContainer = (h: Heading): Draft | null => {
    const at = containers.findIndex((c) => c.kind === h.kind);
    if (at >= 0 && containers[at]?.number === h.number) {
      mergedHeadings++;
      return null;
    }
    if (at >= 0) containers.length = at;
    const parent = containers.at(-1)?.draft ?? null;
    const citation = freeCitation(h.citation, parent);
    const draft = open({ kind: h.kind, citation, heading: h.heading, text: '' }, parent);
    draft.awaitsHeading = h.heading === null && h.text === null;
    if (h.text) draft.paragraphs.push(h.text);
    containers.push({ kind: h.kind, number: h.number, draft });
    section = null;
    levels = [];
    return draft;
  };

  const styleOf = (label: string, dotted: boolean): MarkerStyle => {
    if (dotted) return 'number-dot';
    if (/^[0-9]/.test(label)) return 'number';
    const upper = label === label.toUpperCase();
    const family: MarkerStyle = upper ? 'upper' : 'lower';
    const roman: MarkerStyle = upper ? 'upper-roman' : 'lower-roman';
    if (!/^[ivxlcdm]+$/i.test(label)) return family;
    const letterLevel = levels.find((l) => l.style === family);
    if (label.length === 1 && letterLevel && letterLevel.label === letterBefore(label)) return family;
    if (label.length === 1 && !/^[ivx]$/i.test(label)) return family;
    return roman;
  };

  const startMarker = (label: string, dotted: boolean, owner: Draft): Draft => {
    const style = styleOf(label, dotted);
    const at = levels.findIndex((l) => l.style === style);
    if (at >= 0) levels = levels.slice(0, at);
    const parent = levels.at(-1)?.draft ?? owner;
    const citation = `${parent.node.citation}(${label})`;
    const existing = parent.node.children.find((c) => c.citation === citation);
    let draft = existing ? drafts.get(existing) : undefined;
    if (draft) mergedHeadings++;
    else {
      const kind = subsectionKinds[levels.length] ?? 'item';
      draft = open({ kind, citation, heading: null, text: '' }, parent);
    }
    levels.push({ style, label, draft });
    return draft;
  };

  const addText = (draft: Draft, text: string) => {
    if (text === '') return;
    if (draft.awaitsHeading) {
      draft.awaitsHeading = false;
      if (text.length <= 120 && !/[.;:,]$/.test(text) && !markerAtStart.test(text)) {
        draft.node.heading = text;
        return;
      }
    }
    if (paragraphOpen && draft.paragraphs.length > 0) {
      draft.paragraphs[draft.paragraphs.length - 1] += ` ${text}`;
    } else draft.paragraphs.push(text);
    paragraphOpen = true;
  };

  for (let i = 0; i < lines.length; i++) {
    const { line: lineText, markdown, page: linePage } = lines[i] ?? { line: '', markdown: false, page };
    let line = lineText;
    page = linePage;
    if (line === '') {
      paragraphOpen = false;
      continue;
    }
    let heading = numbered.get(i) ?? readHeading(line, markdown);
    if (heading?.spaced && wrappedSentence(lines[i - 1]) && !numbered.has(i - 1)) heading = null;
    if (!heading && !(current?.awaitsHeading ?? false)) {
      const next = headingAfter(i);
      const nextBare = next !== null && next.heading === null && next.text === null;
      // The document's first line stays its title, even right before a UK-style section.
      const titleLine = !sawHeading && title === null && preamble === null;
      const sideHeading =
        next?.body !== undefined &&
        !paragraphOpen &&
        !titleLine &&
        line.length <= 120 &&
        !/[.;:,]$/.test(line);
      if (nextBare && (sideHeading || definitionsLine.test(line)) && !markerAtStart.test(line)) {
        pendingHeading = line.replace(/\s*[.:]$/, '');
        continue;
      }
      if (definitionsLine.test(line) && next === null) {
        const name = line.replace(/\s*[.:]$/, '');
        const first = name.split(' ')[0] ?? name;
        const word = `${first.charAt(0).toUpperCase()}${first.slice(1).toLowerCase()}`;
        heading = { kind: 'section', citation: word, number: word, heading: name, text: null };
      }
    }
    if (heading) {
      sawHeading = true;
      paragraphOpen = false;
      if (pendingHeading !== null && heading.heading === null && heading.text === null) {
        heading = { ...heading, heading: pendingHeading };
      }
      pendingHeading = null;
      if (heading.kind === 'section' || heading.kind === 'article') {
        section = startSection(heading);
        current = section;
      } else current = startContainer(heading) ?? current;
      if (heading.body === undefined || heading.body.trim() === '') continue;
      line = heading.body.trim();
    }
    if (!sawHeading && title === null && preamble === null && !markerAtStart.test(line)) {
      if (line.length <= 300) {
        title = line;
        paragraphOpen = true;
        continue;
      }
    }
    if (title !== null && preamble === null && !sawHeading) titleJoined = paragraphOpen;
    if (section) {
      let rest = line;
      let owner: Draft = section;
      for (let m = markerAtStart.exec(rest); m; m = markerAtStart.exec(rest)) {
        const label = m[1] ?? m[2] ?? m[3] ?? '';
        owner = startMarker(label, m[3] !== undefined, section);
        current = owner;
        paragraphOpen = false;
        rest = rest.slice(m[0].length);
      }
      addText(current ?? section, rest.trim());
      continue;
    }
    if (!current) {
      preamble ??= open({ kind: 'preamble', citation: 'preamble', heading: null, text: '' }, null);
      current = preamble;
    }
    addText(current, line);
  }

  for (const d of drafts.values()) d.node.text = d.paragraphs.join('\n\n');
  const pages: Record<string, number> | null = paged ? {} : null;
  if (pages) for (const [node, p] of startPage) pages[node.citation] = p;
  if (!sawHeading) {
    const rest = top.map((n) => n.text).join('\n\n');
    const body = title === null ? rest : rest === '' ? title : `${title}${titleJoined ? ' ' : '\n\n'}${rest}`;
    return {
      title: null,
      provisions: [
        { kind: 'document', citation: options.documentCitation, heading: null, text: body, children: [] },
      ],
      mergedHeadings: 0,
      notes: [
        'no section headings were recognized: the text was imported as one provision',
        ...cleanTextNotes(cleaned),
      ],
      pages: paged ? { [options.documentCitation]: 1 } : null,
    };
  }
  const notes =
    mergedHeadings > 0
      ? [`merged ${mergedHeadings} repeated heading(s) into the provisions they repeat`]
      : [];
  return { title, provisions: top, mergedHeadings, notes: [...notes, ...cleanTextNotes(cleaned)], pages };
}
