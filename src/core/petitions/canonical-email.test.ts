import { describe, expect, it } from 'vitest';
import { canonicalEmail, trimEmail } from './canonical-email.ts';

describe('canonicalEmail', () => {
  it.each([
    ['Dots.And+Tags@Gmail.com', 'dotsand@gmail.com'],
    ['dotsand@googlemail.com', 'dotsand@gmail.com'],
    ['d.o.t.s.and+x+y@googlemail.com', 'dotsand@gmail.com'],
    ['  Jane.Doe@Example.ORG ', 'jane.doe@example.org'],
    ['jane+news@outlook.com', 'jane@outlook.com'],
    ['jane.doe+news@icloud.com', 'jane.doe@icloud.com'],
    ['jane+news@example.org', 'jane+news@example.org'],
    ['jane.doe@outlook.com', 'jane.doe@outlook.com'],
    ['+only@gmail.com', '+only@gmail.com'],
    ['jane@gmail.com.', 'jane@gmail.com'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalEmail(input)).toBe(expected);
  });

  it('leaves text that is not one address alone, apart from case and spaces', () => {
    expect(canonicalEmail(' NoAt ')).toBe('noat');
    expect(canonicalEmail('a@b@gmail.com')).toBe('a@b@gmail.com');
    expect(canonicalEmail('@gmail.com')).toBe('@gmail.com');
  });

  it('normalises Unicode so equal-looking addresses are equal', () => {
    expect(canonicalEmail('Jose\u0301@example.org')).toBe(canonicalEmail('jos\u00e9@example.org'));
    expect(trimEmail(' A@B.org ')).toBe('a@b.org');
  });
});
