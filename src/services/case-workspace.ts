/**
 * The workspace's side of case data: the log of imported files, publishing a draft release, and the privacy
 * ledger of each case dataset with what every release cost. Policy: drafts are seen only by their organisation
 * (`cases:read`); publishing one needs `cases:write` and changes nothing but its publication time: the table
 * was fixed (and any ε charged) when the draft was made, so looking at a draft and discarding it still costs
 * its ε, and redrawing noise until a draft looks good is not possible.
 */

import { DomainError } from '../core/errors.ts';
import { microsToEpsilon } from '../core/privacy/policy.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  findCaseDataset,
  findCaseRelease,
  listCaseDatasets,
  listCaseImports as listImportRows,
  markCaseReleasePublished,
} from '../store/cases.repo.ts';
import { nowIso } from '../store/util.ts';
import { type CaseReleaseView, toView } from './case-releases.ts';
import { actingOrganization, type CasesScope } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { listPrivacyLedgers, listPrivacyReleases } from './privacy-ledger.ts';
import { notifyPublicationChanged } from './publication-events.ts';

/** One imported file as listed. */
export interface CaseImportView {
  id: string;
  dataset: string;
  fileName: string | null;
  format: 'csv' | 'xlsx';
  records: number;
  importedAt: string;
}

/** One release's cost on a ledger. */
export interface LedgerReleaseView {
  id: string;
  dataset: string;
  year: number;
  statistic: string;
  epsilon: number;
  releasedAt: string;
}

/** The organisation's imports, newest first, with their dataset's name. */
export async function listCaseImports(
  ctx: ServiceContext,
  scope: CasesScope = {},
): Promise<CaseImportView[]> {
  const organizationId = await actingOrganization(ctx, scope, 'cases:read');
  const names = new Map((await listCaseDatasets(ctx.db, organizationId)).map((d) => [d.id, d.name]));
  return (await listImportRows(ctx.db, organizationId)).map((i) => ({
    id: i.id,
    dataset: names.get(i.datasetId) ?? '',
    fileName: i.fileName,
    format: i.format,
    records: i.records,
    importedAt: i.importedAt,
  }));
}

/** Publishes a draft release of the organisation; throws CASE_RELEASE_NOT_FOUND, or CASE_RELEASE_PUBLISHED if already public. */
export async function publishCaseDraft(
  ctx: ServiceContext,
  args: CasesScope & { id: string },
): Promise<CaseReleaseView> {
  const organizationId = await actingOrganization(ctx, args, 'cases:write');
  const release = await findCaseRelease(ctx.db, organizationId, args.id);
  if (!release) throw new DomainError('CASE_RELEASE_NOT_FOUND', 'no such case release in your organization');
  const stamp = nowIso();
  if (!(await markCaseReleasePublished(ctx.db, organizationId, release.id, stamp)))
    throw new DomainError('CASE_RELEASE_PUBLISHED', 'this release is already published');
  await recordAudit(ctx.db, ctx.actor, 'cases.release.publish', `case_dataset:${release.datasetId}`, {
    statistic: release.statistic,
  });
  notifyPublicationChanged();
  const dataset = await findCaseDataset(ctx.db, organizationId, release.datasetId);
  return toView({ ...release, publishedAt: stamp }, dataset?.name ?? '');
}

/**
 * The releases charged to one of the organisation's ledgers (dataset and year), or to every one of them when
 * neither is given; oldest first within a ledger. Throws PRIVACY_LEDGER_NOT_FOUND for an unknown ledger.
 */
export async function listLedgerReleases(
  ctx: ServiceContext,
  args: CasesScope & { dataset?: string; year?: number } = {},
): Promise<LedgerReleaseView[]> {
  const scope = args.organization === undefined ? {} : { organization: args.organization };
  const ledgers =
    args.dataset !== undefined && args.year !== undefined
      ? [{ dataset: args.dataset.trim(), year: args.year }]
      : (await listPrivacyLedgers(ctx, scope)).map((l) => ({ dataset: l.dataset, year: l.year }));
  const out: LedgerReleaseView[] = [];
  for (const l of ledgers) {
    for (const r of await listPrivacyReleases(ctx, { ...scope, ...l }))
      out.push({
        id: r.id,
        dataset: l.dataset,
        year: l.year,
        statistic: r.statistic,
        epsilon: microsToEpsilon(r.epsilonMicros),
        releasedAt: r.releasedAt,
      });
  }
  return out;
}
