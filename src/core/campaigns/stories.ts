/**
 * Survivor stories shared only with consent (issue 6, scope 4; ../shared/reference/security.md CON-1…CON-8).
 * Pure rules: what a complete consent record holds, when a story may be published, when it has expired, and
 * the check that blocks publishing text that names the person it is about. Storage encrypts the text and the
 * person's identifiers (services/stories.ts); nothing here ever logs or returns them.
 */
import { isIsoDate } from '../laws/intervals.ts';

export const storyChannels = ['web', 'print', 'social', 'press'] as const;
export type StoryChannel = (typeof storyChannels)[number];

/** How identifiable the published story is; pseudonymous is the default (CON-4). */
export const identifiabilityLevels = ['anonymous', 'pseudonymous', 'identified'] as const;
export type Identifiability = (typeof identifiabilityLevels)[number];

export const storyStatuses = ['draft', 'published', 'withdrawn'] as const;
export type StoryStatus = (typeof storyStatuses)[number];

/** The longest consent allowed: three years after it was given (CON-2). */
export const maxConsentYears = 3;

/** A consent record: every field must be present before publishing (CON-1). */
export interface StoryConsent {
  purpose: string | null;
  channels: StoryChannel[];
  identifiability: Identifiability | null;
  /** The date consent was given. */
  givenOn: string | null;
  /** The date the story stops being published (≤ 3 years after `givenOn`). */
  expiresOn: string | null;
  /** How the survivor withdraws (a person, a phone line, an address). */
  withdrawalRoute: string | null;
  /** How long the story and its record are kept after it ends, in months. */
  retentionMonths: number | null;
  /** Whether non-identifying research use is allowed. */
  researchUse: boolean | null;
  /** The version of the consent text shown. */
  consentTextVersion: string | null;
  /** Who recorded the consent (an advocate), as written on the form. */
  recordedBy: string | null;
}

/** Identifiers of the person a story is about, checked against the text before publishing (never published). */
export interface StorySubject {
  name: string | null;
  aliases: string[];
  phones: string[];
  emails: string[];
  /** Other details that identify them: places, exact dates, employers… */
  other: string[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Every missing or invalid consent field (an empty list means the record is complete). */
export function consentProblems(c: StoryConsent): FieldProblem[] {
  const p: FieldProblem[] = [];
  const text = (v: string | null) => v !== null && v.trim() !== '';
  if (!text(c.purpose)) p.push({ field: 'consent.purpose', message: 'say what the story may be used for' });
  if (c.channels.length === 0)
    p.push({ field: 'consent.channels', message: 'name at least one channel consented to' });
  if (c.identifiability === null)
    p.push({ field: 'consent.identifiability', message: 'choose how identifiable the story is' });
  if (c.givenOn === null || !isIsoDate(c.givenOn))
    p.push({ field: 'consent.givenOn', message: 'give the date consent was given (YYYY-MM-DD)' });
  if (c.expiresOn === null || !isIsoDate(c.expiresOn)) {
    p.push({ field: 'consent.expiresOn', message: 'give the date consent expires (YYYY-MM-DD)' });
  } else if (c.givenOn !== null && isIsoDate(c.givenOn)) {
    if (c.expiresOn <= c.givenOn)
      p.push({ field: 'consent.expiresOn', message: 'must be after the date consent was given' });
    else if (c.expiresOn > addYears(c.givenOn, maxConsentYears))
      p.push({
        field: 'consent.expiresOn',
        message: `at most ${maxConsentYears} years after consent (${addYears(c.givenOn, maxConsentYears)})`,
      });
  }
  if (!text(c.withdrawalRoute))
    p.push({ field: 'consent.withdrawalRoute', message: 'say how the survivor can withdraw' });
  if (
    c.retentionMonths === null ||
    !Number.isInteger(c.retentionMonths) ||
    c.retentionMonths < 1 ||
    c.retentionMonths > 120
  )
    p.push({
      field: 'consent.retentionMonths',
      message: 'give the retention period in whole months (1–120)',
    });
  if (c.researchUse === null)
    p.push({ field: 'consent.researchUse', message: 'say whether non-identifying research use is allowed' });
  if (!text(c.consentTextVersion))
    p.push({ field: 'consent.consentTextVersion', message: 'name the consent text version shown' });
  if (!text(c.recordedBy)) p.push({ field: 'consent.recordedBy', message: 'say who recorded the consent' });
  return p;
}

/** True when the story is past its consent's expiry on `today` (it is then never shown). */
export function isExpired(consent: Pick<StoryConsent, 'expiresOn'>, today: string): boolean {
  return consent.expiresOn !== null && consent.expiresOn <= today;
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The kinds of identifying detail found in the text (never the values themselves): the person's name or any
 * word of it longer than two letters, aliases, phone numbers (by digits), emails, and the other details given.
 * Unless the story is published as `identified`, any hit blocks publishing (CON-4).
 */
export function identifyingDetails(text: string, subject: StorySubject): string[] {
  const hay = fold(text);
  const digits = text.replace(/\D/g, '');
  const found = new Set<string>();
  const contains = (needle: string) => {
    const n = fold(needle.trim());
    if (n.length < 3) return false;
    const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(hay);
  };
  if (
    subject.name &&
    (contains(subject.name) || subject.name.split(/\s+/).some((w) => w.length > 2 && contains(w)))
  )
    found.add('name');
  if (subject.aliases.some(contains)) found.add('alias');
  if (
    subject.phones.some((ph) => {
      const d = ph.replace(/\D/g, '');
      return d.length >= 6 && digits.includes(d.slice(-7));
    })
  )
    found.add('phone');
  if (subject.emails.some((e) => hay.includes(fold(e.trim())) && e.trim() !== '')) found.add('email');
  if (subject.other.some(contains)) found.add('other identifying detail');
  return [...found];
}
