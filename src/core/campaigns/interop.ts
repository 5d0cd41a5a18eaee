/**
 * The campaign as it travels between systems (issue 6, part 7): one campaign with its targets (custom targets and
 * people with a position or an outreach), each target's positions, the outreaches (the interaction log) and the
 * tags (gaps and status). The OSDI and CSV writers (osdi.ts, interop-csv.ts) and readers (ingest/) all go
 * through this shape. Policy on identifiers: every record carries `lawgap:<our id>` first, then the identifiers
 * other systems gave it (kept unchanged); an import matches a record by any of them.
 */
import type { InteractionKind, TargetPosition } from './targets.ts';
import type { CampaignStatus } from './types.ts';

/** Our system's name in `system:id` identifiers. */
export const lawgapSystem = 'lawgap';

/** A bill of the campaign, named the way another instance can find it again. */
export interface InteropBill {
  identifiers: string[];
  session: string;
  identifier: string;
}

/** One recorded position of a target. */
export interface InteropPosition {
  position: TargetPosition;
  date: string;
  source: string | null;
  note: string | null;
}

/** A target: a custom target (any named office, optionally an imported person) or an imported person. */
export interface InteropTarget {
  identifiers: string[];
  kind: 'custom' | 'person';
  /** OCD person id (required for kind person). */
  personId: string | null;
  name: string;
  office: string | null;
  positions: InteropPosition[];
}

/** One entry of the interaction log, pointing at its target by one of the target's identifiers. */
export interface InteropOutreach {
  identifiers: string[];
  targetIdentifier: string;
  kind: InteractionKind;
  date: string;
  note: string | null;
}

/** A campaign with everything that travels with it. */
export interface CampaignBundle {
  identifiers: string[];
  title: string;
  summary: string;
  status: CampaignStatus;
  jurisdictionId: string;
  /** Indicator ids (travel as `gap:<id>` tags). */
  gaps: string[];
  bills: InteropBill[];
  startDate: string | null;
  endDate: string | null;
  createdDate: string | null;
  modifiedDate: string | null;
  targets: InteropTarget[];
  outreaches: InteropOutreach[];
}

/**
 * One problem with an imported file: where it is (a file, row and column of the CSV zip, or a JSON pointer in the
 * OSDI document) and what is wrong.
 */
export interface InteropProblem {
  file?: string;
  row?: number;
  column?: string;
  pointer?: string;
  message: string;
}

/** Where a problem is, in words: `targets.csv row 3 column kind` or `/targets/0/ocdid`. */
export function problemPlace(p: InteropProblem): string {
  if (p.pointer !== undefined) return p.pointer === '' ? '(document)' : p.pointer;
  return [p.file, p.row !== undefined ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null]
    .filter((x) => x)
    .join(' ');
}

/**
 * A bundle read from a file, with the place of each value the database still has to check (the jurisdiction,
 * each gap, each bill, each target's person), so the service's errors name them too.
 */
export interface ReadBundle {
  bundle: CampaignBundle;
  places: {
    jurisdiction: InteropProblem;
    gaps: InteropProblem[];
    bills: InteropProblem[];
    targets: InteropProblem[];
  };
}

/** `lawgap:<id>` for one of our ids. */
export function lawgapIdentifier(id: string): string {
  return `${lawgapSystem}:${id}`;
}

/** Our identifier first, then the stored foreign ones (each once, order kept). */
export function withOwnIdentifier(id: string, stored: readonly string[]): string[] {
  return [...new Set([lawgapIdentifier(id), ...stored])];
}

/** True for a well-formed `system:id` identifier (a system name, a colon, a non-empty id, no spaces). */
export function isIdentifier(value: string): boolean {
  return /^[A-Za-z0-9_.-]+:\S+$/.test(value) && value.length <= 500;
}

/** Tag names: `gap:<indicator id>` and `status:<status>`. */
export function campaignTags(bundle: Pick<CampaignBundle, 'gaps' | 'status'>): string[] {
  return [...bundle.gaps.map((g) => `gap:${g}`), `status:${bundle.status}`];
}

/** The OSDI outreach `type` for our interaction kind (OSDI's flexenum: email, in-person, phone, postal mail). */
export function osdiOutreachType(kind: InteractionKind): string {
  const types: Record<InteractionKind, string> = {
    meeting: 'in-person',
    call: 'phone',
    letter: 'postal mail',
    email: 'email',
    testimony: 'testimony',
    other: 'other',
  };
  return types[kind];
}

/** Our interaction kind for an OSDI outreach type, or null when it names none. */
export function kindFromOsdiType(type: string): InteractionKind | null {
  const kinds: Record<string, InteractionKind> = {
    'in-person': 'meeting',
    phone: 'call',
    'postal mail': 'letter',
    email: 'email',
    testimony: 'testimony',
    other: 'other',
  };
  return kinds[type.toLowerCase()] ?? null;
}

/** Splits a full name for OSDI's given_name/family_name (the last word is the family name). */
export function splitName(name: string): { given: string; family: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { given: '', family: words[0] ?? '' };
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] ?? '' };
}
