/**
 * Akoma Ntoso (3.0, the WD17 and CSD drafts, 2.0), streamed: act, bill, judgment, doc, portion and document
 * collections. Policy:
 * - Hierarchy: book/tome/part/title/chapter/division… are containers (`ch. I`, `ch. I, pt. 2`); sections cite
 *   `s. 1`, articles `Art. 5`, rules `r. 3`; lower levels (subsection, paragraph, point, item, indent…)
 *   append their label (`s. 1(2)(a)`, `Art. 2(a)`); a numbered block directly under a container or a
 *   judgment division reads `para. 12`; recitals `rec. 3`.
 * - Labels come from the `eId` (or the older `id`) when its last part is the element's own abbreviation
 *   (`sec_1__subsec_2` → `2`, `art_5__para_2` → `2`), else from the printed `num` (`Article 5`, `(a)`, `[12]`).
 * - Judgments: header → `header`, each division (background, motivation, decision…) a part named after it,
 *   its numbered blocks `para. N`. Preface, preamble and conclusions are provisions of their own.
 * - Components of a collection (and attachments) are provisions named after the component.
 * - Authorial notes, notes, source-credit blocks and tables of contents are not operative text: left out and
 *   counted. Quoted structures (amendments) are text of the quoting provision. Cross-heading containers are
 *   transparent (their sections are not nested under them).
 * - Metadata: FRBRWork FRBRuri (else FRBRthis) → citation, FRBRExpression FRBRdate → effectiveFrom,
 *   FRBRlanguage → language (`eng` → `en`), shortTitle else docTitle → title.
 */
import type { LawDocumentType, ProvisionKind } from '../../../core/laws/types.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';
import { fitTitle, isoDate, languageTag } from './xml-meta.ts';
import { finishProvisions, wrongRoot } from './xml-outcome.ts';
import {
  type CiteStyle,
  type Parent,
  ProvisionBuilder,
  type Role,
  type XmlReadOptions,
} from './xml-provisions.ts';
import { chunksOf, parseXml, type XmlElement } from './xml-stream.ts';

const documentTypes: Record<string, LawDocumentType | null> = {
  act: 'statute',
  bill: 'bill_version',
  judgment: 'case',
  portion: 'statute',
  doc: null,
  debate: null,
  debateReport: null,
  amendment: null,
  amendmentList: null,
  officialGazette: null,
  documentCollection: null,
  statement: null,
};
const containers: Record<string, { kind: ProvisionKind; prefix: string }> = {
  book: { kind: 'part', prefix: 'bk.' },
  tome: { kind: 'part', prefix: 'tome' },
  part: { kind: 'part', prefix: 'pt.' },
  subpart: { kind: 'part', prefix: 'subpt.' },
  title: { kind: 'title', prefix: 'tit.' },
  subtitle: { kind: 'part', prefix: 'subtit.' },
  chapter: { kind: 'chapter', prefix: 'ch.' },
  subchapter: { kind: 'chapter', prefix: 'subch.' },
  division: { kind: 'part', prefix: 'div.' },
  subdivision: { kind: 'part', prefix: 'subdiv.' },
};
const sections: Record<string, { kind: ProvisionKind; prefix: string }> = {
  section: { kind: 'section', prefix: 's.' },
  article: { kind: 'article', prefix: 'Art.' },
  rule: { kind: 'section', prefix: 'r.' },
};
const levels: Record<string, ProvisionKind> = {
  subsection: 'subsection',
  paragraph: 'paragraph',
  subparagraph: 'subparagraph',
  clause: 'clause',
  subclause: 'subclause',
  subrule: 'subsection',
  point: 'item',
  item: 'item',
  indent: 'item',
  alinea: 'item',
  level: 'item',
  tblock: 'paragraph',
  hcontainer: 'item',
  transitional: 'section',
};
/** The eId abbreviations each element uses for itself. */
const abbreviations: Record<string, string[]> = {
  section: ['sec', 'section'],
  subsection: ['subsec', 'subsection'],
  article: ['art', 'article'],
  paragraph: ['para', 'paragraph'],
  subparagraph: ['subpara', 'subparagraph'],
  point: ['point', 'pnt'],
  item: ['item'],
  indent: ['indent'],
  alinea: ['al', 'alinea'],
  clause: ['cl', 'clause'],
  subclause: ['subcl', 'subclause'],
  rule: ['rule'],
  subrule: ['subrule'],
  recital: ['rec', 'recital'],
  chapter: ['chp', 'chapter'],
  subchapter: ['subchp', 'subchapter'],
  part: ['part'],
  subpart: ['subpart'],
  title: ['title'],
  subtitle: ['subtitle'],
  book: ['book'],
  tome: ['tome'],
  division: ['dvs', 'division'],
  subdivision: ['subdvs', 'subdivision'],
  level: ['lvl', 'level'],
  tblock: ['tblock'],
};
const judgmentDivisions = new Set([
  'introduction',
  'background',
  'arguments',
  'remedies',
  'motivation',
  'decision',
]);
const fixedBlocks: Record<string, { kind: ProvisionKind; citation: string }> = {
  preface: { kind: 'preamble', citation: 'preface' },
  preamble: { kind: 'preamble', citation: 'preamble' },
  header: { kind: 'preamble', citation: 'header' },
  conclusions: { kind: 'paragraph', citation: 'conclusions' },
};
const blocks = new Set([
  'p',
  'content',
  'intro',
  'wrapUp',
  'listIntroduction',
  'listWrapUp',
  'list',
  'blockList',
  'blockContainer',
  'container',
  'formula',
  'longTitle',
  'citations',
  'citation',
  'recitals',
  'table',
  'tr',
  'td',
  'th',
  'eol',
  'eop',
  'block',
  'subheading',
]);
const skips: Record<string, string | undefined> = {
  authorialNote: 'authorial notes',
  note: 'notes',
  notes: 'notes',
  remark: 'remarks',
  toc: undefined,
  noteRef: undefined,
  coverPage: undefined,
  componentRef: undefined,
  documentRef: undefined,
};

/** The label the element's eId (or id) gives it, when that id names the element itself. */
function labelFromId(el: XmlElement): string | null {
  const id = el.attr('eId') ?? el.attr('id') ?? el.attr('wId');
  if (!id) return null;
  const last = id.split('__').pop() ?? '';
  const m = /^([A-Za-z]+)_([A-Za-z0-9.\-–]+)$/.exec(last);
  if (!m) return null;
  return abbreviations[el.local]?.includes((m[1] ?? '').toLowerCase()) ? (m[2] ?? null) : null;
}

/** Reads Akoma Ntoso from byte chunks (the first holds the file's start). */
export async function readAknChunks(
  fileName: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: XmlReadOptions = {},
): Promise<ReadDocument> {
  const ancestors: string[] = [];
  let documentType: string | null = null;
  let lawType: LawDocumentType | null = null;
  const titles = new Map<string, string[]>();
  let titleOpen: string | null = null;
  let titleDepth = 0;

  const inside = (name: string) => ancestors.includes(name);
  const classify = (el: XmlElement, parent: Parent | null): Role => {
    const { local } = el;
    if (parent === null) {
      const known =
        /^http:\/\/(docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0|www\.akomantoso\.org\/[23]\.0)/;
      if (local !== 'akomaNtoso' || !known.test(el.uri)) throw wrongRoot(fileName, 'Akoma Ntoso', el);
      return { type: 'inline' };
    }
    if (inside('meta')) {
      const at = inside('FRBRExpression') ? 'expression' : inside('FRBRWork') ? 'work' : null;
      if (at && local === 'FRBRuri') builder.capture(`${at}:uri`, el.attr('value'));
      if (at && local === 'FRBRthis') builder.capture(`${at}:this`, el.attr('value'));
      if (at && local === 'FRBRdate') builder.capture(`${at}:date`, el.attr('date'));
      if (at && local === 'FRBRlanguage') builder.capture('language', el.attr('language'));
      return { type: 'inline' };
    }
    if (local === 'meta') return { type: 'capture', key: 'meta' };
    if (local in documentTypes) {
      if (documentType === null) documentType = local;
      if (lawType === null && documentTypes[local]) lawType = documentTypes[local] ?? null;
      if (inside('components') || inside('attachments') || inside('collectionBody')) {
        const kind: ProvisionKind = inside('attachments') ? 'schedule' : 'document';
        const citation = el.attr('name') ?? local;
        return { type: 'provision', kind, cite: { style: 'fixed', citation } };
      }
      return { type: 'inline' };
    }
    if (local === 'block' && el.attr('name') === 'sourceCredit')
      return { type: 'skip', count: 'source credits' };
    if (local in skips) return { type: 'skip', count: skips[local] };
    if (el.attr('status') === 'editorial') return { type: 'skip', count: 'editorial blocks' };
    if (local === 'quotedStructure' || local === 'embeddedStructure') return { type: 'quoted' };
    const fixed = fixedBlocks[local];
    if (fixed)
      return { type: 'provision', kind: fixed.kind, cite: { style: 'fixed', citation: fixed.citation } };
    if (judgmentDivisions.has(local) && inside('judgmentBody')) {
      const citation = `${local[0]?.toUpperCase()}${local.slice(1)}`;
      return { type: 'provision', kind: 'part', cite: { style: 'fixed', citation } };
    }
    if (local === 'hcontainer' && el.attr('name') === 'crossheading') return { type: 'inline' };
    if (
      parent.local === 'hcontainer' &&
      parent.role.type === 'inline' &&
      (local === 'heading' || local === 'num')
    ) {
      return { type: 'skip', count: 'cross-headings' };
    }
    const label = labelFromId(el);
    const container = containers[local];
    if (container) {
      return {
        type: 'provision',
        kind: container.kind,
        cite: { style: 'container', prefix: container.prefix },
        label,
      };
    }
    const section = sections[local];
    if (section) {
      return {
        type: 'provision',
        kind: section.kind,
        cite: { style: 'section', prefix: section.prefix },
        label,
      };
    }
    if (local === 'recital')
      return { type: 'provision', kind: 'paragraph', cite: { style: 'sub', top: 'rec.' }, label };
    const level = levels[local];
    if (level) {
      const kind: ProvisionKind = local === 'item' && inside('judgmentBody') ? 'paragraph' : level;
      const cite: CiteStyle = { style: 'sub', top: 'para.' };
      return { type: 'provision', kind, cite, label };
    }
    if (local === 'num') return { type: 'num' };
    if (local === 'heading') return { type: 'heading' };
    if (blocks.has(local)) return { type: 'block' };
    return { type: 'inline' };
  };

  const builder = new ProvisionBuilder(fileName, classify, options.maxProvisions);
  await parseXml(fileName, chunks, {
    open(el) {
      builder.open(el);
      ancestors.push(el.local);
      if (
        titleOpen === null &&
        (el.local === 'shortTitle' || el.local === 'docTitle') &&
        !titles.has(el.local)
      ) {
        titleOpen = el.local;
        titleDepth = ancestors.length;
        titles.set(el.local, []);
      }
    },
    close(el) {
      if (titleOpen !== null && ancestors.length === titleDepth) titleOpen = null;
      ancestors.pop();
      builder.close(el);
    },
    text(t) {
      if (titleOpen !== null && !inside('authorialNote')) titles.get(titleOpen)?.push(t);
      builder.text(t);
    },
  });
  const { provisions, notes } = finishProvisions(fileName, builder);
  const c = builder.captures;
  const titleOf = (key: string) => titles.get(key)?.join('').replace(/\s+/g, ' ').trim() || null;
  const citation = c.get('work:uri') || c.get('work:this') || c.get('expression:uri') || null;
  return {
    format: 'akn',
    title: fitTitle(titleOf('shortTitle') ?? titleOf('docTitle'), notes),
    citation,
    language: languageTag(c.get('language')),
    effectiveFrom: isoDate(c.get('expression:date')) ?? isoDate(c.get('work:date')),
    type: lawType,
    provisions,
    notes,
  };
}

/** Reads an Akoma Ntoso file into provisions. */
export async function readAkn(input: DocumentInput): Promise<ReadDocument> {
  return readAknChunks(input.fileName, chunksOf(input.bytes));
}
