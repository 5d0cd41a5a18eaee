/**
 * `lawgap analyze`: read files in any supported format as one document set and run the analyzer over it with the
 * built-in current framework. No database and no network: this is the same analysis the app stores, run alone.
 */
import { analyzeDocument } from '../core/analyzer/analyze.ts';
import type { Analysis, AnalyzerProvision } from '../core/analyzer/types.ts';
import { builtinFrameworks } from '../core/framework/builtin.ts';
import { parseFramework } from '../core/framework/parse-framework.ts';
import type { Framework } from '../core/framework/types.ts';
import { flattenProvisions } from '../core/laws/types.ts';
import { readDocument } from '../ingest/documents/read-document.ts';
import { readDocumentFile } from '../ingest/documents/read-file.ts';
import type { DocumentFormat, DocumentInput, ReadDocument } from '../ingest/documents/types.ts';

/** The document set as analyzed: flat provisions with citations unique across the files. */
export interface AnalyzedDocument {
  title: string;
  format: string;
  language: string;
  provisions: Array<{ citation: string; heading: string; text: string }>;
}

/** What `analyzeFiles` returns: the document set and one suggestion per indicator of the current framework. */
export interface FileAnalysis extends Analysis {
  document: AnalyzedDocument;
}

let current: Framework | null = null;

/** The built-in current framework (the last bundled version), parsed once. */
export function currentFramework(): Framework {
  if (!current) {
    const raw = builtinFrameworks.at(-1);
    current = parseFramework(raw);
  }
  return current;
}

const stopwords: Record<string, RegExp> = {
  en: /\b(?:the|of|and|shall|any|person|which|or|to|be)\b/giu,
  es: /\b(?:el|la|los|las|de|del|que|y|será|por|con|una)\b/giu,
  fr: /\b(?:le|la|les|des|du|et|qui|est|sont|une|par|dans)\b/giu,
};

/** Guesses en, es or fr from common words (English when unsure). */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, 200_000);
  let best = 'en';
  let bestCount = 0;
  for (const [language, pattern] of Object.entries(stopwords)) {
    const count = sample.match(pattern)?.length ?? 0;
    if (count > bestCount * 1.2) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}

const threeLetter: Record<string, string> = { eng: 'en', spa: 'es', fra: 'fr', fre: 'fr' };

/** `en` from `en-US`, `eng` or `EN`; other languages keep their primary subtag. */
export function languageCode(tag: string): string {
  const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return threeLetter[primary] ?? primary;
}

function flatten(doc: ReadDocument): AnalyzerProvision[] {
  return flattenProvisions(doc.provisions).map(({ node }) => ({
    citation: node.citation,
    heading: node.heading ?? '',
    text: node.text,
  }));
}

/** Makes citations unique: prefixes a file's colliding citations with its own citation or file name. */
function uniqueCitations(
  files: Array<{ label: string; provisions: AnalyzerProvision[] }>,
): AnalyzerProvision[] {
  const owners = new Map<string, Set<number>>();
  files.forEach((f, i) => {
    for (const p of f.provisions) owners.set(p.citation, (owners.get(p.citation) ?? new Set()).add(i));
  });
  const seen = new Set<string>();
  const out: AnalyzerProvision[] = [];
  for (const f of files) {
    for (const p of f.provisions) {
      let citation = (owners.get(p.citation)?.size ?? 0) > 1 ? `${f.label} ${p.citation}` : p.citation;
      // A citation repeated within one file keeps its place with a counter.
      const base = citation;
      for (let n = 2; seen.has(citation); n += 1) citation = `${base} [${n}]`;
      seen.add(citation);
      out.push({ ...p, citation });
    }
  }
  return out;
}

/** Reads the files as one document set and suggests an answer for every indicator of the current framework. */
export async function analyzeFiles(
  files: DocumentInput[],
  format: DocumentFormat | 'auto' = 'auto',
): Promise<FileAnalysis> {
  const read: Array<{ input: { fileName: string }; doc: ReadDocument }> = [];
  for (const input of files) read.push({ input, doc: await readDocument(input, format) });
  return analyzeRead(read);
}

/**
 * As analyzeFiles, from paths on disk: USLM, Akoma Ntoso and CLML are streamed (a whole US Code title reads in
 * bounded memory, up to lawLimits.streamedFileBytes), other formats are read whole. Messages name the path.
 */
export async function analyzeFilesAt(
  paths: string[],
  format: DocumentFormat | 'auto' = 'auto',
): Promise<FileAnalysis> {
  const read: Array<{ input: { fileName: string }; doc: ReadDocument }> = [];
  for (const file of paths) {
    read.push({ input: { fileName: file }, doc: await readDocumentFile(file, format, { fileName: file }) });
  }
  return analyzeRead(read);
}

function analyzeRead(read: Array<{ input: { fileName: string }; doc: ReadDocument }>): FileAnalysis {
  const provisions = uniqueCitations(
    read.map(({ input, doc }) => ({
      label: doc.citation ?? input.fileName.split(/[\\/]/).pop() ?? input.fileName,
      provisions: flatten(doc),
    })),
  );
  const title = read.map(({ input, doc }) => doc.title ?? input.fileName).join('; ');
  const formats = [...new Set(read.map(({ doc }) => doc.format))];
  const declared = read.find(({ doc }) => doc.language)?.doc.language;
  const language = declared
    ? languageCode(declared)
    : guessLanguage(provisions.map((p) => p.text).join('\n'));
  const document: AnalyzedDocument = {
    title,
    format: formats.length === 1 ? (formats[0] ?? 'text') : formats.join('+'),
    language,
    provisions: provisions.map((p) => ({ citation: p.citation, heading: p.heading ?? '', text: p.text })),
  };
  const analysis = analyzeDocument({ title, language, provisions }, currentFramework());
  return { ...analysis, document };
}
