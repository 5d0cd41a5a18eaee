import { describe, expect, it } from 'vitest';
import { findJsonError, JsonSyntaxError, parseJsonAt } from './json-position.ts';

describe('parseJsonAt', () => {
  it('parses valid JSON', () => {
    expect(parseJsonAt('{"a":[1,2.5e3,true,null,"x\\u00e9"]}')).toEqual({ a: [1, 2500, true, null, 'xé'] });
  });

  it.each([
    ['{"a": }', 6],
    ['[1, 2,, 3]', 6],
    ['{"a": tru}', 9],
    ['{"a": 1', 7],
    ['"unterminated', 13],
    ['{"a": 1} x', 9],
    ['{a: 1}', 1],
    ['', 0],
  ])('locates the error in %j at offset %i', (text, offset) => {
    expect(findJsonError(text)).toBe(offset);
  });

  it('gives line and column', () => {
    try {
      parseJsonAt('{\n  "a": 1,\n  "b": ]\n}');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(JsonSyntaxError);
      expect((err as JsonSyntaxError).place).toEqual({ offset: 19, line: 3, column: 8 });
    }
  });
});
