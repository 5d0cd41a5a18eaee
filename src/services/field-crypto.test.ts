import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, generateFieldKey, loadFieldKey, parseFieldKey } from './field-crypto.ts';

describe('field crypto', () => {
  it('round-trips and uses a fresh IV each time', () => {
    const key = generateFieldKey();
    const a = encryptField(key, 'whsec_abc');
    const b = encryptField(key, 'whsec_abc');
    expect(a).not.toBe(b);
    expect(a).not.toContain('whsec_abc');
    expect(decryptField(key, a)).toBe('whsec_abc');
    expect(decryptField(key, encryptField(key, ''))).toBe('');
  });

  it('refuses a wrong key, altered text and unknown formats', () => {
    const key = generateFieldKey();
    const text = encryptField(key, 'person@example.org');
    expect(() => decryptField(generateFieldKey(), text)).toThrow(/cannot be decrypted/);
    const parts = text.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptField(key, parts.join('.'))).toThrow(/cannot be decrypted/);
    expect(() => decryptField(key, 'plain text')).toThrow(/not in a known format/);
  });

  it('parses base64 and hex keys of 32 bytes only', () => {
    const key = generateFieldKey();
    expect(parseFieldKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseFieldKey(key.toString('hex')).equals(key)).toBe(true);
    expect(() => parseFieldKey('c2hvcnQ=')).toThrow(/32 bytes/);
  });

  it('uses the configured key, else creates secret.key with mode 0600 once', () => {
    const configured = generateFieldKey();
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'lawgap-key-')), 'data');
    expect(loadFieldKey({ secretKey: configured.toString('base64'), dataDir }).equals(configured)).toBe(true);
    const first = loadFieldKey({ secretKey: null, dataDir });
    const file = path.join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseFieldKey(readFileSync(file, 'utf8')).equals(first)).toBe(true);
    expect(loadFieldKey({ secretKey: null, dataDir }).equals(first)).toBe(true);
  });
});
