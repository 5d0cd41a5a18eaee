import { describe, expect, it } from 'vitest';
import { legislatorCsv } from '../../../test/bulk-fixtures.ts';
import { isDomainError } from '../../core/errors.ts';
import { jurisdictionOfFileName, readPeopleCsv } from './people-csv.ts';

describe('Open States legislator CSV reader', () => {
  it('reads people with one role, party, capitol and district offices, links and sources', () => {
    const records = readPeopleCsv('data/tx.csv', legislatorCsv());
    expect(records.map((r) => r.kind)).toEqual(['person', 'person']);
    const quill = records[0]?.kind === 'person' ? records[0].person : null;
    expect(quill).toEqual({
      id: 'ocd-person/33333333-0000-4000-8000-000000000001',
      name: 'Avery Quill',
      givenName: 'Avery',
      familyName: 'Quill',
      email: 'avery.quill@example.invalid',
      image: 'https://example.invalid/quill.jpg',
      jurisdictionId: 'ocd-division/country:us/state:tx',
      roles: [
        {
          type: 'lower',
          district: '143',
          jurisdictionId: 'ocd-division/country:us/state:tx',
          startDate: null,
          endDate: null,
          endReason: null,
        },
      ],
      party: [{ name: 'Democratic', startDate: null, endDate: null }],
      offices: [
        {
          classification: 'capitol',
          name: null,
          address: 'Room 1, Invented Capitol, Austin, TX',
          voice: '512-555-0101',
          fax: null,
          email: null,
        },
        {
          classification: 'district',
          name: null,
          address: '1 Invented St, Houston, TX',
          voice: '713-555-0101',
          fax: null,
          email: null,
        },
      ],
      links: [
        { url: 'https://example.invalid/quill', note: null },
        { url: 'https://example.invalid/quill-2', note: null },
      ],
      sources: [{ url: 'https://example.invalid/src', note: null }],
      otherNames: [],
    });
    const pike = records[1]?.kind === 'person' ? records[1].person : null;
    expect(pike?.offices).toEqual([]);
    expect(pike?.roles[0]?.type).toBe('upper');
  });

  it('takes the state from the option or the file name, and refuses a file that names none', () => {
    expect(jurisdictionOfFileName('/x/dc.csv')).toBe('ocd-division/country:us/district:dc');
    expect(jurisdictionOfFileName('people.csv')).toBeNull();
    const ks = readPeopleCsv('people.csv', legislatorCsv(), {
      jurisdiction: 'ocd-division/country:us/state:ks',
    });
    expect(ks[0]?.kind === 'person' && ks[0].person.jurisdictionId).toBe('ocd-division/country:us/state:ks');
    expect(() => readPeopleCsv('people.csv', legislatorCsv())).toThrow(
      'people.csv: the legislator CSV names no state: give --jurisdiction or name the file by state (tx.csv)',
    );
  });

  it('rejects a bad row naming its line, and refuses a malformed file naming the line', () => {
    const bad = legislatorCsv().replace('ocd-person/33333333-0000-4000-8000-000000000002', 'not-an-id');
    const records = readPeopleCsv('tx.csv', bad);
    expect(records[1]).toMatchObject({
      kind: 'rejected',
      reason: 'line 3: id "not-an-id" is not an OCD person id',
    });
    try {
      readPeopleCsv('tx.csv', `${legislatorCsv()}ocd-person/x,"unclosed\n`);
      expect.unreachable();
    } catch (err) {
      expect(isDomainError(err) && err.code).toBe('PEOPLE_FILE_INVALID');
      expect((err as Error).message).toBe('tx.csv: a quoted cell starting on line 4 is never closed');
    }
    expect(() => readPeopleCsv('tx.csv', 'id,name\nocd-person/x\n')).toThrow(
      'tx.csv: line 2: has 1 cells, the header has 2',
    );
    expect(() => readPeopleCsv('tx.csv', 'name\nA\n')).toThrow('tx.csv: line 1: missing column(s) id');
  });
});
