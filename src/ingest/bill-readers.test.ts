import { describe, expect, it } from 'vitest';
import { isDomainError } from '../core/errors.ts';
import { readLegiScanBills } from './legiscan/bills.ts';
import { readOpenStatesBills } from './openstates/bills.ts';

const apiBill = (over: Record<string, unknown> = {}) => ({
  id: 'ocd-bill/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  session: '2091',
  jurisdiction: { id: 'ocd-jurisdiction/country:us/state:ks/government' },
  identifier: 'hb1',
  title: 'An invented title',
  actions: [],
  ...over,
});

describe('Open States reader', () => {
  it('reads pseudo-id organizations and API organization objects into chambers', () => {
    const [r] = readOpenStatesBills(
      'a.json',
      JSON.stringify(
        apiBill({
          from_organization: '~{"classification": "upper"}',
          actions: [
            {
              organization: { name: 'Senate', classification: 'upper' },
              date: '2091-01-01',
              description: 'a',
              classification: ['introduction'],
            },
            {
              organization_id: '~{"classification": "lower"}',
              date: '2091-02-01T10:00:00-05:00',
              description: 'b',
              classification: [],
            },
            { organization: 'ocd-organization/123', date: '2091-03', description: 'c' },
          ],
        }),
      ),
    );
    expect(r?.reason).toBeNull();
    expect(r?.record?.identifier).toBe('HB 1');
    expect(r?.record?.fromOrganization).toBe('upper');
    expect(r?.record?.actions.map((a) => [a.organization, a.chamber, a.order])).toEqual([
      ['Senate', 'upper', 0],
      ['lower', 'lower', 1],
      ['ocd-organization/123', null, 2],
    ]);
  });

  it('rejects each bad record with the JSON path and reads the others', () => {
    const records = readOpenStatesBills(
      'list.json',
      JSON.stringify([
        apiBill(),
        apiBill({ id: 'not-a-uuid', identifier: 'HB 2' }),
        apiBill({
          identifier: 'HB 3',
          citations: [{ publication: 'X', citation: '1', citation_type: 'guess' }],
        }),
        apiBill({ identifier: 'HB 4', actions: [{ date: 'last tuesday', description: 'x' }] }),
        apiBill({ identifier: 'HB 5', sponsorships: [{ name: 'A', entity_type: 'robot' }] }),
        { name: 'Judiciary 4', classification: 'committee' },
        'a string',
      ]),
    );
    expect(records.map((r) => r.reason)).toEqual([
      null,
      '$[1].id: "not-a-uuid" is not an OCD bill id',
      '$[2].citations[0].citation_type: "guess" is not one of proposed, chapter, final, other',
      '$[3].actions[0].date: "last tuesday" is not a date',
      '$[4].sponsorships[0].entity_type: "robot" is not person or organization',
      '$[5]: not an Open States bill (it has neither legislative_session nor session)',
      '$[6]: must be an object',
    ]);
    expect(records.map((r) => r.label)).toEqual([
      'HB 1 (2091)',
      'HB 2',
      'HB 3',
      'HB 4',
      'HB 5',
      'record 6',
      'record 7',
    ]);
  });

  it('throws BILL_FILE_INVALID with the file, line and column for malformed JSON', () => {
    try {
      readOpenStatesBills('dir/x.json', '[\n  {"a": 1},\n  {"b" 2}\n]');
      expect.unreachable();
    } catch (err) {
      expect(isDomainError(err, 'BILL_FILE_INVALID')).toBe(true);
      expect((err as Error).message).toMatch(/^dir\/x\.json: invalid JSON at line 3, column 8: /);
    }
  });
});

describe('LegiScan reader', () => {
  it('rejects an error answer and a non-bill, naming why', () => {
    const [error] = readLegiScanBills(
      'e.json',
      JSON.stringify({ status: 'ERROR', alert: { message: 'Unknown bill id' } }),
    );
    expect(error?.reason).toBe('$.status: LegiScan answered "ERROR", not OK');
    const [other] = readLegiScanBills('p.json', JSON.stringify({ status: 'OK', person: { people_id: 1 } }));
    expect(other?.reason).toBe('$: not a LegiScan bill (it has no bill_id)');
  });

  it('needs a change_hash and a state code', () => {
    const bill = {
      bill_id: 1,
      state: 'Maryland',
      session: { session_name: 'S' },
      bill_number: 'SB1',
      title: 't',
    };
    const [badState] = readLegiScanBills('b.json', JSON.stringify({ status: 'OK', bill }));
    expect(badState?.reason).toBe('$.bill.state: "Maryland" is not a two-letter state code');
    const [noHash] = readLegiScanBills('b.json', JSON.stringify({ ...bill, state: 'MD' }));
    expect(noHash?.reason).toBe('$.change_hash: is required');
  });
});
