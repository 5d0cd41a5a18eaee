/**
 * Treaty parties: analysts record each jurisdiction's standing under a treaty document of the law library
 * (rules in core/treaties). Recording and changing need `laws:write`, like importing law; reading is public,
 * like the library, within the caller's visibility; the history of changes (who, when, before, after) needs
 * `org:read`, like an answer's. Each write runs in one transaction with its history row.
 */
import { actorCan, actorLabel } from '../core/auth/permissions.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import type { LawDocument } from '../core/laws/types.ts';
import { checkTreatyParty, standingOn } from '../core/treaties/rules.ts';
import {
  type JurisdictionTreaty,
  type PartyAction,
  type TreatyParty,
  type TreatyPartyHistoryEntry,
  type TreatyPartyInput,
  type TreatyPartyStatus,
  treatyPartySnapshot,
} from '../core/treaties/types.ts';
import { getLawDocument } from '../store/laws.repo.ts';
import type { Visibility } from '../store/search/port.ts';
import {
  appendTreatyPartyHistory,
  findTreatyParty,
  getTreatyParty,
  insertTreatyParty,
  listPartiesOfTreaty,
  listTreatiesOfJurisdiction,
  listTreatyPartyHistory,
  updateTreatyPartyRow,
} from '../store/treaty-parties.repo.ts';
import type { ServiceContext } from './context.ts';
import { requireJurisdiction } from './jurisdictions.ts';

/** A new record: the treaty, the jurisdiction, and what the analyst found (absent dates and note are null). */
export interface RecordTreatyPartyArgs {
  treatyId: string;
  jurisdictionId: string;
  action: PartyAction;
  signedOn?: string | null;
  consentedOn?: string | null;
  inForceOn?: string | null;
  note?: string | null;
  source: string;
}

/** A change: the fields given replace the stored ones (null clears a date or the note). */
export type TreatyPartyPatch = Partial<TreatyPartyInput>;

function visibilityOf(ctx: ServiceContext): Visibility {
  if (ctx.actor.kind === 'system') return 'all';
  if (ctx.actor.kind === 'public') return { organizationId: null };
  return { organizationId: ctx.actor.organizationId };
}

function requireWrite(ctx: ServiceContext): void {
  if (!actorCan(ctx.actor, 'laws:write'))
    throw new DomainError('FORBIDDEN', 'recording treaty parties needs laws:write');
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isIsoDate(asOf))
    throw new DomainError('TREATY_PARTY_INVALID', `asOf must be a date YYYY-MM-DD, got "${asOf}"`, {
      field: 'asOf',
    });
}

/** A visible law document of type treaty; throws LAW_NOT_FOUND or LAW_NOT_TREATY. */
export async function requireTreaty(ctx: ServiceContext, id: string): Promise<LawDocument> {
  const document = await getLawDocument(ctx.db, id, visibilityOf(ctx));
  if (!document) throw new DomainError('LAW_NOT_FOUND', `law ${id} does not exist`, { id });
  if (document.type !== 'treaty') {
    throw new DomainError(
      'LAW_NOT_TREATY',
      `law ${id} (${document.citation}) is a ${document.type}, not a treaty: only treaties have parties`,
      { id, type: document.type },
    );
  }
  return document;
}

async function requirePartyJurisdiction(ctx: ServiceContext, id: string): Promise<void> {
  const j = await requireJurisdiction(ctx, id);
  if (j.level === 'international') {
    throw new DomainError('TREATY_PARTY_INVALID', `${id} holds treaty documents and cannot be a party`, {
      field: 'jurisdictionId',
    });
  }
}

/** Records a jurisdiction's standing under a treaty, with its history row; throws TREATY_PARTY_EXISTS for a second record. */
export async function recordTreatyParty(
  ctx: ServiceContext,
  args: RecordTreatyPartyArgs,
): Promise<TreatyParty> {
  requireWrite(ctx);
  const input: TreatyPartyInput = {
    action: args.action,
    signedOn: args.signedOn ?? null,
    consentedOn: args.consentedOn ?? null,
    inForceOn: args.inForceOn ?? null,
    note: args.note ?? null,
    source: args.source.trim(),
  };
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const treaty = await requireTreaty(tctx, args.treatyId);
    await requirePartyJurisdiction(tctx, args.jurisdictionId);
    checkTreatyParty(input);
    const existing = await findTreatyParty(trx, treaty.id, args.jurisdictionId);
    if (existing) {
      throw new DomainError(
        'TREATY_PARTY_EXISTS',
        `${args.jurisdictionId} already has a record under ${treaty.citation} (${existing.id}); change that record instead`,
        { id: existing.id },
      );
    }
    const created = await insertTreatyParty(trx, {
      ...input,
      treatyId: treaty.id,
      jurisdictionId: args.jurisdictionId,
      recordedBy: actorLabel(ctx.actor),
    });
    await appendTreatyPartyHistory(trx, {
      partyId: created.id,
      actor: actorLabel(ctx.actor),
      action: 'create',
      before: null,
      after: treatyPartySnapshot(created),
    });
    return created;
  });
}

/** A record the actor may see; throws TREATY_PARTY_NOT_FOUND. */
async function visibleParty(ctx: ServiceContext, id: string): Promise<TreatyParty> {
  const p = await getTreatyParty(ctx.db, id);
  const missing = () =>
    new DomainError('TREATY_PARTY_NOT_FOUND', `treaty party record ${id} does not exist`, { id });
  if (!p) throw missing();
  try {
    await requireJurisdiction(ctx, p.jurisdictionId);
    await requireTreaty(ctx, p.treatyId);
  } catch (err) {
    if (!isDomainError(err)) throw err;
    throw missing();
  }
  return p;
}

/** Changes a record (e.g. a signature becomes a ratification), with its history row. */
export async function updateTreatyParty(
  ctx: ServiceContext,
  id: string,
  patch: TreatyPartyPatch,
): Promise<TreatyParty> {
  requireWrite(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const before = await visibleParty(tctx, id);
    const input: TreatyPartyInput = {
      action: patch.action ?? before.action,
      signedOn: patch.signedOn === undefined ? before.signedOn : patch.signedOn,
      consentedOn: patch.consentedOn === undefined ? before.consentedOn : patch.consentedOn,
      inForceOn: patch.inForceOn === undefined ? before.inForceOn : patch.inForceOn,
      note: patch.note === undefined ? before.note : patch.note,
      source: (patch.source ?? before.source).trim(),
    };
    checkTreatyParty(input);
    const after = await updateTreatyPartyRow(trx, id, { ...input, recordedBy: actorLabel(ctx.actor) });
    if (!after)
      throw new DomainError('TREATY_PARTY_NOT_FOUND', `treaty party record ${id} does not exist`, { id });
    await appendTreatyPartyHistory(trx, {
      partyId: id,
      actor: actorLabel(ctx.actor),
      action: 'update',
      before: treatyPartySnapshot(before),
      after: treatyPartySnapshot(after),
    });
    return after;
  });
}

/**
 * The records under a treaty, each with its standing on `asOf` (today by default); with `asOf` given, only the
 * jurisdictions that had signed or consented by then. Throws LAW_NOT_FOUND or LAW_NOT_TREATY.
 */
export async function listTreatyParties(
  ctx: ServiceContext,
  treatyId: string,
  args: { asOf?: string } = {},
): Promise<TreatyPartyStatus[]> {
  checkAsOf(args.asOf);
  const treaty = await requireTreaty(ctx, treatyId);
  const date = args.asOf ?? today();
  const rows = (await listPartiesOfTreaty(ctx.db, treaty.id, visibilityOf(ctx))).map((p) => ({
    ...p,
    standing: standingOn(p, date),
  }));
  return args.asOf === undefined ? rows : rows.filter((p) => p.standing !== 'none');
}

/**
 * The treaties a jurisdiction has a record under, each with its standing on `asOf` (today by default); with
 * `asOf` given, only those signed or consented by then. Throws JURISDICTION_NOT_FOUND.
 */
export async function listJurisdictionTreaties(
  ctx: ServiceContext,
  jurisdictionId: string,
  args: { asOf?: string } = {},
): Promise<JurisdictionTreaty[]> {
  checkAsOf(args.asOf);
  await requireJurisdiction(ctx, jurisdictionId);
  const date = args.asOf ?? today();
  const rows = (await listTreatiesOfJurisdiction(ctx.db, jurisdictionId, visibilityOf(ctx))).map((p) => ({
    ...p,
    standing: standingOn(p, date),
  }));
  return args.asOf === undefined ? rows : rows.filter((p) => p.standing !== 'none');
}

/** Every change to a record, oldest first; needs `org:read`. Throws TREATY_PARTY_NOT_FOUND. */
export async function getTreatyPartyHistory(
  ctx: ServiceContext,
  id: string,
): Promise<TreatyPartyHistoryEntry[]> {
  if (!actorCan(ctx.actor, 'org:read'))
    throw new DomainError('FORBIDDEN', 'reading treaty party history needs org:read');
  await visibleParty(ctx, id);
  return listTreatyPartyHistory(ctx.db, id);
}
