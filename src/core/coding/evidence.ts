/**
 * Evidence quotes. Policy: a quote must appear verbatim in the cited provision's stored text. Before comparing,
 * both sides are normalised in ways that change no words: Unicode NFC, every run of whitespace (spaces, tabs,
 * line breaks, no-break and other Unicode spaces) becomes one space, leading and trailing spaces go, and
 * typographic quote marks become straight ones (‘ ’ ‚ ‛ ′ → ', “ ” „ ‟ ″ → "), because word processors and
 * spreadsheets curl quotes silently. Case, punctuation, dashes and spelling are compared exactly: there is no
 * fuzzy matching, so a quote that is "nearly" in the law is refused.
 */

const singleQuotes = /[\u2018\u2019\u201A\u201B\u2032]/g;
const doubleQuotes = /[\u201C\u201D\u201E\u201F\u2033]/g;

/** The text as compared: NFC, whitespace runs collapsed to one space and trimmed, straight quote marks. */
export function normaliseEvidence(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(singleQuotes, "'")
    .replace(doubleQuotes, '"');
}

/** Why a quote is not evidence from the provision text, or null when it is (a normalised substring). */
export function quoteProblem(quote: string, provisionText: string): string | null {
  const q = normaliseEvidence(quote);
  if (q === '') return 'the quote is empty';
  if (!normaliseEvidence(provisionText).includes(q)) return 'the quote does not appear in the provision text';
  return null;
}
