/**
 * The writing half of a campaign import (services/campaign-interop.ts checks everything first): inside the one
 * transaction it is given, creates or updates the campaign, matches targets and outreaches by identifier (update)
 * or adds them, skips positions already recorded, stores every foreign identifier (never our own `lawgap:` id of
 * the same record, nor the reader's `import:` placeholders) and writes the audit entry.
 */
import { actorLabel } from '../core/auth/permissions.ts';
import { type CampaignBundle, lawgapIdentifier } from '../core/campaigns/interop.ts';
import { type Campaign, checkCampaignFields } from '../core/campaigns/types.ts';
import { DomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  listIdentifiers,
  storeIdentifiers,
  updateCustomTarget,
  updateInteraction,
} from '../store/campaign-interop.repo.ts';
import {
  insertCustomTarget,
  insertInteraction,
  insertPosition,
  listCustomTargets,
  listInteractions,
  listPositions,
} from '../store/campaign-targets.repo.ts';
import { insertCampaign, updateCampaign } from '../store/campaigns.repo.ts';
import { nowIso } from '../store/util.ts';
import type { ServiceContext } from './context.ts';

/** What an import did. */
export interface CampaignImportResult {
  campaignId: string;
  created: boolean;
  targets: { created: number; updated: number };
  positions: { created: number; skipped: number };
  outreaches: { created: number; updated: number };
}

/** Writes a checked bundle (ctx.db is the import's transaction); `match` is the campaign to update, if any. */
export async function writeBundle(
  ctx: ServiceContext,
  organizationId: string,
  bundle: CampaignBundle,
  billIds: string[],
  match: Campaign | null,
): Promise<CampaignImportResult> {
  const now = nowIso();
  const by = actorLabel(ctx.actor);
  const fields = { ...checkCampaignFields({ ...bundle, billIds }).fields };
  let campaignId: string;
  if (match) {
    await updateCampaign(ctx.db, match.id, fields, now);
    campaignId = match.id;
  } else {
    campaignId = await insertCampaign(ctx.db, { organizationId, fields, createdBy: by, now });
  }
  const keep = (ids: readonly string[], own: string) =>
    ids.filter((i) => i !== lawgapIdentifier(own) && !i.startsWith('import:'));
  await storeIdentifiers(ctx.db, {
    campaignId,
    recordType: 'campaign',
    recordKey: campaignId,
    identifiers: keep(bundle.identifiers, campaignId),
    now,
  });
  for (const [i, billId] of billIds.entries()) {
    const identifiers = keep(bundle.bills[i]?.identifiers ?? [], billId);
    await storeIdentifiers(ctx.db, { campaignId, recordType: 'bill', recordKey: billId, identifiers, now });
  }
  const result: CampaignImportResult = {
    campaignId,
    created: match === null,
    targets: { created: 0, updated: 0 },
    positions: { created: 0, skipped: 0 },
    outreaches: { created: 0, updated: 0 },
  };
  const stored = await listIdentifiers(ctx.db, campaignId);
  const storedKey = (type: string, ids: readonly string[]) =>
    stored.find((s) => s.record_type === type && ids.includes(s.identifier))?.record_key;
  const custom = await listCustomTargets(ctx.db, campaignId);
  const existingPositions = await listPositions(ctx.db, campaignId);
  const keyOf = new Map<string, string>();
  for (const t of bundle.targets) {
    let key: string;
    if (t.kind === 'person' && t.personId) {
      key = `person:${t.personId}`;
    } else {
      const found =
        custom.find((c) => t.identifiers.includes(lawgapIdentifier(c.id)))?.id ??
        storedKey('target', t.identifiers)?.replace(/^custom:/, '');
      const row = { name: t.name, office: t.office, person_id: t.personId };
      if (found && custom.some((c) => c.id === found)) {
        await updateCustomTarget(ctx.db, found, row);
        key = `custom:${found}`;
        result.targets.updated++;
      } else {
        const inserted = await insertCustomTarget(ctx.db, {
          campaign_id: campaignId,
          ...row,
          created_by: by,
          created_at: now,
        });
        key = `custom:${inserted.id}`;
        result.targets.created++;
      }
    }
    for (const id of t.identifiers) keyOf.set(id, key);
    if (t.personId) keyOf.set(t.personId, key);
    const own = key.slice(key.indexOf(':') + 1);
    await storeIdentifiers(ctx.db, {
      campaignId,
      recordType: 'target',
      recordKey: key,
      identifiers: keep(t.identifiers, own),
      now,
    });
    for (const p of t.positions) {
      const same = existingPositions.some(
        (e) =>
          e.target_key === key &&
          e.position === p.position &&
          e.date === p.date &&
          e.source === p.source &&
          e.note === p.note,
      );
      if (same) {
        result.positions.skipped++;
        continue;
      }
      await insertPosition(ctx.db, {
        campaign_id: campaignId,
        target_key: key,
        ...p,
        organization_id: organizationId,
        recorded_by: by,
        created_at: now,
      });
      result.positions.created++;
    }
  }
  const interactions = await listInteractions(ctx.db, campaignId);
  for (const o of bundle.outreaches) {
    const targetKey = keyOf.get(o.targetIdentifier);
    if (!targetKey)
      throw new DomainError(
        'VALIDATION_FAILED',
        `an outreach names no imported target (${o.targetIdentifier})`,
      );
    const found =
      interactions.find((i) => o.identifiers.includes(lawgapIdentifier(i.id)))?.id ??
      storedKey('outreach', o.identifiers);
    let id: string;
    if (found && interactions.some((i) => i.id === found)) {
      await updateInteraction(ctx.db, found, {
        target_key: targetKey,
        kind: o.kind,
        date: o.date,
        note: o.note,
      });
      id = found;
      result.outreaches.updated++;
    } else {
      id = (
        await insertInteraction(ctx.db, {
          campaign_id: campaignId,
          target_key: targetKey,
          kind: o.kind,
          date: o.date,
          note: o.note,
          organization_id: organizationId,
          recorded_by: by,
          created_at: now,
        })
      ).id;
      result.outreaches.created++;
    }
    await storeIdentifiers(ctx.db, {
      campaignId,
      recordType: 'outreach',
      recordKey: id,
      identifiers: keep(o.identifiers, id),
      now,
    });
  }
  await recordAudit(ctx.db, ctx.actor, 'campaigns.import', campaignId, {
    organizationId,
    created: result.created,
    targets: result.targets,
    outreaches: result.outreaches,
  });
  return result;
}
