/**
 * Sign-on letters, as rules over plain data. Policy:
 * - a letter is `draft` (being written; the invite link does not work), `open` (organisations sign through the
 *   link) or `closed` (no new signatures; the public list stays); a closed letter may be opened again;
 * - a signature is `pending` until a moderator approves or rejects it; an approved one may still be rejected;
 *   a rejected one is final (the organisation may sign again);
 * - one pending or approved signature per organisation name per letter, the name compared case-folded with
 *   spaces collapsed;
 * - a logo is a PNG or JPEG recognised by its first bytes (never by its name or declared type, never SVG) of at
 *   most 200 KB; a website is an http or https address.
 */
import type { FieldProblem } from './types.ts';

/** A letter's states. */
export const letterStatuses = ['draft', 'open', 'closed'] as const;
export type LetterStatus = (typeof letterStatuses)[number];

/** A signature's states. */
export const signatureStatuses = ['pending', 'approved', 'rejected'] as const;
export type SignatureStatus = (typeof signatureStatuses)[number];

/** Logo types accepted, by what their bytes say. */
export type LogoType = 'image/png' | 'image/jpeg';

/** Field limits of letters and signatures. */
export const signOnLimits = {
  title: 300,
  body: 50_000,
  name: 200,
  email: 254,
  website: 500,
  logoBytes: 200 * 1024,
} as const;

/** A sign-on letter as the workspace sees it. */
export interface Letter {
  id: string;
  campaignId: string;
  organizationId: string;
  title: string;
  body: string;
  status: LetterStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A signature as moderators see it (with the decrypted contact address). */
export interface Signature {
  id: string;
  letterId: string;
  organizationName: string;
  signerName: string;
  signerTitle: string | null;
  contactEmail: string;
  website: string | null;
  hasLogo: boolean;
  status: SignatureStatus;
  moderatedBy: string | null;
  moderatedAt: string | null;
  createdAt: string;
}

/** What the public sees of an approved signature: never the contact address or the signer. */
export interface PublicSignatory {
  id: string;
  organizationName: string;
  website: string | null;
  hasLogo: boolean;
  signedAt: string;
}

/** What someone submits through the invite link. */
export interface SignatureInput {
  organizationName: string;
  signerName: string;
  signerTitle: string;
  contactEmail: string;
  website: string;
}

/** The checked, trimmed fields of a signature (empty optional fields become null). */
export interface SignatureFields {
  organizationName: string;
  signerName: string;
  signerTitle: string | null;
  contactEmail: string;
  website: string | null;
}

const collapse = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

/** The key two organisation names share when they name the same organisation (case-folded, spaces collapsed). */
export function organizationKey(name: string): string {
  return collapse(name).toLowerCase();
}

/** Checks a letter's title and body; returns the problems, each naming its field. */
export function checkLetterFields(input: { title: string; body: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  if (title === '') problems.push({ field: 'title', message: 'a title is required' });
  else if (title.length > signOnLimits.title)
    problems.push({ field: 'title', message: `at most ${signOnLimits.title} characters` });
  const body = input.body.trim();
  if (body === '') problems.push({ field: 'body', message: 'the letter text is required' });
  else if (body.length > signOnLimits.body)
    problems.push({ field: 'body', message: `at most ${signOnLimits.body} characters` });
  return problems;
}

/** True for a plausible single email address. */
export function isPlausibleAddress(email: string): boolean {
  return (
    email.length <= signOnLimits.email && /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(email)
  );
}

/** True for an absolute http or https address without credentials. */
export function isWebAddress(value: string): boolean {
  if (value.length > signOnLimits.website) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Checks what an organisation submits; the problems name each field (`organizationName`, `contactEmail`…). */
export function checkSignatureFields(input: SignatureInput): {
  fields: SignatureFields;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const organizationName = collapse(input.organizationName);
  const signerName = collapse(input.signerName);
  const signerTitle = collapse(input.signerTitle);
  const contactEmail = input.contactEmail.normalize('NFC').trim().toLowerCase();
  const website = input.website.trim();
  const named = (field: string, value: string, required: boolean) => {
    if (required && value === '') problems.push({ field, message: 'required' });
    else if (value.length > signOnLimits.name)
      problems.push({ field, message: `at most ${signOnLimits.name} characters` });
  };
  named('organizationName', organizationName, true);
  named('signerName', signerName, true);
  named('signerTitle', signerTitle, false);
  if (contactEmail === '') problems.push({ field: 'contactEmail', message: 'required' });
  else if (!isPlausibleAddress(contactEmail))
    problems.push({ field: 'contactEmail', message: 'not an email address' });
  if (website !== '' && !isWebAddress(website))
    problems.push({ field: 'website', message: 'must be an http:// or https:// address' });
  return {
    fields: {
      organizationName,
      signerName,
      signerTitle: signerTitle === '' ? null : signerTitle,
      contactEmail,
      website: website === '' ? null : website,
    },
    problems,
  };
}

/** The logo's type read from its first bytes: PNG or JPEG, else null (SVG, GIF, anything renamed). */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Checks a logo; returns its type, or the problem (`logo`: wrong type or too large). */
export function checkLogo(bytes: Uint8Array): { type: LogoType } | { problem: FieldProblem } {
  if (bytes.length > signOnLimits.logoBytes)
    return { problem: { field: 'logo', message: 'the logo is larger than 200 KB' } };
  const type = sniffLogoType(bytes);
  if (!type) return { problem: { field: 'logo', message: 'the logo must be a PNG or JPEG image' } };
  return { type };
}

/** Whether a letter may move from one state to another. */
export function canMoveLetter(from: LetterStatus, to: LetterStatus): boolean {
  if (from === to) return true;
  if (from === 'draft') return to === 'open';
  if (from === 'open') return to === 'closed';
  return to === 'open';
}

/** Whether a moderator may move a signature from one state to another. */
export function canModerate(from: SignatureStatus, to: 'approved' | 'rejected'): boolean {
  if (from === 'pending') return true;
  return from === 'approved' && to === 'rejected';
}

/** Whether the public may read a letter (its text and approved signatories). */
export function isPublicLetter(status: LetterStatus): boolean {
  return status === 'open' || status === 'closed';
}

/** What an export or print view shows: the letter's paragraphs and its approved signatories by name. */
export interface LetterExport {
  title: string;
  paragraphs: string[];
  signatories: PublicSignatory[];
}

/** Builds the export data: paragraphs split on blank lines, only approved signatories, sorted by name. */
export function letterExport(
  letter: Pick<Letter, 'title' | 'body'>,
  signatories: ReadonlyArray<PublicSignatory & { status?: SignatureStatus }>,
): LetterExport {
  return {
    title: letter.title,
    paragraphs: letter.body
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    signatories: signatories
      .filter((s) => s.status === undefined || s.status === 'approved')
      .map(({ id, organizationName, website, hasLogo, signedAt }) => ({
        id,
        organizationName,
        website,
        hasLogo,
        signedAt,
      }))
      .sort((a, b) => a.organizationName.localeCompare(b.organizationName, 'en', { sensitivity: 'base' })),
  };
}
