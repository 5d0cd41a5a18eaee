/**
 * Campaign export and import (issue 6, part 7): OSDI v1 (HAL+JSON) and a CSV zip with a data dictionary, so
 * partners can sync with Action Network or a CRM. Policy:
 * - export needs `org:read` and a campaign the acting organisation owns or partners in (else 404, like a
 *   missing id); it carries `lawgap:<id>` and every identifier other systems gave each record;
 * - import needs `campaigns:write`; it matches the campaign by any identifier among the campaigns the acting
 *   organisation can see: a match it owns or edits is updated (targets and outreaches matched by identifier,
 *   positions already recorded skipped), a match it only views is refused, and no match creates a campaign
 *   owned by the acting organisation. A `lawgap:` id of a campaign the organisation cannot see matches nothing,
 *   so the import creates a new campaign and keeps that id as a foreign identifier: nothing of the other
 *   coalition is read, changed or revealed;
 * - a refused import changes nothing: every problem (named by file, row and column, or JSON pointer) is found
 *   before the single transaction that writes.
 */
import { zipSync } from 'fflate';
import {
  type CampaignBundle,
  type InteropProblem,
  type InteropTarget,
  lawgapIdentifier,
  problemPlace,
  type ReadBundle,
  withOwnIdentifier,
} from '../core/campaigns/interop.ts';
import { campaignToCsv } from '../core/campaigns/interop-csv.ts';
import { campaignToOsdi } from '../core/campaigns/osdi.ts';
import { type Campaign, canEditCampaign, checkCampaignFields } from '../core/campaigns/types.ts';
import { DomainError } from '../core/errors.ts';
import { readCampaignCsvZip } from '../ingest/campaign-csv.ts';
import { readOsdiCampaign } from '../ingest/osdi/advocacy-campaign.ts';
import {
  billNames,
  billsOfSessions,
  campaignsByIdentifier,
  listIdentifiers,
} from '../store/campaign-interop.repo.ts';
import {
  listCustomTargets,
  listInteractions,
  listPositions,
  personNames,
} from '../store/campaign-targets.repo.ts';
import { findCampaign } from '../store/campaigns.repo.ts';
import { type CampaignImportResult, writeBundle } from './campaign-import-write.ts';
import { actingOrganization, type CampaignScope, getCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';
import { getFramework } from './framework.ts';

/** The campaign with everything that travels with it, as the acting organisation may read it. */
export async function campaignBundle(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<CampaignBundle> {
  const campaign = await getCampaign(ctx, id, scope);
  const [custom, positions, interactions, stored, bills] = await Promise.all([
    listCustomTargets(ctx.db, id),
    listPositions(ctx.db, id),
    listInteractions(ctx.db, id),
    listIdentifiers(ctx.db, id),
    billNames(ctx.db, campaign.billIds),
  ]);
  const foreign = (type: string, key: string) =>
    stored.filter((s) => s.record_type === type && s.record_key === key).map((s) => s.identifier);
  const personKeys = [
    ...new Set(
      [...positions, ...interactions].map((r) => r.target_key).filter((k) => k.startsWith('person:')),
    ),
  ].sort();
  const names = await personNames(ctx.db, [
    ...personKeys.map((k) => k.slice('person:'.length)),
    ...custom.flatMap((c) => (c.person_id ? [c.person_id] : [])),
  ]);
  const positionsOf = (key: string) =>
    positions
      .filter((p) => p.target_key === key)
      .map((p) => ({
        position: p.position as InteropTarget['positions'][number]['position'],
        date: p.date,
        source: p.source,
        note: p.note,
      }));
  const keyIdentifier = new Map<string, string>();
  const targets: InteropTarget[] = [
    ...custom.map((c) => {
      const key = `custom:${c.id}`;
      keyIdentifier.set(key, lawgapIdentifier(c.id));
      return {
        identifiers: withOwnIdentifier(c.id, foreign('target', key)),
        kind: 'custom' as const,
        personId: c.person_id,
        name: c.person_id ? (names.get(c.person_id) ?? c.name) : c.name,
        office: c.office,
        positions: positionsOf(key),
      };
    }),
    ...personKeys.map((key) => {
      const personId = key.slice('person:'.length);
      keyIdentifier.set(key, lawgapIdentifier(personId));
      return {
        identifiers: withOwnIdentifier(personId, foreign('target', key)),
        kind: 'person' as const,
        personId,
        name: names.get(personId) ?? personId,
        office: null,
        positions: positionsOf(key),
      };
    }),
  ];
  return {
    identifiers: withOwnIdentifier(id, foreign('campaign', id)),
    title: campaign.title,
    summary: campaign.summary,
    status: campaign.status,
    jurisdictionId: campaign.jurisdictionId,
    gaps: campaign.gaps,
    bills: campaign.billIds.flatMap((billId) => {
      const b = bills.find((x) => x.id === billId);
      return b
        ? [
            {
              identifiers: withOwnIdentifier(b.id, foreign('bill', b.id)),
              session: b.session,
              identifier: b.identifier,
            },
          ]
        : [];
    }),
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    createdDate: campaign.createdAt,
    modifiedDate: campaign.updatedAt,
    targets,
    outreaches: [...interactions].reverse().map((i) => ({
      identifiers: withOwnIdentifier(i.id, foreign('outreach', i.id)),
      targetIdentifier: keyIdentifier.get(i.target_key) ?? lawgapIdentifier(i.target_key),
      kind: i.kind as CampaignBundle['outreaches'][number]['kind'],
      date: i.date,
      note: i.note,
    })),
  };
}

/** The campaign as an OSDI advocacy campaign (HAL+JSON). */
export async function exportCampaignOsdi(ctx: ServiceContext, id: string, scope: CampaignScope = {}) {
  return campaignToOsdi(await campaignBundle(ctx, id, scope), `/api/v1/campaigns/${id}/export.osdi.json`);
}

/** The campaign as a CSV zip with its data dictionary: the file name and bytes. */
export async function exportCampaignCsvZip(
  ctx: ServiceContext,
  id: string,
  scope: CampaignScope = {},
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const files = campaignToCsv(await campaignBundle(ctx, id, scope));
  const entries = Object.fromEntries(Object.entries(files).map(([p, t]) => [p, new TextEncoder().encode(t)]));
  return { fileName: `campaign-${id}.csv.zip`, bytes: zipSync(entries, { level: 6, mtime: '2000-01-01' }) };
}

function refuse(problems: InteropProblem[]): never {
  const shown = problems.slice(0, 20).map((p) => `${problemPlace(p)}: ${p.message}`);
  const more = problems.length > 20 ? `; and ${problems.length - 20} more` : '';
  throw new DomainError('VALIDATION_FAILED', `import refused: ${shown.join('; ')}${more}`, { problems });
}

/** The campaign the bundle's identifiers name among those the organisation can see, if any. */
async function matchCampaign(
  ctx: ServiceContext,
  organizationId: string,
  identifiers: string[],
): Promise<Campaign | null> {
  const own = identifiers.filter((i) => i.startsWith('lawgap:')).map((i) => i.slice('lawgap:'.length));
  const ids = [...new Set([...own, ...(await campaignsByIdentifier(ctx.db, identifiers))])];
  for (const id of ids) {
    const c = await findCampaign(ctx.db, organizationId, id);
    if (c) return c;
  }
  return null;
}

/** A campaign field's name in the OSDI document and in campaigns.csv. */
const fieldNames: Record<string, [string, string]> = {
  title: ['title', 'title'],
  summary: ['description', 'description'],
  status: ['lawgap:status', 'status'],
  startDate: ['lawgap:start_date', 'start_date'],
  endDate: ['lawgap:end_date', 'end_date'],
};

/** Checks what only the database knows; returns the bill ids, or adds problems at the places read. */
async function checkReferences(
  ctx: ServiceContext,
  read: ReadBundle,
  match: Campaign | null,
  problems: InteropProblem[],
) {
  const { bundle, places } = read;
  const at = (place: InteropProblem, message: string) => problems.push({ ...place, message });
  const { problems: fieldProblems } = checkCampaignFields({ ...bundle, billIds: [] });
  for (const p of fieldProblems) {
    const [osdi, csv] = fieldNames[p.field] ?? [p.field, p.field];
    const place =
      p.field === 'gaps'
        ? (places.gaps[0] ?? places.jurisdiction)
        : places.jurisdiction.pointer !== undefined
          ? { pointer: `/${osdi}`, message: '' }
          : { ...places.jurisdiction, column: csv };
    at(place, p.message);
  }
  const jurisdiction = await ctx.db
    .selectFrom('jurisdictions')
    .select('id')
    .where('id', '=', bundle.jurisdictionId)
    .executeTakeFirst();
  if (!jurisdiction) at(places.jurisdiction, `no jurisdiction ${bundle.jurisdictionId}`);
  if (match && match.jurisdictionId !== bundle.jurisdictionId)
    at(
      places.jurisdiction,
      `the matched campaign is in ${match.jurisdictionId}; a campaign's jurisdiction never changes`,
    );
  const known = new Set((await getFramework(ctx)).indicators.map((i) => i.id));
  bundle.gaps.forEach((g, i) => {
    if (!known.has(g))
      at(places.gaps[i] ?? places.jurisdiction, `gap:${g} is not an indicator of the current framework`);
  });
  const stored = await billsOfSessions(
    ctx.db,
    bundle.jurisdictionId,
    bundle.bills.map((b) => b.session),
  );
  const billIds = bundle.bills.flatMap((b, i) => {
    const found = stored.find((s) => s.session === b.session && s.identifier === b.identifier);
    if (!found)
      at(
        places.bills[i] ?? places.jurisdiction,
        `no bill ${b.identifier} of session ${b.session} in ${bundle.jurisdictionId}`,
      );
    return found ? [found.id] : [];
  });
  const people = await personNames(
    ctx.db,
    bundle.targets.flatMap((t) => (t.personId ? [t.personId] : [])),
  );
  bundle.targets.forEach((t, i) => {
    if (t.personId && !people.has(t.personId))
      at(places.targets[i] ?? places.jurisdiction, `no person ${t.personId} is imported`);
  });
  return billIds;
}

/**
 * Imports a campaign (OSDI JSON text or CSV zip bytes) for the acting organisation: creates it, or updates the
 * one its identifiers match; VALIDATION_FAILED naming every problem (and nothing stored) when refused.
 */
export async function importCampaign(
  ctx: ServiceContext,
  args: CampaignScope & { format: 'osdi' | 'csv'; content: string | Uint8Array; name?: string },
): Promise<CampaignImportResult> {
  const organizationId = await actingOrganization(ctx, args, 'campaigns:write');
  const parsed =
    args.format === 'osdi'
      ? readOsdiCampaign(
          typeof args.content === 'string' ? args.content : new TextDecoder().decode(args.content),
        )
      : readCampaignCsvZip(
          args.name ?? 'import.zip',
          typeof args.content === 'string' ? new TextEncoder().encode(args.content) : args.content,
        );
  if (!parsed.read) refuse(parsed.problems);
  const read = parsed.read;
  const match = await matchCampaign(ctx, organizationId, read.bundle.identifiers);
  if (match && !canEditCampaign(match.access))
    throw new DomainError(
      'FORBIDDEN',
      `your organization only views campaign ${match.id}; it cannot import into it`,
    );
  const problems: InteropProblem[] = [];
  const billIds = await checkReferences(ctx, read, match, problems);
  if (problems.length > 0) refuse(problems);
  return ctx.db
    .transaction()
    .execute((trx) => writeBundle({ ...ctx, db: trx }, organizationId, read.bundle, billIds, match));
}

export type { CampaignImportResult } from './campaign-import-write.ts';
