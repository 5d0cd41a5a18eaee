/** The law library: documents, their dated versions, and each version's ordered tree of provisions. Plain data. */

/** The kinds of document the library holds. */
export const lawDocumentTypes = ['statute', 'regulation', 'treaty', 'bill_version', 'case'] as const;
/** One of `lawDocumentTypes`. */
export type LawDocumentType = (typeof lawDocumentTypes)[number];

/** Kinds of provision the importers produce; JSON imports may use these only. */
export const provisionKinds = [
  'document',
  'preamble',
  'title',
  'part',
  'chapter',
  'article',
  'section',
  'subsection',
  'paragraph',
  'subparagraph',
  'clause',
  'subclause',
  'item',
  'schedule',
] as const;
/** One of `provisionKinds`. */
export type ProvisionKind = (typeof provisionKinds)[number];

/** Limits on one import, enforced by every path (API, CLI, JSON and text). */
export const lawLimits = {
  /** Characters of imported content (text or JSON). */
  contentChars: 8 * 1024 * 1024,
  provisions: 50_000,
  /** Nesting depth of the provision tree. */
  depth: 12,
  citationChars: 200,
  headingChars: 1_000,
  titleChars: 500,
  provisionTextChars: 1_000_000,
  /**
   * Bytes of one USLM, Akoma Ntoso or CLML file streamed from disk (CLI `laws import` and `analyze`): a whole
   * US Code title (Title 42 is about 100 MB) fits. API uploads keep `contentChars`.
   */
  streamedFileBytes: 512 * 1024 * 1024,
  /** Provisions of one import streamed from an XML file on disk (a whole title has more than `provisions`). */
  streamedProvisions: 250_000,
} as const;

/** A statute, regulation, treaty, bill version or case, belonging to one jurisdiction. */
export interface LawDocument {
  id: string;
  jurisdictionId: string;
  type: LawDocumentType;
  title: string;
  /** The official citation of the whole document, e.g. `18 U.S.C. ch. 77`; unique within its jurisdiction. */
  citation: string;
  /** BCP 47 language tag of the text, e.g. `en`, `es`, `fr`. */
  language: string;
  sourceUrl: string | null;
  createdAt: string;
}

/**
 * One dated text of a document. The interval is half-open: the version applies from `effectiveFrom` (inclusive)
 * until the day before `effectiveTo`; `effectiveTo` null means "until a later version takes effect".
 */
export interface LawVersion {
  id: string;
  documentId: string;
  /** `YYYY-MM-DD`. */
  effectiveFrom: string;
  /** `YYYY-MM-DD` (exclusive), or null when open-ended. */
  effectiveTo: string | null;
  /** When we recorded this text (ISO timestamp). */
  recordedAt: string;
  /** SHA-256 of the provision tree: equal texts have equal checksums. */
  checksum: string;
  provisionCount: number;
}

/** One provision of a stored version, in document order (pre-order), with its place in the tree. */
export interface Provision {
  id: string;
  parentId: string | null;
  /** 0-based position in document order. */
  position: number;
  /** 0 for top-level provisions. */
  depth: number;
  kind: ProvisionKind;
  /** Canonical citation within the document, unique in the version: `§ 1591(a)(1)`, `Art. 3(a)`, `s. 2(1)`. */
  citation: string;
  heading: string | null;
  /** The provision's own text, without its children's. */
  text: string;
}

/** A provision as imported: a tree node. */
export interface ProvisionNode {
  kind: ProvisionKind;
  citation: string;
  heading: string | null;
  text: string;
  children: ProvisionNode[];
}

/** What an importer produces from a file, before the library stores it. */
export interface LawImport {
  document: {
    type: LawDocumentType;
    title: string;
    citation: string;
    language: string;
    sourceUrl: string | null;
  };
  version: { effectiveFrom: string; effectiveTo: string | null };
  provisions: ProvisionNode[];
  /** What the importer guessed or merged, for the person importing. */
  notes: string[];
}

/** A document with the version that applies (as of a date, or its latest). */
export interface LawListing {
  document: LawDocument;
  version: LawVersion;
}

/** A document with all its versions, oldest first. */
export interface LawWithVersions {
  document: LawDocument;
  versions: LawVersion[];
}

/** One version's text: its provisions in document order. */
export interface LawVersionText {
  document: LawDocument;
  version: LawVersion;
  provisions: Provision[];
}

/** True when the value names a document type. */
export function isLawDocumentType(value: string): value is LawDocumentType {
  return (lawDocumentTypes as readonly string[]).includes(value);
}

/** True when the value names a provision kind. */
export function isProvisionKind(value: string): value is ProvisionKind {
  return (provisionKinds as readonly string[]).includes(value);
}

/** True for a BCP 47-like language tag: `en`, `es`, `fr-CA`, `pt-BR`. */
export function isLanguageTag(value: string): boolean {
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value);
}

/** Flattens a provision tree into document order, with depth and parent position (-1 for top level). */
export function flattenProvisions(
  nodes: ProvisionNode[],
): Array<{ node: ProvisionNode; depth: number; parent: number }> {
  const out: Array<{ node: ProvisionNode; depth: number; parent: number }> = [];
  const walk = (list: ProvisionNode[], depth: number, parent: number) => {
    for (const node of list) {
      const at = out.length;
      out.push({ node, depth, parent });
      walk(node.children, depth + 1, at);
    }
  };
  walk(nodes, 0, -1);
  return out;
}
