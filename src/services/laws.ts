/**
 * The law library: importing documents and versions, reading the law as of a date, diffing versions, and
 * searching provisions. Reading is public (like the framework); importing needs `laws:write`. A document is
 * identified by its jurisdiction and official citation; importing the same text with the same start date
 * again changes nothing. Documents of an organization's own jurisdictions are visible to its members only.
 */
import type { Kysely } from 'kysely';
import { actorCan } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { diffProvisions, type ProvisionDiff } from '../core/laws/diff.ts';
import { isIsoDate, placeVersion } from '../core/laws/intervals.ts';
import type {
  LawDocument,
  LawDocumentType,
  LawImport,
  LawListing,
  LawVersion,
  LawVersionText,
  LawWithVersions,
} from '../core/laws/types.ts';
import { checkLawImport } from '../core/laws/validate.ts';
import { readLawJson } from '../ingest/laws-json.ts';
import { type LawImportOptions, readLawText } from '../ingest/laws-text.ts';
import { recordAudit } from '../store/audit.repo.ts';
import type { DialectName } from '../store/db.ts';
import {
  closeLawVersion,
  findLawDocument,
  getLawDocument,
  getLawVersion,
  insertLawDocument,
  insertLawVersion,
  listLawDocuments,
  listLawVersions,
  listProvisions,
  lockLawDocument,
  provisionChecksum,
} from '../store/laws.repo.ts';
import type { Database } from '../store/schema.ts';
import type { SearchHit, Visibility } from '../store/search/port.ts';
import { searchFor } from '../store/search/search-for.ts';
import type { ServiceContext } from './context.ts';
import { requireJurisdiction } from './jurisdictions.ts';
import { type SearchLawsArgs, searchLawPage } from './law-search.ts';
import { notifyPublicationChanged } from './publication-events.ts';

/** A service context that also knows the engine (the search implementation depends on it). */
export interface LawContext extends ServiceContext {
  dialect: DialectName;
}

/** The formats an import reads: plain text, or lawgap JSON (lawgap.law/1). */
export type LawFormat = 'text' | 'json';

/** An import: the file's content and format, its jurisdiction, and what the file does not say. */
export interface ImportLawArgs extends LawImportOptions {
  jurisdictionId: string;
  format: LawFormat;
  content: string;
  /** Hears how many provisions are stored so far (a long import shows progress). */
  onProgress?: (done: number, total: number) => void;
}

/** What an import did: `created` a new version, or found this exact version `unchanged`. */
export interface ImportLawResult {
  outcome: 'created' | 'unchanged';
  document: LawDocument;
  version: LawVersion;
  /** Open-ended versions that now end where the new one begins. */
  closed: Array<{ versionId: string; effectiveTo: string }>;
  notes: string[];
}

function visibilityOf(ctx: ServiceContext): Visibility {
  if (ctx.actor.kind === 'system') return 'all';
  if (ctx.actor.kind === 'public') return { organizationId: null };
  return { organizationId: ctx.actor.organizationId };
}

function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && !isIsoDate(value)) {
    throw new DomainError('LAW_INVALID', `${field} must be a date YYYY-MM-DD, got "${value}"`, { field });
  }
}

/** Reads a file in the given format into an import (no IO); throws LAW_INVALID. */
export function readLawFile(format: LawFormat, content: string, options: LawImportOptions): LawImport {
  return format === 'json' ? readLawJson(content, options) : readLawText(content, options);
}

/**
 * Imports a document version: validates it, checks the jurisdiction, places the version among the
 * document's others (closing an open-ended earlier one), stores and indexes it in one transaction.
 */
export async function importLaw(ctx: LawContext, args: ImportLawArgs): Promise<ImportLawResult> {
  if (!actorCan(ctx.actor, 'laws:write')) throw new DomainError('FORBIDDEN', 'you may not import laws');
  checkDate(args.effectiveFrom, 'effectiveFrom');
  checkDate(args.effectiveTo ?? undefined, 'effectiveTo');
  const { onProgress, jurisdictionId, format, content, ...options } = args;
  const imported = readLawFile(format, content, options);
  return storeLawImport(ctx, jurisdictionId, imported, { ...(onProgress ? { onProgress } : {}) });
}

/** What else a store of an import does: hear progress, and work inside its transaction once it is stored. */
export interface StoreLawOptions {
  onProgress?: (done: number, total: number) => void;
  /** Runs in the import's transaction after the version is stored (or found unchanged); a throw undoes it all. */
  within?: (trx: Kysely<Database>, result: ImportLawResult) => Promise<void>;
  /** Raised above lawLimits.provisions only for an XML file streamed from disk. */
  maxProvisions?: number;
}

/**
 * Stores a law import already read from a file (any format): checks it and the jurisdiction, places the version
 * among the document's others (closing an open-ended earlier one), stores and indexes it in one transaction.
 */
export async function storeLawImport(
  ctx: LawContext,
  jurisdictionId: string,
  imported: LawImport,
  options: StoreLawOptions = {},
): Promise<ImportLawResult> {
  if (!actorCan(ctx.actor, 'laws:write')) throw new DomainError('FORBIDDEN', 'you may not import laws');
  const { onProgress, within, maxProvisions } = options;
  checkLawImport(imported, maxProvisions);
  const jurisdiction = await requireJurisdiction(ctx, jurisdictionId);
  const checksum = provisionChecksum(imported.provisions);
  const search = searchFor(ctx.dialect);
  const result = await ctx.db.transaction().execute(async (trx): Promise<ImportLawResult> => {
    const stored = await storeIn(trx);
    if (within) await within(trx, stored);
    return stored;
  });
  // Law texts are public (the portal's law library): a new version empties the portal's page cache.
  if (result.outcome === 'created') notifyPublicationChanged();
  return result;

  async function storeIn(trx: Kysely<Database>): Promise<ImportLawResult> {
    const existing = await findLawDocument(trx, jurisdiction.id, imported.document.citation);
    if (
      existing &&
      (existing.type !== imported.document.type || existing.language !== imported.document.language)
    ) {
      throw new DomainError(
        'LAW_DOCUMENT_MISMATCH',
        `${existing.citation} is stored as a ${existing.type} in "${existing.language}", not a ${imported.document.type} in "${imported.document.language}"`,
        { documentId: existing.id },
      );
    }
    if (existing) await lockLawDocument(trx, existing.id);
    const document =
      existing ?? (await insertLawDocument(trx, { ...imported.document, jurisdictionId: jurisdiction.id }));
    const versions = await listLawVersions(trx, document.id);
    const same = versions.find((v) => v.effectiveFrom === imported.version.effectiveFrom);
    if (
      same &&
      same.checksum === checksum &&
      (imported.version.effectiveTo === null || imported.version.effectiveTo === same.effectiveTo)
    ) {
      return { outcome: 'unchanged', document, version: same, closed: [], notes: imported.notes };
    }
    const placement = placeVersion(versions, imported.version);
    for (const c of placement.close) await closeLawVersion(trx, c.version.id, c.effectiveTo);
    const version = await insertLawVersion(
      trx,
      search,
      { document, ...placement.interval, checksum, provisions: imported.provisions },
      onProgress,
    );
    await recordAudit(trx, ctx.actor, 'law.import', document.id, {
      versionId: version.id,
      effectiveFrom: version.effectiveFrom,
      provisions: version.provisionCount,
    });
    return {
      outcome: 'created',
      document,
      version,
      closed: placement.close.map((c) => ({ versionId: c.version.id, effectiveTo: c.effectiveTo })),
      notes: imported.notes,
    };
  }
}

/** Filters of the law list. */
export interface LawListArgs {
  jurisdictionId?: string;
  type?: LawDocumentType;
  asOf?: string;
}

/** Documents with the version in force on `asOf` (or their latest), optionally of one jurisdiction or type. */
export async function listLaws(ctx: ServiceContext, args: LawListArgs = {}): Promise<LawListing[]> {
  checkDate(args.asOf, 'asOf');
  if (args.jurisdictionId !== undefined) await requireJurisdiction(ctx, args.jurisdictionId);
  return listLawDocuments(ctx.db, { ...args, visibility: visibilityOf(ctx) });
}

/** A document with all its versions, oldest first; throws LAW_NOT_FOUND. */
export async function getLaw(ctx: ServiceContext, id: string): Promise<LawWithVersions> {
  const document = await getLawDocument(ctx.db, id, visibilityOf(ctx));
  if (!document) throw new DomainError('LAW_NOT_FOUND', `law ${id} does not exist`, { id });
  return { document, versions: await listLawVersions(ctx.db, id) };
}

async function requireVersion(
  ctx: ServiceContext,
  document: LawDocument,
  versionId: string,
): Promise<LawVersion> {
  const version = await getLawVersion(ctx.db, document.id, versionId);
  if (!version) {
    throw new DomainError('LAW_VERSION_NOT_FOUND', `law ${document.id} has no version ${versionId}`, {
      versionId,
    });
  }
  return version;
}

/** One version's provisions in document order; throws LAW_NOT_FOUND or LAW_VERSION_NOT_FOUND. */
export async function getLawVersionText(
  ctx: ServiceContext,
  id: string,
  versionId: string,
): Promise<LawVersionText> {
  const { document } = await getLaw(ctx, id);
  const version = await requireVersion(ctx, document, versionId);
  return { document, version, provisions: await listProvisions(ctx.db, version.id) };
}

/** The provisions added, removed and changed (with word diffs) between two versions of a document. */
export async function diffLawVersions(
  ctx: ServiceContext,
  id: string,
  fromId: string,
  toId: string,
): Promise<{ document: LawDocument; from: LawVersion; to: LawVersion } & ProvisionDiff> {
  const { document } = await getLaw(ctx, id);
  const from = await requireVersion(ctx, document, fromId);
  const to = await requireVersion(ctx, document, toId);
  const [before, after] = await Promise.all([listProvisions(ctx.db, from.id), listProvisions(ctx.db, to.id)]);
  return { document, from, to, ...diffProvisions(before, after) };
}

export type { SearchLawsArgs } from './law-search.ts';

/** Provisions matching the query, best first: the first page of `searchLawPage` (law-search.ts). */
export async function searchLaws(ctx: LawContext, args: SearchLawsArgs): Promise<SearchHit[]> {
  return (await searchLawPage(ctx, args)).hits;
}
