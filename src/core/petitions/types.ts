/**
 * Petitions of a campaign and their signatures (pure: types, limits and field checks). Storage and access
 * checks are in store/ and services/; the rules are in docs/petitions.md.
 */

/** A petition is written as a draft, opened to collect signatures, then closed. */
export const petitionStatuses = ['draft', 'open', 'closed'] as const;
export type PetitionStatus = (typeof petitionStatuses)[number];

/** A signature is pending until its emailed link is confirmed, then validated. */
export const signatureStatuses = ['pending', 'validated'] as const;
export type SignatureStatus = (typeof signatureStatuses)[number];

/** The purposes a signer consents to, each recorded separately. */
export const consentPurposes = ['campaign', 'updates', 'partner'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** Version of the consent wording shown on the form (`petition.consent.*`); bump when its meaning changes. */
export const petitionConsentVersion = 'petition-consent-2026-11';

/** Field limits (characters unless named). */
export const petitionLimits = {
  titleChars: 200,
  textChars: 10_000,
  targetChars: 500,
  slugChars: 80,
  goalMax: 100_000_000,
  senderNameChars: 100,
  partnerNameChars: 200,
  signerNameChars: 100,
  postcodeChars: 16,
} as const;

/** A petition as the workspace sees it. */
export interface Petition {
  id: string;
  campaignId: string;
  slug: string;
  title: string;
  text: string;
  targetDescription: string;
  goal: number;
  status: PetitionStatus;
  senderName: string;
  senderEmail: string;
  /** The partner a signer may agree to share their details with; null: no such checkbox. */
  partnerName: string | null;
  createdAt: string;
  updatedAt: string;
  openedAt: string | null;
  closedAt: string | null;
}

/** The editable fields of a petition. */
export type PetitionFields = Pick<
  Petition,
  'slug' | 'title' | 'text' | 'targetDescription' | 'goal' | 'senderName' | 'senderEmail' | 'partnerName'
>;

/** One problem with a field, named. */
export interface PetitionProblem {
  field: string;
  message: string;
}

/** Words the public pages use under `/act/`, which no petition may take as its slug. */
export const reservedSlugs: readonly string[] = [
  'confirm',
  'unsubscribe',
  'embed',
  'letter',
  'call',
  'sign-on',
];

/** True for a slug: lower-case letters, digits and single hyphens, 3 to 80 characters, not a reserved word. */
export function isPetitionSlug(slug: string): boolean {
  return (
    slug.length >= 3 &&
    slug.length <= petitionLimits.slugChars &&
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) &&
    !reservedSlugs.includes(slug)
  );
}

/** True for a plausible single address: one `@`, a dotted domain, no spaces or angle brackets. */
export function isPlausibleAddress(email: string): boolean {
  return email.length <= 254 && /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(email);
}

/** Every problem with a petition's fields (empty when they are fine). */
export function petitionProblems(f: PetitionFields): PetitionProblem[] {
  const problems: PetitionProblem[] = [];
  const need = (field: string, value: string, max: number) => {
    if (value.trim() === '') problems.push({ field, message: 'required' });
    else if (value.length > max) problems.push({ field, message: `at most ${max} characters` });
  };
  if (!isPetitionSlug(f.slug))
    problems.push({ field: 'slug', message: 'lower-case letters, digits and hyphens, 3 to 80 characters' });
  need('title', f.title, petitionLimits.titleChars);
  need('text', f.text, petitionLimits.textChars);
  need('targetDescription', f.targetDescription, petitionLimits.targetChars);
  need('senderName', f.senderName, petitionLimits.senderNameChars);
  if (!Number.isInteger(f.goal) || f.goal < 1 || f.goal > petitionLimits.goalMax)
    problems.push({ field: 'goal', message: `a whole number from 1 to ${petitionLimits.goalMax}` });
  if (!isPlausibleAddress(f.senderEmail))
    problems.push({ field: 'senderEmail', message: 'a valid email address' });
  if (
    f.partnerName !== null &&
    (f.partnerName.trim() === '' || f.partnerName.length > petitionLimits.partnerNameChars)
  )
    problems.push({
      field: 'partnerName',
      message: `1 to ${petitionLimits.partnerNameChars} characters, or null`,
    });
  return problems;
}

/** The statuses a petition may move to from its current one (a closed petition may be opened again). */
export function nextPetitionStatuses(status: PetitionStatus): PetitionStatus[] {
  return status === 'draft' ? ['open'] : status === 'open' ? ['closed'] : ['open'];
}
