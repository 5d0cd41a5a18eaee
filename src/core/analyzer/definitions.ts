/**
 * Definitions inside the document: "'child' means a person under eighteen years", "the term 'minor' means any
 * individual who has not attained the age of 18 years". A defined term then counts as that age group wherever the
 * document uses it, so a later "young person" in an offence reads as a child.
 */
import { numberPattern, parseNumber } from './numbers.ts';

/** A defined age term: the word and the age below which a person is one. */
export interface AgeDefinition {
  term: string;
  age: number;
  citation: string;
}

const quoteOpen = `["“‘'«]`;
const quoteClose = `["”’'»]`;
const definition = new RegExp(
  `(?:${quoteOpen}\\s*)?([\\p{L}][\\p{L} -]{1,40}?)(?:\\s*${quoteClose})?,?\\s+(?:shall\\s+)?(?:means?|refers? to|includes?|is|désigne|signifie|s'entend (?:de|d')|significa|se entenderá(?: por)?)\\s+(?:a|an|any|every|toute?|tout|cualquier|una?|la|le)?\\s*(?:natural\\s+)?(?:person|individual|human being|personne|persona|niño|enfant|être humain)[^.;]{0,50}?(?:under|below|less than|younger than|not (?:yet )?(?:attained|reached)|who has not (?:yet )?(?:attained|reached)|menor(?:es)? de|moins de|âgée? de moins de)\\s+(?:the\\s+age\\s+of\\s+|l'âge de\\s+|la edad de\\s+)?(${numberPattern})`,
  'giu',
);

/** The age definitions the provisions make (term in lower case, as written). */
export function findAgeDefinitions(
  provisions: ReadonlyArray<{ citation: string; text: string }>,
): AgeDefinition[] {
  const out: AgeDefinition[] = [];
  for (const p of provisions) {
    if (!/\d|eighteen|sixteen|seventeen|fifteen|fourteen|dieciocho|dix-huit/i.test(p.text)) continue;
    for (const m of p.text.matchAll(definition)) {
      const term = (m[1] ?? '')
        .replace(/^(?:the term|the expression|the word|term|le terme|el término)\s+/i, '')
        .replace(/^(?:a|an|the|le|la|el)\s+/i, '')
        .trim()
        .toLowerCase();
      const age = parseNumber(m[2] ?? '');
      if (!term || age === null || age < 10 || age > 21 || term.split(/\s+/).length > 4) continue;
      out.push({ term, age, citation: p.citation });
    }
  }
  return out;
}

/** Lexicon patterns for the defined terms that mean a person under 18 (to add to the `child` concept). */
export function childPatterns(definitions: AgeDefinition[]): string[] {
  return definitions
    .filter((d) => d.age <= 18)
    .map((d) => `${d.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?`);
}
