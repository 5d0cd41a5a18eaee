/**
 * Releases published from HTCDS case records (issue 9; policy in cases.ts): publishing decrypts in memory,
 * tabulates with contribution bounding (one person counts once), and releases through core/privacy only: the
 * first release of a statistic is suppressed and rounded (`publishTable`), any repeat is noisy and debits the
 * dataset's ledger (`releaseNoisyCounts`), refused past the cap with nothing stored. Only the published table is
 * stored and shown; true counts never leave this module.
 */
import { randomInt } from 'node:crypto';
import { actorLabel } from '../core/auth/permissions.ts';
import {
  caseAttributeDomains,
  caseAttributes,
  countryDomains,
  toCaseRow,
} from '../core/cases/case-attributes.ts';
import type { CaseRecordInput } from '../core/cases/case-csv.ts';
import { DomainError } from '../core/errors.ts';
import { epsilonToMicros, microsToEpsilon, type RandomInt } from '../core/privacy/policy.ts';
import { type PublishedTable, publishTable } from '../core/privacy/publish.ts';
import { type CaseRow, tabulate } from '../core/privacy/tabulate.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  findCaseDataset,
  hasCaseRelease,
  insertCaseRelease,
  listCaseRecords,
  listCaseDatasets as listDatasetRows,
  listCaseReleases as listReleaseRows,
  type StoredCaseRelease,
  toRelease,
} from '../store/cases.repo.ts';
import type { CaseReleaseRow } from '../store/cases.schema.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import { checkCountries } from './case-countries.ts';
import {
  actingOrganization,
  type CasesContext,
  type CasesScope,
  casesKey,
  checkJurisdiction,
} from './cases.ts';
import type { ServiceContext } from './context.ts';
import { decryptField } from './field-crypto.ts';
import { releaseNoisyCounts } from './privacy-ledger.ts';
import { notifyPublicationChanged } from './publication-events.ts';

/** What to publish. */
export interface CasesPublishArgs extends CasesScope {
  dataset: string;
  attributes: string[];
  epsilon: number | string;
  year?: number;
  /** ISO 3166-1 alpha-2 codes broken out by a country attribute (citizenship, event_country); others are Other. */
  countries?: string[];
  /** Keep the release as a draft that only the organisation sees (publishCaseDraft makes it public). */
  draft?: boolean;
}

/** A release as shown: the published table only, and what it cost. */
export interface CaseReleaseView {
  id: string;
  dataset: string;
  jurisdiction: string | null;
  statistic: string;
  attributes: string[];
  year: number | null;
  mechanism: 'suppressed' | 'noisy';
  epsilon: number;
  k: number;
  table: PublishedTable;
  releasedAt: string;
  /** Null while the release is a draft. */
  publishedAt: string | null;
}

function checkAttributes(list: string[]): string[] {
  const attributes = list.map((a) => a.trim()).filter((a) => a !== '');
  for (const a of attributes) {
    if (!caseAttributes.includes(a)) {
      throw new DomainError(
        'PRIVACY_ATTRIBUTE_NOT_ALLOWED',
        `${a.slice(0, 60)} is not a publishable attribute; use ${caseAttributes.join(', ')}`,
        {
          field: 'attributes',
        },
      );
    }
  }
  return attributes;
}

/**
 * Publishes one table from a dataset: suppressed and rounded the first time, noisy and debited on the ledger for
 * any repeat; returns the stored release. Throws PRIVACY_BUDGET_EXCEEDED (nothing stored) past the cap.
 */
export async function publishCaseRelease(
  ctx: CasesContext,
  args: CasesPublishArgs,
  random: RandomInt = randomInt,
): Promise<CaseReleaseView> {
  const organizationId = await actingOrganization(ctx, args, 'cases:write');
  const epsilonMicros = epsilonToMicros(args.epsilon);
  if (epsilonMicros <= 0) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', 'epsilon must be above 0', { field: 'epsilon' });
  }
  const attributes = checkAttributes(args.attributes);
  const countries = checkCountries(attributes, args.countries);
  const year = args.year;
  if (year !== undefined && (!Number.isSafeInteger(year) || year < 1900 || year > 2200)) {
    throw new DomainError('VALIDATION_FAILED', 'year must be a year from 1900 to 2200', { field: 'year' });
  }
  const dataset = await findCaseDataset(ctx.db, organizationId, args.dataset.trim());
  if (!dataset) throw new DomainError('CASE_DATASET_NOT_FOUND', 'no such case dataset in your organization');
  const key = casesKey(ctx.fieldKey);
  const rows: CaseRow[] = [];
  for (const r of await listCaseRecords(ctx.db, dataset.id)) {
    const data = JSON.parse(decryptField(key, r.data)) as {
      year: number | null;
      fields: CaseRecordInput['fields'];
    };
    if (year !== undefined && data.year !== year) continue;
    rows.push(toCaseRow(r.person_key ?? r.id, data.fields, countries));
  }
  const domains = { ...caseAttributeDomains, ...countryDomains(countries) };
  const counts = tabulate(rows, { attributes, domains });
  const named = countries.length > 0 ? ` (countries ${countries.join(' ')})` : '';
  const statistic = `by ${counts.attributes.join(', ')}${named}${year === undefined ? '' : ` in ${year}`}`;
  // A repeat is any earlier release over the same attributes and year, whatever countries it named.
  const repeat = await hasCaseRelease(ctx.db, dataset.id, {
    attributes: counts.attributes,
    year: year ?? null,
  });
  let table: PublishedTable;
  if (repeat) {
    const released = await releaseNoisyCounts(
      ctx,
      {
        ...(ctx.actor.kind === 'system' ? { organization: organizationId } : {}),
        dataset: `cases/${dataset.name}`,
        statistic,
        epsilonMicros,
        privacyUnit: dataset.privacyUnit,
      },
      counts,
      random,
    );
    table = released.table;
  } else {
    table = publishTable(counts, { totals: counts.attributes.length < 3 && counts.cells.length <= 400 });
  }
  const stamp = nowIso();
  const row: CaseReleaseRow = {
    id: newSortableId(),
    dataset_id: dataset.id,
    organization_id: organizationId,
    jurisdiction: dataset.jurisdiction,
    statistic,
    attributes: JSON.stringify(counts.attributes),
    year: year ?? null,
    mechanism: repeat ? 'noisy' : 'suppressed',
    epsilon_micros: repeat ? epsilonMicros : 0,
    k: table.k,
    published: JSON.stringify(table),
    released_by: actorLabel(ctx.actor),
    released_at: stamp,
    published_at: args.draft ? null : stamp,
  };
  await insertCaseRelease(ctx.db, row);
  await recordAudit(ctx.db, ctx.actor, 'cases.publish', `case_dataset:${dataset.id}`, {
    statistic,
    epsilon: repeat ? microsToEpsilon(epsilonMicros) : 0,
    draft: args.draft === true,
  });
  // The portal's report cards and comparisons show published releases (services/practice-cases.ts).
  if (!args.draft) notifyPublicationChanged();
  return toView(toRelease(row), dataset.name);
}

/** A stored release as shown (the dataset named by the caller). */
export function toView(r: StoredCaseRelease, datasetName: string): CaseReleaseView {
  return {
    id: r.id,
    dataset: datasetName,
    jurisdiction: r.jurisdiction,
    statistic: r.statistic,
    attributes: r.attributes,
    year: r.year,
    mechanism: r.mechanism,
    epsilon: microsToEpsilon(r.epsilonMicros),
    k: r.k,
    table: JSON.parse(r.published) as PublishedTable,
    releasedAt: r.releasedAt,
    publishedAt: r.publishedAt,
  };
}

/** The organisation's releases, newest first. */
export async function listCaseReleases(
  ctx: ServiceContext,
  scope: CasesScope = {},
): Promise<CaseReleaseView[]> {
  const organizationId = await actingOrganization(ctx, scope, 'cases:read');
  const names = new Map((await listDatasetRows(ctx.db, organizationId)).map((d) => [d.id, d.name]));
  return (await listReleaseRows(ctx.db, { organizationId })).map((r) =>
    toView(r, names.get(r.datasetId) ?? ''),
  );
}

/** Every organisation's releases (published tables only), optionally of one jurisdiction; the dataset is not named. */
export async function publicCaseReleases(
  ctx: ServiceContext,
  filter: { jurisdiction?: string } = {},
): Promise<CaseReleaseView[]> {
  const jurisdiction =
    filter.jurisdiction === undefined ? undefined : (checkJurisdiction(filter.jurisdiction) ?? undefined);
  const rows = await listReleaseRows(ctx.db, {
    organizationId: null,
    ...(jurisdiction ? { jurisdiction } : {}),
  });
  return rows.map((r) => toView(r, ''));
}
