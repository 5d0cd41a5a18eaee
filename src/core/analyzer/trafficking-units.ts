/**
 * The trafficking offence read element by element: sections that name an act (recruit, transport, harbour ...)
 * and a purpose (exploitation, forced labour ...), with their means, and the rules over them (CR-01..05). Each
 * rule returns its grade and the hits that justify it.
 */
import type { AnalysisContext } from './context.ts';
import type { Hit } from './rule-engine.ts';
import { within } from './text.ts';

/** What a special rule found: the grade (null when nothing), the hits, and the elements for the rationale. */
export interface SpecialResult {
  grade: 'yes' | 'partial' | null;
  hits: Hit[];
  found: string[];
  /** Overrides the default confidence when set. */
  confidence?: number;
  /** Replaces the rule's "missing" phrase (e.g. "the longest term found is 3 years"). */
  note?: string;
}

/** Act concepts (lexicon `act.*`): the Palermo five and the wider verbs of national law. */
export const acts = [
  'recruit',
  'transport',
  'transfer',
  'harbour',
  'receive',
  'obtain',
  'maintain',
  'provide',
  'entice',
  'patronize',
  'advertise',
  'isolate',
  'sell',
  'traffic',
];
/** Means concepts (lexicon `means.*`). */
export const means = [
  'force',
  'threat',
  'coercion',
  'abduction',
  'fraud',
  'deception',
  'abusePower',
  'vulnerability',
  'payments',
  'debt',
  'seriousHarm',
  'legalProcess',
];
/** Purpose concepts (lexicon `purpose.*`), the Palermo minimum and the wider forms. */
export const purposes = [
  'exploitation',
  'sexual',
  'labour',
  'slavery',
  'servitude',
  'organs',
  'criminality',
  'marriage',
  'adoption',
  'surrogacy',
  'begging',
];
const palermoPurposes = ['sexual', 'labour', 'slavery|servitude', 'organs'];

/** A section read as a trafficking provision: which acts, means and purposes it names. */
export interface TraffickingUnit {
  group: number;
  acts: Map<string, Hit[]>;
  means: Map<string, Hit[]>;
  purposes: Map<string, Hit[]>;
  offence: Hit[];
  /** Names trafficking itself (not only slavery or forced labour). */
  trafficking: boolean;
  /** A definition ("trafficking in persons means ...") rather than an offence. */
  definitionOnly: boolean;
}

/** Hits of each `prefix.name` concept in the provisions, keyed by name (names with no hit left out). */
export function collect(
  ctx: AnalysisContext,
  members: number[],
  prefix: string,
  names: string[],
): Map<string, Hit[]> {
  const out = new Map<string, Hit[]>();
  for (const name of names) {
    const hits: Hit[] = [];
    for (const p of members) {
      for (const span of ctx.matches(`${prefix}.${name}`, p))
        hits.push({ provision: p, span, element: name });
    }
    if (hits.length > 0) out.set(name, hits);
  }
  return out;
}

/** Hits of one concept in the provisions, labelled with the element name. */
export function hitsOf(ctx: AnalysisContext, members: number[], concept: string, element = concept): Hit[] {
  return members.flatMap((p) => ctx.matches(concept, p).map((span) => ({ provision: p, span, element })));
}

// A heading that says "trafficking" of people (not of drugs, arms or goods) names the offence.
const traffickingWord =
  /\b(?:traffick\w*|trata|traite)\b(?!\s+(?:in|of|de)\s+(?:firearms|arms|drugs|narcotics|weapons|goods|wildlife|armas|drogas|armes|stupéfiants))/iu;

const definitionCue =
  /\b(?:shall mean|means|is defined as|includes|comprend|s'entend|se entenderá|significa|désigne)\b/iu;

/** The sections that read as trafficking offences or definitions (act and purpose, in an on-topic section). */
export function traffickingUnits(ctx: AnalysisContext): TraffickingUnit[] {
  if (!ctx.relevant) return [];
  const documentOffence = ctx.groups.some(
    (g) =>
      g.anchored &&
      hitsOf(ctx, g.members, 'offence').length > 0 &&
      hitsOf(ctx, g.members, 'core.trafficking').length > 0,
  );
  const out: TraffickingUnit[] = [];
  for (const { index, anchored, members: all } of ctx.groups) {
    if (!anchored) continue;
    const group = { index, members: all.filter((m) => ctx.onTopic(m)) };
    if (group.members.length === 0) continue;
    const unitActs = collect(ctx, group.members, 'act', acts);
    const unitPurposes = collect(ctx, group.members, 'purpose', purposes);
    if (unitActs.size === 0 || unitPurposes.size === 0) continue;
    // In a long section the act and the purpose must meet in one sentence, not pages apart.
    const chars = group.members.reduce((n, m) => n + (ctx.provisions[m]?.text.length ?? 0), 0);
    const long = chars > 4000;
    if (long && !sameSentence(ctx, [...unitActs.values()].flat(), [...unitPurposes.values()].flat()))
      continue;
    // In a long section the offence must also stand near the act, not in another article of the same text.
    const offence = hitsOf(ctx, group.members, 'offence').filter(
      (o) =>
        !long ||
        [...unitActs.values()]
          .flat()
          .some((a) => a.provision === o.provision && Math.abs(a.span.start - o.span.start) < 800),
    );
    const trafficking =
      hitsOf(ctx, group.members, 'core.trafficking').length > 0 ||
      group.members.some(
        (m) => ctx.inHeading('core.trafficking', m) || traffickingWord.test(ctx.provisions[m]?.heading ?? ''),
      );
    const defines =
      trafficking && group.members.some((m) => definitionCue.test(ctx.provisions[m]?.text ?? ''));
    if (offence.length === 0 && !defines) continue;
    out.push({
      group: group.index,
      acts: unitActs,
      means: collect(ctx, group.members, 'means', means),
      purposes: unitPurposes,
      offence,
      trafficking,
      definitionOnly: offence.length === 0 && !documentOffence,
    });
  }
  resolveDefinedAct(ctx, out);
  return out;
}

// "'traffic' means to transport, entice, recruit, harbor, provide, or otherwise obtain another person": an
// offence written with the defined verb ("knowingly traffics another person") has the acts of its definition.
const definedTraffic = /["“‘']?\b(?:traffic|trafficking|traffics)\b["”’']?,?\s+(?:shall\s+)?means?\b/iu;

function resolveDefinedAct(ctx: AnalysisContext, units: TraffickingUnit[]): void {
  if (!units.some((u) => u.acts.has('traffic'))) return;
  const definitions = ctx.provisions
    .filter((p) => ctx.onTopic(p.index) && definedTraffic.test(p.text))
    .map((p) => p.index);
  if (definitions.length === 0) return;
  const definedActs = collect(ctx, definitions, 'act', acts);
  const definedMeans = collect(ctx, definitions, 'means', means);
  for (const unit of units) {
    if (!unit.acts.has('traffic')) continue;
    for (const [k, h] of definedActs) if (!unit.acts.has(k)) unit.acts.set(k, h);
    for (const [k, h] of definedMeans) if (!unit.means.has(k)) unit.means.set(k, h);
  }
}

function sameSentence(ctx: AnalysisContext, a: Hit[], b: Hit[]): boolean {
  return a.some((x) => {
    const sentence = ctx.provisions[x.provision]?.sentences.find((s) => within(x.span, s));
    return sentence !== undefined && b.some((y) => y.provision === x.provision && within(y.span, sentence));
  });
}

function preferTrafficking(units: TraffickingUnit[]): TraffickingUnit[] {
  const named = units.filter((u) => u.trafficking);
  return named.length > 0 ? named : units;
}

/** Trafficking-named offences first, then the rest, each in document order. */
export function ranked(units: TraffickingUnit[]): TraffickingUnit[] {
  return [...units].sort(
    (a, b) =>
      Number(b.trafficking) - Number(a.trafficking) ||
      Number(a.definitionOnly) - Number(b.definitionOnly) ||
      a.group - b.group,
  );
}

/** The first two hits of each entry, relabelled as one element (for evidence). */
export const flat = (m: Map<string, Hit[]>, prefix: string) =>
  [...m.values()].flatMap((hits) => hits.slice(0, 2).map((h) => ({ ...h, element: `${prefix}` })));

/** CR-01: a trafficking offence with act, (means) and purpose, or a broader formulation. */
export function crimeRule(units: TraffickingUnit[]): SpecialResult {
  const full = units.filter((u) => !u.definitionOnly);
  const pick = (list: TraffickingUnit[]) =>
    [...list].sort((a, b) => Number(b.trafficking) - Number(a.trafficking) || b.means.size - a.means.size)[0];
  const best = pick(full) ?? pick(units);
  if (!best) return { grade: null, hits: [], found: [] };
  const hits = [
    ...flat(best.acts, 'act'),
    ...flat(best.means, 'means'),
    ...flat(best.purposes, 'purpose'),
    ...best.offence.slice(0, 1),
  ];
  const found = [
    'act',
    ...(best.means.size > 0 ? ['means'] : ['no means required']),
    'purpose',
    best.definitionOnly ? 'a definition (no offence found)' : 'an offence',
  ];
  return {
    grade: best.definitionOnly ? 'partial' : 'yes',
    hits,
    found,
    confidence: best.means.size > 0 ? 0.9 : 0.75,
  };
}

/** CR-02: how many kinds of act the trafficking provisions name. */
export function actsRule(units: TraffickingUnit[]): SpecialResult {
  const chosen = preferTrafficking(units);
  const kinds = new Map<string, Hit[]>();
  for (const u of chosen) for (const [k, h] of u.acts) kinds.set(k, [...(kinds.get(k) ?? []), ...h]);
  if (kinds.size === 0) return { grade: null, hits: [], found: [] };
  const hits = [...kinds.entries()].flatMap(([k, h]) => h.slice(0, 1).map((x) => ({ ...x, element: k })));
  return {
    grade: kinds.size >= 5 ? 'yes' : 'partial',
    hits,
    found: [`${kinds.size} kinds of act (${[...kinds.keys()].join(', ')})`],
  };
}

/** CR-03: whether the means reach abuse of vulnerability and payments to a person in control. */
export function meansRule(units: TraffickingUnit[]): SpecialResult {
  const chosen = preferTrafficking(units);
  const wide = ['vulnerability', 'payments'];
  const hits: Hit[] = [];
  const found = new Set<string>();
  for (const u of chosen) {
    for (const w of wide) {
      const h = u.means.get(w);
      if (h?.[0]) {
        hits.push({ ...h[0], element: w });
        found.add(
          w === 'vulnerability' ? 'abuse of a position of vulnerability' : 'payments to a person in control',
        );
      }
    }
  }
  if (found.size === 0)
    return {
      grade: null,
      hits: [],
      found: [],
      note: 'the means stop at force, fraud or coercion (no abuse of vulnerability or payments)',
    };
  return { grade: found.size >= 2 ? 'yes' : 'partial', hits, found: [...found] };
}

/** Purposes listed in an "exploitation includes/means ..." definition anywhere in the set, by kind. */
function definedPurposes(ctx: AnalysisContext): Map<string, Hit[]> {
  const kinds = new Map<string, Hit[]>();
  for (const g of ctx.groups) {
    const members = g.members.filter((m) => ctx.onTopic(m));
    if (members.length === 0) continue;
    const defines = members.some((m) =>
      /exploitation[^.;]{0,40}\b(?:means|includes|shall include|shall mean)\b|\b(?:is|are) exploited (?:if|where|when)\b|meaning of exploitation/iu.test(
        ctx.provisions[m]?.text ?? '',
      ),
    );
    if (!defines) continue;
    for (const [k, h] of collect(ctx, members, 'purpose', purposes))
      kinds.set(k, [...(kinds.get(k) ?? []), ...h]);
  }
  return kinds;
}

/** CR-04: whether exploitation covers the Palermo minimum (sexual, labour, slavery/servitude, organs). */
export function purposesRule(ctx: AnalysisContext, units: TraffickingUnit[]): SpecialResult {
  const kinds = new Map<string, Hit[]>();
  for (const u of units) for (const [k, h] of u.purposes) kinds.set(k, [...(kinds.get(k) ?? []), ...h]);
  // An "exploitation includes/means ..." definition elsewhere counts too.
  for (const [k, h] of definedPurposes(ctx)) kinds.set(k, [...(kinds.get(k) ?? []), ...h]);
  const specific = [...kinds.keys()].filter((k) => k !== 'exploitation');
  if (specific.length === 0) return { grade: null, hits: [], found: [] };
  const covered = palermoPurposes.filter((p) => p.split('|').some((k) => kinds.has(k)));
  const hits = specific.flatMap((k) => (kinds.get(k) ?? []).slice(0, 1).map((h) => ({ ...h, element: k })));
  return {
    grade: covered.length === palermoPurposes.length ? 'yes' : 'partial',
    hits,
    found: [`purposes: ${specific.join(', ')}`],
  };
}

/** CR-05: labour exploitation in the trafficking offence (not only sex trafficking). */
export function labourRule(ctx: AnalysisContext, units: TraffickingUnit[]): SpecialResult {
  const hits: Hit[] = [];
  let offence = false;
  for (const u of ranked(units)) {
    const h = [...(u.purposes.get('labour') ?? []), ...(u.purposes.get('servitude') ?? [])];
    if (h[0]) {
      hits.push({ ...h[0], element: 'labour' });
      if (!u.definitionOnly) offence = true;
    }
  }
  // An offence "with a view to the person being exploited" takes its purposes from the definition of exploitation.
  if (hits.length === 0 && units.some((u) => !u.definitionOnly)) {
    const defined = definedPurposes(ctx);
    const h = [...(defined.get('labour') ?? []), ...(defined.get('servitude') ?? [])];
    if (h[0]) {
      hits.push({ ...h[0], element: 'labour' });
      offence = true;
    }
  }
  if (hits.length === 0) return { grade: null, hits: [], found: [] };
  return {
    grade: offence ? 'yes' : 'partial',
    hits: hits.slice(0, 3),
    found: ['labour or services as a trafficking purpose'],
  };
}
