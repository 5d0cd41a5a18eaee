/**
 * Plain-text statutes into a provision tree. Policy:
 * - Container headings (`Title 18`, `Part 2`, `Chapter 77`, `Schedule 1`, and their Spanish and French names)
 *   and section headings (`§ 1591`, `Section 3`, `Sec. 3`, `Article 5`, `Art. 5`, `Artículo 5`) start
 *   provisions. A heading line must end after the number or continue with `.`, `:`, `—`, `–` or `-` (or be a
 *   markdown heading), so a sentence such as "Section 3 of this Act applies" stays text.
 * - A heading that repeats one already open (the same container, or the same section within the same
 *   containers) continues it: chunked sources repeat headings at chunk boundaries, and they are merged.
 * - Inside a section, lines starting with `(a)`, `(1)`, `(A)`, `(i)`, `(I)`, `a)` or `1.` start subsections.
 *   Levels follow the order in which marker styles appear, so both `(a)(1)(A)` and `(1)(a)(i)` nest; `(i)`
 *   after `(h)` is a letter, elsewhere a roman numeral.
 * - The first line is the title when it is not a heading; other text before the first heading is a preamble.
 * - Text with no recognizable heading at all becomes one provision (kind `document`) citing the document, with
 *   a warning: nothing is lost, and the person importing is told.
 * - Lines inside a paragraph are joined with spaces (hard wrapping removed); paragraphs are kept.
 */
import { DomainError } from '../errors.ts';
import type { ProvisionKind, ProvisionNode } from './types.ts';

/** The provision tree, the title when the text starts with one, and what the splitter had to guess. */
export interface SplitText {
  title: string | null;
  provisions: ProvisionNode[];
  /** Repeated headings merged into the provision they repeat. */
  mergedHeadings: number;
  /** What the splitter had to decide, for the person importing. */
  notes: string[];
}

interface Draft {
  node: ProvisionNode;
  paragraphs: string[];
  /** The next line should become the heading (a heading line that gave only a number). */
  awaitsHeading: boolean;
}

const sectionWords: Record<string, { kind: ProvisionKind; cite: string }> = {
  '§': { kind: 'section', cite: '§' },
  '§§': { kind: 'section', cite: '§' },
  'sec.': { kind: 'section', cite: 's.' },
  section: { kind: 'section', cite: 's.' },
  sección: { kind: 'section', cite: 's.' },
  'art.': { kind: 'article', cite: 'Art.' },
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
  /^(§§?|sec\.|section|sección|art\.|article|artículo|articulo)\s*(\d+[a-z]{0,3}(?:[.-]\d+[a-z]{0,3})*)(.*)$/iu;
const containerLine =
  /^(title|título|titre|part|parte|partie|chapter|capítulo|chapitre|schedule)\s+(\d+[a-z]?|[ivxlc]+)(.*)$/iu;
const markerAtStart = /^(?:\(([0-9]{1,3}[a-z]?|[a-z]{1,4}|[A-Z]{1,4})\)|([a-z])\)|([0-9]{1,3})\.(?=\s))\s*/;
const subsectionKinds: ProvisionKind[] = ['subsection', 'paragraph', 'subparagraph', 'clause', 'subclause'];
const longHeading = 200;

interface Heading {
  kind: ProvisionKind;
  citation: string;
  /** The number as written, for container repeats. */
  number: string;
  heading: string | null;
  /** Text that followed the number but is too long to be a heading. */
  text: string | null;
}

/** Reads a heading line; null when the line is not one. */
function readHeading(line: string, markdown: boolean): Heading | null {
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
    let after: string;
    if (rest.trim() === '') after = '';
    else if (/^\s*(?:[.:—–]|-(?=\s))/.test(rest)) after = rest.replace(/^\s*[.:—–-]+\s*/, '');
    else if (markdown && /^\s/.test(rest)) after = rest.trim();
    else continue;
    const display = words === containerWords ? number.toUpperCase() : number;
    const long = after.length > longHeading;
    return {
      kind: word.kind,
      citation: `${word.cite} ${words === containerWords ? display : number}`,
      number: display,
      heading: after === '' || long ? null : after,
      text: long ? after : null,
    };
  }
  return null;
}

type MarkerStyle = 'number' | 'number-dot' | 'lower' | 'lower-roman' | 'upper' | 'upper-roman';

function letterBefore(label: string): string {
  return String.fromCharCode(label.charCodeAt(0) - 1);
}

/** Splits plain text into provisions (see the policy above). Throws LAW_INVALID on empty text. */
export function splitPlainText(content: string, options: { documentCitation: string }): SplitText {
  const lines = content
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0\u2000-\u200b]/g, ' ')
    .split('\n')
    // Chunk banners (`===== FILE: … =====`) and horizontal rules carry no text.
    .filter((l) => !/^\s*={3,}.*={3,}\s*$/.test(l) && !/^\s*([-=*_])\1{2,}\s*$/.test(l));
  if (lines.every((l) => l.trim() === '')) {
    throw new DomainError('LAW_INVALID', 'the text is empty', { field: 'content' });
  }

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

  for (const raw of lines) {
    const markdown = /^\s*#{1,6}\s/.test(raw);
    const line = raw
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/ {2,}/g, ' ')
      .trim();
    if (line === '') {
      paragraphOpen = false;
      continue;
    }
    const heading = readHeading(line, markdown);
    if (heading) {
      sawHeading = true;
      paragraphOpen = false;
      if (heading.kind === 'section' || heading.kind === 'article') {
        section = startSection(heading);
        current = section;
      } else current = startContainer(heading) ?? current;
      continue;
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
  if (!sawHeading) {
    const rest = top.map((n) => n.text).join('\n\n');
    const body = title === null ? rest : rest === '' ? title : `${title}${titleJoined ? ' ' : '\n\n'}${rest}`;
    return {
      title: null,
      provisions: [
        { kind: 'document', citation: options.documentCitation, heading: null, text: body, children: [] },
      ],
      mergedHeadings: 0,
      notes: ['no section headings were recognized: the text was imported as one provision'],
    };
  }
  const notes =
    mergedHeadings > 0
      ? [`merged ${mergedHeadings} repeated heading(s) into the provisions they repeat`]
      : [];
  return { title, provisions: top, mergedHeadings, notes };
}
