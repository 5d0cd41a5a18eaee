/**
 * lawgap's own JSON law format (`"schema": "lawgap.law/1"`) into a law import. The shape, documented in
 * docs/law-import.md:
 *
 *   { "schema": "lawgap.law/1",
 *     "document": { "type", "title", "citation"?, "language"?, "sourceUrl"? },
 *     "version": { "effectiveFrom"?, "effectiveTo"? },
 *     "provisions": [ { "kind", "citation", "heading"?, "text"?, "children"? } ] }
 *
 * Unknown keys are refused, so a typo never silently drops data. A citation or effective-from date missing
 * from the file must be given by the person importing; one given both ways must agree.
 */
import { DomainError } from '../core/errors.ts';
import type { LawDocumentType, LawImport, ProvisionKind, ProvisionNode } from '../core/laws/types.ts';
import { lawLimits } from '../core/laws/types.ts';
import { checkContentSize, type LawImportOptions } from './laws-text.ts';

/** The value of `schema` this reader understands. */
export const lawJsonSchema = 'lawgap.law/1';

type Obj = Record<string, unknown>;

function fail(path: string, problem: string): never {
  throw new DomainError('LAW_INVALID', `JSON ${path}: ${problem}`, { path });
}

function object(value: unknown, path: string, keys: string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  const stray = Object.keys(value).filter((k) => !keys.includes(k));
  if (stray.length > 0) fail(path, `unknown field(s) ${stray.map((k) => `"${k}"`).join(', ')}`);
  return value as Obj;
}

function optionalString(o: Obj, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(`${path}.${key}`, 'must be a string');
  return v;
}

function requiredString(o: Obj, key: string, path: string): string {
  const v = optionalString(o, key, path);
  if (v === undefined || v.trim() === '') fail(`${path}.${key}`, 'must be a non-empty string');
  return v;
}

/** One value from the file or the options; both given must agree. */
function agreed(fromFile: string | undefined, given: string | undefined, path: string): string | undefined {
  if (fromFile !== undefined && given !== undefined && fromFile !== given) {
    fail(path, `the file says "${fromFile}" but "${given}" was given`);
  }
  return fromFile ?? given;
}

function provision(value: unknown, path: string, depth: number): ProvisionNode {
  if (depth >= lawLimits.depth) fail(path, `provisions are nested deeper than ${lawLimits.depth} levels`);
  const o = object(value, path, ['kind', 'citation', 'heading', 'text', 'children']);
  const children = o.children ?? [];
  if (!Array.isArray(children)) fail(`${path}.children`, 'must be a list');
  return {
    kind: requiredString(o, 'kind', path) as ProvisionKind,
    citation: requiredString(o, 'citation', path).trim(),
    heading: optionalString(o, 'heading', path)?.trim() || null,
    text: (optionalString(o, 'text', path) ?? '').trim(),
    children: children.map((c, i) => provision(c, `${path}.children[${i}]`, depth + 1)),
  };
}

/** Reads a lawgap JSON law file into a law import; throws LAW_INVALID naming the JSON path at fault. */
export function readLawJson(content: string, options: LawImportOptions): LawImport {
  checkContentSize(content);
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (err) {
    throw new DomainError('LAW_INVALID', `the content is not valid JSON: ${(err as Error).message}`, {
      field: 'content',
    });
  }
  const root = object(parsed, '$', ['schema', 'document', 'version', 'provisions']);
  if (root.schema !== lawJsonSchema) fail('$.schema', `must be "${lawJsonSchema}"`);
  const doc = object(root.document, '$.document', ['type', 'title', 'citation', 'language', 'sourceUrl']);
  const version = object(root.version ?? {}, '$.version', ['effectiveFrom', 'effectiveTo']);
  if (!Array.isArray(root.provisions)) fail('$.provisions', 'must be a list');
  const citation = agreed(
    optionalString(doc, 'citation', '$.document'),
    options.citation,
    '$.document.citation',
  );
  if (!citation) fail('$.document.citation', 'is missing: give the citation (--citation)');
  const effectiveFrom = agreed(
    optionalString(version, 'effectiveFrom', '$.version'),
    options.effectiveFrom,
    '$.version.effectiveFrom',
  );
  if (!effectiveFrom)
    fail('$.version.effectiveFrom', 'is missing: give the date (--effective-from YYYY-MM-DD)');
  const effectiveTo = agreed(
    optionalString(version, 'effectiveTo', '$.version'),
    options.effectiveTo ?? undefined,
    '$.version.effectiveTo',
  );
  const type = agreed(optionalString(doc, 'type', '$.document'), options.type, '$.document.type');
  return {
    document: {
      type: (type ?? 'statute') as LawDocumentType,
      title:
        agreed(optionalString(doc, 'title', '$.document'), options.title, '$.document.title') ?? citation,
      citation: citation.trim(),
      language:
        agreed(optionalString(doc, 'language', '$.document'), options.language, '$.document.language') ??
        'en',
      sourceUrl:
        agreed(
          optionalString(doc, 'sourceUrl', '$.document'),
          options.sourceUrl ?? undefined,
          '$.document.sourceUrl',
        ) ?? null,
    },
    version: { effectiveFrom, effectiveTo: effectiveTo ?? null },
    provisions: root.provisions.map((p, i) => provision(p, `$.provisions[${i}]`, 0)),
    notes: [],
  };
}
