/**
 * UK legislation.gov.uk CLML (`http://www.legislation.gov.uk/namespaces/legislation`), streamed. Policy:
 * - Part and Chapter are containers (`pt. 1`, `pt. 1, ch. 2`), Schedule is `Sch. 1`; a P1 is a section in an
 *   Act (`s. 2`), a regulation in an instrument (`reg. 2`) and a paragraph in a schedule (`para. 2`, under
 *   `Sch. 1`); P2…P6 append their Pnumber (`s. 2(1)(a)`).
 * - A P1group's Title is the heading of the P1s in it; Pblock cross-headings are transparent (counted).
 * - Commentaries, footnotes, margin notes and the contents list are not operative text: left out and counted.
 *   BlockAmendment (quoted amending text) is text of the provision that quotes it.
 * - Prelims (title, number, long title, enacting text) form the preamble.
 * - Metadata: dc:title → title, dc:language, ukm:Year/ukm:Number → `2015 c. 30` (Acts), `S.I. 2015/123`
 *   (instruments), `2015 asp 3` (Scottish Acts), else dc:identifier; RestrictStartDate (the point in time the
 *   text shows), else the enactment or made date → effectiveFrom.
 */
import type { ProvisionKind } from '../../../core/laws/types.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';
import { fitTitle, isoDate, languageTag } from './xml-meta.ts';
import { finishProvisions, wrongRoot } from './xml-outcome.ts';
import { type Parent, ProvisionBuilder, type Role, type XmlReadOptions } from './xml-provisions.ts';
import { chunksOf, parseXml, type XmlElement } from './xml-stream.ts';

const legislationNamespace = 'http://www.legislation.gov.uk/namespaces/legislation';
const metadataNamespace = 'http://www.legislation.gov.uk/namespaces/metadata';
const dcNamespace = 'http://purl.org/dc/elements/1.1/';

const levels: Record<string, ProvisionKind> = {
  P2: 'subsection',
  P3: 'paragraph',
  P4: 'subparagraph',
  P5: 'clause',
  P6: 'subclause',
};
const blocks = new Set([
  'Text',
  'Para',
  'P',
  'P1para',
  'P2para',
  'P3para',
  'P4para',
  'P5para',
  'P6para',
  'UnorderedList',
  'OrderedList',
  'ListItem',
  'BlockText',
  'BlockAmendment',
  'PrimaryPrelims',
  'SecondaryPrelims',
  'LongTitle',
  'Number',
  'Title',
  'DateOfEnactment',
  'EnactingText',
  'PrimaryPreamble',
  'Tabular',
  'tr',
  'td',
  'th',
  'Formula',
]);
const skips: Record<string, string | undefined> = {
  Commentaries: 'commentaries',
  Footnotes: 'footnotes',
  MarginNotes: 'margin notes',
  Contents: undefined,
  CommentaryRef: undefined,
  FootnoteRef: undefined,
  Versions: undefined,
  Resources: undefined,
};

/** Reads CLML from byte chunks (the first holds the file's start). */
export async function readClmlChunks(
  fileName: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: XmlReadOptions = {},
): Promise<ReadDocument> {
  const ancestors: string[] = [];
  let secondary = false;
  let restrictStart: string | undefined;
  /** The heading waiting for the next P1 (from the P1group it belongs to). */
  let groupTitle: string[] | null = null;
  let groupTitleOpen = false;

  const inside = (name: string) => ancestors.includes(name);
  const classify = (el: XmlElement, parent: Parent | null): Role => {
    const { local } = el;
    if (parent === null) {
      if (el.uri !== legislationNamespace) throw wrongRoot(fileName, 'CLML', el);
      restrictStart = el.attr('RestrictStartDate');
      return { type: 'inline' };
    }
    if (el.uri === metadataNamespace || el.uri === dcNamespace) {
      if (local === 'Metadata') return { type: 'capture', key: 'metadata' };
      if (el.uri === dcNamespace) return { type: 'capture', key: `dc:${local}` };
      if (local === 'DocumentMainType') builder.capture('mainType', el.attr('Value'));
      if (local === 'DocumentCategory' && el.attr('Value') === 'secondary') secondary = true;
      if (local === 'Year' || local === 'Number') builder.capture(local, el.attr('Value'));
      if (local === 'EnactmentDate' || local === 'Made') builder.capture('date', el.attr('Date'));
      return { type: 'inline' };
    }
    if (local in skips) return { type: 'skip', count: skips[local] };
    if (local === 'BlockAmendment') return { type: 'quoted' };
    if (local === 'Pblock' || local === 'P1group' || local === 'TitleBlock') return { type: 'inline' };
    if (local === 'Title' && parent.local === 'Pblock') return { type: 'skip', count: 'cross-headings' };
    if (local === 'Title' && parent.local === 'P1group') {
      groupTitle = [];
      groupTitleOpen = true;
      return { type: 'skip' };
    }
    if (local === 'Title' && parent.local === 'TitleBlock') return { type: 'heading' };
    if (local === 'Part')
      return { type: 'provision', kind: 'part', cite: { style: 'container', prefix: 'pt.' } };
    if (local === 'Chapter') {
      return { type: 'provision', kind: 'chapter', cite: { style: 'container', prefix: 'ch.' } };
    }
    if (local === 'Schedule') {
      return { type: 'provision', kind: 'schedule', cite: { style: 'container', prefix: 'Sch.' } };
    }
    if (local === 'P1') {
      if (inside('Schedule'))
        return {
          type: 'provision',
          kind: 'paragraph',
          cite: { style: 'container', prefix: 'para.', numbered: true },
        };
      return {
        type: 'provision',
        kind: 'section',
        cite: { style: 'section', prefix: secondary ? 'reg.' : 's.' },
      };
    }
    const level = levels[local];
    if (level) return { type: 'provision', kind: level, cite: { style: 'sub', top: 'para.' } };
    if (local === 'Pnumber') return { type: 'num' };
    if ((local === 'Number' || local === 'Title') && ['Part', 'Chapter', 'Schedule'].includes(parent.local)) {
      return local === 'Number' ? { type: 'num' } : { type: 'heading' };
    }
    if (local === 'PrimaryPrelims' || local === 'SecondaryPrelims') {
      return { type: 'provision', kind: 'preamble', cite: { style: 'fixed', citation: 'preamble' } };
    }
    if (blocks.has(local)) return { type: 'block' };
    return { type: 'inline' };
  };

  const builder = new ProvisionBuilder(fileName, classify, options.maxProvisions);
  const pendingHeadings: ProvisionNodeRef[] = [];
  await parseXml(fileName, chunks, {
    open(el) {
      builder.open(el);
      ancestors.push(el.local);
      if (el.local === 'P1' && groupTitle !== null && !groupTitleOpen) {
        pendingHeadings.push({ at: builder.lastOpened(), heading: groupTitle.join('') });
        groupTitle = null;
      }
    },
    close(el) {
      ancestors.pop();
      if (el.local === 'Title' && groupTitleOpen) groupTitleOpen = false;
      if (el.local === 'P1group') groupTitle = null;
      builder.close(el);
    },
    text(t) {
      if (groupTitleOpen) groupTitle?.push(t);
      builder.text(t);
    },
  });
  const { provisions, notes } = finishProvisions(fileName, builder);
  for (const { at, heading } of pendingHeadings) {
    const clean = heading.replace(/\s+/g, ' ').trim();
    if (at && at.heading === null && clean !== '') at.heading = clean;
  }
  const c = builder.captures;
  const year = c.get('Year');
  const number = c.get('Number');
  const mainType = c.get('mainType') ?? '';
  let citation: string | null = c.get('dc:identifier') ?? null;
  if (year && number) {
    if (/ScottishAct/.test(mainType)) citation = `${year} asp ${number}`;
    else if (secondary || /StatutoryInstrument/.test(mainType)) citation = `S.I. ${year}/${number}`;
    else citation = `${year} c. ${number}`;
  }
  return {
    format: 'clml',
    title: fitTitle(c.get('dc:title'), notes),
    citation,
    language: languageTag(c.get('dc:language')),
    effectiveFrom: isoDate(restrictStart) ?? isoDate(c.get('date')),
    type: secondary ? 'regulation' : 'statute',
    provisions,
    notes,
  };
}

interface ProvisionNodeRef {
  at: { heading: string | null } | null;
  heading: string;
}

/** Reads a CLML file into provisions. */
export async function readClml(input: DocumentInput): Promise<ReadDocument> {
  return readClmlChunks(input.fileName, chunksOf(input.bytes));
}
