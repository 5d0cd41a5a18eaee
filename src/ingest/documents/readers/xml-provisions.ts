/**
 * The provision builder shared by the XML readers. A reader classifies each element (a provision, its number,
 * its heading, a block of text, a subtree to skip such as notes, quoted matter, a metadata value to capture);
 * the builder turns the event stream into a ProvisionNode tree with canonical citations. Policy:
 * - Citations: containers (title, part, chapter…) read `ch. 77`, nested ones carry their parent
 *   (`ch. 77, subch. I`); sections and articles stand alone (`§ 1591`, `s. 2`, `Art. 5`); lower levels
 *   append their label to the parent (`§ 1591(a)(1)`); a lower level directly under a container reads with
 *   its own prefix (`para. 12`). Unnumbered elements are counted (`tit. I, ¶ 3`). A citation already used is
 *   prefixed with its parent's, then numbered (`[2]`).
 * - Text: runs inside a block element are joined, whitespace collapsed; blocks are separated by a blank line.
 *   A provision's text is its own, without its children's. Quoted matter (amendments quoting whole sections)
 *   is text of the provision that quotes it, never provisions of this document.
 * - Limits (lawLimits): provisions, depth, citation and text sizes are checked as the stream goes, so an
 *   oversized file stops early with LAW_INVALID naming the file and the provision.
 */
import { DomainError } from '../../../core/errors.ts';
import { lawLimits, type ProvisionKind, type ProvisionNode } from '../../../core/laws/types.ts';
import type { XmlElement, XmlHandler } from './xml-stream.ts';

/** How a provision's citation is formed (see the policy above). */
export type CiteStyle =
  /**
   * `ch. 77`, or `ch. 77, subch. I` under another container. `numbered`: its lower levels append their label
   * as under a section (a schedule paragraph `Sch. 1, para. 2` has `Sch. 1, para. 2(1)`).
   */
  | { style: 'container'; prefix: string; numbered?: boolean }
  /** `§ 1591`, `s. 2`, `Art. 5`: stands alone. */
  | { style: 'section'; prefix: string }
  /** `(label)` after the parent; under a container or at the top, `top` + label (`para. 12`). */
  | { style: 'sub'; top: string }
  /** A fixed citation (`preamble`, `Background`). */
  | { style: 'fixed'; citation: string };

/** What a reader makes of one element. */
export type Role =
  | { type: 'provision'; kind: ProvisionKind; cite: CiteStyle; label?: string | null }
  | { type: 'num'; value?: string | null }
  | { type: 'heading' }
  /** The subtree is left out; `count` names what was left out, for the reader's notes. */
  | { type: 'skip'; count?: string }
  /** Everything inside is text of the enclosing provision (quoted amendments). */
  | { type: 'quoted' }
  | { type: 'block' }
  | { type: 'inline' }
  /** The subtree's text is captured under a key (metadata), not put in any provision. */
  | { type: 'capture'; key: string };

/** The element a classification is asked about sits inside this. */
export interface Parent {
  local: string;
  role: Role;
}

interface Frame {
  node: ProvisionNode;
  cite: CiteStyle;
  /** The label the element's id gives (AKN eId), preferred over the printed number. */
  label: string | null;
  /** The label from the printed number (`num`), used when there is no id label or it differs only in case. */
  numLabel: string | null;
  ordinal: number;
  parent: Frame | null;
  resolved: boolean;
  parts: string[];
  rawLength: number;
  depth: number;
  /** Children opened so far per cite style key, for ordinals of unnumbered ones. */
  counts: Map<string, number>;
}

interface Entry {
  local: string;
  role: Role;
  frame: Frame | null;
  /** Text buffer of a num, heading or capture. */
  buffer: string[] | null;
}

const BREAK = '\u0000';

/** Normalizes collected text: whitespace collapsed within blocks, blocks separated by a blank line. */
export function blocksToText(raw: string): string {
  if (raw === '') return '';
  // One pass over the whole text (the block separator is not whitespace), then trim each block.
  const text = (raw.includes('\u00ad') ? raw.replace(/\u00ad/g, '') : raw).replace(/\s+/g, ' ');
  const out: string[] = [];
  for (const block of text.split(BREAK)) {
    const t = block.trim();
    if (t !== '') out.push(t);
  }
  return out.join('\n\n');
}

/** Cleans a number as printed (`§ 1.`, `SECTION 1.`, `(a)`, `[4]`, `CHAPTER 3—`) into its label. */
export function cleanNum(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(
      /^(?:§§?|sections?|sec\.|articles?|art\.|chapters?|chap\.|ch\.|titles?|parts?|subchapters?|subtitles?|subparts?|divisions?|schedules?|sch\.|rules?|paragraphs?|para\.|recitals?|annex|appendix|book|tome)\s*/i,
      '',
    )
    .replace(/^[\s[(]+|[\s.\])—–:-]+$/g, '')
    .replace(/^\[|\]$/g, '')
    .trim();
}

/** Options of the chunk readers: a file streamed from disk may hold more provisions than an upload. */
export interface XmlReadOptions {
  /** At most this many provisions (default lawLimits.provisions). */
  maxProvisions?: number;
}

/** The provision tree built from one file's events, plus captured metadata and counts of skipped matter. */
export class ProvisionBuilder implements XmlHandler {
  readonly provisions: ProvisionNode[] = [];
  readonly captures = new Map<string, string>();
  readonly skipped = new Map<string, number>();
  private readonly stack: Entry[] = [];
  private readonly used = new Set<string>();
  private readonly topCounts = new Map<string, number>();
  private frame: Frame | null = null;
  private skipDepth = 0;
  private quotedDepth = 0;
  private count = 0;
  private loose: Frame | null = null;

  constructor(
    private readonly fileName: string,
    private readonly classify: (el: XmlElement, parent: Parent | null) => Role,
    private readonly maxProvisions: number = lawLimits.provisions,
  ) {}

  private limit(message: string, details: Record<string, unknown> = {}): never {
    throw new DomainError('LAW_INVALID', `${this.fileName}: ${message}`, { file: this.fileName, ...details });
  }

  open(el: XmlElement): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    const top = this.stack.at(-1);
    let role = this.classify(el, top ? { local: top.local, role: top.role } : null);
    if (this.quotedDepth > 0 && role.type !== 'skip' && role.type !== 'inline') role = { type: 'block' };
    const entry: Entry = { local: el.local, role, frame: null, buffer: null };
    switch (role.type) {
      case 'skip':
        this.skipDepth = 1;
        if (role.count) this.skipped.set(role.count, (this.skipped.get(role.count) ?? 0) + 1);
        break;
      case 'quoted':
        this.quotedDepth++;
        this.brk();
        break;
      case 'block':
        this.brk();
        break;
      case 'provision':
        entry.frame = this.openFrame(role);
        break;
      case 'num':
      case 'heading': {
        // The number or heading of the provision it sits in, through inline wrappers (a CLML TitleBlock).
        let at = this.stack.length - 1;
        while (at >= 0 && this.stack[at]?.role.type === 'inline' && !this.stack[at]?.frame) at--;
        const owner = this.stack[at];
        if (owner?.frame && owner.role.type === 'provision') {
          entry.buffer = [];
          entry.frame = owner.frame;
        } else {
          entry.role = { type: 'block' };
          this.brk();
        }
        break;
      }
      case 'capture':
        entry.buffer = [];
        break;
      default:
        break;
    }
    this.stack.push(entry);
  }

  close(_el: XmlElement): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      if (this.skipDepth > 0) return;
    }
    const entry = this.stack.pop();
    if (!entry) return;
    const { role } = entry;
    if (role.type === 'skip') return;
    if (role.type === 'quoted') {
      this.quotedDepth--;
      this.brk();
    } else if (role.type === 'block') this.brk();
    else if (role.type === 'provision' && entry.frame) this.closeFrame(entry.frame);
    else if (role.type === 'num' && entry.buffer) {
      const owner = entry.frame;
      if (owner && !owner.resolved && owner.numLabel === null) {
        const label = cleanNum(role.value ?? entry.buffer.join(''));
        owner.numLabel = label === '' ? null : label;
      }
    } else if (role.type === 'heading' && entry.buffer) {
      const owner = entry.frame;
      const heading = blocksToText(entry.buffer.join(''))
        .replace(/\s*[.:]?\s*[—–]+\s*$/, '')
        .trim();
      if (owner && heading !== '') {
        owner.node.heading = owner.node.heading ? `${owner.node.heading} — ${heading}` : heading;
      }
    } else if (role.type === 'capture' && entry.buffer && !this.captures.has(role.key)) {
      this.captures.set(role.key, blocksToText(entry.buffer.join('')));
    }
  }

  text(text: string): void {
    if (this.skipDepth > 0) return;
    const top = this.stack.at(-1);
    if (top?.buffer) {
      top.buffer.push(text);
      return;
    }
    // A num, heading or capture further up (inline markup inside it) takes the text too.
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const e = this.stack[i];
      if (e?.buffer) {
        e.buffer.push(text);
        return;
      }
      if (e?.frame) break;
    }
    let target = this.frame;
    if (!target) {
      if (!/\S/.test(text)) return;
      this.loose ??= this.looseFrame();
      target = this.loose;
    }
    target.parts.push(text);
    target.rawLength += text.length;
    if (target.rawLength > lawLimits.provisionTextChars * 4) this.tooLong(target);
  }

  /** Sets a capture from outside the event stream (an attribute value). First value wins. */
  capture(key: string, value: string | undefined | null): void {
    if (value && value.trim() !== '' && !this.captures.has(key)) this.captures.set(key, value.trim());
  }

  /** The provision opened last and still open (for a heading found elsewhere, such as a CLML P1group title). */
  lastOpened(): ProvisionNode | null {
    return this.frame?.node ?? null;
  }

  /** Closes every provision still open and returns the tree; throws LAW_INVALID when a limit is passed. */
  finish(): ProvisionNode[] {
    if (this.loose) this.closeFrame(this.loose);
    return this.provisions;
  }

  private brk(): void {
    const target = this.frame ?? this.loose;
    if (target && target.parts.at(-1) !== BREAK) target.parts.push(BREAK);
  }

  private looseFrame(): Frame {
    const before = this.provisions.length === 0;
    const frame = this.makeFrame(
      before ? 'preamble' : 'paragraph',
      { style: 'fixed', citation: before ? 'preamble' : 'closing text' },
      null,
      null,
    );
    return frame;
  }

  private makeFrame(kind: ProvisionKind, cite: CiteStyle, label: string | null, parent: Frame | null): Frame {
    if (parent && !parent.resolved) this.resolve(parent);
    if (++this.count > this.maxProvisions) {
      this.limit(
        `the document has more than ${this.maxProvisions} provisions, the most one import may hold`,
        {
          limit: this.maxProvisions,
        },
      );
    }
    const depth = parent ? parent.depth + 1 : 0;
    if (depth >= lawLimits.depth) {
      this.limit(
        `provisions are nested deeper than ${lawLimits.depth} levels (under ${parent?.node.citation ?? 'the top'})`,
        { limit: lawLimits.depth },
      );
    }
    const key = cite.style === 'fixed' ? cite.citation : cite.style === 'sub' ? cite.top : cite.prefix;
    const counts = parent ? parent.counts : this.topCounts;
    const ordinal = (counts.get(key) ?? 0) + 1;
    counts.set(key, ordinal);
    const node: ProvisionNode = { kind, citation: '', heading: null, text: '', children: [] };
    (parent ? parent.node.children : this.provisions).push(node);
    return {
      node,
      cite,
      label,
      numLabel: null,
      ordinal,
      parent,
      resolved: false,
      parts: [],
      rawLength: 0,
      depth,
      counts: new Map(),
    };
  }

  private openFrame(role: Extract<Role, { type: 'provision' }>): Frame {
    if (this.loose) {
      this.closeFrame(this.loose);
      this.loose = null;
    }
    const label = role.label && role.label.trim() !== '' ? role.label.trim() : null;
    const frame = this.makeFrame(role.kind, role.cite, label, this.frame);
    this.frame = frame;
    return frame;
  }

  private closeFrame(frame: Frame): void {
    if (!frame.resolved) this.resolve(frame);
    const node = frame.node;
    node.text = blocksToText(frame.parts.join(''));
    frame.parts = [];
    if (node.heading !== null && node.heading.length > lawLimits.headingChars) {
      // A heading too long to be one is kept as the start of the text, never cut.
      node.text = node.text === '' ? node.heading : `${node.heading}\n\n${node.text}`;
      node.heading = null;
    }
    if (node.text.length > lawLimits.provisionTextChars) this.tooLong(frame);
    if (this.frame === frame) this.frame = frame.parent;
  }

  private tooLong(frame: Frame): never {
    if (!frame.resolved) this.resolve(frame);
    return this.limit(
      `${frame.node.citation} has more than ${lawLimits.provisionTextChars} characters of text, the most one provision may hold`,
      { citation: frame.node.citation, limit: lawLimits.provisionTextChars },
    );
  }

  private resolve(frame: Frame): void {
    const { cite, parent, ordinal, numLabel } = frame;
    const label =
      frame.label !== null && numLabel !== null && frame.label.toLowerCase() === numLabel.toLowerCase()
        ? numLabel
        : (frame.label ?? numLabel);
    const parentCite = parent?.node.citation ?? null;
    const parentIsContainer =
      !parent ||
      (parent.cite.style === 'container' && !parent.cite.numbered) ||
      parent.cite.style === 'fixed';
    let wanted: string;
    switch (cite.style) {
      case 'fixed':
        wanted = cite.citation;
        break;
      case 'container': {
        const own = `${cite.prefix} ${label ?? `[${ordinal}]`}`;
        wanted = parent && parent.cite.style === 'container' ? `${parentCite}, ${own}` : own;
        break;
      }
      case 'section':
        wanted = `${cite.prefix} ${label ?? `[${ordinal}]`}`;
        break;
      case 'sub':
        if (label === null) wanted = parentCite ? `${parentCite}, ¶ ${ordinal}` : `¶ ${ordinal}`;
        else if (parentIsContainer) wanted = cite.top === '' ? label : `${cite.top} ${label}`;
        else wanted = `${parentCite}(${label})`;
        break;
    }
    let citation = wanted;
    if (this.used.has(citation) && parentCite && !citation.startsWith(parentCite)) {
      citation = `${parentCite}, ${wanted}`;
    }
    for (let n = 2; this.used.has(citation); n++) citation = `${wanted} [${n}]`;
    if (citation.length > lawLimits.citationChars) {
      this.limit(
        `the citation "${citation.slice(0, 60)}…" is longer than ${lawLimits.citationChars} characters`,
        {
          limit: lawLimits.citationChars,
        },
      );
    }
    this.used.add(citation);
    frame.node.citation = citation;
    frame.resolved = true;
  }
}
