/**
 * CSV text into records of cells. Policy: RFC 4180 (comma separated, double-quoted cells with "" for a quote,
 * line breaks allowed inside quotes, CRLF, LF or CR line ends), UTF-8 with an optional byte-order mark. Blank
 * lines are skipped; text after a closing quote is kept as it stands; a quote inside an unquoted cell is an
 * ordinary character. Each record carries the line it starts on, so problems can name it. Cells are sliced out
 * of the text rather than built a character at a time: bulk files run to hundreds of megabytes.
 */

/** Splits CSV text into records of cells, each with the line it starts on; null cells never occur. */
export function parseCsv(text: string): {
  records: Array<{ line: number; cells: string[] }>;
  problem: string | null;
} {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  const records: Array<{ line: number; cells: string[] }> = [];
  const delimiter = /[,\r\n]/g;
  let cells: string[] = [];
  let touched = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const rest = (from: number): number => {
    delimiter.lastIndex = from;
    return delimiter.exec(src)?.index ?? n;
  };
  for (;;) {
    let cell = '';
    if (src.charCodeAt(i) === 34) {
      touched = true;
      let from = i + 1;
      for (;;) {
        const close = src.indexOf('"', from);
        if (close < 0) return { records, problem: `a quoted cell starting on line ${start} is never closed` };
        const part = src.slice(from, close);
        cell += part;
        for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) line++;
        if (src.charCodeAt(close + 1) === 34) {
          cell += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
    }
    const end = rest(i);
    if (end > i) cell += src.slice(i, end);
    i = end;
    const ch = src.charCodeAt(i);
    if (ch === 44) {
      cells.push(cell);
      touched = true;
      i++;
      continue;
    }
    cells.push(cell);
    if (touched || cell !== '') records.push({ line: start, cells });
    cells = [];
    touched = false;
    if (i >= n) break;
    i += ch === 13 && src.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    start = line;
  }
  return { records, problem: null };
}
