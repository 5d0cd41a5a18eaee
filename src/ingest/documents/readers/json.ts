/**
 * JSON. lawgap's own `lawgap.law/1` files go through src/ingest/laws-json.ts (readLawJson) unchanged; any other
 * JSON is read as generic text, never by rules written for a particular schema:
 * - string values become paragraphs in document order (numbers, booleans and nulls carry no text);
 * - an object key that itself looks like a heading or a number (`Article 5`, `§ 1591`, `3`, `(a)`) prefixes its
 *   string value (`Article 5. …`), so the splitter sees the heading; other keys (`text`, `title`) add nothing;
 * - the result goes through the plain-text splitter, with the note "read as generic JSON text".
 * Invalid JSON is DOCUMENT_UNREADABLE naming the file with line:column; a lawgap.law/1 file with a bad field is
 * DOCUMENT_UNREADABLE naming the JSON path.
 */
import { DomainError, isDomainError } from '../../../core/errors.ts';
import { lawJsonSchema, readLawJson } from '../../laws-json.ts';
import type { DocumentInput, ReadDocument } from '../types.ts';
import { documentFromSplit, splitForReader } from './from-text.ts';
import { jsonErrorOffset } from './json-locate.ts';
import { decodeUtf8 } from './text.ts';

const headingKey =
  /^(?:§{1,2}\s*\S+|(?:section|sec\.|article|art\.|chapter|part|title|schedule|rule)\s+\S+)$/i;
const numberKey = /^(?:\d{1,4}[a-z]{0,2}|\([0-9a-zA-Z]{1,4}\)|[a-z]\))$/;
/** Stands in for a citation or date the file lacks, which a ReadDocument reports as null. */
const missing = '\u0000missing';

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Parses JSON or throws DOCUMENT_UNREADABLE with the line and column of the fault. */
function parse(text: string, input: DocumentInput): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    // Newer engines say "(line L column C)", some errors "at position N"; otherwise the scanner finds it.
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const found = jsonErrorOffset(text);
    const at = lc
      ? { line: Number(lc[1]), column: Number(lc[2]) }
      : lineColumn(text, pos ? Number(pos[1]) : found >= 0 ? found : text.length);
    throw new DomainError(
      'DOCUMENT_UNREADABLE',
      `${input.fileName}: invalid JSON at line ${at.line}:${at.column} (${message})`,
      { file: input.fileName, ...at },
    );
  }
}

/** The string values of a JSON value in document order, prefixed by heading-like keys (no recursion limit). */
export function jsonText(value: unknown): string[] {
  const out: string[] = [];
  const stack: Array<{ value: unknown; key: string | null }> = [{ value, key: null }];
  while (stack.length > 0) {
    const { value: v, key } = stack.pop() as { value: unknown; key: string | null };
    if (typeof v === 'string') {
      const text = v.trim();
      if (text === '') continue;
      const k = key?.trim() ?? '';
      if (headingKey.test(k)) out.push(`${k}. ${text}`);
      else if (numberKey.test(k)) out.push(/^\d/.test(k) ? `(${k}) ${text}` : `${k} ${text}`);
      else out.push(text);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: null });
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i] as [string, unknown];
        // A heading-like key over an object or list heads what it holds.
        if (typeof child === 'object' && child !== null && headingKey.test(k.trim())) {
          stack.push({ value: child, key: null });
          stack.push({ value: k.trim(), key: null });
        } else stack.push({ value: child, key: k });
      }
    }
  }
  return out;
}

function lawgapJson(text: string, root: Record<string, unknown>, input: DocumentInput): ReadDocument {
  const doc = (root.document ?? {}) as Record<string, unknown>;
  const version = (root.version ?? {}) as Record<string, unknown>;
  const hasCitation = typeof doc.citation === 'string';
  const hasDate = typeof version.effectiveFrom === 'string';
  try {
    const law = readLawJson(text, {
      ...(hasCitation ? {} : { citation: missing }),
      ...(hasDate ? {} : { effectiveFrom: missing }),
    });
    return {
      format: 'json',
      title: law.document.title === missing ? null : law.document.title,
      citation: hasCitation ? law.document.citation : null,
      language: typeof doc.language === 'string' ? law.document.language : null,
      effectiveFrom: hasDate ? law.version.effectiveFrom : null,
      type: typeof doc.type === 'string' ? law.document.type : null,
      provisions: law.provisions,
      notes: law.notes,
    };
  } catch (err) {
    if (isDomainError(err, 'LAW_INVALID')) {
      throw new DomainError('DOCUMENT_UNREADABLE', `${input.fileName}: ${err.message}`, {
        file: input.fileName,
        ...(err.details ?? {}),
      });
    }
    throw err;
  }
}

/** Reads a JSON file into provisions. */
export async function readJsonDocument(input: DocumentInput): Promise<ReadDocument> {
  const text = decodeUtf8(input);
  const parsed = parse(text, input);
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    (parsed as Record<string, unknown>).schema === lawJsonSchema
  ) {
    return lawgapJson(text, parsed as Record<string, unknown>, input);
  }
  const lines = jsonText(parsed);
  const split = splitForReader(lines.join('\n\n'), input, 'the JSON holds no text');
  return documentFromSplit('json', split, { notes: ['read as generic JSON text'] });
}
