/** Interface names for the codes of bills, votes, hearings, people and committees; unknown codes stay as given. */
import type { MessageKey } from '../../core/i18n/messages.ts';
import type { BillStage } from '../api/bill-types.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const chambers = ['upper', 'lower', 'legislature', 'executive'] as const;
const options = ['yes', 'no', 'absent', 'abstain', 'not voting', 'paired', 'excused', 'other'] as const;
const statuses = ['cancelled', 'tentative', 'confirmed', 'passed'] as const;
const committeeRoles = ['chair', 'vice-chair', 'member'] as const;
const offices = ['capitol', 'district', 'primary'] as const;

const isOneOf = <V extends string>(list: readonly V[], value: string): value is V =>
  (list as readonly string[]).includes(value);

/** The name of a normalised stage. */
export function stageName(t: T, stage: BillStage): string {
  return t(`app.bills.stage.${stage}`);
}

/** The name of a chamber (upper, lower, legislature, executive); other values as given, null as ''. */
export function chamberName(t: T, chamber: string | null): string {
  if (!chamber) return '';
  return isOneOf(chambers, chamber) ? t(`app.bill.chamber.${chamber}`) : chamber;
}

/** The name of a vote option. */
export function optionName(t: T, option: string): string {
  return isOneOf(options, option) ? t(`app.bill.option.${option}`) : option;
}

/** The name of a hearing status. */
export function hearingStatusName(t: T, status: string): string {
  return isOneOf(statuses, status) ? t(`app.bill.hearingStatus.${status}`) : status;
}

/** The name of a committee role (chair, vice-chair, member); other roles as the source wrote them. */
export function committeeRoleName(t: T, role: string): string {
  const key = role.trim().toLowerCase().replace(/\s+/g, '-');
  return isOneOf(committeeRoles, key) ? t(`app.committee.role.${key}`) : role;
}

/** The name of an office classification (capitol, district, primary); others as given. */
export function officeName(t: T, classification: string): string {
  return isOneOf(offices, classification) ? t(`app.person.office.${classification}`) : classification;
}
