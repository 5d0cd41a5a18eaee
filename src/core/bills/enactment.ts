/**
 * From bill to law (docs/bill-to-law.md): the pure parts of a recoding task. Policy:
 * - the effective date is the `effective` of the bill's chapter (then final) citation, else the full date of its
 *   `became-law` action; otherwise there is none and the analyst must give one;
 * - a bill names the law documents it changes through its citations: a citation (alone, or after its
 *   publication) that equals a document's citation or title, or starts with it followed by a separator, matches;
 * - amendments are read from the bill's text only: a line "… Section X … is amended to read as follows:" starts
 *   a block that runs to the bill's next `SECTION n.` line (upper case, as US session laws number their own
 *   sections) or the next such instruction. The block replaces the provision whose citation has the same
 *   section number; every other provision is kept as it was. Nothing is written from anywhere but the bill's
 *   text (the replaced provision keeps its citation, and its heading when the block gives none).
 */
import { splitPlainText } from '../laws/split-text.ts';
import type { Provision, ProvisionNode } from '../laws/types.ts';
import type { BillAction, BillCitation } from './types.ts';

/** Where an effective date came from. */
export type EffectiveSource = 'citation' | 'became-law' | 'analyst';

/** The date a bill takes effect, or null when neither its citations nor its actions give a full date. */
export function enactmentDate(bill: {
  citations: BillCitation[];
  actions: BillAction[];
}): { date: string; source: EffectiveSource } | null {
  for (const type of ['chapter', 'final'] as const) {
    for (const c of bill.citations) {
      const date = fullDate(c.effective);
      if (c.citationType === type && date) return { date, source: 'citation' };
    }
  }
  const becameLaw = [...bill.actions]
    .sort((a, b) => a.order - b.order)
    .filter((a) => a.classification.includes('became-law'))
    .map((a) => fullDate(a.date))
    .find((d) => d !== null);
  return becameLaw ? { date: becameLaw, source: 'became-law' } : null;
}

/** `YYYY-MM-DD` from a fuzzy date with at least a day (`2091-06-01T10:00:00`), else null. */
export function fullDate(value: string | null): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value?.trim() ?? '');
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}

/** A law document a task may target: its id, citation and title. */
export interface TargetCandidate {
  id: string;
  citation: string;
  title: string;
}

const norm = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

function names(candidate: string, doc: TargetCandidate): boolean {
  const c = norm(candidate);
  return [doc.citation, doc.title].some((raw) => {
    const d = norm(raw);
    return d !== '' && (c === d || (c.startsWith(d) && /^[\s,;:§(]/.test(c.slice(d.length))));
  });
}

/** The documents the bill's citations name, and the citations that name none. */
export function matchTargets(
  citations: BillCitation[],
  documents: TargetCandidate[],
): { matched: Array<{ documentId: string; billCitation: string }>; unmatched: string[] } {
  const matched: Array<{ documentId: string; billCitation: string }> = [];
  const unmatched: string[] = [];
  for (const c of citations) {
    const label = c.publication ? `${c.publication} ${c.citation}` : c.citation;
    const candidates = [c.citation, label, c.publication].filter((s) => s.trim() !== '');
    const docs = documents.filter((d) => candidates.some((x) => names(x, d)));
    if (docs.length === 0 && c.citationType !== 'chapter') unmatched.push(label);
    for (const d of docs) {
      if (!matched.some((m) => m.documentId === d.id))
        matched.push({ documentId: d.id, billCitation: label });
    }
  }
  return { matched, unmatched };
}

/** One "is amended to read as follows" block of a bill's text. */
export interface Amendment {
  /** The instruction line, as the bill words it. */
  instruction: string;
  /** The section number it names (`2`, `20A.02(a)`), or null when it names none. */
  section: string | null;
  /** The new text, verbatim from the bill. */
  text: string;
}

const instructionLine = /\bis\s+(?:hereby\s+)?amended\s+to\s+read\s+as\s+follows\s*:?\s*$/i;
const billSectionLine = /^\s*SECTION\s+\d+[A-Z]?\.(?:\s|$)/;
const sectionRef =
  /(?:\bSection|\bSec\.|§+|\bArticle|\bArt\.)\s*([0-9][0-9A-Za-z.\-–]*(?:\([0-9A-Za-z]+\))*)/i;

/** The amendment blocks of a bill's text, in order (empty when it has none). */
export function findAmendments(text: string): Amendment[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Amendment[] = [];
  let open: { instruction: string; section: string | null; lines: string[] } | null = null;
  const close = () => {
    if (open) out.push({ ...open, text: open.lines.join('\n').trim() });
    open = null;
  };
  for (const line of lines) {
    if (instructionLine.test(line)) {
      close();
      const named = line.replace(billSectionLine, ' ').replace(instructionLine, '');
      const ref = sectionRef.exec(named)?.[1]?.replace(/[.\-–]+$/, '') ?? null;
      open = { instruction: line.trim(), section: ref, lines: [] };
      continue;
    }
    if (billSectionLine.test(line)) {
      close();
      continue;
    }
    open?.lines.push(line);
  }
  close();
  return out;
}

/** A provision citation's section number in a comparable form: `s. 2(1)` and `Section 2(1)` → `2(1)`. */
export function sectionKey(citation: string): string {
  return citation
    .toLowerCase()
    .replace(/^\s*(?:s\.|ss\.|sec\.|section|§+|art\.|article|artículo|r\.)\s*/, '')
    .replace(/\s+/g, '')
    .replace(/[.–-]+$/, '');
}

/** Rebuilds a version's provision tree from its stored provisions (document order). */
export function provisionTree(provisions: Provision[]): ProvisionNode[] {
  const top: ProvisionNode[] = [];
  const byId = new Map<string, ProvisionNode>();
  for (const p of [...provisions].sort((a, b) => a.position - b.position)) {
    const node: ProvisionNode = {
      kind: p.kind,
      citation: p.citation,
      heading: p.heading,
      text: p.text,
      children: [],
    };
    byId.set(p.id, node);
    const parent = p.parentId ? byId.get(p.parentId) : undefined;
    (parent ? parent.children : top).push(node);
  }
  return top;
}

function rebase(nodes: ProvisionNode[], from: string, to: string): ProvisionNode[] {
  return nodes.map((n) => ({
    ...n,
    citation: n.citation.startsWith(from) ? `${to}${n.citation.slice(from.length)}` : n.citation,
    children: rebase(n.children, from, to),
  }));
}

const paragraphs = (block: string): string =>
  block
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n\n');

/** The provision an amendment block becomes, in place of `target` (its citation and kind kept). */
export function replacementFor(
  target: ProvisionNode,
  block: string,
  documentCitation: string,
): ProvisionNode {
  const own = safeSplit(block, documentCitation);
  const first = own?.[0];
  if (own?.length === 1 && first && first.kind !== 'document' && first.kind !== 'preamble') {
    return {
      kind: target.kind,
      citation: target.citation,
      heading: first.heading ?? target.heading,
      text: first.text,
      children: rebase(first.children, first.citation, target.citation),
    };
  }
  if (target.children.length > 0 || target.kind === 'section' || target.kind === 'article') {
    // A block without its own heading (`(a) …` lines): a heading line is put in front only so that the
    // splitter nests the block's subsections; the heading itself is not stored, the target's is kept.
    const nested = safeSplit(`Section ${sectionKey(target.citation)}\n${block}`, documentCitation);
    const node = nested?.length === 1 ? nested[0] : undefined;
    if (node && node.kind !== 'document' && node.kind !== 'preamble') {
      return {
        kind: target.kind,
        citation: target.citation,
        heading: target.heading,
        text: node.text,
        children: rebase(node.children, node.citation, target.citation),
      };
    }
  }
  return { ...target, text: paragraphs(block), children: [] };
}

function safeSplit(text: string, documentCitation: string): ProvisionNode[] | null {
  try {
    return splitPlainText(text, { documentCitation }).provisions;
  } catch {
    return null;
  }
}

/** What applying amendments to one document's provisions gave. */
export interface AmendedText {
  provisions: ProvisionNode[];
  /** Each amendment applied: its section and the citation of the provision it replaced. */
  applied: Array<{ section: string; citation: string }>;
  /** Amendments whose section no provision of the document has (instruction quoted). */
  notFound: string[];
}

/** Replaces the provisions the amendments name; keeps every other provision as it was. */
export function applyAmendments(
  provisions: ProvisionNode[],
  amendments: Amendment[],
  documentCitation: string,
): AmendedText {
  let tree = provisions;
  const applied: AmendedText['applied'] = [];
  const notFound: string[] = [];
  for (const a of amendments) {
    if (a.section === null || a.text === '') {
      notFound.push(
        a.section === null ? `${a.instruction} (names no section)` : `${a.instruction} (no new text)`,
      );
      continue;
    }
    const key = sectionKey(a.section);
    let hit: string | null = null;
    const walk = (nodes: ProvisionNode[]): ProvisionNode[] =>
      nodes.map((n) => {
        if (hit === null && sectionKey(n.citation) === key) {
          hit = n.citation;
          return replacementFor(n, a.text, documentCitation);
        }
        return { ...n, children: walk(n.children) };
      });
    tree = walk(tree);
    if (hit === null) notFound.push(`Section ${a.section} (${a.instruction})`);
    else applied.push({ section: a.section, citation: hit });
  }
  return { provisions: tree, applied, notFound };
}

/** The amendments meant for one document: those whose instruction names it, or all when one document is targeted. */
export function amendmentsFor(amendments: Amendment[], doc: TargetCandidate, targets: number): Amendment[] {
  return amendments.filter((a) => {
    const i = norm(a.instruction);
    const named = [doc.citation, doc.title].some((n) => norm(n) !== '' && i.includes(norm(n)));
    return named || targets === 1;
  });
}
