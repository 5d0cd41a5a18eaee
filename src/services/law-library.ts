/**
 * The public law library's data (`/law` pages). Policy: law texts are public legal sources, so the library
 * shows every document the law API shows an anonymous reader: every document of a built-in jurisdiction,
 * never one of an organisation's own jurisdictions. Every read goes through the law services as the anonymous
 * public actor, so that rule has one home (laws.ts, law-search.ts, store/search). Nothing about coding (who
 * cites a provision, drafts, notes) is read here. Provisions carry the stable keys of core/laws/anchors.ts.
 */
import { publicActor } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import type { Jurisdiction } from '../core/jurisdictions/types.ts';
import { provisionKeys } from '../core/laws/anchors.ts';
import type { ProvisionDiff } from '../core/laws/diff.ts';
import { appliesOn } from '../core/laws/intervals.ts';
import type { LawDocument, LawListing, LawVersion, Provision } from '../core/laws/types.ts';
import type { DialectName } from '../store/db.ts';
import { listProvisions } from '../store/laws.repo.ts';
import type { ServiceContext } from './context.ts';
import { requireJurisdiction } from './jurisdictions.ts';
import { type SearchPage, searchLawPage } from './law-search.ts';
import { diffLawVersions, getLaw, listLaws } from './laws.ts';

type Db = Pick<ServiceContext, 'db'>;

function publicContext(ctx: Db): ServiceContext {
  return { db: ctx.db, actor: publicActor };
}

/** Public documents with the version that applies, and the jurisdictions they belong to. */
export interface LawLibraryIndex {
  documents: LawListing[];
  jurisdictions: Jurisdiction[];
}

/** Every public document (version in force on `on`, else its latest) and its jurisdictions, by id. */
export async function lawLibraryIndex(ctx: Db, on?: string): Promise<LawLibraryIndex> {
  const pub = publicContext(ctx);
  const documents = await listLaws(pub, on === undefined ? {} : { asOf: on });
  const ids = [...new Set(documents.map((d) => d.document.jurisdictionId))];
  const jurisdictions = await Promise.all(ids.map((id) => requireJurisdiction(pub, id)));
  return { documents, jurisdictions };
}

/** A search of the public library: words, filters and the page wanted. */
export interface LibrarySearchArgs {
  query: string;
  jurisdictionId?: string;
  documentId?: string;
  on?: string;
  limit: number;
  offset: number;
}

/**
 * One page of public provisions matching the query; throws LAW_INVALID, JURISDICTION_NOT_FOUND or
 * LAW_NOT_FOUND (a document the public cannot see) as the law services do.
 */
export async function searchLawLibrary(
  ctx: Db & { dialect: DialectName },
  args: LibrarySearchArgs,
): Promise<SearchPage> {
  const pub = { ...publicContext(ctx), dialect: ctx.dialect };
  if (args.documentId !== undefined) await getLaw(pub, args.documentId);
  return searchLawPage(pub, {
    query: args.query,
    limit: args.limit,
    offset: args.offset,
    ...(args.jurisdictionId !== undefined ? { jurisdictionId: args.jurisdictionId } : {}),
    ...(args.documentId !== undefined ? { documentId: args.documentId } : {}),
    ...(args.on !== undefined ? { asOf: args.on } : {}),
  });
}

/** A provision with its stable key. */
export interface KeyedProvision extends Provision {
  key: string;
}

/** A public document as in force on a date: its versions, the one that applies (or null) and its provisions. */
export interface LawDocumentOn {
  document: LawDocument;
  jurisdiction: Jurisdiction;
  /** Every version, oldest first. */
  versions: LawVersion[];
  on: string;
  /** The version in force on `on`; null when none is (the document is not yet or no longer in force). */
  version: LawVersion | null;
  provisions: KeyedProvision[];
}

/** The version of `versions` in force on `date`, or null. */
export function versionOn(versions: readonly LawVersion[], date: string): LawVersion | null {
  return versions.find((v) => appliesOn(v, date)) ?? null;
}

/** A public document as in force on `on`; throws LAW_NOT_FOUND for unknown and non-public documents. */
export async function lawDocumentOn(ctx: Db, id: string, on: string): Promise<LawDocumentOn> {
  const pub = publicContext(ctx);
  const { document, versions } = await getLaw(pub, id);
  const jurisdiction = await requireJurisdiction(pub, document.jurisdictionId);
  const version = versionOn(versions, on);
  if (!version) return { document, jurisdiction, versions, on, version: null, provisions: [] };
  const provisions = await listProvisions(ctx.db, version.id);
  const keys = provisionKeys(provisions.map((p) => p.citation));
  return {
    document,
    jurisdiction,
    versions,
    on,
    version,
    provisions: provisions.map((p, i) => ({ ...p, key: keys[i] ?? '' })),
  };
}

/** The changes between the versions of a public document in force on two dates. */
export interface LawChanges extends ProvisionDiff {
  document: LawDocument;
  jurisdiction: Jurisdiction;
  versions: LawVersion[];
  from: LawVersion;
  to: LawVersion;
}

/**
 * The provision diff between the versions in force on `fromDate` and `toDate` (core diff.ts); throws
 * LAW_NOT_FOUND, or LAW_VERSION_NOT_FOUND (details.field `from` or `to`) when no version is in force that day.
 */
export async function lawChanges(ctx: Db, id: string, fromDate: string, toDate: string): Promise<LawChanges> {
  const pub = publicContext(ctx);
  const { document, versions } = await getLaw(pub, id);
  const pick = (date: string, field: 'from' | 'to') => {
    const v = versionOn(versions, date);
    if (!v) {
      throw new DomainError(
        'LAW_VERSION_NOT_FOUND',
        `no version of ${document.citation} is in force on ${date}`,
        {
          field,
        },
      );
    }
    return v;
  };
  const from = pick(fromDate, 'from');
  const to = pick(toDate, 'to');
  const jurisdiction = await requireJurisdiction(pub, document.jurisdictionId);
  const diff = await diffLawVersions(pub, id, from.id, to.id);
  return { ...diff, document, jurisdiction, versions, from, to };
}
