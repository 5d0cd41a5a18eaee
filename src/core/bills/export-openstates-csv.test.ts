import { describe, expect, it } from 'vitest';
import {
  billsToOpenStatesCsv,
  csvTable,
  derivedUuid,
  jurisdictionCode,
  openStatesCell,
} from './export-openstates-csv.ts';
import type { Bill } from './types.ts';

const bill = (over: Partial<Bill> = {}): Bill => ({
  id: '0b6f5d8e-1c2a-4e3b-9f4d-5a6b7c8d9e0f',
  ocdId: 'ocd-bill/6f0c3a52-1e7b-4c59-9d3e-2b8a41c7e901',
  source: 'openstates',
  sourceId: null,
  changeHash: null,
  jurisdictionId: 'ocd-division/country:us/state:tx',
  sessionIdentifier: '2091R',
  identifier: 'HB 1',
  title: 'Plain title',
  fromOrganization: 'lower',
  classification: ['bill'],
  subjects: [],
  abstracts: [],
  sponsorships: [],
  actions: [],
  versions: [],
  documents: [],
  relatedBills: [],
  citations: [],
  sources: [],
  stage: 'introduced',
  latestAction: null,
  latestActionDate: null,
  flaggedActions: 0,
  createdAt: '2091-01-01T00:00:00.000Z',
  updatedAt: '2091-01-01T00:00:00.000Z',
  ...over,
});

const texas = { id: 'ocd-division/country:us/state:tx', name: 'Texas' };

describe('Open States CSV cells', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 requires, and leaves plain text alone', () => {
    expect(openStatesCell('plain')).toBe('plain');
    expect(openStatesCell('a, b')).toBe('"a, b"');
    expect(openStatesCell('say "no"')).toBe('"say ""no"""');
    expect(openStatesCell('line one\nline two')).toBe('"line one\nline two"');
    expect(openStatesCell('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(openStatesCell(' padded')).toBe('" padded"');
    expect(openStatesCell(null)).toBe('');
    expect(openStatesCell('')).toBe('');
    expect(openStatesCell(true)).toBe('True');
    expect(openStatesCell(false)).toBe('False');
    expect(openStatesCell(3)).toBe('3');
  });

  it('writes lists as Python lists, choosing quotes and escapes as Python does', () => {
    expect(openStatesCell([])).toBe('[]');
    expect(openStatesCell(['bill'])).toBe("['bill']");
    expect(openStatesCell(['passage', 'reading-3'])).toBe(`"['passage', 'reading-3']"`);
    expect(openStatesCell(["Children's Services"])).toBe(`"[""Children's Services""]"`);
    expect(openStatesCell([`both ' and "`])).toBe(`"['both \\' and ""']"`);
    expect(openStatesCell(['back\\slash', 'new\nline'])).toBe(`"['back\\\\slash', 'new\\nline']"`);
  });

  it('ends every line with CRLF, the header first', () => {
    expect(csvTable(['a', 'b'], [['x, y', null]])).toBe('a,b\r\n"x, y",\r\n');
    expect(csvTable(['a'], [])).toBe('a\r\n');
  });

  it('derives stable, distinct UUIDs', () => {
    const a = derivedUuid('ocd-bill/x action 0');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedUuid('ocd-bill/x action 0')).toBe(a);
    const many = new Set(Array.from({ length: 20_000 }, (_, i) => derivedUuid(`ocd-bill/x action ${i}`)));
    expect(many.size).toBe(20_000);
  });

  it('names files by jurisdiction code and a file-safe session', () => {
    expect(jurisdictionCode('ocd-division/country:us/state:tx')).toBe('tx');
    expect(jurisdictionCode('ocd-division/country:us')).toBe('us');
    const files = billsToOpenStatesCsv([bill({ sessionIdentifier: '2019 Regular/../x' })], texas);
    expect(files[0]?.path).toBe('tx/2019_Regular_.._x/tx_2019_Regular_.._x_bills.csv');
    expect(files.every((f) => !f.path.includes('/../'))).toBe(true);
  });
});

describe('Open States CSV tables', () => {
  it('writes a tricky title, multi-line abstract and quoted sponsor name so they read back whole', () => {
    const tricky = bill({
      title: 'An act on "fair", decent\nwork',
      subjects: ['Labor, Employment'],
      abstracts: [{ abstract: 'Line 1\r\nLine "2"', note: null, date: '2091-01-02' }],
      sponsorships: [
        {
          name: 'O\'Neil, "Sam"',
          primary: true,
          classification: 'primary',
          entityType: 'person',
          personId: null,
          organizationId: null,
        },
      ],
    });
    const files = new Map(
      billsToOpenStatesCsv([tricky], texas).map((f) => [f.path.split('/').at(-1), f.text]),
    );
    expect(files.get('tx_2091R_bills.csv')).toBe(
      'id,identifier,title,classification,subject,session_identifier,jurisdiction,organization_classification\r\n' +
        `ocd-bill/6f0c3a52-1e7b-4c59-9d3e-2b8a41c7e901,HB 1,"An act on ""fair"", decent\nwork",['bill'],"['Labor, Employment']",2091R,Texas,lower\r\n`,
    );
    const abstracts = files.get('tx_2091R_bill_abstracts.csv') ?? '';
    expect(abstracts).toContain(',"Line 1\r\nLine ""2""",,2091-01-02\r\n');
    expect(files.get('tx_2091R_bill_sponsorships.csv')).toContain(
      `,"O'Neil, ""Sam""",person,,,ocd-bill/6f0c3a52-1e7b-4c59-9d3e-2b8a41c7e901,True,primary\r\n`,
    );
  });

  it('keys a bill without an OCD id by its lawgap id, and keeps every table with its header', () => {
    const files = billsToOpenStatesCsv([bill({ ocdId: null, source: 'legiscan' })], texas);
    expect(files.map((f) => f.path.split('/').at(-1))).toEqual([
      'tx_2091R_bills.csv',
      'tx_2091R_bill_abstracts.csv',
      'tx_2091R_bill_actions.csv',
      'tx_2091R_bill_sources.csv',
      'tx_2091R_bill_related_bills.csv',
      'tx_2091R_bill_sponsorships.csv',
      'tx_2091R_bill_documents.csv',
      'tx_2091R_bill_versions.csv',
      'tx_2091R_bill_document_links.csv',
      'tx_2091R_bill_version_links.csv',
      'tx_2091R_organizations.csv',
    ]);
    expect(files[0]?.text).toContain('\r\nocd-bill/0b6f5d8e-1c2a-4e3b-9f4d-5a6b7c8d9e0f,HB 1,');
  });
});
