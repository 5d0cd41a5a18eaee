import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

/** The character-at-a-time parser this one replaced, kept as the oracle for the property below. */
function reference(text: string) {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      touched = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) return { records, problem: `a quoted cell starting on line ${start} is never closed` };
  if (cell !== '' || cells.length > 0 || touched) endRecord();
  return { records, problem: null };
}

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes, CRLF, blank lines and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b ""c""",d\r\n\r\n"x\ny",,z\n')).toEqual({
      records: [
        { line: 1, cells: ['a', 'b "c"', 'd'] },
        { line: 3, cells: ['x\ny', '', 'z'] },
      ],
      problem: null,
    });
    expect(parseCsv('a\n"open').problem).toBe('a quoted cell starting on line 2 is never closed');
  });

  it('agrees with the character-at-a-time parser on any text made of CSV’s special characters', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', ',', '"', '\n', '\r', '\r\n', ' ', '\uFEFF', 'é'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(parseCsv(t)).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
  });
});
