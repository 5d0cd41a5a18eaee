/**
 * Field encryption at rest: AES-256-GCM with one 32-byte key from configuration. The key comes from
 * `LAWGAP_SECRET_KEY` (base64 or hex of 32 bytes); when it is unset, a random key is generated once into
 * `<data dir>/secret.key` (mode 0600) and read from there afterwards. The key is never stored in the database
 * or the repository, so a copy of the database alone does not reveal encrypted fields.
 *
 * Ciphertext format (text, fits any column): `v1.<iv base64url>.<tag base64url>.<ciphertext base64url>`, with a
 * fresh 12-byte IV per value. Decryption with the wrong key, or of tampered text, fails with FIELD_KEY_INVALID.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/errors.ts';

/** A 32-byte AES-256 key. */
export type FieldKey = Buffer & { readonly __fieldKey: true };

/** The part of the configuration the key depends on. */
export interface FieldKeyConfig {
  /** LAWGAP_SECRET_KEY: base64 or hex of 32 bytes, or null to use the key file in the data directory. */
  secretKey: string | null;
  dataDir: string;
}

const version = 'v1';

/** Parses a key given as base64 (standard or url-safe) or 64 hex digits; throws CONFIG_INVALID otherwise. */
export function parseFieldKey(text: string): FieldKey {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== 32) {
    throw new DomainError(
      'FIELD_KEY_INVALID',
      'the secret key must be 32 bytes, given as base64 or 64 hex digits',
    );
  }
  return bytes as FieldKey;
}

/** Generates a new random key (for tests and first runs). */
export function generateFieldKey(): FieldKey {
  return randomBytes(32) as FieldKey;
}

/**
 * The field key: from `config.secretKey` when set, else from `<dataDir>/secret.key`, created with mode 0600
 * when missing (two processes racing both end up with the file written first).
 */
export function loadFieldKey(config: FieldKeyConfig): FieldKey {
  if (config.secretKey) return parseFieldKey(config.secretKey);
  const file = path.join(config.dataDir, 'secret.key');
  try {
    return parseFieldKey(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${generateFieldKey().toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseFieldKey(readFileSync(file, 'utf8'));
}

/** Encrypts a text field; every call uses a fresh IV, so equal plaintexts give different ciphertexts. */
export function encryptField(key: FieldKey, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [version, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
}

/** Decrypts a field written by encryptField; throws FIELD_KEY_INVALID for a wrong key or altered text. */
export function decryptField(key: FieldKey, ciphertext: string): string {
  const [v, iv, tag, body, ...rest] = ciphertext.split('.');
  if (v !== version || iv === undefined || tag === undefined || body === undefined || rest.length > 0) {
    throw new DomainError('FIELD_KEY_INVALID', 'the encrypted field is not in a known format');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new DomainError(
      'FIELD_KEY_INVALID',
      'the encrypted field cannot be decrypted with this key (was LAWGAP_SECRET_KEY or secret.key changed?)',
    );
  }
}

const subKeys = new WeakMap<FieldKey, Map<string, Buffer>>();

/**
 * The key for one purpose derived from the field key (HMAC-SHA-256 of `lawgap/<purpose>/v1`), so a hash or
 * signature made for one purpose says nothing about another; derived once per key and purpose.
 */
export function subKey(key: FieldKey, purpose: string): Buffer {
  let keys = subKeys.get(key);
  if (!keys) {
    keys = new Map();
    subKeys.set(key, keys);
  }
  let sub = keys.get(purpose);
  if (!sub) {
    sub = createHmac('sha256', key).update(`lawgap/${purpose}/v1`).digest();
    keys.set(purpose, sub);
  }
  return sub;
}
