import { expect, it } from 'vitest';
import { splitList } from './split-list.ts';

it('trims items and drops empty ones', () => {
  expect(splitList(' CR-01, ,CR-02 ,, ')).toEqual(['CR-01', 'CR-02']);
  expect(splitList('')).toEqual([]);
});
