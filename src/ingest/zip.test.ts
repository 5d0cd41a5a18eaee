import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { looksLikeZip, openZip, ZipError } from './zip.ts';

const zipped = zipSync({
  'a/one.json': strToU8('{"x": 1}'),
  'a/two.txt': strToU8('\uFEFFtwo'),
  'stored.txt': [strToU8('kept as is'), { level: 0 }],
});

/** Rewrites every occurrence of an entry name (local and central headers) with one of the same length. */
function renamed(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = bytes.slice();
  const needle = strToU8(from);
  for (let i = 0; i + needle.length <= out.length; i++) {
    if (needle.every((b, j) => out[i + j] === b)) out.set(strToU8(to), i);
  }
  return out;
}

describe('zip reader', () => {
  it('lists entries and reads each lazily as bytes or text (BOM dropped), stored or deflated', () => {
    const zip = openZip('x.zip', zipped);
    expect(zip.entries.map((e) => e.path)).toEqual(['a/one.json', 'a/two.txt', 'stored.txt']);
    expect(zip.entries[0]?.size).toBe(8);
    expect(zip.text('a/one.json')).toBe('{"x": 1}');
    expect(zip.text('a/two.txt')).toBe('two');
    expect(zip.text('stored.txt')).toBe('kept as is');
    expect(() => zip.text('missing')).toThrow('x.zip: has no entry missing');
    expect(looksLikeZip(zipped)).toBe(true);
    expect(looksLikeZip(strToU8('{"a":1}'))).toBe(false);
  });

  it('refuses what is not a zip, naming the file', () => {
    expect(() => openZip('notes.zip', strToU8('just some text, no archive here at all'))).toThrow(
      'notes.zip: not a readable zip archive (no end of central directory)',
    );
    const truncated = zipped.slice(0, zipped.length - 30);
    expect(() => openZip('cut.zip', truncated)).toThrow(ZipError);
  });

  it('refuses a corrupt entry when it is read, naming the archive and entry', () => {
    let seed = 7;
    const noise = Array.from({ length: 4000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(97 + (seed % 26));
    }).join('');
    const big = zipSync({ 'big.txt': strToU8(noise) });
    const broken = big.slice();
    // Scribble over the deflate stream (the local header is 30 bytes and the name 7).
    for (let i = 40; i < 400; i++) broken[i] = 0xff;
    const zip = openZip('bad.zip', broken);
    expect(() => zip.text('big.txt')).toThrow(/^bad\.zip!big\.txt: /);
  });

  it('refuses archives with entries that climb out (.., absolute paths, drive letters)', () => {
    const evil = renamed(zipSync({ 'xx/evil.json': strToU8('{}') }), 'xx/evil.json', '../evil.json');
    expect(() => openZip('evil.zip', evil)).toThrow(
      'evil.zip: entry "../evil.json" climbs out of the archive (..); the archive is refused',
    );
    const absolute = renamed(zipSync({ 'xetc/passwd': strToU8('x') }), 'xetc/passwd', '/etc/passwd');
    expect(() => openZip('abs.zip', absolute)).toThrow('is an absolute path');
    const drive = renamed(zipSync({ 'xyz.txt': strToU8('x') }), 'xyz.txt', 'C:z.txt');
    expect(() => openZip('drive.zip', drive)).toThrow('is an absolute path');
  });

  it('guards against zip bombs by the declared sizes, per entry and in total, before inflating', () => {
    const bomb = zipSync({ 'zeros.bin': new Uint8Array(1_000_000), 'more.bin': new Uint8Array(1_000_000) });
    expect(bomb.length).toBeLessThan(10_000);
    expect(() =>
      openZip('bomb.zip', bomb, { entryBytes: 500_000, totalBytes: 10_000_000, entries: 10 }),
    ).toThrow('bomb.zip!zeros.bin: inflates to 1000000 bytes, more than the 500000 allowed per entry');
    expect(() =>
      openZip('bomb.zip', bomb, { entryBytes: 2_000_000, totalBytes: 1_500_000, entries: 10 }),
    ).toThrow('bomb.zip: the entries inflate to more than the 1500000 bytes allowed in all');
    expect(() =>
      openZip('many.zip', bomb, { entryBytes: 2_000_000, totalBytes: 3_000_000, entries: 1 }),
    ).toThrow('many.zip: not a readable zip archive (2 entries, more than the 1 allowed)');
  });

  it('never inflates past the declared size: a lying entry is refused', () => {
    const honest = zipSync({ 'a.txt': strToU8('x'.repeat(1000)) });
    // Lower the declared size in the central directory (offset 24 of its header) to 10 bytes.
    const lying = honest.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i < lying.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 10, true);
    }
    const zip = openZip('lie.zip', lying);
    expect(zip.entries[0]?.size).toBe(10);
    expect(() => zip.bytes('a.txt')).toThrow(/^lie\.zip!a\.txt: /);
    expect(deflateSync(strToU8('ok')).length).toBeGreaterThan(0);
  });

  it('refuses entries that are not UTF-8 when read as text', () => {
    const zip = openZip('latin.zip', zipSync({ 'l.csv': new Uint8Array([0x63, 0xe9, 0x0a]) }));
    expect(() => zip.text('l.csv')).toThrow('latin.zip!l.csv: is not UTF-8 text');
  });
});
