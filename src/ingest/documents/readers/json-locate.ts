/**
 * Where JSON goes wrong: Node 20's JSON.parse often names no position ("Unexpected token '}', … is not valid
 * JSON"), so a small scanner finds the offset of the first character that cannot continue valid JSON. It is
 * only run after JSON.parse has failed, and checks structure, not number or escape details beyond what is
 * needed to find the spot.
 */

/** The character offset of the first JSON syntax error (the text length when the input ends too early). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  /** Expects a value at i; returns false at the first error (i is left at it). */
  const stack: Array<'{' | '['> = [];
  type State = 'value' | 'after-value' | 'key' | 'colon';
  let state: State = 'value';
  let first = true;
  ws();
  while (i <= n) {
    ws();
    const c = text[i];
    if (state === 'value') {
      if (c === undefined) return n;
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i++;
          state = 'after-value';
        } else state = c === '{' ? 'key' : 'value';
        first = false;
        continue;
      }
      if (c === '"') {
        const end = scanString(text, i);
        if (end < 0) return -end - 1;
        i = end;
      } else {
        const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
          text.slice(i, i + 400),
        );
        if (!m) return i;
        i += m[0].length;
      }
      state = 'after-value';
      first = false;
      continue;
    }
    if (state === 'after-value') {
      const top = stack.at(-1);
      if (top === undefined) return c === undefined ? -1 : i;
      if (c === undefined) return n;
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
      } else return i;
      continue;
    }
    if (state === 'key') {
      if (c !== '"') return c === undefined ? n : i;
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      state = 'colon';
      continue;
    }
    if (c !== ':') return c === undefined ? n : i;
    i++;
    state = 'value';
  }
  return first ? 0 : n;
}

/** End offset of the string starting at `start`, or -(offset + 1) of the error inside it. */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -(i + 1);
    if (c === 0x5c) {
      const e = text[i + 1] ?? '';
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 1);
        i += 5;
      } else if ('"\\/bfnrt'.includes(e) && e !== '') i++;
      else return -(i + 1);
    }
  }
  return -(text.length + 1);
}
