/**
 * Enforcement statistics tables. Policy:
 * - one CSV is one import owned by the acting organisation (the actor's active one; the command line names
 *   one), written all or nothing: every problem of every row is reported with its row and column (the first
 *   100 listed, the total given) and nothing is written unless every row passes;
 * - a figure is unique within an organisation by jurisdiction, year, measure, form of exploitation, sex and age
 *   group: a file naming one twice is refused; a figure already stored is replaced only by one from a newer
 *   source date, and the replaced one stays stored and readable with its own source (`history`);
 * - imports are drafts of their organisation until published; other organisations and the public see only
 *   published figures, and which figure is current is worked out among what the reader may see;
 * - importing and publishing need `stats:write`, reading the organisation's own figures `org:read`.
 */
import { actorCan, actorLabel, type Permission } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import type { Jurisdiction } from '../core/jurisdictions/types.ts';
import {
  type CsvFigureRow,
  describeProblem,
  readStatisticsCsv,
  type StatisticDefaults,
  type StatisticRowProblem,
} from '../core/statistics/csv.ts';
import {
  breakdownKey,
  markReplaced,
  type StatisticFigure,
  type StatisticImport,
  type StatisticMeasure,
  statisticLimits,
} from '../core/statistics/types.ts';
import { recordAudit } from '../store/audit.repo.ts';
import { listJurisdictions } from '../store/jurisdictions.repo.ts';
import {
  type FigureFilter,
  findImport,
  insertImport,
  listFigures,
  listImports,
  type StoredFigure,
  setImportStatus,
} from '../store/statistics.repo.ts';
import type { StatisticFigureRow } from '../store/statistics.schema.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import { requireOrganization } from './accounts.ts';
import type { ServiceContext } from './context.ts';
import { notifyPublicationChanged } from './publication-events.ts';

/** Which organisation acts (only the command line names one; others use their active organisation). */
export interface StatisticsScope {
  organization?: string;
}

/** What to import: the CSV text and, optionally, a source given once for every row. */
export interface StatisticsImportArgs extends StatisticsScope, StatisticDefaults {
  csv: string;
  fileName?: string;
}

/** Which figures to read. */
export interface FigureQuery {
  /** An OCD division id or an ISO 3166 code. */
  jurisdiction?: string;
  measure?: StatisticMeasure;
  yearFrom?: number;
  yearTo?: number;
  importId?: string;
  /** Also return replaced figures (each names the one that replaced it). */
  history?: boolean;
}

async function actingOrganization(
  ctx: ServiceContext,
  scope: StatisticsScope,
  permission: Permission,
): Promise<string> {
  if (!actorCan(ctx.actor, permission))
    throw new DomainError('FORBIDDEN', `statistics need the ${permission} permission`);
  if (ctx.actor.kind === 'system') {
    if (!scope.organization) throw new DomainError('VALIDATION_FAILED', 'name the organization (--org)');
    return (await requireOrganization(ctx.db, scope.organization)).id;
  }
  if (ctx.actor.kind !== 'public' && ctx.actor.organizationId) return ctx.actor.organizationId;
  throw new DomainError('FORBIDDEN', 'choose an organization first');
}

/** Looks jurisdictions up by OCD division id, ISO 3166-1 alpha-2 or alpha-3, or ISO 3166-2 code. */
export function jurisdictionResolver(list: Jurisdiction[]): (written: string) => string | null {
  const byCode = new Map<string, string>();
  for (const j of list) {
    byCode.set(j.id, j.id);
    for (const code of [j.isoCode, j.isoAlpha3]) if (code) byCode.set(code.toUpperCase(), j.id);
  }
  return (written) => {
    const w = written.trim();
    return byCode.get(w.startsWith('ocd-division/') ? w.toLowerCase() : w.toUpperCase()) ?? null;
  };
}

function refuse(problems: StatisticRowProblem[]): never {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const shown = sorted.slice(0, 5).map(describeProblem);
  const more = sorted.length > 5 ? ` (and ${sorted.length - 5} more)` : '';
  throw new DomainError('STATISTICS_IMPORT_INVALID', `nothing was imported: ${shown.join('; ')}${more}`, {
    problems: sorted.slice(0, statisticLimits.problemsListed),
    total: sorted.length,
  });
}

/** Checks what only the database knows: jurisdictions exist, rows do not repeat, stored figures are older. */
async function checkAgainstStore(
  ctx: ServiceContext,
  organizationId: string,
  rows: CsvFigureRow[],
): Promise<{ resolved: Array<CsvFigureRow & { jurisdictionId: string }>; replaced: number }> {
  const resolve = jurisdictionResolver(await listJurisdictions(ctx.db, { organizationId }));
  const problems: StatisticRowProblem[] = [];
  const resolved: Array<CsvFigureRow & { jurisdictionId: string }> = [];
  for (const r of rows) {
    const jurisdictionId = resolve(r.jurisdiction);
    if (jurisdictionId === null)
      problems.push({
        row: r.row,
        column: 'jurisdiction',
        message: `no jurisdiction "${r.jurisdiction}" (give an OCD division id or an ISO 3166 code)`,
      });
    else resolved.push({ ...r, jurisdictionId });
  }
  const seen = new Map<string, number>();
  for (const r of resolved) {
    const key = breakdownKey(r);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r.row);
    else
      problems.push({
        row: r.row,
        column: 'value',
        message: `a second figure for the breakdown of row ${first} (same jurisdiction, year, measure, form_of_exploitation, sex and age_group)`,
      });
  }
  const stored = markReplaced(
    await listFigures(ctx.db, {
      organizationId,
      jurisdictionIds: [...new Set(resolved.map((r) => r.jurisdictionId))],
    }),
  );
  const current = new Map(stored.filter((f) => f.replacedBy === null).map((f) => [breakdownKey(f), f]));
  let replaced = 0;
  for (const r of resolved) {
    const held = current.get(breakdownKey(r));
    if (!held) continue;
    if (held.sourceDate >= r.sourceDate)
      problems.push({
        row: r.row,
        column: 'source_date',
        message: `a figure for this breakdown from "${held.source}" dated ${held.sourceDate} is already stored (import ${held.importId}); only a newer source_date replaces it`,
      });
    else replaced++;
  }
  if (problems.length) refuse(problems);
  return { resolved, replaced };
}

/** Imports a statistics CSV as one draft import of the organisation; throws STATISTICS_IMPORT_INVALID listing every row's problems. */
export async function importStatistics(
  ctx: ServiceContext,
  args: StatisticsImportArgs,
): Promise<StatisticImport> {
  const organizationId = await actingOrganization(ctx, args, 'stats:write');
  if (args.fileName !== undefined && args.fileName.length > statisticLimits.fileNameChars)
    throw new DomainError('VALIDATION_FAILED', 'fileName is too long', { field: 'fileName' });
  const defaults: StatisticDefaults = {
    ...(args.source !== undefined ? { source: args.source } : {}),
    ...(args.sourceUrl !== undefined ? { sourceUrl: args.sourceUrl } : {}),
    ...(args.sourceDate !== undefined ? { sourceDate: args.sourceDate } : {}),
  };
  const { rows, problems } = readStatisticsCsv(args.csv, defaults);
  if (problems.length) refuse(problems);
  const id = newSortableId();
  const at = nowIso();
  const by = actorLabel(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    // Checked inside the transaction, against what is stored when the import is written.
    const { resolved, replaced } = await checkAgainstStore({ ...ctx, db: trx }, organizationId, rows);
    const figures: StatisticFigureRow[] = resolved.map((r) => ({
      id: newSortableId(),
      import_id: id,
      organization_id: organizationId,
      jurisdiction_id: r.jurisdictionId,
      year: r.year,
      measure: r.measure,
      form: r.form,
      sex: r.sex,
      age_group: r.ageGroup,
      value: r.value,
      unit: r.unit,
      source: r.source,
      source_url: r.sourceUrl,
      source_date: r.sourceDate,
      note: r.note,
      row_number: r.row,
      created_at: at,
    }));
    await insertImport(
      trx,
      {
        id,
        organization_id: organizationId,
        file_name: args.fileName ?? null,
        row_count: figures.length,
        replaced_count: replaced,
        status: 'draft',
        created_by: by,
        created_at: at,
        published_by: null,
        published_at: null,
      },
      figures,
    );
    await recordAudit(trx, ctx.actor, 'statistics.import', id, { rows: figures.length, replaced });
  });
  return requireImport(ctx, organizationId, id);
}

async function requireImport(
  ctx: ServiceContext,
  organizationId: string,
  id: string,
): Promise<StatisticImport> {
  const found = await findImport(ctx.db, id);
  // Another organisation's import answers exactly like a missing one.
  if (!found || found.organizationId !== organizationId)
    throw new DomainError('STATISTICS_IMPORT_NOT_FOUND', `no statistics import ${id}`, { id });
  return found;
}

/** The organisation's imports, newest first. */
export async function listStatisticImports(
  ctx: ServiceContext,
  scope: StatisticsScope = {},
): Promise<StatisticImport[]> {
  return listImports(ctx.db, await actingOrganization(ctx, scope, 'org:read'));
}

/** Publishes an import (every figure of it becomes public) or takes it back to draft; throws STATISTICS_IMPORT_NOT_FOUND. */
export async function setStatisticImportPublished(
  ctx: ServiceContext,
  id: string,
  published: boolean,
  scope: StatisticsScope = {},
): Promise<StatisticImport> {
  const organizationId = await actingOrganization(ctx, scope, 'stats:write');
  const found = await requireImport(ctx, organizationId, id);
  const status = published ? 'published' : 'draft';
  if (found.status === status) return found;
  await setImportStatus(ctx.db, id, status, actorLabel(ctx.actor), nowIso());
  await recordAudit(ctx.db, ctx.actor, published ? 'statistics.publish' : 'statistics.unpublish', id);
  // The portal's report cards show published figures beside the indicators (services/practice.ts).
  notifyPublicationChanged();
  return requireImport(ctx, organizationId, id);
}

async function figures(ctx: ServiceContext, base: FigureFilter, q: FigureQuery): Promise<StatisticFigure[]> {
  if (q.yearFrom !== undefined && q.yearTo !== undefined && q.yearFrom > q.yearTo)
    throw new DomainError('VALIDATION_FAILED', 'yearFrom is after yearTo', { field: 'yearFrom' });
  const filter: FigureFilter = {
    ...base,
    ...(q.measure ? { measure: q.measure } : {}),
    ...(q.yearFrom !== undefined ? { yearFrom: q.yearFrom } : {}),
    ...(q.yearTo !== undefined ? { yearTo: q.yearTo } : {}),
  };
  if (q.jurisdiction !== undefined) {
    const list = await listJurisdictions(
      ctx.db,
      base.organizationId ? { organizationId: base.organizationId } : { allOrganizations: true },
    );
    const id = jurisdictionResolver(list)(q.jurisdiction);
    if (id === null)
      throw new DomainError('JURISDICTION_NOT_FOUND', `jurisdiction ${q.jurisdiction} does not exist`, {
        field: 'jurisdiction',
      });
    filter.jurisdictionIds = [id];
  }
  // Replacement is worked out over every figure the reader may see, before narrowing to one import.
  const marked = markReplaced<StoredFigure>(await listFigures(ctx.db, filter));
  return marked.filter(
    (f) => (q.history || f.replacedBy === null) && (q.importId === undefined || f.importId === q.importId),
  );
}

/** The organisation's figures (drafts included): current ones, or every one with `history`. */
export async function listStatisticFigures(
  ctx: ServiceContext,
  q: FigureQuery = {},
  scope: StatisticsScope = {},
): Promise<StatisticFigure[]> {
  const organizationId = await actingOrganization(ctx, scope, 'org:read');
  return figures(ctx, { organizationId }, q);
}

/** Published figures of every organisation, each with its source and date (no permission needed). */
export async function publishedStatisticFigures(
  ctx: ServiceContext,
  q: FigureQuery = {},
): Promise<StatisticFigure[]> {
  return figures(ctx, { publishedOnly: true }, q);
}
