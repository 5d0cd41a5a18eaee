import { describe, expect, it } from 'vitest';
import { caseAttributeDomains, countryDomains, toCaseRow } from './case-attributes.ts';
import { readCaseTable } from './case-csv.ts';

const secret = 'Marisol Quintero-Secret';

describe('readCaseTable', () => {
  it('reads accepted fields, multiselects sorted, the referral year and the person reference', () => {
    const { records, problems } = readCaseTable([
      [
        'prs_Gender',
        'vic_TypeOfExploitation',
        'cas_IncomingReferralDate',
        'vic_AgeWhenTrafficked',
        'ext_PersonRef',
        'prs_FirstName',
      ],
      ['Feminine', 'SexualExploitation;ForcedLabour', '2025-03-04', '16', 'P-1', ''],
      ['', '', '', '', 'P-2', ''],
      ['', '', '', '', '', ''],
    ]);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        row: 2,
        personRef: 'P-1',
        year: 2025,
        fields: {
          prs_Gender: 'Feminine',
          vic_TypeOfExploitation: ['ForcedLabour', 'SexualExploitation'],
          cas_IncomingReferralDate: '2025-03-04',
          vic_AgeWhenTrafficked: 16,
        },
      },
      { row: 3, personRef: 'P-2', year: null, fields: {} },
    ]);
  });

  it('names row and column of every bad cell without quoting any cell', () => {
    const { records, problems } = readCaseTable([
      ['prs_Gender', 'vic_AgeWhenTrafficked', 'cas_IncomingReferralDate', 'vic_MethodsOfControl'],
      [secret, 'twelve', '2025-02-30', 'DebtBondage;Blackmail'],
      ['Masculine', '130', '2025-01-01', 'DebtBondage'],
    ]);
    expect(records).toEqual([]);
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual([
      '2:prs_Gender',
      '2:vic_AgeWhenTrafficked',
      '2:cas_IncomingReferralDate',
      '2:vic_MethodsOfControl',
      '3:vic_AgeWhenTrafficked',
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/Marisol|twelve|Blackmail|130|2025-02-30/);
  });

  it('refuses a rejected column with a value, and an unknown column, naming them', () => {
    const { problems } = readCaseTable([
      ['prs_Gender', 'prs_FirstName', 'cco_CaseComment', 'prs_Email', 'favourite_colour'],
      ['Feminine', secret, '', '', 'blue'],
    ]);
    expect(problems.map((p) => p.column)).toEqual(['prs_FirstName', 'favourite_colour']);
    expect(problems[0]?.message).toMatch(/direct identifier/);
    expect(JSON.stringify(problems)).not.toContain('Marisol');
  });

  it('refuses a file without records and a repeated column', () => {
    expect(readCaseTable([['prs_Gender']]).problems[0]?.row).toBe(0);
    expect(
      readCaseTable([
        ['prs_Gender', 'prs_Gender'],
        ['Feminine', 'Feminine'],
      ]).problems[0]?.message,
    ).toMatch(/twice/);
  });
});

describe('toCaseRow', () => {
  it('puts every record in exactly one category of each attribute', () => {
    const row = toCaseRow('u', {
      vic_TypeOfExploitation: ['ForcedLabour', 'Servitude'],
      vic_AgeWhenTrafficked: 30,
    });
    expect(row.values.type_of_exploitation).toBe('Multiple');
    expect(row.values.age_group).toBe('25_to_34');
    expect(row.values.gender).toBe('Unknown');
    for (const [attribute, value] of Object.entries(row.values)) {
      expect(caseAttributeDomains[attribute], attribute).toContain(value);
    }
  });
});

describe('country fields', () => {
  const codes = new Set(['GT', 'MX', 'US']);

  it('reads ISO 3166 codes in any case and refuses others, naming row and column, never the value', () => {
    const good = readCaseTable(
      [
        ['prs_Citizenship', 'hte_Country'],
        ['mx; GT', 'us'],
      ],
      codes,
    );
    expect(good.problems).toEqual([]);
    expect(good.records[0]?.fields).toEqual({ prs_Citizenship: ['GT', 'MX'], hte_Country: 'US' });
    const bad = readCaseTable(
      [
        ['prs_Citizenship', 'hte_Country'],
        ['MX;Narnia', 'Narnia'],
      ],
      codes,
    );
    expect(bad.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['2:prs_Citizenship', '2:hte_Country']);
    expect(JSON.stringify(bad.problems)).not.toContain('Narnia');
    // Without a list of codes, every country is refused.
    expect(readCaseTable([['hte_Country'], ['MX']]).problems).toHaveLength(1);
  });

  it('breaks out only the named countries; the rest are Other, several Multiple, none Unknown', () => {
    const named = ['MX'];
    const row = (fields: Record<string, string | string[]>) => toCaseRow('u', fields, named).values;
    expect(row({ prs_Citizenship: ['MX'], hte_Country: 'US' })).toMatchObject({
      citizenship: 'MX',
      event_country: 'Other',
    });
    expect(row({ prs_Citizenship: ['GT', 'MX'] })).toMatchObject({
      citizenship: 'Multiple',
      event_country: 'Unknown',
    });
    expect(countryDomains(named).citizenship).toEqual(['MX', 'Other', 'Multiple', 'Unknown']);
    // Without named countries every country is Other, and the default domains hold that.
    expect(toCaseRow('u', { hte_Country: 'MX' }).values.event_country).toBe('Other');
    expect(caseAttributeDomains.event_country).toEqual(['Other', 'Multiple', 'Unknown']);
  });
});
