/**
 * Text primitives of the analyzer: sentence spans with offsets, lexicon patterns compiled to regular expressions,
 * and quotes cut from a provision's own text. A quote is only ever a slice of the text it cites, checked again
 * before it leaves (`verbatimQuote` returns null rather than an approximate quote).
 */

/** A half-open character range `[start, end)` of a provision's text. */
export interface Span {
  start: number;
  end: number;
}

// Abbreviations whose full stop does not end a sentence in statutory text.
const abbreviation =
  /(?:\b(?:U\.S\.C|U\.S|No|Nos|Art|Arts|art|arts|sec|secs|Sec|ss|s|para|paras|subs|e\.g|i\.e|etc|cf|v|vs|Inc|Ltd|Co|Corp|St|Mr|Ms|Dr|Pub|L|Stat|ch|Ch|cl|pt|Pt|et seq|seq|approx|viz|Cap|Reg|Regs|Ord|Dec)\.|\b[A-Z]\.)$/;

/** Splits text into sentence spans (trimmed), also cutting very long sentences at semicolons. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?;:](?=["”’)\]]*\s+(?=["“‘([]?[\p{Lu}\d§]))|;(?=\s)|\n\s*\n/gu;
  let from = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (m[0] === '.' && abbreviation.test(text.slice(Math.max(from, m.index - 12), m.index + 1))) continue;
    if (m[0] === ':' || m[0] === ';') {
      // A colon or semicolon ends a sentence only when the piece is already long enough to read alone.
      if (m.index - from < 160) continue;
    }
    pushTrimmed(text, from, end, spans);
    from = end;
  }
  pushTrimmed(text, from, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
  if (e > s) out.push({ start: s, end: e });
}

/**
 * Compiles lexicon patterns into one case-insensitive regular expression. In a pattern a space stands for any
 * run of white space, and the whole pattern must start and end on word boundaries (letters of any script).
 */
export function compilePatterns(patterns: readonly string[]): RegExp | null {
  if (patterns.length === 0) return null;
  const key = patterns.join('\u0000');
  const cached = compiledCache.get(key);
  if (cached) return cached;
  // A space stands for any white space; a straight apostrophe also matches the typographic one.
  const body = patterns.map((p) => `(?:${p.replace(/ /g, '\\s+').replace(/'/g, "['’]")})`).join('|');
  const compiled = new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
  // Lexicons are fixed data: compile each pattern list once per process (matchAll copies the regex, so sharing is safe).
  if (compiledCache.size < 5_000) compiledCache.set(key, compiled);
  return compiled;
}

const compiledCache = new Map<string, RegExp>();

/** Every match of a compiled pattern in the text, as spans. */
export function findAll(pattern: RegExp | null, text: string): Span[] {
  if (!pattern) return [];
  const out: Span[] = [];
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0].length > 0) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** True when the match lies inside the span. */
export function within(match: Span, span: Span): boolean {
  return match.start >= span.start && match.end <= span.end;
}

const maxQuote = 320;

/**
 * The quote for a sentence, narrowed around the matched terms when the sentence is long; always a slice of
 * `text` on word boundaries. Returns the slice's span.
 */
export function quoteSpan(text: string, sentence: Span, matches: Span[]): Span {
  if (sentence.end - sentence.start <= maxQuote || matches.length === 0) return sentence;
  const first = Math.min(...matches.map((m) => m.start));
  const last = Math.max(...matches.map((m) => m.end));
  let start = first;
  let end = last;
  if (end - start < maxQuote) {
    const spare = maxQuote - (end - start);
    start = Math.max(sentence.start, start - Math.floor(spare / 3));
    end = Math.min(sentence.end, end + spare - (first - start));
  }
  while (start > sentence.start && /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) start -= 1;
  while (end < sentence.end && /[\p{L}\p{N}]/u.test(text[end] ?? '')) end += 1;
  const trimmed: Span[] = [];
  pushTrimmed(text, start, end, trimmed);
  return trimmed[0] ?? sentence;
}

/** The quote when `text.slice(start, end)` is non-empty and equals it; null otherwise (never an approximation). */
export function verbatimQuote(text: string, span: Span): string | null {
  if (span.start < 0 || span.end > text.length || span.end <= span.start) return null;
  const quote = text.slice(span.start, span.end);
  return quote.trim().length > 0 && text.slice(span.start, span.end) === quote ? quote : null;
}
