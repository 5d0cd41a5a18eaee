/**
 * The labelled development set: one JSON file per corpus document in eval/labels/, listing the indicators the
 * document meets (`yes`) or partly meets (`partial`) with the provision citation and a short verbatim quote.
 * Every indicator not listed is `no` (the file says so with `"unlisted": "no"`). eval/README.md is the schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { documentFormats } from '../src/ingest/documents/types.ts';

const evidenceSchema = z.strictObject({
  citation: z.string().min(1),
  quote: z.string().min(1).max(300),
});

const labelSchema = z.strictObject({
  indicator: z.string().regex(/^[A-Z]{2}-\d{2}$/),
  answer: z.enum(['yes', 'partial']),
  evidence: z.array(evidenceSchema).min(1),
  note: z.string().optional(),
});

const labelFileSchema = z.strictObject({
  document: z.string().min(1),
  format: z.enum(documentFormats),
  framework: z.literal('lawgap-v1'),
  relevance: z.enum(['trafficking', 'related', 'unrelated']),
  unlisted: z.literal('no'),
  notes: z.array(z.string()),
  labels: z.array(labelSchema),
});

/** One quote the label rests on: a citation as our reader produces it and a verbatim substring of its text. */
export type LabelEvidence = z.infer<typeof evidenceSchema>;
/** One indicator the document meets or partly meets. */
export type Label = z.infer<typeof labelSchema>;
/** One labelled document. */
export type LabelFile = z.infer<typeof labelFileSchema> & { file: string };

/** The folder holding the label files. */
export const labelsDir = path.resolve(import.meta.dirname, 'labels');

/** Parses one label file's JSON, naming the file in any error; rejects duplicate indicators. */
export function parseLabelFile(raw: unknown, file: string): LabelFile {
  const parsed = labelFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const seen = new Set<string>();
  for (const label of parsed.data.labels) {
    if (seen.has(label.indicator)) throw new Error(`${file}: ${label.indicator} is labelled twice`);
    seen.add(label.indicator);
  }
  if (parsed.data.relevance === 'unrelated' && parsed.data.labels.length > 0) {
    throw new Error(`${file}: an unrelated document must have no positive labels`);
  }
  if (parsed.data.document.split('/')[0] === 'national' || parsed.data.document.split('/')[0] === 'states') {
    throw new Error(`${file}: national/ and states/ are the blind set and are never labelled`);
  }
  return { ...parsed.data, file };
}

/** Every label file in the folder, sorted by file name. */
export function loadLabelFiles(dir: string = labelsDir): LabelFile[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => parseLabelFile(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')), name));
}
