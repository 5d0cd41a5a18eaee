/**
 * Exporting bills in Open States' bulk shapes (docs/bills.md, "Export"): per-session JSON objects, or the CSV
 * v2.1 tables in a zip with its README. Bills are public like the law library, so anyone may export them; the
 * export holds what was imported (with the derived stage left out), nothing analysts added. One jurisdiction
 * at a time, optionally one session.
 */
import { zipSync } from 'fflate';
import { billToOpenStatesJson, type OpenStatesBulkBill } from '../core/bills/export-openstates.ts';
import { billsToOpenStatesCsv, csvReadme, jurisdictionCode } from '../core/bills/export-openstates-csv.ts';
import { divisionOfJurisdiction } from '../core/bills/jurisdiction.ts';
import type { Bill } from '../core/bills/types.ts';
import { DomainError } from '../core/errors.ts';
import { loadBillsForExport } from '../store/bill-export.repo.ts';
import { nowIso } from '../store/util.ts';
import type { ServiceContext } from './context.ts';
import { requireJurisdiction } from './jurisdictions.ts';

/** What to export. */
export interface BillExportArgs {
  /** An OCD division id (`ocd-division/country:us/state:tx`) or Open States jurisdiction id. */
  jurisdiction: string;
  /** One session's identifier; every session when absent. */
  session?: string;
}

/** The formats `exportBills` writes. */
export const billExportFormats = ['json', 'csv'] as const;
export type BillExportFormat = (typeof billExportFormats)[number];

async function load(
  ctx: ServiceContext,
  args: BillExportArgs,
): Promise<{ bills: Bill[]; jurisdiction: { id: string; name: string } }> {
  const division = divisionOfJurisdiction(args.jurisdiction);
  if (division === null) {
    throw new DomainError(
      'JURISDICTION_INVALID',
      `"${args.jurisdiction}" is not an OCD division or jurisdiction id (e.g. ocd-division/country:us/state:tx)`,
      { jurisdiction: args.jurisdiction },
    );
  }
  const j = await requireJurisdiction(ctx, division);
  // Open States names the federal jurisdiction "United States".
  const name = j.id === 'ocd-division/country:us' ? 'United States' : j.name.en;
  const bills = await loadBillsForExport(ctx.db, {
    jurisdictionId: j.id,
    ...(args.session !== undefined ? { session: args.session } : {}),
  });
  return { bills, jurisdiction: { id: j.id, name } };
}

/** The bills as Open States per-session bulk JSON objects; throws JURISDICTION_INVALID or _NOT_FOUND. */
export async function exportBillsJson(
  ctx: ServiceContext,
  args: BillExportArgs,
): Promise<OpenStatesBulkBill[]> {
  const { bills, jurisdiction } = await load(ctx, args);
  return bills.map((b) => billToOpenStatesJson(b, jurisdiction.name));
}

/** A zip of CSV v2.1 tables and its README, with a file name for it and how many bills it holds. */
export interface BillCsvZip {
  fileName: string;
  bytes: Uint8Array;
  bills: number;
}

/** The bills as an Open States CSV v2.1 zip; throws JURISDICTION_INVALID or _NOT_FOUND. */
export async function exportBillsCsvZip(ctx: ServiceContext, args: BillExportArgs): Promise<BillCsvZip> {
  const { bills, jurisdiction } = await load(ctx, args);
  const files = billsToOpenStatesCsv(bills, jurisdiction);
  const sessions = [...new Set(bills.map((b) => b.sessionIdentifier))];
  const encoder = new TextEncoder();
  const entries: Record<string, Uint8Array> = {
    README: encoder.encode(
      csvReadme({ jurisdictionName: jurisdiction.name, sessions, generatedAt: nowIso() }),
    ),
  };
  for (const f of files) entries[f.path] = encoder.encode(f.text);
  const st = jurisdictionCode(jurisdiction.id);
  const part = args.session === undefined ? 'all' : args.session.replace(/[^A-Za-z0-9._-]/g, '_');
  return { fileName: `${st}_${part}_csv.zip`, bytes: zipSync(entries, { level: 6 }), bills: bills.length };
}
