/**
 * HTCDS case records (issue 9, slices 2 and 4; the releases published from them are in case-releases.ts). Policy:
 * - a dataset belongs to one organisation; importing and publishing need `cases:write`, reading its datasets
 *   (counts only) and releases `cases:read`; a dataset of another organisation is not found;
 * - a file is validated against the standard (core/cases/case-csv.ts) and written all or nothing; a rejected
 *   field with a value refuses the file naming the column; no cell is ever quoted in an error, log or audit;
 * - each record's accepted fields are one AES-256-GCM blob under the cases key (derived from the field key, never
 *   in the database); the person reference is stored only as an HMAC under that key;
 * - publishing decrypts in memory, tabulates with contribution bounding (one person counts once), and releases
 *   through core/privacy only: the first release of a statistic is suppressed and rounded (`publishTable`), any
 *   repeat is noisy and debits the dataset's ledger (`releaseNoisyCounts`), refused past the cap with nothing
 *   stored. Only the published table is stored and shown; true counts never leave this function.
 */
import { createHmac } from 'node:crypto';
import { actorCan, actorLabel, type Permission } from '../core/auth/permissions.ts';
import {
  type CaseRecordInput,
  type CaseRowProblem,
  caseLimits,
  describeCaseProblem,
  readCaseTable,
} from '../core/cases/case-csv.ts';
import { parseCsv } from '../core/csv.ts';
import { DomainError } from '../core/errors.ts';
import { readXlsxFirstSheet } from '../ingest/xlsx.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  addCaseDatasetRecords,
  findCaseDataset,
  insertCaseDataset,
  insertCaseImport,
  insertCaseRecords,
  listCaseDatasets as listDatasetRows,
  type StoredCaseDataset,
} from '../store/cases.repo.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import { requireOrganization } from './accounts.ts';
import { countryCodes } from './case-countries.ts';
import type { ServiceContext } from './context.ts';
import { encryptField, type FieldKey } from './field-crypto.ts';

/** A service context that can read and write case records. */
export interface CasesContext extends ServiceContext {
  fieldKey: FieldKey;
}

/** Which organisation acts (only the command line names one). */
export interface CasesScope {
  organization?: string;
}

/** One file to import into a dataset (created on first import). */
export interface CasesImportArgs extends CasesScope {
  dataset: string;
  /** CSV text, or the bytes of an .xlsx workbook (its first sheet is read). */
  csv?: string;
  xlsx?: Uint8Array;
  /** An ISO 3166 code or OCD division id, set when the dataset is created. */
  jurisdiction?: string;
  /** The file's name as the user gave it (listed with the import; never parsed). */
  fileName?: string;
}

/** The key of the cases data class, derived from the field key (SEC-15: a key per data class). */
export function casesKey(fieldKey: FieldKey): FieldKey {
  return createHmac('sha256', fieldKey).update('lawgap/cases/v1').digest() as FieldKey;
}

function personKey(key: FieldKey, organizationId: string, ref: string): string {
  return createHmac('sha256', key).update(`person\u0000${organizationId}\u0000${ref}`).digest('hex');
}

/** The organisation acting on case data, after the permission check. */
export async function actingOrganization(
  ctx: ServiceContext,
  scope: CasesScope,
  permission: Permission,
): Promise<string> {
  if (!actorCan(ctx.actor, permission))
    throw new DomainError('FORBIDDEN', `case records need the ${permission} permission`);
  if (ctx.actor.kind === 'system') {
    if (!scope.organization) throw new DomainError('VALIDATION_FAILED', 'name the organization (--org)');
    return (await requireOrganization(ctx.db, scope.organization)).id;
  }
  if (ctx.actor.kind !== 'public' && ctx.actor.organizationId) return ctx.actor.organizationId;
  throw new DomainError('FORBIDDEN', 'choose an organization first');
}

function refuse(problems: CaseRowProblem[]): never {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const shown = sorted.slice(0, 5).map(describeCaseProblem);
  const more = sorted.length > 5 ? ` (and ${sorted.length - 5} more)` : '';
  throw new DomainError('CASES_IMPORT_INVALID', `nothing was imported: ${shown.join('; ')}${more}`, {
    problems: sorted.slice(0, caseLimits.problemsListed),
    total: sorted.length,
  });
}

function checkName(name: string): string {
  const trimmed = name.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
  if (trimmed === '' || trimmed.length > 100 || /[\u0000-\u001f]/.test(trimmed)) {
    throw new DomainError('VALIDATION_FAILED', 'the dataset name must be 1 to 100 characters', {
      field: 'dataset',
    });
  }
  return trimmed;
}

export function checkJurisdiction(code: string | undefined): string | null {
  if (code === undefined || code.trim() === '') return null;
  const c = code.trim();
  if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,3})?$/.test(c)) return c.toUpperCase();
  if (/^ocd-division\/[a-z0-9_:/~.-]{1,200}$/.test(c.toLowerCase())) return c.toLowerCase();
  throw new DomainError('VALIDATION_FAILED', 'jurisdiction must be an ISO 3166 code or an OCD division id', {
    field: 'jurisdiction',
  });
}

/** Validates a file and adds its records to the dataset (creating it); all or nothing. */
export async function importCases(ctx: CasesContext, args: CasesImportArgs): Promise<StoredCaseDataset> {
  const organizationId = await actingOrganization(ctx, args, 'cases:write');
  const name = checkName(args.dataset);
  const jurisdiction = checkJurisdiction(args.jurisdiction);
  let table = args.xlsx === undefined ? undefined : readXlsxFirstSheet(args.xlsx);
  if (table === undefined) {
    const parsed = parseCsv(args.csv ?? '');
    if (parsed.problem) refuse([{ row: 0, column: null, message: parsed.problem }]);
    table = parsed.records.map((r) => r.cells);
  }
  const { records, problems } = readCaseTable(table, countryCodes());
  if (problems.length > 0) refuse(problems);
  const key = casesKey(ctx.fieldKey);
  const hasRefs = records.some((r) => r.personRef !== null);
  const stamp = nowIso();
  const id = await ctx.db.transaction().execute(async (trx) => {
    let dataset = await findCaseDataset(trx, organizationId, name);
    if (!dataset) {
      dataset = {
        id: newSortableId(),
        organizationId,
        name,
        jurisdiction,
        privacyUnit: hasRefs ? 'person' : 'case',
        records: 0,
        createdAt: stamp,
        updatedAt: stamp,
      };
      await insertCaseDataset(trx, {
        id: dataset.id,
        organization_id: organizationId,
        name,
        jurisdiction,
        privacy_unit: dataset.privacyUnit,
        record_count: 0,
        created_by: actorLabel(ctx.actor),
        created_at: stamp,
        updated_at: stamp,
      });
    } else if ((dataset.privacyUnit === 'person') !== hasRefs) {
      refuse([
        {
          row: 1,
          column: 'ext_PersonRef',
          message: `this dataset counts by ${dataset.privacyUnit}: ${dataset.privacyUnit === 'person' ? 'every file needs' : 'no file may have'} person references`,
        },
      ]);
    }
    if (hasRefs) {
      const missing = records.filter((r) => r.personRef === null).map((r) => r.row);
      if (missing.length > 0) {
        refuse(
          missing.map((row) => ({
            row,
            column: 'ext_PersonRef',
            message: 'empty, while other rows have one',
          })),
        );
      }
    }
    const datasetId = dataset.id;
    await insertCaseRecords(
      trx,
      records.map((r: CaseRecordInput) => ({
        id: newSortableId(),
        dataset_id: datasetId,
        person_key: r.personRef === null ? null : personKey(key, organizationId, r.personRef),
        data: encryptField(key, JSON.stringify({ year: r.year, fields: r.fields })),
        created_at: stamp,
      })),
    );
    await addCaseDatasetRecords(trx, dataset.id, records.length, stamp);
    const fileName = args.fileName?.trim().slice(0, 200);
    await insertCaseImport(trx, {
      id: newSortableId(),
      dataset_id: dataset.id,
      organization_id: organizationId,
      file_name: fileName ? fileName : null,
      format: args.xlsx === undefined ? 'csv' : 'xlsx',
      record_count: records.length,
      imported_by: actorLabel(ctx.actor),
      imported_at: stamp,
    });
    await recordAudit(trx, ctx.actor, 'cases.import', `case_dataset:${dataset.id}`, {
      records: records.length,
    });
    return dataset.id;
  });
  const stored = await findCaseDataset(ctx.db, organizationId, id);
  if (!stored) throw new DomainError('INTERNAL', 'the case dataset was not stored');
  return stored;
}

/** The organisation's datasets, with counts only. */
export async function listCaseDatasets(
  ctx: ServiceContext,
  scope: CasesScope = {},
): Promise<StoredCaseDataset[]> {
  return listDatasetRows(ctx.db, await actingOrganization(ctx, scope, 'cases:read'));
}
