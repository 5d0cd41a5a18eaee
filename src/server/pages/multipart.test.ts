import { describe, expect, it } from 'vitest';
import { MultipartError, multipartBoundary, parseMultipart } from './multipart.ts';

const b = 'XyZ';
const part = (name: string, value: string, filename?: string) =>
  `--${b}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}\r\n${
    filename === undefined ? '' : 'Content-Type: image/png\r\n'
  }\r\n${value}\r\n`;

describe('multipart reader', () => {
  it('reads the boundary, text fields and one file; an empty file input is no file', () => {
    expect(multipartBoundary('multipart/form-data; boundary=XyZ')).toBe('XyZ');
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
    const body = Buffer.from(`${part('name', 'Ana\r\nRuiz')}${part('logo', 'PNGDATA', 'l.png')}--${b}--\r\n`);
    const form = parseMultipart(body, b);
    expect(form.fields).toEqual({ name: 'Ana\r\nRuiz' });
    expect(form.file?.bytes.toString()).toBe('PNGDATA');
    const empty = parseMultipart(Buffer.from(`${part('logo', '', '')}--${b}--\r\n`), b);
    expect(empty.file).toBeNull();
  });

  it('refuses two files and malformed bodies', () => {
    const two = Buffer.from(`${part('a', '1', 'a.png')}${part('b', '2', 'b.png')}--${b}--\r\n`);
    expect(() => parseMultipart(two, b)).toThrow(MultipartError);
    expect(() => parseMultipart(Buffer.from('garbage'), b)).toThrow(MultipartError);
    expect(() => parseMultipart(Buffer.from(`--${b}\r\nno headers`), b)).toThrow(MultipartError);
  });
});
