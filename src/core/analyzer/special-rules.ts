/**
 * Special rules beyond the trafficking offence itself: consent with negation (CR-06), offences without a
 * cross-border element (CR-14), penalty years (PN-01) and child trafficking without means (CH-01).
 */
import type { AnalysisContext } from './context.ts';
import { negatedBefore } from './negation.ts';
import { readPenalty } from './penalties.ts';
import type { Hit } from './rule-engine.ts';
import { type Span, within } from './text.ts';
import {
  acts as actNames,
  collect,
  flat,
  hitsOf,
  means as meansNames,
  purposes,
  ranked,
  type SpecialResult,
  type TraffickingUnit,
} from './trafficking-units.ts';

const positiveDefence = /\b(?:is|shall be|constitutes?) (?:a |an )?(?:complete |valid )?defen[cs]e\b/iu;

/** CR-06: the victim's consent is stated to be no defence (irrelevant, immaterial), not that it is a defence. */
export function consentRule(ctx: AnalysisContext): SpecialResult {
  const hits: Hit[] = [];
  for (const p of ctx.provisions) {
    if (!ctx.onTopic(p.index)) continue;
    const consents = ctx.matches('consent', p.index);
    const irrelevant = ctx.matches('consent.irrelevant', p.index);
    if (consents.length === 0 || irrelevant.length === 0) continue;
    for (const sentence of p.sentences) {
      const c = consents.filter((m) => within(m, sentence));
      const i = irrelevant.filter(
        (m) => within(m, sentence) && c.some((x) => Math.abs(x.start - m.start) < 160),
      );
      if (c.length === 0 || i.length === 0) continue;
      const text = p.text.slice(sentence.start, sentence.end);
      const positive = text.match(positiveDefence);
      if (positive && !negatedBefore(text, positive.index ?? 0)) continue;
      hits.push(...c.slice(0, 1).map((span) => ({ provision: p.index, span, element: 'consent' })));
      hits.push(...i.slice(0, 1).map((span) => ({ provision: p.index, span, element: 'no defence' })));
    }
  }
  return hits.length > 0
    ? { grade: 'yes', hits, found: ["the victim's consent", 'is no defence or irrelevant'] }
    : { grade: null, hits: [], found: [] };
}

/** CR-14: the offence applies without a border crossing or an organized group. */
export function domesticRule(ctx: AnalysisContext, units: TraffickingUnit[]): SpecialResult {
  const explicit = ctx.provisions.flatMap((p) =>
    ctx.onTopic(p.index) ? hitsOf(ctx, [p.index], 'scope.domestic', 'national or transnational') : [],
  );
  if (explicit.length > 0)
    return {
      grade: 'yes',
      hits: explicit,
      found: ['applies whether national or transnational'],
      confidence: 0.9,
    };
  const restricted = ctx.provisions.some((p) => ctx.matches('scope.transnational', p.index).length > 0);
  // Only sections that create an offence themselves ("commits an offence", "shall be punished").
  const offences = ranked(units).filter(
    (u) =>
      hitsOf(ctx, ctx.groups[u.group]?.members.filter((m) => ctx.onTopic(m)) ?? [], 'offence.creating')
        .length > 0,
  );
  if (restricted || offences.length === 0) return { grade: null, hits: [], found: [] };
  const hits = offences
    .slice(0, 2)
    .flatMap((u) => flat(u.acts, 'an offence with no border or group element').slice(0, 1));
  return {
    grade: 'yes',
    hits,
    found: ['a trafficking offence that requires no border crossing or organized group'],
    confidence: 0.65,
  };
}

/** PN-01: the longest term of imprisonment for the on-topic offences, in years. */
export function penaltyRule(ctx: AnalysisContext, units: TraffickingUnit[]): SpecialResult {
  let bestYears = -1;
  const best: Hit[] = [];
  const first = new Set(
    ranked(units)
      .filter((u) => u.trafficking)
      .map((u) => u.group),
  );
  const order = [...ctx.groups].sort(
    (a, b) => Number(first.has(b.index)) - Number(first.has(a.index)) || a.index - b.index,
  );
  for (const g of order) {
    if (!g.anchored && !ctx.focused) continue;
    for (const m of g.members) {
      if (!ctx.onTopic(m)) continue;
      const p = ctx.provisions[m];
      if (!p || !ctx.onTopic(m)) continue;
      for (const s of p.sentences) {
        const reading = readPenalty(p.text.slice(s.start, s.end));
        if (reading.maxYears === null || !reading.span) continue;
        const span: Span = { start: s.start + reading.span.start, end: s.start + reading.span.end };
        if (reading.maxYears > bestYears) {
          bestYears = reading.maxYears;
          best.length = 0;
        }
        if (reading.maxYears === bestYears && best.length < 3)
          best.push({ provision: m, span, element: 'penalty' });
      }
    }
  }
  if (bestYears < 0) return graveNature(ctx);
  const label =
    bestYears === Number.POSITIVE_INFINITY
      ? 'imprisonment for life'
      : `imprisonment up to ${bestYears} years`;
  if (bestYears < 5)
    return { grade: null, hits: [], found: [], note: `the longest term found is ${bestYears} years` };
  return { grade: bestYears >= 10 ? 'yes' : 'partial', hits: best, found: [label] };
}

/** CH-01: child trafficking needs no means, for sexual and for labour exploitation. */
export function childNoMeansRule(ctx: AnalysisContext, units: TraffickingUnit[]): SpecialResult {
  const hits: Hit[] = [];
  let sexual = false;
  let labour = false;
  const mark = (members: number[]) => {
    const kinds = collect(ctx, members, 'purpose', purposes);
    if (kinds.has('sexual')) sexual = true;
    if (kinds.has('labour') || kinds.has('servitude') || kinds.has('slavery')) labour = true;
    if (kinds.has('exploitation') && !kinds.has('sexual') && !kinds.has('labour')) {
      sexual = true;
      labour = true;
    }
  };
  for (const p of ctx.provisions) {
    if (!ctx.onTopic(p.index)) continue;
    const waiver = ctx.matches('means.child.waiver', p.index);
    const child = ctx.matches('child', p.index);
    if (waiver[0] && child[0]) {
      hits.push(
        { provision: p.index, span: waiver[0], element: 'no means needed' },
        { provision: p.index, span: child[0], element: 'child' },
      );
      mark(ctx.groups[p.group]?.members ?? [p.index]);
      continue;
    }
    // "... by force, fraud or coercion ..., or that the person has not attained the age of 18 years"
    for (const s of p.sentences) {
      const text = p.text.slice(s.start, s.end);
      const alternative =
        /(?:force|fraud|coercion|means|threat)[^;]{0,300}?,?\s+or\s+(?:that\s+|in which\s+|where\s+|when\s+|if\s+)?(?:the\s+(?:person|victim|individual)(?:\s+[a-z]+){0,4}?\s+(?:has not attained|is under|is a (?:child|minor))|(?:a|any)\s+(?:child|minor|person under))/iu.exec(
          text,
        );
      if (!alternative) continue;
      const at = s.start + alternative.index;
      hits.push({
        provision: p.index,
        span: { start: at, end: s.start + alternative.index + alternative[0].length },
        element: 'child alternative to means',
      });
      mark([p.index]);
    }
  }
  // An offence sentence that names a child, an act and a purpose but no means: the child branch needs none.
  for (const unit of units) {
    if (unit.definitionOnly) continue;
    for (const m of ctx.groups[unit.group]?.members ?? []) {
      const p = ctx.provisions[m];
      if (!p || !ctx.onTopic(m)) continue;
      for (const s of p.sentences) {
        const inS = (concept: string) => ctx.matches(concept, m).filter((x) => within(x, s));
        // "not being a child" marks the adult offence beside a separate child offence.
        const child = inS('child').filter(
          (c) =>
            !/\b(?:not being|other than)\s+(?:a\s+|an\s+)?$/iu.test(
              p.text.slice(Math.max(0, c.start - 20), c.start),
            ),
        );
        if (child.length === 0) continue;
        const act = actNames.flatMap((a) => inS(`act.${a}`));
        const purpose = purposes.flatMap((a) => inS(`purpose.${a}`));
        if (act.length === 0 || purpose.length === 0) continue;
        if (meansNames.some((n) => inS(`means.${n}`).length > 0)) continue;
        const first = child[0];
        if (first) hits.push({ provision: m, span: first, element: 'child without means' });
        const text = p.text.slice(s.start, s.end);
        if (/sex|prostitut|pornograph/iu.test(text)) sexual = true;
        if (/labou?r|servi(?:ce|tude)|work|slave/iu.test(text)) labour = true;
        if (!/sex|prostitut|pornograph|labou?r|servi|work|slave/iu.test(text)) {
          sexual = true;
          labour = true;
        }
      }
    }
  }
  if (hits.length === 0 || units.length === 0) return { grade: null, hits: [], found: [] };
  const both = sexual && labour;
  return {
    grade: both ? 'yes' : 'partial',
    hits,
    found: [
      both
        ? 'no means needed for a child (sexual and labour exploitation)'
        : `no means needed for a child (${sexual ? 'sexual' : 'labour'} exploitation only)`,
    ],
  };
}

// Treaty drafting: "punishable by appropriate penalties which take into account their grave nature",
// "sanctions ... including penalties involving deprivation of liberty": serious, but no figure.
const graveWords =
  /penalties (?:that|which) take into account (?:their|its|the) (?:grave|serious) nature|penalties involving deprivation of liberty|deprivation of liberty which can give rise to extradition|(?:class (?:A|1|X)|first[- ]degree|capital) felony|felony of the first degree/iu;

function graveNature(ctx: AnalysisContext): SpecialResult {
  for (const p of ctx.provisions) {
    if (!ctx.onTopic(p.index)) continue;
    const m = graveWords.exec(p.text);
    if (m) {
      const span = { start: m.index, end: m.index + m[0].length };
      return {
        grade: 'partial',
        hits: [{ provision: p.index, span, element: 'serious penalties without a term' }],
        found: ['penalties for grave crimes without a term in years'],
      };
    }
  }
  return { grade: null, hits: [], found: [] };
}
