import { describe, expect, it } from 'vitest';
import { isProvisionKey, provisionKey, provisionKeys } from './anchors.ts';

describe('provision keys', () => {
  it('derives a readable key from the citation alone', () => {
    expect(provisionKey('s. 1(1)')).toBe('p-s-1-1');
    expect(provisionKey('§ 1591(a)(1)')).toBe('p-s-1591-a-1');
    expect(provisionKey('Art. 3(a)')).toBe('p-art-3-a');
    expect(provisionKey('Artículo 5')).toBe('p-artículo-5');
    expect(provisionKey('')).toBe('p-provision');
  });

  it('keeps keys unique within a version, in document order', () => {
    expect(provisionKeys(['s. 1(1)', 's. 1.1', 's. 2', 's 1 1'])).toEqual([
      'p-s-1-1',
      'p-s-1-1-2',
      'p-s-2',
      'p-s-1-1-3',
    ]);
  });

  it('recognises key-shaped segments only', () => {
    expect(isProvisionKey('p-s-1-1')).toBe(true);
    expect(isProvisionKey('changes')).toBe(false);
    expect(isProvisionKey('p-<script>')).toBe(false);
  });
});
