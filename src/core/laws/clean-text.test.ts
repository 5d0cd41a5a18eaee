import { describe, expect, it } from 'vitest';
import { cleanText, joinLines } from './clean-text.ts';

describe('cleanText', () => {
  it('keeps headings that start pages (Article 5, Article 6, …) while dropping the running header', () => {
    const pages = [5, 6, 7, 8].map(
      (n) => `Fictional Gazette No. 12\nArticle ${n}\nText ${n}.\nPage ${n - 4} of 4`,
    );
    const c = cleanText(pages.join('\f'));
    expect(c.lines.filter((l) => l !== '')).toEqual([
      'Article 5',
      'Text 5.',
      'Article 6',
      'Text 6.',
      'Article 7',
      'Text 7.',
      'Article 8',
      'Text 8.',
    ]);
    expect(c.pageCount).toBe(4);
    expect(c.pages[c.lines.indexOf('Article 7')]).toBe(3);
  });

  it('keeps the first of a running head that looks like a heading, and lines seen on too few pages', () => {
    const c = cleanText(
      ['Title 9 — Widgets\nA.', 'Title 9 — Widgets\nB.', 'Title 9 — Widgets\nC.'].join('\f'),
    );
    expect(c.lines.filter((l) => l !== '')).toEqual(['Title 9 — Widgets', 'A.', 'B.', 'C.']);
    const two = cleanText('Header\nA.\fHeader\nB.');
    expect(two.lines.filter((l) => l !== '')).toEqual(['Header', 'A.', 'Header', 'B.']);
  });

  it('does not take numbers that do not move with the page for page numbers', () => {
    expect(cleanText('A.\n\n3\n\nB.\n\n7\n\nC.\n\n4\n').removedFurniture).toBe(0);
    const paged = cleanText(['A.\nRef 10', 'B.\nRef 20', 'C.\nRef 30'].join('\f'));
    expect(paged.removedFurniture).toBe(0);
    const labelled = cleanText(['A.\n- 7 -', 'B.\n- 8 -', 'C.\n- 9 -'].join('\f'));
    expect(labelled.lines.filter((l) => l !== '')).toEqual(['A.', 'B.', 'C.']);
  });

  it('joins hyphenated words, keeping compound prefixes and capitals', () => {
    expect(joinLines('traf-', 'ficking')).toBe('trafficking');
    expect(joinLines('non-', 'governmental')).toBe('non-governmental');
    expect(joinLines('Anti-', 'Trafficking')).toBe('Anti- Trafficking');
    expect(joinLines('1990-', '2000')).toBe('1990- 2000');
    expect(joinLines('one', 'two')).toBe('one two');
  });
});
