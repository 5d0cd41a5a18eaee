/**
 * The publishable attributes of case records: each is derived from one accepted HTCDS field and has a fixed list
 * of categories (PUB-10), so `tabulate` can give every combination a cell. An empty field is `Unknown`; a
 * multiselect with more than one value is `Multiple`, so each record falls in exactly one cell; age is bucketed
 * into groups before it is ever counted. Names are snake_case, as the API and the command line write them.
 */
import type { AttributeDomains, CaseRow } from '../privacy/tabulate.ts';
import type { CaseRecordInput } from './case-csv.ts';
import { acceptedField } from './htcds-fields.ts';

/** The age groups of vic_AgeWhenTrafficked. */
export const ageGroups = ['under_18', '18_to_24', '25_to_34', '35_to_49', '50_and_over', 'Unknown'] as const;

const fromField: Record<string, string> = {
  gender: 'prs_Gender',
  trafficking_status: 'vic_TraffickingStatus',
  decision_making_org: 'vic_TraffickingStatusDecisionMakingOrg',
  relationship_to_trafficker: 'vic_RelationshipToTrafficker',
  method_of_recruitment: 'vic_MethodOfRecruitment',
  methods_of_control: 'vic_MethodsOfControl',
  type_of_exploitation: 'vic_TypeOfExploitation',
  forced_labour_industry: 'vic_ForcedLabourIndustry',
  type_of_sex_exploitation: 'vic_TypeOfSexExploitation',
  case_status: 'cas_Status',
  reason_for_referral: 'cas_ReasonForIncomingReferral',
};

/** The country attributes (ISO 3166-1 alpha-2 codes): broken down only into countries the releaser names. */
export const countryAttributes: Readonly<Record<string, string>> = {
  citizenship: 'prs_Citizenship',
  event_country: 'hte_Country',
};

/** Every publishable attribute name. */
export const caseAttributes: readonly string[] = [
  ...Object.keys(fromField),
  'age_group',
  ...Object.keys(countryAttributes),
];

/** The most countries one release may name. */
export const maxReleaseCountries = 30;

/**
 * The categories of the country attributes for the named countries: each country, then `Other` (any country
 * not named), `Multiple` (several citizenships) and `Unknown`. The list comes from the release, never from the
 * data, so a category's presence reveals nothing (PUB-3).
 */
export function countryDomains(countries: readonly string[]): AttributeDomains {
  const list = [...new Set(countries)].sort();
  return Object.fromEntries(
    Object.keys(countryAttributes).map((a) => [a, [...list, 'Other', 'Multiple', 'Unknown']]),
  );
}

/** The categories of every publishable attribute. */
export const caseAttributeDomains: AttributeDomains = Object.fromEntries([
  ...Object.entries(fromField).map(([attribute, name]): [string, string[]] => {
    const field = acceptedField(name);
    const multiple = field?.type === 'Multiselect Picklist' ? ['Multiple'] : [];
    return [attribute, [...(field?.values ?? []), ...multiple, 'Unknown']];
  }),
  ['age_group', [...ageGroups]] satisfies [string, string[]],
  // Without named countries, every country is `Other`: pass countryDomains(list) to break some out.
  ...Object.entries(countryDomains([])),
]);

/** The age group of an age in whole years. */
export function ageGroupOf(age: number | undefined): (typeof ageGroups)[number] {
  if (age === undefined) return 'Unknown';
  if (age < 18) return 'under_18';
  if (age < 25) return '18_to_24';
  if (age < 35) return '25_to_34';
  if (age < 50) return '35_to_49';
  return '50_and_over';
}

/**
 * A stored record as the privacy module sees it: its unit and one category per publishable attribute; country
 * fields fall into one of `countries`, `Other`, `Multiple` or `Unknown`.
 */
export function toCaseRow(
  unit: string,
  fields: CaseRecordInput['fields'],
  countries: readonly string[] = [],
): CaseRow {
  const values: Record<string, string> = {};
  for (const [attribute, name] of Object.entries(fromField)) {
    const value = fields[name];
    if (Array.isArray(value)) {
      values[attribute] = value.length > 1 ? 'Multiple' : (value[0] ?? 'Unknown');
    } else values[attribute] = typeof value === 'string' ? value : 'Unknown';
  }
  const age = fields.vic_AgeWhenTrafficked;
  values.age_group = ageGroupOf(typeof age === 'number' ? age : undefined);
  for (const [attribute, name] of Object.entries(countryAttributes)) {
    const raw = fields[name];
    const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
    const one = list[0];
    values[attribute] =
      one === undefined ? 'Unknown' : list.length > 1 ? 'Multiple' : countries.includes(one) ? one : 'Other';
  }
  return { unit, values };
}
