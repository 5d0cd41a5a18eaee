/**
 * Invented bulk files in the real formats, built in memory: Open States per-session bulk JSON (as
 * openstates.org `bulk_export.py` writes it), the CSV v2.1 session zip (Python list reprs in list cells),
 * a LegiScan weekly dataset zip (getBill, getRollCall, getPerson entries) and a legislator CSV. Every bill,
 * person and vote is made up (session 2091R, example.invalid links).
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';

export const bulkBillA = 'ocd-bill/0a1b2c3d-0000-4000-8000-00000000000a';
export const bulkBillB = 'ocd-bill/0a1b2c3d-0000-4000-8000-00000000000b';

/** Two invented Texas bills in Open States bulk JSON; the first carries one vote and raw text. */
export function bulkJsonBills(): Record<string, unknown>[] {
  const common = {
    legislative_session: '2091R',
    jurisdiction_name: 'Texas',
    other_titles: [{ title: 'Invented short title', note: 'short' }],
    other_identifiers: [],
    documents: [],
  };
  return [
    {
      ...common,
      id: bulkBillA,
      identifier: 'HB 901',
      title: 'Relating to an invented hotline notice',
      chamber: 'lower',
      classification: ['bill'],
      subject: ['Invented Labor'],
      abstracts: [{ abstract: 'An invented abstract.', note: 'Introduced', date: '2091-01-10' }],
      actions: [
        {
          organization__name: 'House',
          description: 'Filed',
          date: '2091-01-10',
          classification: ['filing'],
          order: 0,
        },
        {
          organization__name: 'House',
          description: 'Passed the House',
          date: '2091-03-01',
          classification: ['passage'],
          order: 1,
        },
        {
          organization__name: 'Senate',
          description: 'Passed the Senate',
          date: '2091-04-01',
          classification: ['passage'],
          order: 2,
        },
      ],
      related_bills: [{ related_bill_id: bulkBillB }, { related_bill_id: 'ocd-bill/unknown' }],
      sponsors: [
        { name: 'Avery Quill', primary: true, classification: 'primary' },
        { name: 'Rowan Pike', primary: false, classification: 'cosponsor' },
      ],
      versions: [
        {
          note: 'Introduced',
          date: '2091-01-10',
          links: [{ url: 'https://example.invalid/tx/hb901.pdf', media_type: 'application/pdf' }],
        },
      ],
      sources: [{ url: 'https://example.invalid/tx/hb901' }],
      votes: [
        {
          identifier: '',
          motion_text: 'passage',
          motion_classification: ['passage'],
          start_date: '2091-03-01',
          result: 'pass',
          organization__classification: 'lower',
          counts: [{ option: 'yes', value: 1 }],
          votes: [{ option: 'yes', voter_name: 'Avery Quill' }],
        },
      ],
      raw_text: 'AN ACT relating to an invented hotline notice.',
      raw_text_url: 'https://example.invalid/tx/hb901.pdf',
    },
    {
      ...common,
      id: bulkBillB,
      identifier: 'SB12',
      title: 'Relating to an invented companion',
      chamber: 'upper',
      classification: ['bill'],
      subject: [],
      abstracts: [],
      actions: [
        {
          organization__name: 'Senate',
          description: 'Referred to Invented Affairs',
          date: '2091-01-12',
          classification: ['referral-committee'],
          order: 0,
        },
      ],
      related_bills: [],
      sponsors: [{ name: 'Morgan Vale', primary: true, classification: 'primary' }],
      versions: [],
      sources: [{ url: 'https://example.invalid/tx/sb12' }],
      votes: [],
    },
  ];
}

/** The per-session JSON zip of the bills, as `bulk_export.py` lays it out. */
export function bulkJsonZip(bills = bulkJsonBills()): Uint8Array {
  return zipSync({
    README: strToU8('Open States Data Export\n\nState: tx\nSession: 2091R\nJSON Format Version: 1.0\n'),
    'tx/2091R/tx_2091R_bills.json': strToU8(JSON.stringify(bills)),
  });
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** The CSV v2.1 tables of two invented bills, by table name; tests break a row by editing one. */
export function csvTables(): Record<string, string[][]> {
  const a = bulkBillA;
  const b = bulkBillB;
  const house = 'ocd-organization/11111111-0000-4000-8000-000000000001';
  const senate = 'ocd-organization/11111111-0000-4000-8000-000000000002';
  return {
    bills: [
      [
        'id',
        'identifier',
        'title',
        'classification',
        'subject',
        'session_identifier',
        'jurisdiction',
        'organization_classification',
      ],
      [
        a,
        'HB 901',
        'Relating to an invented hotline notice',
        "['bill']",
        "['Invented Labor', \"Workers' notices\"]",
        '2091R',
        'Texas',
        'lower',
      ],
      [b, 'SB 12', 'Relating to an invented companion', "['bill']", '[]', '2091R', 'Texas', 'upper'],
    ],
    bill_actions: [
      ['id', 'bill_id', 'organization_id', 'description', 'date', 'classification', 'order', 'extras'],
      ['act-1', a, house, 'Filed', '2091-01-10', "['filing']", '0', '{}'],
      ['act-3', a, senate, 'Passed the Senate', '2091-04-01', "['passage']", '2', '{}'],
      ['act-2', a, house, 'Passed the House', '2091-03-01', "['passage', 'reading-3']", '1', '{}'],
      ['act-4', b, senate, 'Referred to Invented Affairs', '2091-01-12', "['referral-committee']", '0', '{}'],
    ],
    bill_sponsorships: [
      ['id', 'bill_id', 'name', 'entity_type', 'person_id', 'organization_id', 'primary', 'classification'],
      ['sp-1', a, 'Avery Quill', 'person', '', '', 'True', 'primary'],
      ['sp-2', a, 'Rowan Pike', 'person', '', '', 'False', 'cosponsor'],
    ],
    bill_abstracts: [
      ['id', 'bill_id', 'abstract', 'note', 'date'],
      ['ab-1', a, 'An invented abstract, with a comma.', 'Introduced', '2091-01-10'],
    ],
    bill_sources: [
      ['id', 'bill_id', 'url', 'note'],
      ['src-1', a, 'https://example.invalid/tx/hb901', ''],
    ],
    bill_related_bills: [
      ['id', 'bill_id', 'related_bill_id', 'identifier', 'legislative_session', 'relation_type'],
      ['rb-1', a, b, 'SB12', '2091R', 'companion'],
    ],
    bill_versions: [
      ['id', 'bill_id', 'note', 'date', 'extras'],
      ['ver-1', a, 'Introduced', '2091-01-10', '{}'],
    ],
    bill_version_links: [
      ['id', 'version_id', 'media_type', 'url', 'text'],
      ['vl-1', 'ver-1', 'application/pdf', 'https://example.invalid/tx/hb901.pdf', ''],
    ],
    bill_documents: [['id', 'bill_id', 'note', 'date', 'extras']],
    bill_document_links: [['id', 'document_id', 'media_type', 'url', 'text']],
    votes: [
      [
        'id',
        'identifier',
        'motion_text',
        'motion_classification',
        'start_date',
        'result',
        'organization_id',
        'bill_id',
        'bill_action_id',
        'jurisdiction',
        'session_identifier',
      ],
      [
        'ocd-vote/22222222-0000-4000-8000-000000000001',
        '',
        'passage',
        "['passage']",
        '2091-03-01',
        'pass',
        house,
        a,
        'act-2',
        'Texas',
        '2091R',
      ],
    ],
    vote_counts: [
      ['id', 'vote_event_id', 'option', 'value'],
      ['vc-1', 'ocd-vote/22222222-0000-4000-8000-000000000001', 'yes', '2'],
      ['vc-2', 'ocd-vote/22222222-0000-4000-8000-000000000001', 'no', '0'],
    ],
    vote_people: [
      ['id', 'vote_event_id', 'option', 'voter_name', 'voter_id', 'note'],
      ['vp-1', 'ocd-vote/22222222-0000-4000-8000-000000000001', 'yes', 'Avery Quill', '', ''],
      ['vp-2', 'ocd-vote/22222222-0000-4000-8000-000000000001', 'yes', 'Rowan Pike', '', ''],
    ],
    organizations: [
      ['id', 'name', 'image', 'parent_id', 'jurisdiction_id', 'classification'],
      [house, 'House', '', '', 'ocd-jurisdiction/country:us/state:tx/government', 'lower'],
      [senate, 'Senate', '', '', 'ocd-jurisdiction/country:us/state:tx/government', 'upper'],
    ],
  };
}

/** The CSV zip of the tables (`tx/2091R/tx_2091R_<table>.csv` plus the README). */
export function csvZip(tables = csvTables()): Uint8Array {
  const entries: Record<string, Uint8Array> = {
    README: strToU8('Open States Data Export\n\nState: tx\nSession: 2091R\nCSV Format Version: 2.1\n'),
  };
  for (const [name, rows] of Object.entries(tables))
    entries[`tx/2091R/tx_2091R_${name}.csv`] = strToU8(csv(rows));
  return zipSync(entries);
}

const legiscanDir = path.resolve(import.meta.dirname, 'fixtures/bills/legiscan');
const rollCallDir = path.resolve(import.meta.dirname, 'fixtures/votes/legiscan');

/** The invented LegiScan SB210 getBill answer, with its change_hash and title replaceable. */
export function legiscanBill(
  changes: { changeHash?: string; title?: string; billId?: number; number?: string } = {},
) {
  const answer = JSON.parse(fs.readFileSync(path.join(legiscanDir, 'getbill-sb-210.json'), 'utf8'));
  const bill = answer.bill;
  if (changes.changeHash) bill.change_hash = changes.changeHash;
  if (changes.title) bill.title = changes.title;
  if (changes.billId) bill.bill_id = changes.billId;
  if (changes.number) bill.bill_number = changes.number;
  return answer;
}

/** A LegiScan weekly dataset zip: bill entries (`{bill}` as in datasets), the SB210 roll call and one person. */
export function legiscanDataset(
  bills: unknown[] = [legiscanBill()],
  extra: Record<string, string> = {},
): Uint8Array {
  const entries: Record<string, Uint8Array> = {
    'MD/2091-2091_Regular_Session/README.md': strToU8('Invented dataset for lawgap tests\n'),
  };
  bills.forEach((b, i) => {
    const inner = (b as { bill: { bill_number: string } }).bill;
    entries[`MD/2091-2091_Regular_Session/bill/${inner.bill_number || `B${i}`}.json`] = strToU8(
      JSON.stringify({ bill: inner }),
    );
  });
  entries['MD/2091-2091_Regular_Session/vote/9100001.json'] = strToU8(
    fs.readFileSync(path.join(rollCallDir, 'rollcall-sb-210.json'), 'utf8'),
  );
  entries['MD/2091-2091_Regular_Session/people/77001.json'] = strToU8(
    JSON.stringify({ person: { people_id: 77001, name: 'Morgan Vale', party: 'D', role: 'Sen' } }),
  );
  for (const [name, text] of Object.entries(extra)) entries[name] = strToU8(text);
  return zipSync(entries);
}

/** An invented Open States legislator CSV (tx.csv) of two people, all columns in the published order. */
export function legislatorCsv(): string {
  const header = [
    'id',
    'name',
    'current_party',
    'current_district',
    'current_chamber',
    'given_name',
    'family_name',
    'gender',
    'biography',
    'birth_date',
    'death_date',
    'image',
    'email',
    'links',
    'sources',
    'capitol_address',
    'capitol_voice',
    'capitol_fax',
    'district_address',
    'district_voice',
    'district_fax',
    'twitter',
    'youtube',
    'instagram',
    'facebook',
  ];
  return csv([
    header,
    [
      'ocd-person/33333333-0000-4000-8000-000000000001',
      'Avery Quill',
      'Democratic',
      '143',
      'lower',
      'Avery',
      'Quill',
      '',
      '',
      '',
      '',
      'https://example.invalid/quill.jpg',
      'avery.quill@example.invalid',
      'https://example.invalid/quill;https://example.invalid/quill-2',
      'https://example.invalid/src',
      'Room 1, Invented Capitol, Austin, TX',
      '512-555-0101',
      '',
      '1 Invented St, Houston, TX',
      '713-555-0101',
      '',
      'averyquill',
      '',
      '',
      '',
    ],
    [
      'ocd-person/33333333-0000-4000-8000-000000000002',
      'Rowan Pike',
      'Republican',
      '7',
      'upper',
      'Rowan',
      'Pike',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'https://example.invalid/src',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
  ]);
}
