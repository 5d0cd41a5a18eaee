import { describe, expect, it } from 'vitest';
import {
  billBriefPath,
  billPath,
  billsPath,
  committeePath,
  matchBillPath,
  matchMemberPath,
  personPath,
  readBillFilters,
} from './bill-paths.ts';

describe('bill, person and committee paths', () => {
  it('encodes ids and strips the OCD prefix of people and committees', () => {
    expect(billPath('ocd-bill/6f0c')).toBe('/bills/ocd-bill%2F6f0c');
    expect(billBriefPath('abc')).toBe('/bills/abc/brief');
    expect(personPath('ocd-person/0f3a-7c2e')).toBe('/people/0f3a-7c2e');
    expect(personPath('0f3a')).toBe('/people/0f3a');
    expect(committeePath('ocd-organization/5a6b')).toBe('/committees/5a6b');
  });

  it('matches bill, brief, person and committee paths, and nothing else', () => {
    expect(matchBillPath('/bills/abc')).toEqual({ id: 'abc', brief: false });
    expect(matchBillPath('/bills/ocd-bill%2F6f0c/brief')).toEqual({ id: 'ocd-bill/6f0c', brief: true });
    expect(matchBillPath('/bills')).toBeNull();
    expect(matchBillPath('/bills/a/b')).toBeNull();
    expect(matchBillPath('/bills/%E0%A4%A')).toBeNull();
    expect(matchMemberPath('/people/0f3a')).toEqual({ kind: 'person', id: '0f3a' });
    expect(matchMemberPath('/committees/5a6b')).toEqual({ kind: 'committee', id: '5a6b' });
    expect(matchMemberPath('/people')).toBeNull();
    expect(matchMemberPath('/people/%E0%A4%A')).toBeNull();
  });

  it('reads the list filters from the query and writes them back, leaving empty ones out', () => {
    const filters = readBillFilters(
      '?stage=enacted&jurisdiction=ocd-division%2Fcountry%3Aus%2Fstate%3Atx&x=1',
    );
    expect(filters).toEqual({
      jurisdiction: 'ocd-division/country:us/state:tx',
      session: '',
      stage: 'enacted',
      subject: '',
      indicator: '',
    });
    expect(billsPath(filters)).toBe(
      '/bills?jurisdiction=ocd-division%2Fcountry%3Aus%2Fstate%3Atx&stage=enacted',
    );
    expect(billsPath({ session: '  ', subject: 'Labor' })).toBe('/bills?subject=Labor');
    expect(billsPath({})).toBe('/bills');
    expect(readBillFilters(billsPath({ subject: 'Human Services' }).slice('/bills'.length)).subject).toBe(
      'Human Services',
    );
  });
});
