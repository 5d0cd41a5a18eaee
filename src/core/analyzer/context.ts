/**
 * What the rules read: each provision with its sentences, the provisions grouped into sections (a provision
 * and the ones whose citations extend it, e.g. `§ 1591`, `§ 1591(a)`, `§ 1591(a)(1)`), and concept matches
 * computed once per provision. Topic policy: a unit is "anchored" when its section speaks of trafficking,
 * slavery or forced labour, or when the document set as a whole is about them.
 */

import { compilePatterns, findAll, type Span, sentenceSpans } from './text.ts';
import type { AnalyzerDocument } from './types.ts';

/** One provision as the rules see it. */
export interface ProvisionView {
  index: number;
  citation: string;
  heading: string;
  text: string;
  sentences: Span[];
  group: number;
  /** False for preambles, recitals and findings: they explain a law but do not provide anything. */
  operative: boolean;
}

/** A section: consecutive provisions under one root citation. */
export interface Group {
  index: number;
  members: number[];
  anchored: boolean;
}

/** Concept name -> patterns, merged from the lexicons (and rule-local terms). */
export type ConceptTable = Record<string, readonly string[]>;

const nonOperative =
  /^\W*(?:preamble|recitals?|findings|purposes and findings|findings and purposes|congressional findings|whereas|préambule|preámbulo|considerandos)\b/iu;
const coreConcepts = ['core.trafficking', 'core.slavery', 'core.exploitation'] as const;
const maxGroupMembers = 60;
const maxGroupChars = 20_000;

/** The analysis context: provisions, groups, topic anchoring and cached concept matches. */
export class AnalysisContext {
  readonly provisions: ProvisionView[];
  readonly groups: Group[];
  /** True when the document set is about trafficking, slavery or forced labour (the relevance gate). */
  readonly relevant: boolean;
  /** True when most of the document set is on topic, so a unit needs no topic words of its own. */
  readonly focused: boolean;
  /** How many sections use the core vocabulary. */
  readonly coreSections: number;
  private readonly compiled = new Map<string, RegExp | null>();
  private readonly textCache = new Map<string, Span[]>();
  private readonly headingCache = new Map<string, boolean>();

  constructor(
    document: AnalyzerDocument,
    private readonly concepts: ConceptTable,
  ) {
    this.provisions = document.provisions.map((p, index) => ({
      index,
      citation: p.citation,
      heading: p.heading ?? '',
      text: p.text,
      sentences: sentenceSpans(p.text),
      group: 0,
      operative: !nonOperative.test(p.citation) && !nonOperative.test(p.heading ?? ''),
    }));
    this.groups = buildGroups(this.provisions).map((members, index) => {
      for (const m of members) {
        const view = this.provisions[m];
        if (view) view.group = index;
      }
      // A findings section makes every provision under it non-operative.
      const root = this.provisions[members[0] ?? -1];
      if (root && !root.operative)
        for (const m of members)
          if (this.provisions[m]) (this.provisions[m] as ProvisionView).operative = false;
      return { index, members, anchored: false };
    });
    let core = 0;
    let withText = 0;
    let coreProvisions = 0;
    for (const group of this.groups) {
      if (group.members.some((m) => (this.provisions[m]?.text.trim().length ?? 0) > 0)) withText += 1;
      group.anchored = group.members.some((m) => this.isCore(m, true));
      if (group.anchored) core += 1;
      coreProvisions += group.members.filter((m) => this.isCore(m, false)).length;
    }
    const titleCore = coreConcepts.some((c) => findAll(this.pattern(c), document.title).length > 0);
    this.coreSections = core;
    // The gate: the core vocabulary in several provisions, or in section headings of a short document set.
    this.relevant = coreProvisions >= 3 || core >= 2 || (core >= 1 && (titleCore || withText <= 8));
    this.focused = this.relevant && (titleCore || core / Math.max(1, withText) >= 0.2);
  }

  /** The compiled pattern of a concept (null when unknown). */
  pattern(concept: string): RegExp | null {
    if (!this.compiled.has(concept))
      this.compiled.set(concept, compilePatterns(this.concepts[concept] ?? []));
    return this.compiled.get(concept) ?? null;
  }

  /** Matches of a concept in a provision's text (cached). */
  matches(concept: string, provision: number): Span[] {
    const key = `${concept}\u0000${provision}`;
    let found = this.textCache.get(key);
    if (!found) {
      found = findAll(this.pattern(concept), this.provisions[provision]?.text ?? '');
      this.textCache.set(key, found);
    }
    return found;
  }

  /** True when a provision's heading uses the concept. */
  inHeading(concept: string, provision: number): boolean {
    const key = `${concept}\u0000${provision}`;
    let found = this.headingCache.get(key);
    if (found === undefined) {
      found = findAll(this.pattern(concept), this.provisions[provision]?.heading ?? '').length > 0;
      this.headingCache.set(key, found);
    }
    return found;
  }

  /** True when the unit may count as on topic: the document set is focused or the section is anchored. */
  onTopic(provision: number): boolean {
    if (!this.relevant) return false;
    const view = this.provisions[provision];
    if (!view?.operative) return false;
    if (this.focused) return true;
    return view ? (this.groups[view.group]?.anchored ?? false) : false;
  }

  private isCore(provision: number, withHeading: boolean): boolean {
    return coreConcepts.some(
      (c) => this.matches(c, provision).length > 0 || (withHeading && this.inHeading(c, provision)),
    );
  }
}

/** True when `citation` extends `root` (`§ 1591(a)` extends `§ 1591`; `Art. 10` does not extend `Art. 1`). */
export function extendsCitation(citation: string, root: string): boolean {
  if (root.length === 0 || citation.length <= root.length || !citation.startsWith(root)) return false;
  return !/[\p{L}\p{N}]/u.test(citation[root.length] ?? '') || !/[\p{L}\p{N}]/u.test(root.at(-1) ?? '');
}

/** Groups consecutive provisions under the nearest root that keeps a section readable in size. */
function buildGroups(provisions: ProvisionView[]): number[][] {
  // Parent of each provision: the nearest earlier provision whose citation it extends.
  const parent: number[] = [];
  const stack: number[] = [];
  for (const p of provisions) {
    while (stack.length > 0) {
      const top = provisions[stack.at(-1) ?? -1];
      if (top && extendsCitation(p.citation, top.citation)) break;
      stack.pop();
    }
    parent.push(stack.at(-1) ?? -1);
    stack.push(p.index);
  }
  const children = provisions.map(() => [] as number[]);
  const roots: number[] = [];
  for (const p of provisions) {
    const up = parent[p.index] ?? -1;
    if (up >= 0) children[up]?.push(p.index);
    else roots.push(p.index);
  }
  const subtree = (i: number, out: number[]) => {
    out.push(i);
    for (const c of children[i] ?? []) subtree(c, out);
    return out;
  };
  const groups: number[][] = [];
  const place = (i: number) => {
    const all = subtree(i, []);
    const chars = all.reduce((n, m) => n + (provisions[m]?.text.length ?? 0), 0);
    const kids = children[i] ?? [];
    if ((all.length > maxGroupMembers || chars > maxGroupChars) && kids.length > 0) {
      groups.push([i]);
      for (const c of kids) place(c);
    } else groups.push(all);
  };
  for (const r of roots) place(r);
  // Keep document order inside and across groups.
  for (const g of groups) g.sort((a, b) => a - b);
  return groups.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}
