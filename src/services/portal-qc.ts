/**
 * Quality-control figures for the public methodology page. Policy: only aggregates leave this module, per
 * framework version and per area (numbers of double-coded variables, how many diverged before reconciliation,
 * divergence rate, percent agreement and Cohen's kappa from core `agreementStats`); never a coder, an
 * organisation, a batch, a jurisdiction, a value or a reason. A double-coded variable counts only when the
 * public portal shows a published answer for its jurisdiction × framework version × indicator (read as the
 * anonymous public actor, so an organisation's own jurisdictions never count): the data model does not link an
 * agreed coding to the answer it settled, so the test is per variable, and a variable whose answer is still
 * draft, coded or reviewed stays out until it is published. Publishing an answer empties the page cache, so the
 * figures follow publication.
 */
import { publicActor } from '../core/auth/permissions.ts';
import { type AgreementStats, agreementStats, type CodedPair } from '../core/qc/agreement.ts';
import { listAssignments, listBatches, listCodings } from '../store/qc.repo.ts';
import type { ServiceContext } from './context.ts';
import { listFrameworks } from './framework.ts';
import { comparedVariables } from './qc.ts';
import { loadCountedRecords } from './scores.ts';

/** Agreement over the published double-coded variables of one area. */
export interface PortalQcArea extends AgreementStats {
  area: string;
}

/** Agreement over the published double-coded variables of one framework version, overall and per area. */
export interface PortalQcFigures extends AgreementStats {
  frameworkId: string;
  version: number;
  /** Areas with at least one compared variable, in the framework's order. */
  areas: PortalQcArea[];
}

/**
 * The QC figures of every framework version with at least one published double-coded variable, newest version
 * first; an empty list when there are none.
 */
export async function portalQcFigures(ctx: Pick<ServiceContext, 'db'>): Promise<PortalQcFigures[]> {
  const pub: ServiceContext = { db: ctx.db, actor: publicActor };
  const batches = await listBatches(ctx.db);
  if (batches.length === 0) return [];
  const versions = (await listFrameworks(pub)).sort((a, b) => b.version - a.version);
  const out: PortalQcFigures[] = [];
  for (const summary of versions) {
    const own = batches.filter((b) => b.frameworkId === summary.id);
    if (own.length === 0) continue;
    const { framework, answers } = await loadCountedRecords(pub, {
      include: 'published',
      frameworkVersion: summary.version,
    });
    const published = new Set(answers.map((a) => `${a.jurisdictionId}|${a.indicatorId}`));
    const areaOf = new Map(framework.indicators.map((i) => [i.id, i.area] as const));
    const all: CodedPair[] = [];
    const byArea = new Map<string, CodedPair[]>();
    for (const batch of own) {
      const [assignments, codings] = await Promise.all([
        listAssignments(ctx.db, batch.id),
        listCodings(ctx.db, batch.id),
      ]);
      for (const v of comparedVariables(batch, assignments, codings)) {
        const area = areaOf.get(v.indicatorId);
        if (!area || !published.has(`${v.jurisdictionId}|${v.indicatorId}`)) continue;
        const pair = { a: v.a, b: v.b };
        all.push(pair);
        byArea.set(area, [...(byArea.get(area) ?? []), pair]);
      }
    }
    if (all.length === 0) continue;
    const areas = framework.areas.flatMap((a) => {
      const pairs = byArea.get(a.id);
      return pairs ? [{ area: a.id, ...agreementStats(pairs) }] : [];
    });
    out.push({ frameworkId: framework.id, version: framework.version, ...agreementStats(all), areas });
  }
  return out;
}
