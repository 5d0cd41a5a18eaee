/**
 * The corpus as the evaluation sees it: found through LAWGAP_CORPUS (default ../shared/corpus from the project
 * root), read in place through the same readDocument the app uses, never copied. A document becomes the
 * analyzer's flat list of provisions (each node's own text) plus the tree relations used to judge evidence.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Analysis, AnalyzerDocument } from '../src/core/analyzer/types.ts';
import type { ProvisionKind, ProvisionNode } from '../src/core/laws/types.ts';
import { readDocument } from '../src/ingest/documents/read-document.ts';
import type { DocumentFormat, ReadDocument } from '../src/ingest/documents/types.ts';
import { analyzeFiles } from '../src/services/analysis.ts';

const root = path.resolve(import.meta.dirname, '..');

/** The corpus folder (absolute), whether or not it exists. */
export function corpusRoot(): string {
  return path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus');
}

/** True when the corpus folder holds the development folders the labels point into. */
export function corpusPresent(corpus: string = corpusRoot()): boolean {
  return ['uslm', 'treaties'].every((dir) => fs.existsSync(path.join(corpus, dir)));
}

/** Reads one corpus document (path relative to the corpus) in the given format. */
export async function readCorpusDocument(
  corpus: string,
  relative: string,
  format: DocumentFormat | 'auto',
): Promise<ReadDocument> {
  const file = path.join(corpus, relative);
  return readDocument({ fileName: path.basename(file), bytes: fs.readFileSync(file) }, format);
}

/**
 * Kinds that group provisions rather than state a rule. Evidence citing one of these as an ancestor of the
 * labelled provision is too coarse to count ("somewhere in chapter 77" is not evidence).
 */
const containerKinds: ReadonlySet<ProvisionKind> = new Set([
  'document',
  'title',
  'part',
  'chapter',
  'schedule',
]);

/** A read document as the evaluation uses it. */
export interface EvalDocument {
  analyzerDocument: AnalyzerDocument;
  /** citation -> the provision's own text. */
  texts: Map<string, string>;
  /** citation -> citations of its ancestors that are not containers (nearest first). */
  ancestors: Map<string, string[]>;
}

/**
 * Pairs the reader's tree with the flat provisions the analyzer was given (`analyzed`, in the same document
 * order, whose citations may carry a ` [2]` where the file repeats one), so evidence can be judged against the
 * tree. Without `analyzed`, the tree's own citations and texts are used.
 */
export function toEvalDocument(
  read: ReadDocument,
  fallbackTitle: string,
  analyzed?: AnalyzerDocument,
): EvalDocument {
  const flat: Array<{ node: ProvisionNode; chain: string[] }> = [];
  const walk = (nodes: ProvisionNode[], chain: string[]) => {
    for (const node of nodes) {
      flat.push({ node, chain });
      walk(node.children, containerKinds.has(node.kind) ? chain : [String(flat.length - 1), ...chain]);
    }
  };
  walk(read.provisions, []);
  if (analyzed && analyzed.provisions.length !== flat.length) {
    throw new Error(
      `${fallbackTitle}: the analyzer saw ${analyzed.provisions.length} provisions, the reader made ${flat.length}`,
    );
  }
  const provisions: AnalyzerDocument['provisions'] =
    analyzed?.provisions ??
    flat.map(({ node }) => ({ citation: node.citation, heading: node.heading, text: node.text }));
  const texts = new Map<string, string>();
  const ancestors = new Map<string, string[]>();
  flat.forEach(({ chain }, i) => {
    const provision = provisions[i]!;
    if (texts.has(provision.citation)) return;
    texts.set(provision.citation, provision.text);
    ancestors.set(
      provision.citation,
      chain.map((at) => provisions[Number(at)]!.citation),
    );
  });
  return {
    analyzerDocument: analyzed ?? {
      title: read.title ?? fallbackTitle,
      language: read.language ?? 'en',
      provisions,
    },
    texts,
    ancestors,
  };
}

/**
 * Reads one corpus document and analyzes it exactly as `lawgap analyze FILE --format F` does (the same
 * service: flattening, language guess, citation de-duplication), returning both for the comparison.
 */
export async function analyzeCorpusDocument(
  corpus: string,
  relative: string,
  format: DocumentFormat | 'auto',
): Promise<{ read: ReadDocument; doc: EvalDocument; analysis: Analysis }> {
  const file = path.join(corpus, relative);
  const input = { fileName: path.basename(file), bytes: fs.readFileSync(file) };
  const read = await readDocument(input, format);
  const result = await analyzeFiles([input], format);
  const analyzerDocument: AnalyzerDocument = {
    title: result.document.title,
    language: result.document.language,
    provisions: result.document.provisions,
  };
  const analysis: Analysis = {
    analyzerVersion: result.analyzerVersion,
    frameworkId: result.frameworkId,
    frameworkVersion: result.frameworkVersion,
    suggestions: result.suggestions,
  };
  return { read, doc: toEvalDocument(read, relative, analyzerDocument), analysis };
}

/**
 * True when evidence at `cited` points at the labelled provision `labelled`: the same citation, or one is a
 * (non-container) ancestor of the other in the reader's tree.
 */
export function sameProvision(document: EvalDocument, cited: string, labelled: string): boolean {
  if (cited === labelled) return true;
  return (
    (document.ancestors.get(labelled) ?? []).includes(cited) ||
    (document.ancestors.get(cited) ?? []).includes(labelled)
  );
}
