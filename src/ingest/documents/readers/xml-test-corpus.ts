/** Test support for the XML readers: the shared corpus folder, and a provision lookup by citation. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { flattenProvisions, type ProvisionNode } from '../../../core/laws/types.ts';
import { readDocument } from '../read-document.ts';
import type { ReadDocument } from '../types.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
/** The corpus folder (LAWGAP_CORPUS, default ../shared/corpus from the project root). */
export const corpus = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus');

/** Whether a corpus subfolder is there; warns (or, with REQUIRE_CORPUS=1, fails) when it is not. */
export function corpusPresent(sub: string): boolean {
  const present = fs.existsSync(path.join(corpus, sub));
  if (!present && process.env.REQUIRE_CORPUS === '1')
    throw new Error(`corpus folder ${sub} not found at ${corpus}`);
  if (!present) console.warn(`corpus not found at ${path.join(corpus, sub)}: skipping those tests`);
  return present;
}

/** A corpus folder of XML files: whether it is there, its path, and its .xml files (sub-folders too, sorted). */
export function corpusXml(sub: string): { present: boolean; dir: string; files: string[] } {
  const present = corpusPresent(sub);
  const dir = path.join(corpus, sub);
  const files = present
    ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.xml$/i.test(f)).sort()
    : [];
  return { present, dir, files };
}

/** One test per corpus file: it reads in this format with every invariant holding. */
export function itReadsEach(folder: { dir: string; files: string[] }, format: string): void {
  it.each(folder.files)('%s reads with unique citations and clean text', async (file) => {
    const doc = await readFile(path.join(folder.dir, file));
    expect(doc.format).toBe(format);
    expect(invariants(doc)).toEqual([]);
  });
}

/** Reads a file (auto-detected) from a path. */
export function readFile(file: string): Promise<ReadDocument> {
  return readDocument({ fileName: path.basename(file), bytes: fs.readFileSync(file) });
}

/** Reads one of our own fixtures. */
export function readFixture(name: string): Promise<ReadDocument> {
  return readFile(path.join(import.meta.dirname, '..', 'fixtures', name));
}

/** Reads one of our own fixtures, checks the document fields given and every invariant, and returns it. */
export async function readFixtureChecked(name: string, fields: Partial<ReadDocument>): Promise<ReadDocument> {
  const doc = await readFixture(name);
  expect(doc).toMatchObject(fields);
  expect(invariants(doc)).toEqual([]);
  return doc;
}

/** Every provision in document order. */
export function all(doc: ReadDocument): ProvisionNode[] {
  return flattenProvisions(doc.provisions).map((f) => f.node);
}

/** The provision with this citation; throws when there is none, so a test names what is missing. */
export function byCitation(doc: ReadDocument, citation: string): ProvisionNode {
  const found = all(doc).find((p) => p.citation === citation);
  if (!found) throw new Error(`no provision ${citation}`);
  return found;
}

/** Checks every document-wide invariant: unique non-empty citations, clean text, something to read. */
export function invariants(doc: ReadDocument): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const nodes = all(doc);
  if (nodes.length === 0) problems.push('no provisions');
  for (const p of nodes) {
    if (p.citation.trim() === '') problems.push('empty citation');
    if (seen.has(p.citation)) problems.push(`duplicate citation ${p.citation}`);
    seen.add(p.citation);
    if (p.text.includes(String.fromCharCode(0)) || /\s{3,}| \n|\n /.test(p.text))
      problems.push(`unclean text in ${p.citation}`);
    if (p.heading !== null && p.heading.trim() !== p.heading)
      problems.push(`untrimmed heading ${p.citation}`);
  }
  if (!nodes.some((p) => p.text.length > 0)) problems.push('no text at all');
  return problems;
}
