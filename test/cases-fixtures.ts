/**
 * Synthetic HTCDS case files for tests (generated here; nothing is copied from the corpus). `zeroToThirtyCsv`
 * gives the cells of type_of_exploitation × gender the true counts 0, 1, …, 30, 0, 1, … in row-major order, one
 * person per record, so every publishing path can be checked against the exact suppressed and rounded values.
 */
import { caseAttributeDomains } from '../src/core/cases/case-attributes.ts';

const exploitation = caseAttributeDomains.type_of_exploitation ?? [];
const genders = caseAttributeDomains.gender ?? [];

/** The HTCDS value of a category (Multiple needs two values, Unknown an empty cell). */
function cellValue(category: string): string {
  if (category === 'Multiple') return 'ForcedLabour;Servitude';
  return category === 'Unknown' ? '' : category;
}

/** The true count given to cell i of the fixture. */
export const fixtureCount = (i: number): number => i % 31;

/** CSV with counts 0–30 over type_of_exploitation × gender, all referred in `year`, a person reference each. */
export function zeroToThirtyCsv(year = 2025): string {
  const lines = ['ext_PersonRef,vic_TypeOfExploitation,prs_Gender,cas_IncomingReferralDate,prs_FirstName'];
  let person = 0;
  exploitation.forEach((type, a) => {
    genders.forEach((gender, b) => {
      const n = fixtureCount(a * genders.length + b);
      for (let r = 0; r < n; r++) {
        lines.push(`P-${++person},"${cellValue(type)}",${cellValue(gender)},${year}-06-01,`);
      }
    });
  });
  return `${lines.join('\n')}\n`;
}
