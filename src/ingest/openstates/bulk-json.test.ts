import { describe, expect, it } from 'vitest';
import { bulkBillA, bulkJsonBills, bulkJsonZip } from '../../../test/bulk-fixtures.ts';
import { isDomainError } from '../../core/errors.ts';
import { readOpenStatesInput } from '../bill-bulk.ts';
import { chamberOfOrganization, divisionOfJurisdictionName, listCell } from './bulk-common.ts';
import { isOpenStatesBulkJson, readOpenStatesBulkJson, readOpenStatesJsonZip } from './bulk-json.ts';

describe('Open States bulk JSON reader', () => {
  it('reads bills with jurisdiction by name, chambers by organization name, raw text and related bills', () => {
    const text = JSON.stringify(bulkJsonBills());
    expect(isOpenStatesBulkJson(text)).toBe(true);
    const { records, votes, skippedVotes } = readOpenStatesBulkJson('tx.json', text);
    expect(skippedVotes).toBe(0);
    expect(votes).toEqual([
      {
        dedupe_key: `${bulkBillA} 2091-03-01 passage`,
        identifier: '',
        motion_text: 'passage',
        motion_classification: ['passage'],
        start_date: '2091-03-01',
        result: 'pass',
        organization: '~{"classification":"lower"}',
        legislative_session: '2091R',
        bill: bulkBillA,
        counts: [{ option: 'yes', value: 1 }],
        votes: [{ option: 'yes', voter_name: 'Avery Quill' }],
      },
    ]);
    const [a, b] = records.map((r) => r.record);
    expect(a).toMatchObject({
      source: 'openstates',
      ocdId: bulkBillA,
      jurisdictionId: 'ocd-division/country:us/state:tx',
      identifier: 'HB 901',
      fromOrganization: 'lower',
      subjects: ['Invented Labor'],
      sources: ['https://example.invalid/tx/hb901'],
    });
    expect(a?.actions.map((x) => [x.organization, x.chamber, x.classification])).toEqual([
      ['House', 'lower', ['filing']],
      ['House', 'lower', ['passage']],
      ['Senate', 'upper', ['passage']],
    ]);
    expect(a?.sponsorships.map((s) => [s.name, s.primary, s.classification])).toEqual([
      ['Avery Quill', true, 'primary'],
      ['Rowan Pike', false, 'cosponsor'],
    ]);
    expect(a?.versions[0]?.text).toBe('AN ACT relating to an invented hotline notice.');
    // The related bill in the file is named by its identifier; an id not in the file is left out.
    expect(a?.relatedBills).toEqual([
      { identifier: 'SB 12', legislativeSession: '2091R', relationType: 'related' },
    ]);
    expect(b?.identifier).toBe('SB 12');
    expect(b?.citations).toEqual([]);
    const cited = {
      ...bulkJsonBills()[1],
      citations: [{ publication: 'Inv. Code', citation: '§ 1.2', citation_type: 'chapter', url: null }],
    };
    expect(readOpenStatesBulkJson('c.json', JSON.stringify(cited)).records[0]?.record?.citations).toEqual([
      {
        publication: 'Inv. Code',
        citation: '§ 1.2',
        citationType: 'chapter',
        effective: null,
        expires: null,
        url: null,
      },
    ]);
  });

  it('takes the --jurisdiction option for unknown names and refuses a conflicting one', () => {
    const bill = { ...bulkJsonBills()[1], jurisdiction_name: 'Invented Republic' };
    const unknown = readOpenStatesBulkJson('x.json', JSON.stringify(bill));
    expect(unknown.records[0]?.reason).toBe(
      '$.jurisdiction_name: jurisdiction "Invented Republic" is not a known US jurisdiction name: give --jurisdiction',
    );
    const given = readOpenStatesBulkJson('x.json', JSON.stringify(bill), {
      jurisdiction: 'ocd-jurisdiction/country:us/state:ks/government',
    });
    expect(given.records[0]?.record?.jurisdictionId).toBe('ocd-division/country:us/state:ks');
    const conflict = readOpenStatesBulkJson('x.json', JSON.stringify(bulkJsonBills()[1]), {
      jurisdiction: 'ocd-division/country:us/state:ks',
    });
    expect(conflict.records[0]?.reason).toContain('is ocd-division/country:us/state:tx, not the');
  });

  it('rejects a bad bill naming its path, and refuses malformed JSON naming line and column', () => {
    const bills = bulkJsonBills();
    (bills[1] as Record<string, unknown>).actions = [{ description: 'x', date: 'soon' }];
    const { records } = readOpenStatesBulkJson('x.json', JSON.stringify(bills));
    expect(records[0]?.record).not.toBeNull();
    expect(records[1]?.reason).toBe('$[1].actions[0].date: "soon" is not a date');
    try {
      readOpenStatesBulkJson('bad.json', '[{"id": ');
      expect.unreachable();
    } catch (err) {
      expect(isDomainError(err) && err.code).toBe('BILL_FILE_INVALID');
      expect((err as Error).message).toMatch(/^bad\.json: invalid JSON at line 1, column/);
    }
  });

  it('reads the session JSON zip as one unit, and is picked from content by the dispatcher', () => {
    const read = readOpenStatesJsonZip('tx_2091R_json.zip', bulkJsonZip());
    expect(read.records.map((r) => r.record?.identifier)).toEqual(['HB 901', 'SB 12']);
    const viaBytes = readOpenStatesInput('download.bin', bulkJsonZip());
    expect(viaBytes.records).toHaveLength(2);
    const viaText = readOpenStatesInput('tx.json', JSON.stringify(bulkJsonBills()));
    expect(viaText.votes).toHaveLength(1);
    // A bill without an OCD id cannot name its votes' bill: they are counted, not converted.
    const noId = bulkJsonBills().map(({ id: _id, ...rest }) => rest);
    expect(readOpenStatesBulkJson('x.json', JSON.stringify(noId))).toMatchObject({
      votes: [],
      skippedVotes: 1,
    });
    expect(() => readOpenStatesInput('broken.zip', new Uint8Array([80, 75, 3, 4, 1, 2, 3]))).toThrow(
      'broken.zip: not a readable zip archive',
    );
  });

  it('maps names: jurisdictions, chambers and list cells', () => {
    expect(divisionOfJurisdictionName('District of Columbia')).toBe('ocd-division/country:us/district:dc');
    expect(divisionOfJurisdictionName('united states')).toBe('ocd-division/country:us');
    expect(divisionOfJurisdictionName('Atlantis')).toBeNull();
    expect(
      ['Senate', 'House of Delegates', 'Assembly', 'General Assembly', 'Governor', 'Rules'].map(
        chamberOfOrganization,
      ),
    ).toEqual(['upper', 'lower', 'lower', 'legislature', 'executive', null]);
    expect(listCell("['passage', 'reading-3']")).toEqual(['passage', 'reading-3']);
    expect(listCell('["it\'s"]')).toEqual(["it's"]);
    expect(listCell('{a,"b c"}')).toEqual(['a', 'b c']);
    expect(listCell('[]')).toEqual([]);
    expect(listCell("['a\\nb', 'c\\\\d', 'e\\'f', '\\x07\\u00e9']")).toEqual([
      'a\nb',
      'c\\d',
      "e'f",
      '\x07é',
    ]);
    expect(listCell("['unclosed")).toBeNull();
  });
});
