/**
 * Reading zip archives (bulk data: Open States session zips, LegiScan weekly datasets). Policy:
 * - the central directory is read once and every entry is checked before any is inflated: an entry whose
 *   name climbs out of the archive (`..`, an absolute path, a drive letter) refuses the whole archive, and so
 *   do encrypted entries, compression other than stored or deflate, and sizes past the limits (a zip bomb
 *   declares a small archive that inflates to gigabytes: the declared sizes are capped per entry and in total,
 *   and an entry is never inflated past its declared size);
 * - entries are inflated one at a time, when asked for, so a large archive is never held expanded at once;
 * - every problem is a `ZipError` whose message names the archive (and the entry).
 * Inflation uses fflate; the directory parsing is ours so each entry can be read lazily.
 */
import { inflateSync } from 'fflate';

/** Why an archive (or one entry) could not be read; the message names the archive. */
export class ZipError extends Error {}

/** Size limits of one archive. */
export interface ZipLimits {
  /** Largest uncompressed entry, in bytes. */
  entryBytes: number;
  /** Largest sum of uncompressed entries, in bytes. */
  totalBytes: number;
  /** Most entries. */
  entries: number;
}

/** Default limits: 512 MiB per entry (about the longest string V8 holds), 2 GiB in all, 200,000 entries. */
export const defaultZipLimits: ZipLimits = {
  entryBytes: 512 * 1024 * 1024,
  totalBytes: 2 * 1024 * 1024 * 1024,
  entries: 200_000,
};

/** One file in an archive (folders are not listed). */
export interface ZipEntry {
  /** Path inside the archive, with `/` separators. */
  path: string;
  /** Declared uncompressed size in bytes. */
  size: number;
}

/** An opened archive: its entries and lazy readers. */
export interface ZipArchive {
  name: string;
  entries: ZipEntry[];
  /** The entry's bytes; throws ZipError for an unknown or corrupt entry. */
  bytes(path: string): Uint8Array;
  /** The entry's text as UTF-8 (a byte-order mark dropped). */
  text(path: string): string;
}

interface Located extends ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** True when the bytes start like a zip archive (a local file header, or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/** A name that would escape a folder it is extracted into, or null when it is safe. */
function traversal(name: string): string | null {
  if (name.includes('\0')) return 'has a NUL character';
  const p = name.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return 'is an absolute path';
  if (p.split('/').includes('..')) return 'climbs out of the archive (..)';
  return null;
}

const utf8 = new TextDecoder('utf-8');
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function directory(name: string, data: Uint8Array, limits: ZipLimits): Located[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const fail = (what: string): never => {
    throw new ZipError(`${name}: not a readable zip archive (${what})`);
  };
  const u16 = (at: number) => (at + 2 <= data.length ? view.getUint16(at, true) : fail('truncated'));
  const u32 = (at: number) => (at + 4 <= data.length ? view.getUint32(at, true) : fail('truncated'));
  const u64 = (at: number) => {
    const n = u32(at) + u32(at + 4) * 2 ** 32;
    return Number.isSafeInteger(n) ? n : fail('a size is out of range');
  };
  let end = -1;
  for (let at = data.length - 22; at >= 0 && at >= data.length - 22 - 65535; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) fail('no end of central directory');
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (end >= 20 && u32(end - 20) === 0x07064b50) {
    const end64 = u64(end - 12);
    if (u32(end64) !== 0x06064b50) fail('a broken zip64 directory');
    count = u64(end64 + 32);
    offset = u64(end64 + 48);
  }
  if (count > limits.entries) fail(`${count} entries, more than the ${limits.entries} allowed`);
  const out: Located[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (u32(offset) !== 0x02014b50) fail(`entry ${i + 1} of the central directory is damaged`);
    const flags = u16(offset + 8);
    const method = u16(offset + 10);
    let compressedSize = u32(offset + 20);
    let size = u32(offset + 24);
    const nameLength = u16(offset + 28);
    const extraLength = u16(offset + 30);
    const commentLength = u16(offset + 32);
    let localOffset = u32(offset + 42);
    if (offset + 46 + nameLength > data.length) fail('truncated');
    const path = utf8.decode(data.subarray(offset + 46, offset + 46 + nameLength));
    // Zip64: sizes and offset that do not fit 32 bits are in the extra field 0x0001, in this order.
    let extra = offset + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(extra);
      const length = u16(extra + 2);
      if (id === 0x0001) {
        let at = extra + 4;
        if (size === 0xffffffff) {
          size = u64(at);
          at += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(at);
          at += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(at);
      }
      extra += 4 + length;
    }
    offset = extraEnd + commentLength;
    const why = traversal(path);
    if (why !== null) throw new ZipError(`${name}: entry "${path}" ${why}; the archive is refused`);
    if (path.endsWith('/')) continue;
    if (flags & 1) throw new ZipError(`${name}!${path}: is encrypted; the archive is refused`);
    if (method !== 0 && method !== 8)
      throw new ZipError(
        `${name}!${path}: compression method ${method} is not supported (stored or deflate)`,
      );
    if (size > limits.entryBytes)
      throw new ZipError(
        `${name}!${path}: inflates to ${size} bytes, more than the ${limits.entryBytes} allowed per entry`,
      );
    total += size;
    if (total > limits.totalBytes)
      throw new ZipError(
        `${name}: the entries inflate to more than the ${limits.totalBytes} bytes allowed in all`,
      );
    out.push({ path, size, method, compressedSize, localOffset });
  }
  return out;
}

/** Opens an archive from its bytes; throws ZipError naming `name` when it is not a safe, readable zip. */
export function openZip(name: string, data: Uint8Array, limits: ZipLimits = defaultZipLimits): ZipArchive {
  const located = directory(name, data, limits);
  const byPath = new Map(located.map((e) => [e.path, e]));
  const bytes = (path: string): Uint8Array => {
    const e = byPath.get(path);
    if (!e) throw new ZipError(`${name}: has no entry ${path}`);
    const fail = (what: string): never => {
      throw new ZipError(`${name}!${path}: ${what}`);
    };
    const at = e.localOffset;
    if (at + 30 > data.length || data[at] !== 0x50 || data[at + 1] !== 0x4b || data[at + 2] !== 3)
      fail('its local header is damaged');
    const start =
      at +
      30 +
      (data[at + 26] ?? 0) +
      (data[at + 27] ?? 0) * 256 +
      (data[at + 28] ?? 0) +
      (data[at + 29] ?? 0) * 256;
    if (start + e.compressedSize > data.length) fail('is truncated');
    const raw = data.subarray(start, start + e.compressedSize);
    if (e.method === 0) return e.compressedSize === e.size ? raw : fail('its sizes disagree');
    let out: Uint8Array;
    try {
      // A fixed output buffer one byte past the declared size: a stream that inflates further cannot grow
      // it, and filling that last byte shows the entry lied about its size.
      out = inflateSync(raw, { out: new Uint8Array(e.size + 1) });
    } catch (err) {
      return fail(`cannot be inflated (${err instanceof Error ? err.message : String(err)})`);
    }
    if (out.length !== e.size)
      fail(`inflates to ${out.length > e.size ? 'more than' : out.length} bytes, not the ${e.size} declared`);
    return out;
  };
  return {
    name,
    entries: located.map(({ path, size }) => ({ path, size })),
    bytes,
    text: (path) => {
      let text: string;
      try {
        text = utf8Strict.decode(bytes(path));
      } catch (err) {
        if (err instanceof ZipError) throw err;
        throw new ZipError(`${name}!${path}: is not UTF-8 text`);
      }
      return text.startsWith('\uFEFF') ? text.slice(1) : text;
    },
  };
}
