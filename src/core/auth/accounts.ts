/** Account domain types and rules (no IO). */
import type { Role } from './permissions.ts';

export interface User {
  id: string;
  email: string;
  displayName: string;
  instanceAdmin: boolean;
  disabled: boolean;
  locale: string | null;
  createdAt: string;
}

export interface Organization {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}

export interface Membership {
  organizationId: string;
  userId: string;
  role: Role;
  createdAt: string;
}

/** Normalizes an email address for storage and lookup (trimmed, lower-case). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A URL-safe slug from an organization name. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'org';
}

/**
 * Password policy (ASVS V6.2): at least 12 characters and at most 256, no composition rules, and not one of
 * the most common passwords or a trivial repetition. Returns the problem, or null when acceptable.
 */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if (password.length < 12) return 'password must be at least 12 characters';
  if (password.length > 256) return 'password must be at most 256 characters';
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return 'password is too repetitive';
  // Every common password is shorter than the minimum, so the weak form is one padded to length with digits
  // or symbols ("Password123!") or repeated: what is left once those are removed is the common word itself.
  const letters = lower.replace(/[^a-z]/g, '');
  if (
    commonPasswords.some((c) => lower.includes(c) && letters.split(c.replace(/[^a-z]/g, '')).join('') === '')
  ) {
    return 'password is too common';
  }
  for (const part of context) {
    const p = part.toLowerCase();
    if (p.length >= 4 && lower.includes(p)) return 'password must not contain your name or email';
  }
  return null;
}

const commonPasswords = [
  'password',
  'passw0rd',
  'qwerty',
  '123456',
  '12345678',
  'letmein',
  'welcome',
  'iloveyou',
  'admin',
  'lawgap',
  'abc123',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'trustno1',
  'changeme',
];
