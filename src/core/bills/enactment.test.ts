import { describe, expect, it } from 'vitest';
import type { ProvisionNode } from '../laws/types.ts';
import {
  applyAmendments,
  enactmentDate,
  findAmendments,
  fullDate,
  matchTargets,
  sectionKey,
} from './enactment.ts';
import type { BillAction, BillCitation } from './types.ts';

const cite = (c: Partial<BillCitation>): BillCitation => ({
  publication: 'Penal Code',
  citation: '20A.02',
  citationType: 'proposed',
  effective: null,
  expires: null,
  url: null,
  ...c,
});
const act = (date: string, classification: string[], order: number): BillAction => ({
  order,
  date,
  description: 'x',
  organization: null,
  chamber: null,
  classification,
  unknownClassification: [],
});
const node = (
  citation: string,
  text: string,
  children: ProvisionNode[] = [],
  heading: string | null = null,
) => ({
  kind: 'section' as const,
  citation,
  heading,
  text,
  children,
});

describe('enactmentDate', () => {
  it('takes the chapter citation first, then the final one, then the became-law action', () => {
    const actions = [act('2091-05-20', ['executive-signature'], 1), act('2091-06-01', ['became-law'], 2)];
    expect(enactmentDate({ citations: [], actions })).toEqual({ date: '2091-06-01', source: 'became-law' });
    const citations = [
      cite({ citationType: 'final', effective: '2091-10-01' }),
      cite({ citationType: 'chapter', citation: 'ch. 12', effective: '2091-09-01T00:00:00' }),
    ];
    expect(enactmentDate({ citations, actions })).toEqual({ date: '2091-09-01', source: 'citation' });
    expect(enactmentDate({ citations: [citations[0] as BillCitation], actions })?.date).toBe('2091-10-01');
  });

  it('gives null for fuzzy or missing dates', () => {
    expect(
      enactmentDate({
        citations: [cite({ effective: '2091' })],
        actions: [act('2091-06', ['became-law'], 1)],
      }),
    ).toBe(null);
    expect(fullDate('2091-02-30')).toBe(null);
    expect(fullDate('2091-02-28 10:00')).toBe('2091-02-28');
  });
});

describe('matchTargets', () => {
  const docs = [
    { id: 'pc', citation: 'Penal Code', title: 'Texas Penal Code' },
    { id: 'fc', citation: 'FC', title: 'Family Code' },
  ];
  it('matches by citation or title followed by a separator, lists the rest, ignores chapter laws', () => {
    const r = matchTargets(
      [
        cite({}),
        cite({ publication: '', citation: 'Family Code § 4' }),
        cite({ publication: 'Health Code', citation: '1.01' }),
        cite({ publication: 'Session Laws', citation: 'ch. 9', citationType: 'chapter' }),
        cite({ publication: '', citation: 'FCX 2' }),
      ],
      docs,
    );
    expect(r.matched).toEqual([
      { documentId: 'pc', billCitation: 'Penal Code 20A.02' },
      { documentId: 'fc', billCitation: 'Family Code § 4' },
    ]);
    expect(r.unmatched).toEqual(['Health Code 1.01', 'FCX 2']);
  });
});

describe('amendments', () => {
  const bill = `AN ACT relating to invented things.
SECTION 1. Section 20A.02(a), Penal Code, is amended to read as follows:
(a) A person commits an offense if the person knowingly traffics another person.

SECTION 2. Sec. 3 of the Penal Code is hereby amended to read as follows:
(a) First rule.
(b) Second rule.
SECTION 3. This Act takes effect September 1, 2091.`;

  it('reads each block, verbatim, up to the next SECTION line', () => {
    const a = findAmendments(bill);
    expect(a.map((x) => [x.section, x.text])).toEqual([
      ['20A.02(a)', '(a) A person commits an offense if the person knowingly traffics another person.'],
      ['3', '(a) First rule.\n(b) Second rule.'],
    ]);
    expect(findAmendments('SECTION 1. This Act takes effect.')).toEqual([]);
  });

  it('replaces only the named provisions, nesting a block without a heading, and lists what is missing', () => {
    expect(sectionKey('§ 20A.02(a)')).toBe('20a.02(a)');
    const tree = [
      node('s. 1', 'Keep me.'),
      node('s. 3', 'Old text.', [node('s. 3(a)', 'Old a.')], 'Rules'),
      node('§ 20A.02(a)', 'Old offense.'),
    ];
    const [first, second] = findAmendments(bill);
    const r = applyAmendments(
      tree,
      [first, second, { instruction: 'Section 99 is amended', section: '99', text: 'x' }].filter(
        (x) => x !== undefined,
      ),
      'PC',
    );
    expect(r.applied).toEqual([
      { section: '20A.02(a)', citation: '§ 20A.02(a)' },
      { section: '3', citation: 's. 3' },
    ]);
    expect(r.notFound).toEqual(['Section 99 (Section 99 is amended)']);
    expect(r.provisions[0]).toEqual(tree[0]);
    expect(r.provisions[1]?.heading).toBe('Rules');
    expect(r.provisions[1]?.children.map((c) => c.citation)).toEqual(['s. 3(a)', 's. 3(b)']);
    expect(r.provisions[1]?.children.map((c) => c.text).join(' ')).toContain('Second rule.');
    expect(r.provisions[2]?.text).toBe(
      '(a) A person commits an offense if the person knowingly traffics another person.',
    );
  });
});
