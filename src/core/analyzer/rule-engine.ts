/**
 * The data-driven rules (rules.json): for an indicator, alternatives that each name the elements a unit (a
 * sentence, a provision, a section or the whole document set) must hold. The best grade any alternative reaches
 * is the answer; the sentences holding the elements are the evidence.
 */
import type { AnalysisContext } from './context.ts';
import { type Span, within } from './text.ts';

/** A concept name, or a list of names of which any one will do. */
export type ConceptRef = string | string[];

/** One way an indicator can be met. */
export interface RuleAlternative {
  grade: 'yes' | 'partial';
  scope: 'sentence' | 'provision' | 'group' | 'document';
  all?: ConceptRef[];
  atLeast?: { n: number; of: ConceptRef[] };
  none?: ConceptRef[];
  /** Elements that must meet in one sentence of the unit. */
  sameSentence?: ConceptRef[];
  /** Headings of the unit's provisions may supply elements (group scope). */
  headings?: boolean;
  /** How many distinct units must meet the alternative (default 1). */
  count?: number;
}

/** An indicator's rule as stored in rules.json. */
export interface IndicatorRule {
  terms?: Record<string, string[]>;
  labels?: Record<string, string>;
  alternatives: RuleAlternative[];
  missing: string;
}

/** One place the rule found its elements: where each element matched, per provision. */
export interface Hit {
  provision: number;
  span: Span;
  element: string;
}

/** A unit that met an alternative, with the element matches that justify it. */
export interface UnitMatch {
  grade: 'yes' | 'partial';
  hits: Hit[];
  elements: string[];
}

/** Resolves a rule's reference to a concept key: the indicator's own term first, then the lexicon. */
export function conceptKey(indicator: string, name: string, rules: Record<string, IndicatorRule>): string {
  if (rules[indicator]?.terms?.[name]) return `${indicator}.${name}`;
  return name;
}

interface Unit {
  provisions: number[];
  /** Limits matches to this span of the single provision (sentence scope). */
  sentence: Span | null;
}

// A recital ("Whereas ...", "Recognizing that ...") explains a text; it provides nothing.
const recital =
  /\bWhereas\b|^(?:Recogni[sz]ing|Considering|Noting|Desiring|Convinced|Bearing in mind|Mindful|Reaffirming|Concerned)\b/u;

function unitsOf(
  ctx: AnalysisContext,
  scope: RuleAlternative['scope'],
  worthReading: (provision: number) => boolean,
): Unit[] {
  const onTopic = ctx.provisions.filter((p) => ctx.onTopic(p.index));
  switch (scope) {
    case 'sentence':
      // Only provisions that hold every required element can hold them in one sentence.
      return onTopic
        .filter((p) => worthReading(p.index))
        .flatMap((p) =>
          p.sentences
            .filter((s) => !recital.test(p.text.slice(s.start, s.end)))
            .map((s) => ({ provisions: [p.index], sentence: s })),
        );
    case 'provision':
      return onTopic
        .filter((p) => worthReading(p.index))
        .map((p) => ({ provisions: [p.index], sentence: null }));
    case 'group':
      return ctx.groups
        .filter((g) => g.members.some((m) => ctx.onTopic(m)))
        .map((g) => ({ provisions: g.members.filter((m) => ctx.onTopic(m)), sentence: null }));
    case 'document':
      return onTopic.length > 0 ? [{ provisions: onTopic.map((p) => p.index), sentence: null }] : [];
  }
}

/** Matches of one reference in a unit (text), or a heading flag. */
function refHits(
  ctx: AnalysisContext,
  unit: Unit,
  ref: ConceptRef,
  key: (name: string) => string,
  headings: boolean,
): { hits: Hit[]; inHeading: boolean } {
  const names = Array.isArray(ref) ? ref : [ref];
  const hits: Hit[] = [];
  let inHeading = false;
  for (const name of names) {
    const concept = key(name);
    for (const p of unit.provisions) {
      for (const span of ctx.matches(concept, p)) {
        if (!unit.sentence || within(span, unit.sentence)) hits.push({ provision: p, span, element: name });
      }
      if (headings && ctx.inHeading(concept, p)) inHeading = true;
    }
  }
  return { hits, inHeading };
}

function sharesSentence(ctx: AnalysisContext, byRef: Hit[][]): boolean {
  const first = byRef[0] ?? [];
  for (const hit of first) {
    const sentence = ctx.provisions[hit.provision]?.sentences.find((s) => within(hit.span, s));
    if (!sentence) continue;
    if (byRef.every((hits) => hits.some((h) => h.provision === hit.provision && within(h.span, sentence)))) {
      return true;
    }
  }
  return false;
}

function refName(ref: ConceptRef): string {
  return Array.isArray(ref) ? ref.join('|') : ref;
}

/** Evaluates one alternative over every unit of its scope; returns the units that meet it. */
export function evaluateAlternative(
  ctx: AnalysisContext,
  indicator: string,
  alternative: RuleAlternative,
  rules: Record<string, IndicatorRule>,
): UnitMatch[] {
  const key = (name: string) => {
    const dot = name.match(/^([A-Z]{2}-\d{2})\.(.+)$/);
    if (dot?.[1] && dot[2]) return conceptKey(dot[1], dot[2], rules);
    return conceptKey(indicator, name, rules);
  };
  const headings = alternative.headings === true;
  const out: UnitMatch[] = [];
  const has = (ref: ConceptRef, provision: number) =>
    (Array.isArray(ref) ? ref : [ref]).some((name) => ctx.matches(key(name), provision).length > 0);
  const worthReading = (provision: number) =>
    (alternative.all ?? []).every((ref) => has(ref, provision)) &&
    (!alternative.atLeast ||
      alternative.atLeast.of.filter((ref) => has(ref, provision)).length >= alternative.atLeast.n);
  for (const unit of unitsOf(ctx, alternative.scope, worthReading)) {
    const hits: Hit[] = [];
    const elements: string[] = [];
    let ok = true;
    for (const ref of alternative.all ?? []) {
      const found = refHits(ctx, unit, ref, key, headings);
      if (found.hits.length === 0 && !found.inHeading) {
        ok = false;
        break;
      }
      hits.push(...found.hits);
      elements.push(refName(ref));
    }
    if (!ok) continue;
    if (alternative.atLeast) {
      let met = 0;
      for (const ref of alternative.atLeast.of) {
        const found = refHits(ctx, unit, ref, key, headings);
        if (found.hits.length > 0 || found.inHeading) {
          met += 1;
          hits.push(...found.hits);
          elements.push(refName(ref));
        }
      }
      if (met < alternative.atLeast.n) continue;
    }
    if ((alternative.none ?? []).some((ref) => refHits(ctx, unit, ref, key, false).hits.length > 0)) continue;
    if (alternative.sameSentence) {
      const byRef = alternative.sameSentence.map((ref) => refHits(ctx, unit, ref, key, false).hits);
      if (!sharesSentence(ctx, byRef)) continue;
    }
    if (hits.length === 0) continue;
    out.push({ grade: alternative.grade, hits, elements });
  }
  return out.length >= (alternative.count ?? 1) ? out : [];
}
