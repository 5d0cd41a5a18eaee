import { describe, expect, it } from 'vitest';
import { normalizeEmail, passwordProblem, slugify } from './accounts.ts';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ann.Lee@Example.ORG \n')).toBe('ann.lee@example.org');
    expect(normalizeEmail('ann@example.org')).toBe('ann@example.org');
  });
});

describe('slugify', () => {
  it('makes a URL-safe slug from a name', () => {
    expect(slugify('Polaris Project')).toBe('polaris-project');
    expect(slugify('  Acción contra la Trata, México!  ')).toBe('accion-contra-la-trata-mexico');
    expect(slugify('Comité Contre l’Esclavage Moderne')).toBe('comite-contre-l-esclavage-moderne');
    expect(slugify('A & B -- C')).toBe('a-b-c');
  });

  it('falls back to "org" and stays within 60 characters', () => {
    expect(slugify('!!!')).toBe('org');
    expect(slugify('日本語')).toBe('org');
    const long = slugify('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-?$/);
  });
});

describe('passwordProblem', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem(`${'x'.repeat(200)}abcd`)).toBeNull();
  });

  it('bounds the length', () => {
    expect(passwordProblem('short pass1')).toBe('password must be at least 12 characters');
    expect(passwordProblem(`${'abcd'.repeat(64)}e`)).toBe('password must be at most 256 characters');
    expect(passwordProblem('abcd'.repeat(64))).toBeNull();
  });

  it('refuses trivial repetition', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toBe('password is too repetitive');
    expect(passwordProblem('abcabcabcabc')).toBe('password is too repetitive');
  });

  it('refuses a common password padded with digits or symbols to reach the length', () => {
    for (const weak of ['password1234', 'Password123!', 'qwerty123456', 'iloveyou2024', 'lawgap-2026!']) {
      expect(passwordProblem(weak), weak).toBe('password is too common');
    }
    for (const weak of ['passwordpassword', '123456123456', 'adminadmin-admin']) {
      expect(passwordProblem(weak), weak).not.toBeNull();
    }
  });

  it('refuses a password containing the name or email', () => {
    expect(passwordProblem('my name is Rosalind ok', ['rosalind', 'Rosalind Franklin'])).toBe(
      'password must not contain your name or email',
    );
    // Parts shorter than four characters are too common to forbid.
    expect(passwordProblem('correct horse battery staple', ['cor'])).toBeNull();
  });
});
