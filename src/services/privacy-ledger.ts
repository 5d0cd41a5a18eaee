/**
 * Privacy ledgers, stored (issue 9, slice 4; security.md PUB-6, PUB-7). Policy:
 * - a ledger belongs to one organisation and covers one dataset for one calendar year (UTC); it is opened at the
 *   first release with the default caps (ε 4, δ 0) and the release's privacy unit;
 * - every noisy release debits it inside one transaction: the pure check (core/privacy/ledger.ts) names the
 *   problem, and the conditional UPDATE in the repo makes the database the final judge, so two releases racing
 *   for the last of a budget cannot both pass; the release row (ε, δ, privacy unit, statistic, who, when) is
 *   written in the same transaction and an audit event records it;
 * - noise comes from `crypto.randomInt` and nothing is returned until the debit has committed;
 * - releasing needs `stats:write`; reading ledgers needs `org:read` and shows only the organisation's own.
 */
import { randomInt } from 'node:crypto';
import { actorCan, actorLabel, type Permission } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { debit, ledgerYear, openLedger } from '../core/privacy/ledger.ts';
import { microsToEpsilon, picosToDelta, type RandomInt } from '../core/privacy/policy.ts';
import { type PublishedTable, releaseNoisyTable } from '../core/privacy/publish.ts';
import type { CountTable } from '../core/privacy/tabulate.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  debitLedger,
  findLedger,
  insertLedgerIfMissing,
  insertRelease,
  listLedgers,
  listReleases,
  type StoredLedger,
  type StoredRelease,
} from '../store/privacy-ledger.repo.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import { requireOrganization } from './accounts.ts';
import type { ServiceContext } from './context.ts';

/** Which organisation acts (only the command line names one; others use their active organisation). */
export interface LedgerScope {
  organization?: string;
}

/** One release to charge. */
export interface ReleaseArgs extends LedgerScope {
  dataset: string;
  /** What is released, e.g. "cases by region, 2026-11" (a name, never case data). */
  statistic: string;
  epsilonMicros: number;
  deltaPicos?: number;
  privacyUnit: string;
}

/** A ledger as read by people: amounts in ε and δ beside the exact whole units. */
export interface LedgerView {
  id: string;
  dataset: string;
  year: number;
  privacyUnit: string;
  epsilonCap: number;
  deltaCap: number;
  spentEpsilon: number;
  spentDelta: number;
  remainingEpsilon: number;
  remainingDelta: number;
  releases: number;
  updatedAt: string;
}

async function actingOrganization(
  ctx: ServiceContext,
  scope: LedgerScope,
  permission: Permission,
): Promise<string> {
  if (!actorCan(ctx.actor, permission)) {
    throw new DomainError('FORBIDDEN', `privacy ledgers need the ${permission} permission`);
  }
  if (ctx.actor.kind === 'system') {
    if (!scope.organization) throw new DomainError('VALIDATION_FAILED', 'name the organization (--org)');
    return (await requireOrganization(ctx.db, scope.organization)).id;
  }
  if (ctx.actor.kind !== 'public' && ctx.actor.organizationId) return ctx.actor.organizationId;
  throw new DomainError('FORBIDDEN', 'choose an organization first');
}

/** Debits one release on the dataset's ledger for this year; returns the ledger after it, or throws past a cap. */
export async function recordRelease(
  ctx: ServiceContext,
  args: ReleaseArgs,
  clock: () => Date = () => new Date(),
): Promise<StoredLedger> {
  const organizationId = await actingOrganization(ctx, args, 'stats:write');
  const statistic = args.statistic.trim();
  if (statistic === '' || statistic.length > 300) {
    throw new DomainError('PRIVACY_PARAMETER_INVALID', 'statistic must be 1 to 300 characters', {
      field: 'statistic',
    });
  }
  const at = clock();
  const year = ledgerYear(at);
  // Validates dataset and privacy unit, and gives the defaults of a new ledger.
  const fresh = openLedger({ dataset: args.dataset, year, privacyUnit: args.privacyUnit });
  const charge = {
    epsilonMicros: args.epsilonMicros,
    deltaPicos: args.deltaPicos ?? 0,
    privacyUnit: fresh.privacyUnit,
    year,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const stamp = nowIso(() => at);
    await insertLedgerIfMissing(trx, {
      id: newSortableId(),
      organization_id: organizationId,
      dataset: fresh.dataset,
      year,
      privacy_unit: fresh.privacyUnit,
      epsilon_cap_micros: fresh.epsilonCapMicros,
      delta_cap_picos: fresh.deltaCapPicos,
      spent_epsilon_micros: 0,
      spent_delta_picos: 0,
      releases: 0,
      created_at: stamp,
      updated_at: stamp,
    });
    const before = await findLedger(trx, organizationId, fresh.dataset, year);
    if (!before) throw new DomainError('INTERNAL', 'the privacy ledger was not created');
    const after = debit(before, charge); // throws with the remaining budget when it cannot pass
    if (!(await debitLedger(trx, before.id, charge, stamp))) {
      // Another release spent the budget since we read it: report against the ledger as it now stands.
      const now = await findLedger(trx, organizationId, fresh.dataset, year);
      debit(now ?? before, charge);
      throw new DomainError(
        'PRIVACY_BUDGET_EXCEEDED',
        'refused: the privacy budget was spent by another release',
      );
    }
    await insertRelease(trx, {
      id: newSortableId(),
      ledger_id: before.id,
      statistic,
      epsilon_micros: charge.epsilonMicros,
      delta_picos: charge.deltaPicos,
      privacy_unit: charge.privacyUnit,
      released_by: actorLabel(ctx.actor),
      released_at: stamp,
    });
    await recordAudit(trx, ctx.actor, 'privacy.release', `privacy_ledger:${before.id}`, {
      statistic,
      epsilon: microsToEpsilon(charge.epsilonMicros),
      delta: picosToDelta(charge.deltaPicos),
    });
    return { ...before, ...after, updatedAt: stamp };
  });
}

/** Adds noise to a table, debits its cost, and returns the table only once the debit has committed. */
export async function releaseNoisyCounts(
  ctx: ServiceContext,
  args: Omit<ReleaseArgs, 'deltaPicos'> & { k?: number },
  table: CountTable,
  random: RandomInt = randomInt,
): Promise<{ table: PublishedTable; ledger: StoredLedger }> {
  const released = releaseNoisyTable(
    table,
    { epsilonMicros: args.epsilonMicros, ...(args.k === undefined ? {} : { k: args.k }) },
    random,
  );
  const ledger = await recordRelease(ctx, { ...args, ...released.charge });
  return { table: released.table, ledger };
}

/** The organisation's ledgers, newest year first. */
export async function listPrivacyLedgers(
  ctx: ServiceContext,
  scope: LedgerScope = {},
): Promise<LedgerView[]> {
  const organizationId = await actingOrganization(ctx, scope, 'org:read');
  return (await listLedgers(ctx.db, organizationId)).map(toView);
}

/** The releases of one of the organisation's ledgers, oldest first. */
export async function listPrivacyReleases(
  ctx: ServiceContext,
  args: LedgerScope & { dataset: string; year: number },
): Promise<StoredRelease[]> {
  const organizationId = await actingOrganization(ctx, args, 'org:read');
  const ledger = await findLedger(ctx.db, organizationId, args.dataset.trim(), args.year);
  if (!ledger) {
    throw new DomainError(
      'PRIVACY_LEDGER_NOT_FOUND',
      `no privacy ledger for ${args.dataset} in ${args.year}`,
    );
  }
  return listReleases(ctx.db, ledger.id);
}

function toView(l: StoredLedger): LedgerView {
  return {
    id: l.id,
    dataset: l.dataset,
    year: l.year,
    privacyUnit: l.privacyUnit,
    epsilonCap: microsToEpsilon(l.epsilonCapMicros),
    deltaCap: picosToDelta(l.deltaCapPicos),
    spentEpsilon: microsToEpsilon(l.spentEpsilonMicros),
    spentDelta: picosToDelta(l.spentDeltaPicos),
    remainingEpsilon: microsToEpsilon(l.epsilonCapMicros - l.spentEpsilonMicros),
    remainingDelta: picosToDelta(l.deltaCapPicos - l.spentDeltaPicos),
    releases: l.releases,
    updatedAt: l.updatedAt,
  };
}
