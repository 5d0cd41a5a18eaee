/**
 * Evidence and wording of a suggestion: the sentences that hold the matched elements, cut from the provision's
 * own text and checked to be verbatim (a quote that fails the check is dropped, never repaired), and the one
 * sentence that explains the answer.
 */
import type { AnalysisContext } from './context.ts';
import type { Hit, UnitMatch } from './rule-engine.ts';
import { quoteSpan, type Span, verbatimQuote, within } from './text.ts';
import type { EvidenceQuote, SuggestedAnswer } from './types.ts';

const maxQuotes = 4;

/** Quotes for a set of hits: the fewest sentences that cover the most elements, at most `limit`. */
export function quotesFor(ctx: AnalysisContext, hits: Hit[], limit = maxQuotes): EvidenceQuote[] {
  const bySentence = new Map<string, { provision: number; sentence: Span; hits: Hit[] }>();
  for (const hit of hits) {
    const view = ctx.provisions[hit.provision];
    const sentence = view?.sentences.find((s) => within(hit.span, s));
    if (!view || !sentence) continue;
    const id = `${hit.provision}:${sentence.start}`;
    const entry = bySentence.get(id) ?? { provision: hit.provision, sentence, hits: [] };
    entry.hits.push(hit);
    bySentence.set(id, entry);
  }
  const candidates = [...bySentence.values()];
  const covered = new Set<string>();
  const chosen: typeof candidates = [];
  while (chosen.length < limit && candidates.length > 0) {
    let best = -1;
    let bestGain = 0;
    candidates.forEach((c, i) => {
      const gain = new Set(c.hits.map((h) => h.element).filter((e) => !covered.has(e))).size;
      if (gain > bestGain) {
        best = i;
        bestGain = gain;
      }
    });
    if (best < 0) break;
    const [pick] = candidates.splice(best, 1);
    if (!pick) break;
    for (const h of pick.hits) covered.add(h.element);
    chosen.push(pick);
  }
  chosen.sort((a, b) => a.provision - b.provision || a.sentence.start - b.sentence.start);
  const out: EvidenceQuote[] = [];
  for (const c of chosen) {
    const view = ctx.provisions[c.provision];
    if (!view) continue;
    const span = quoteSpan(
      view.text,
      c.sentence,
      c.hits.map((h) => h.span),
    );
    const quote = verbatimQuote(view.text, span);
    if (quote !== null) out.push({ citation: view.citation, quote, start: span.start, end: span.end });
  }
  return out;
}

// Definitions, purposes and titles name a matter; the provision that creates the offence or duty provides it.
const backgroundHeading =
  /^\W*(?:definitions?|interpretation|meaning of|purposes?|objects?|short title|title|objeto|definiciones|définitions|objet)\b/iu;
const definitionText = /^\s*(?:\(\w+\)\s*)?["“'‘][^"”’']{1,60}["”’']\s+(?:means|includes|has the meaning)\b/u;

/**
 * True when a unit met in one provision lies in a definition, purpose or title provision (or its section).
 * Section-wide units are left alone: a whole definitions section often is where a code provides the matter.
 */
function inBackground(ctx: AnalysisContext, unit: UnitMatch): boolean {
  if (new Set(unit.hits.map((h) => h.provision)).size > 1) return false;
  return unit.hits.every((h) => {
    const p = ctx.provisions[h.provision];
    if (!p) return false;
    const first = ctx.provisions[ctx.groups[p.group]?.members[0] ?? -1];
    return (
      backgroundHeading.test(p.heading) ||
      backgroundHeading.test(first?.heading ?? '') ||
      definitionText.test(p.text)
    );
  });
}

/**
 * Evidence from the strongest units (most elements first; among equals, operative provisions before definitions
 * and purposes, then document order), at most `limit` quotes.
 */
export function evidenceFromUnits(
  ctx: AnalysisContext,
  units: UnitMatch[],
  limit = maxQuotes,
): EvidenceQuote[] {
  const ranked = [...units]
    .map((u, order) => ({ u, order, n: new Set(u.elements).size, background: inBackground(ctx, u) ? 1 : 0 }))
    .sort((a, b) => b.n - a.n || a.background - b.background || a.order - b.order)
    .slice(0, 3);
  const out: EvidenceQuote[] = [];
  const seen = new Set<string>();
  for (const { u } of ranked) {
    for (const q of quotesFor(ctx, u.hits, ranked.length === 1 ? limit : 2)) {
      const id = `${q.citation}:${q.start}`;
      if (seen.has(id) || out.length >= limit) continue;
      seen.add(id);
      out.push(q);
    }
  }
  return out;
}

/** Drops any quote that is not exactly its provision's text between its offsets (the verbatim guarantee). */
export function keepVerbatim(ctx: AnalysisContext, quotes: EvidenceQuote[]): EvidenceQuote[] {
  const byCitation = new Map(ctx.provisions.map((p) => [p.citation, p.text]));
  return quotes.filter((q) => {
    const text = byCitation.get(q.citation);
    return text !== undefined && text.slice(q.start, q.end) === q.quote && q.quote.trim().length > 0;
  });
}

/** The distinct citations of the evidence, in order, for the rationale. */
export function citationsOf(evidence: EvidenceQuote[]): string {
  const list = [...new Set(evidence.map((e) => e.citation))];
  return list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
}

/** One sentence explaining the answer: the elements found and where, or what is missing. */
export function rationale(
  answer: SuggestedAnswer,
  found: string[],
  evidence: EvidenceQuote[],
  missing: string,
): string {
  if (answer === 'no') return `No provision matched: ${missing}.`;
  const elements = [...new Set(found)].join(', ');
  const where = evidence.length > 0 ? ` in ${citationsOf(evidence)}` : '';
  return `${answer === 'yes' ? 'Matched' : 'Partly matched'} ${elements}${where}.`;
}
