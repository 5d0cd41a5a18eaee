/**
 * USLM (US Code titles and bills, namespaces `http://xml.house.gov/schemas/uslm/1.0` and
 * `http://schemas.gpo.gov/xml/uslm`), streamed. Policy:
 * - Levels title/subtitle/chapter/subchapter/part/subpart/division are containers (`ch. 77`,
 *   `ch. 77, subch. I`); sections cite as `§ 1591` in the Code and `s. 101` in bills; lower levels append
 *   their number (`§ 1591(a)(1)`), read from `num/@value` or the printed number. Unnumbered blocks
 *   (appropriations paragraphs) are counted (`tit. I, ¶ 3`).
 * - A Code title's own `<title>` element is the document itself: its number and heading make the document
 *   title, and its chapters are the top provisions (one level less against the depth limit).
 * - Notes, source credits, footnotes, tables of contents and the bill preface are not operative text: they
 *   are left out of provisions and counted in one reader note. Quoted matter (an amendment quoting whole
 *   sections) is text of the quoting provision. The long title and enacting formula form the preamble.
 * - Document citation: `1 U.S.C.` (or `18 U.S.C. ch. 77` for a chapter file) from the root identifier or
 *   docNumber; a bill's `citableAs`, else the `114 HR 644 ENR` prefix of its dc:title.
 */
import type { LawDocumentType } from '../../../core/laws/types.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';
import { fitTitle, isoDate, languageTag } from './xml-meta.ts';
import { finishProvisions, wrongRoot } from './xml-outcome.ts';
import { type Parent, ProvisionBuilder, type Role, type XmlReadOptions } from './xml-provisions.ts';
import { chunksOf, parseXml, type XmlElement } from './xml-stream.ts';

const uslmNamespaces = ['http://xml.house.gov/schemas/uslm/1.0', 'http://schemas.gpo.gov/xml/uslm'];
const dcNamespaces: Record<string, string> = {
  'http://purl.org/dc/elements/1.1/': 'dc:',
  'http://purl.org/dc/terms/': 'dcterms:',
};

const containers: Record<string, { kind: 'title' | 'part' | 'chapter'; prefix: string }> = {
  title: { kind: 'title', prefix: 'tit.' },
  subtitle: { kind: 'part', prefix: 'subtit.' },
  chapter: { kind: 'chapter', prefix: 'ch.' },
  subchapter: { kind: 'chapter', prefix: 'subch.' },
  part: { kind: 'part', prefix: 'pt.' },
  subpart: { kind: 'part', prefix: 'subpt.' },
  division: { kind: 'part', prefix: 'div.' },
  subdivision: { kind: 'part', prefix: 'subdiv.' },
};
const levels: Record<string, Extract<Role, { type: 'provision' }>['kind']> = {
  subsection: 'subsection',
  paragraph: 'paragraph',
  subparagraph: 'subparagraph',
  clause: 'clause',
  subclause: 'subclause',
  item: 'item',
  subitem: 'item',
  subsubitem: 'item',
  level: 'paragraph',
  appropriations: 'paragraph',
};
const blocks = new Set([
  'content',
  'chapeau',
  'continuation',
  'p',
  'list',
  'listItem',
  'listContent',
  'listHeading',
  'longTitle',
  'officialTitle',
  'docTitle',
  'enactingFormula',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'br',
  'proviso',
]);
const skipped: Record<string, string | undefined> = {
  notes: 'notes',
  note: 'notes',
  sourceCredit: 'source credits',
  footnote: 'footnotes',
  toc: undefined,
  layout: undefined,
  signatures: undefined,
  signature: undefined,
  endorsement: undefined,
  attestation: undefined,
  img: undefined,
};

function typeOf(root: string): LawDocumentType | null {
  if (root === 'uscDoc' || root === 'pLaw' || root === 'statutesAtLarge' || root === 'act') return 'statute';
  if (root === 'bill' || root === 'resolution' || root === 'engrossedAmendment') return 'bill_version';
  return null;
}

/** Reads USLM from byte chunks (the first holds the file's start). */
export async function readUslmChunks(
  fileName: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: XmlReadOptions = {},
): Promise<ReadDocument> {
  let root: string | null = null;
  let rootIdentifier: string | undefined;
  let rootLang: string | undefined;
  let inPreface = 0;

  const classify = (el: XmlElement, parent: Parent | null): Role => {
    const { local } = el;
    if (parent === null) {
      if (!uslmNamespaces.includes(el.uri)) throw wrongRoot(fileName, 'USLM', el);
      root = local;
      rootIdentifier = el.attr('identifier');
      rootLang = el.attr('xml:lang');
      return { type: 'inline' };
    }
    const dc = dcNamespaces[el.uri];
    if (parent.local === 'meta') return { type: 'capture', key: `${dc ?? ''}${local}` };
    if (dc) return { type: 'inline' };
    if (local === 'meta') return { type: 'capture', key: 'meta' };
    if (local === 'preface') return { type: 'capture', key: 'preface' };
    if (inPreface > 0) {
      if (local === 'date') builder.capture('actionDate', el.attr('date'));
      return { type: 'inline' };
    }
    if (local in skipped) return { type: 'skip', count: skipped[local] };
    if (local === 'ref' && el.attr('class') === 'footnoteRef') return { type: 'skip' };
    if (local === 'quotedContent') return { type: 'quoted' };
    // A Code title's own title element is the document: its number and heading become the document title.
    if (local === 'title' && root === 'uscDoc' && parent.local === 'main') return { type: 'inline' };
    if (
      parent.local === 'title' &&
      parent.role.type === 'inline' &&
      (local === 'num' || local === 'heading')
    ) {
      return { type: 'capture', key: `title-${local}` };
    }
    const container = containers[local];
    if (container) {
      return {
        type: 'provision',
        kind: container.kind,
        cite: { style: 'container', prefix: container.prefix },
      };
    }
    if (local === 'section') {
      return {
        type: 'provision',
        kind: 'section',
        cite: { style: 'section', prefix: root === 'uscDoc' ? '§' : 's.' },
      };
    }
    const level = levels[local];
    if (level) return { type: 'provision', kind: level, cite: { style: 'sub', top: 'para.' } };
    if (local === 'num') return { type: 'num', value: el.attr('value') ?? null };
    if (local === 'heading') return { type: 'heading' };
    if (blocks.has(local)) return { type: 'block' };
    return { type: 'inline' };
  };

  const builder = new ProvisionBuilder(fileName, classify, options.maxProvisions);
  await parseXml(fileName, chunks, {
    open(el) {
      if (el.local === 'preface') inPreface++;
      builder.open(el);
    },
    close(el) {
      if (el.local === 'preface') inPreface--;
      builder.close(el);
    },
    text: (t) => builder.text(t),
  });
  const { provisions, notes } = finishProvisions(fileName, builder);
  const c = builder.captures;
  const rootName = root as string | null;

  let citation: string | null = null;
  let title: string | null = c.get('dc:title') ?? null;
  if (rootName === 'uscDoc') {
    const id = /^\/us\/usc\/t(\w+)(?:\/ch(\w+))?/.exec(rootIdentifier ?? '');
    const number = id?.[1] ?? c.get('docNumber');
    if (number) citation = `${number} U.S.C.${id?.[2] ? ` ch. ${id[2]}` : ''}`;
    const heading = c.get('title-heading');
    if (heading) title = title ? `${title}—${heading}` : heading;
  } else {
    const prefix = /^(\d+\s+[A-Za-z. ]+?\s+\d+(?:\s+[A-Z]+)?)\s*:\s*(.+)$/.exec(title ?? '');
    citation = c.get('citableAs') ?? prefix?.[1] ?? null;
    if (prefix && citation === prefix[1]) title = prefix[2] ?? title;
    if (!citation && c.get('docNumber')) {
      citation = `${c.get('dc:type') ?? ''} ${c.get('docNumber')}`.trim();
    }
  }
  return {
    format: 'uslm',
    title: fitTitle(title, notes),
    citation,
    language: languageTag(rootLang ?? c.get('dc:language')),
    effectiveFrom: isoDate(c.get('dc:date')) ?? isoDate(c.get('actionDate')),
    type: rootName ? typeOf(rootName) : null,
    provisions,
    notes,
  };
}

/** Reads a USLM file into provisions. */
export async function readUslm(input: DocumentInput): Promise<ReadDocument> {
  return readUslmChunks(input.fileName, chunksOf(input.bytes));
}
