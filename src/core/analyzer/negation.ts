/** Negation near a phrase: "consent is not a defence" against "consent is a defence". */

const negator = /(?:\b(?:not|no|never|nor|neither|cannot|without)\b|n't|\bne\b|\bni\b|\bnunca\b|\bpas\b)/iu;

/** True when a negating word stands within `window` characters before position `at` of the text. */
export function negatedBefore(text: string, at: number, window = 40): boolean {
  return negator.test(text.slice(Math.max(0, at - window), at + 1));
}
