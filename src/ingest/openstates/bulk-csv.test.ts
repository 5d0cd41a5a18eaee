import { describe, expect, it } from 'vitest';
import { bulkBillA, csvTables, csvZip } from '../../../test/bulk-fixtures.ts';
import { isDomainError } from '../../core/errors.ts';
import { readOpenStatesInput } from '../bill-bulk.ts';
import { readOpenStatesCsvZip } from './bulk-csv.ts';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (isDomainError(err) && err.code === 'BILL_FILE_INVALID') return err.message;
    throw err;
  }
  throw new Error('expected BILL_FILE_INVALID');
}

describe('Open States CSV v2.1 zip reader', () => {
  it('joins the tables by id into bills: actions in order with chambers, sponsors, versions, related bills', () => {
    const { records, votes, skippedVotes } = readOpenStatesCsvZip('tx_2091R_csv.zip', csvZip());
    expect(skippedVotes).toBe(0);
    expect(votes).toEqual([
      {
        _id: 'ocd-vote/22222222-0000-4000-8000-000000000001',
        identifier: '',
        motion_text: 'passage',
        motion_classification: ['passage'],
        start_date: '2091-03-01',
        result: 'pass',
        organization: '~{"classification":"lower"}',
        legislative_session: '2091R',
        bill: bulkBillA,
        counts: [
          { option: 'yes', value: 2 },
          { option: 'no', value: 0 },
        ],
        votes: [
          { option: 'yes', voter_name: 'Avery Quill', voter_id: null },
          { option: 'yes', voter_name: 'Rowan Pike', voter_id: null },
        ],
      },
    ]);
    expect(records.map((r) => r.reason)).toEqual([null, null]);
    const a = records[0]?.record;
    expect(a).toMatchObject({
      ocdId: bulkBillA,
      jurisdictionId: 'ocd-division/country:us/state:tx',
      identifier: 'HB 901',
      fromOrganization: 'lower',
      classification: ['bill'],
      subjects: ['Invented Labor', "Workers' notices"],
      sources: ['https://example.invalid/tx/hb901'],
      relatedBills: [{ identifier: 'SB 12', legislativeSession: '2091R', relationType: 'companion' }],
      abstracts: [
        { abstract: 'An invented abstract, with a comma.', note: 'Introduced', date: '2091-01-10' },
      ],
    });
    expect(a?.actions.map((x) => [x.order, x.description, x.chamber, x.classification])).toEqual([
      [0, 'Filed', 'lower', ['filing']],
      [1, 'Passed the House', 'lower', ['passage', 'reading-3']],
      [2, 'Passed the Senate', 'upper', ['passage']],
    ]);
    expect(a?.sponsorships.map((s) => [s.name, s.primary])).toEqual([
      ['Avery Quill', true],
      ['Rowan Pike', false],
    ]);
    expect(a?.versions).toEqual([
      {
        note: 'Introduced',
        date: '2091-01-10',
        classification: null,
        links: [{ url: 'https://example.invalid/tx/hb901.pdf', mediaType: 'application/pdf' }],
        text: null,
      },
    ]);
    expect(records[1]?.record?.actions[0]?.chamber).toBe('upper');
    expect(readOpenStatesInput('x.zip', csvZip()).records).toHaveLength(2);
  });

  it('names the entry and line of a malformed row, a dangling id and a missing column', () => {
    const uneven = csvTables();
    uneven.bill_actions?.push(['act-9', bulkBillA, 'org', 'Too few cells']);
    expect(refusal(() => readOpenStatesCsvZip('z.zip', csvZip(uneven)))).toBe(
      'z.zip!tx/2091R/tx_2091R_bill_actions.csv line 6: has 4 cells, the header has 8',
    );
    const dangling = csvTables();
    dangling.bill_sources?.push([
      'src-9',
      'ocd-bill/0a1b2c3d-0000-4000-8000-0000000000ff',
      'https://x.invalid',
      '',
    ]);
    expect(refusal(() => readOpenStatesCsvZip('z.zip', csvZip(dangling)))).toBe(
      'z.zip!tx/2091R/tx_2091R_bill_sources.csv line 3: bill_id "ocd-bill/0a1b2c3d-0000-4000-8000-0000000000ff" names no bill of this zip',
    );
    const noTitle = csvTables();
    noTitle.bills = (noTitle.bills ?? []).map((r) => r.filter((_c, i) => i !== 2));
    expect(refusal(() => readOpenStatesCsvZip('z.zip', csvZip(noTitle)))).toBe(
      'z.zip!tx/2091R/tx_2091R_bills.csv line 1: missing column(s) title',
    );
    const badCount = csvTables();
    badCount.vote_counts?.push(['vc-9', 'ocd-vote/22222222-0000-4000-8000-000000000001', 'yes', 'many']);
    expect(refusal(() => readOpenStatesCsvZip('z.zip', csvZip(badCount)))).toBe(
      'z.zip!tx/2091R/tx_2091R_vote_counts.csv line 4: value "many" is not a whole number',
    );
    const strayVoter = csvTables();
    strayVoter.vote_people?.push([
      'vp-9',
      'ocd-vote/22222222-0000-4000-8000-0000000000ff',
      'yes',
      'X',
      '',
      '',
    ]);
    expect(refusal(() => readOpenStatesCsvZip('z.zip', csvZip(strayVoter)))).toContain(
      'tx_2091R_vote_people.csv line 4: vote_event_id "ocd-vote/22222222-0000-4000-8000-0000000000ff" names no vote',
    );
    const noBills = csvTables();
    delete noBills.bills;
    expect(refusal(() => readOpenStatesInput('z.zip', csvZip(noBills)))).toContain('holds no .json entry');
  });

  it('rejects a bill with bad cells, naming every entry and line at fault', () => {
    const bad = csvTables();
    const actions = bad.bill_actions ?? [];
    if (actions[2]) actions[2][4] = 'next week';
    if (actions[3]) actions[3][5] = "['passage'";
    const { records } = readOpenStatesCsvZip('z.zip', csvZip(bad));
    expect(records[0]?.record).toBeNull();
    expect(records[0]?.reason).toBe(
      'z.zip!tx/2091R/tx_2091R_bill_actions.csv line 3: date "next week" is not a date; ' +
        `z.zip!tx/2091R/tx_2091R_bill_actions.csv line 4: classification "['passage'" is not a list`,
    );
    expect(records[1]?.record).not.toBeNull();
  });
});
