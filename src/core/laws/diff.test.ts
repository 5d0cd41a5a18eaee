import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/seeded-random.ts';
import { type DiffableProvision, diffProvisions, diffWords, type WordChange, wordTokens } from './diff.ts';

const p = (citation: string, text: string, heading: string | null = null): DiffableProvision => ({
  citation,
  kind: 'section',
  heading,
  text,
});
const side = (words: WordChange[], which: 'before' | 'after') =>
  words
    .filter((w) => w.op === 'equal' || w.op === (which === 'before' ? 'delete' : 'insert'))
    .map((w) => w.text)
    .join('');

describe('diffProvisions', () => {
  it('matches by citation: added, removed, changed (heading or text) and unchanged', () => {
    const from = [p('s. 1', 'One.'), p('s. 2', 'Two.'), p('s. 3', 'Three.', 'Old'), p('s. 4', 'Four.')];
    const to = [
      p('s. 1', 'One.'),
      p('s. 3', 'Three.', 'New'),
      p('s. 4', 'Four, amended.'),
      p('s. 5', 'Five.'),
    ];
    const diff = diffProvisions(from, to);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 1 });
    expect(diff.changes.map((c) => `${c.change} ${c.citation}`)).toEqual([
      'removed s. 2',
      'changed s. 3',
      'changed s. 4',
      'added s. 5',
    ]);
    const heading = diff.changes[1];
    expect(heading?.change === 'changed' && heading.words).toEqual([{ op: 'equal', text: 'Three.' }]);
  });

  it('places removed provisions before the added ones that replace them', () => {
    const diff = diffProvisions(
      [p('a', '1'), p('b', '2'), p('c', '3')],
      [p('a', '1'), p('x', '9'), p('c', '3')],
    );
    expect(diff.changes.map((c) => `${c.change} ${c.citation}`)).toEqual(['removed b', 'added x']);
    const empty = diffProvisions([], [p('a', '1')]);
    expect(empty.counts).toEqual({ added: 1, removed: 0, changed: 0, unchanged: 0 });
  });
});

describe('diffWords', () => {
  it('marks the words that changed, keeping punctuation and spacing', () => {
    expect(diffWords('up to 10 years.', 'up to 15 years.')).toEqual([
      { op: 'equal', text: 'up to ' },
      { op: 'delete', text: '10' },
      { op: 'insert', text: '15' },
      { op: 'equal', text: ' years.' },
    ]);
    expect(diffWords('servitude and organs', 'servitude, begging and organs')).toEqual([
      { op: 'equal', text: 'servitude' },
      { op: 'insert', text: ', begging' },
      { op: 'equal', text: ' and organs' },
    ]);
    expect(diffWords('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
    expect(diffWords('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
    expect(wordTokens('a—b  c')).toEqual(['a', '—', 'b', '  ', 'c']);
  });

  it('rebuilds both texts exactly, with a minimal number of changed tokens, on generated cases', () => {
    const next = seededRandom(7);
    const vocabulary = ['the', 'person', 'shall', 'not', ',', 'be', 'liable', 'offence', '.', 'child'];
    const text = (n: number) =>
      Array.from({ length: n }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
    for (let round = 0; round < 200; round++) {
      const a = text(Math.floor(next() * 30));
      const words = a.split(' ');
      for (let k = Math.floor(next() * 5); k > 0; k--) {
        const at = Math.floor(next() * (words.length + 1));
        if (next() < 0.5) words.splice(at, 1);
        else words.splice(at, 0, vocabulary[Math.floor(next() * vocabulary.length)]!);
      }
      const b = words.join(' ');
      const diff = diffWords(a, b);
      expect(side(diff, 'before'), `${a} -> ${b}`).toBe(a);
      expect(side(diff, 'after'), `${a} -> ${b}`).toBe(b);
      const equalTokens = diff.filter((w) => w.op === 'equal').flatMap((w) => wordTokens(w.text)).length;
      expect(equalTokens).toBe(lcsLength(wordTokens(a), wordTokens(b)));
    }
  });

  it('gives up on a minimal script past maxEdits, still rebuilding both texts', () => {
    const a = Array.from({ length: 50 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 50 }, (_, i) => `b${i}`).join(' ');
    const diff = diffWords(a, b, 10);
    expect(diff).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
  });
});

/** Length of a longest common subsequence (quadratic; for checking only). */
function lcsLength(x: string[], y: string[]): number {
  const row = new Array<number>(y.length + 1).fill(0);
  for (const a of x) {
    let diagonal = 0;
    for (let j = 1; j <= y.length; j++) {
      const up = row[j]!;
      row[j] = a === y[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[y.length]!;
}
