/**
 * Analysts' bill corrections (docs/bills.md):
 * `lawgap bills override ID ORDER --class c1,c2 --reason "…"` (or `--remove [--reason "…"]`),
 * `lawgap bills overrides ID` (history), and
 * `lawgap bills links ID [--refresh [--as-of D]] [--confirm IND | --reject IND] [--note "…"]`.
 * The command line is a local system actor, recorded as such in the history.
 */
import type { Command } from 'commander';
import { actionClasses, isActionClass } from '../../core/bills/classification.ts';
import { DomainError } from '../../core/errors.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';
import { decideBillLink, listBillLinks, refreshBillLinks } from '../../services/bill-links.ts';
import { billOverrides, overrideAction, removeOverride } from '../../services/bill-overrides.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

interface OverrideOptions {
  class?: string;
  reason?: string;
  remove?: boolean;
  json?: boolean;
}

interface LinkOptions {
  refresh?: boolean;
  asOf?: string;
  confirm?: string;
  reject?: string;
  note?: string;
  json?: boolean;
}

/** Registers `bills override`, `bills overrides` and `bills links` under the `bills` command. */
export function billReviewCommands(bills: Command): void {
  bills
    .command('override')
    .description(
      'override the classes of one action of a bill, with a logged reason (the stage is re-derived)',
    )
    .argument('<id>', 'lawgap bill id or OCD bill id')
    .argument('<order>', 'the action’s order in the bill, from 0 (as `bills show --json` lists it)')
    .option('--class <classes>', `comma-separated Open States action classes (${actionClasses.length} known)`)
    .option('--reason <text>', 'why (required to override, at most 2000 characters)')
    .option('--remove', 'remove the action’s override instead (the reason is then optional)')
    .option('--json', 'print JSON only')
    .action(async (id: string, orderText: string, opts: OverrideOptions) => {
      if (!/^\d{1,7}$/.test(orderText)) bad(`the order must be a whole number from 0, got "${orderText}"`);
      const order = Number(orderText);
      if (opts.remove && opts.class !== undefined) bad('give --class or --remove, not both');
      const classes = (opts.class ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      const reason = opts.reason;
      if (!opts.remove) {
        if (classes.length === 0) bad('give --class c1,c2 (or --remove)');
        const unknown = classes.filter((c) => !isActionClass(c));
        if (unknown.length > 0) bad(`not in the Open States action vocabulary: ${unknown.join(', ')}`);
        if (reason === undefined || reason.trim() === '')
          bad('give --reason "…": an override needs a reason');
      }
      const r = await withContext((ctx) =>
        opts.remove
          ? removeOverride(ctx, id, order, reason ? { reason } : {})
          : overrideAction(ctx, id, order, { classification: classes, reason: reason ?? '' }),
      );
      if (opts.json) return printJson(r);
      info(
        r.override
          ? `action ${order}: ${r.override.importedClassification.join(' ') || '(none)'} → ${r.override.classification.join(' ')}`
          : `action ${order}: override removed`,
      );
      info(`stage: ${r.previousStage} → ${r.stage}`);
    });

  bills
    .command('overrides')
    .description('the action class overrides of a bill: those in force and the whole history')
    .argument('<id>', 'lawgap bill id or OCD bill id')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { json?: boolean }) => {
      const h = await withContext((ctx) => billOverrides(ctx, id));
      if (opts.json) return printJson(h);
      info(`stage: ${h.stage}; ${h.active.length} override(s) in force, ${h.orphaned} orphaned`);
      printTable(
        h.history.map((o) => ({
          at: o.createdAt,
          action: o.actionOrder ?? `${o.key.order} (orphaned)`,
          imported: o.importedClassification.join(' '),
          override: o.classification.join(' '),
          status: o.orphaned && o.status === 'active' ? 'active, orphaned' : o.status,
          by: o.createdBy,
          reason: o.reason,
        })),
        ['at', 'action', 'imported', 'override', 'status', 'by', 'reason'],
      );
    });

  bills
    .command('links')
    .description('the indicators a bill is linked to: machine-suggested until a person confirms')
    .argument('<id>', 'lawgap bill id or OCD bill id')
    .option('--refresh', 'store the analyzer’s suggestions from the bill’s text (decided links are kept)')
    .option('--as-of <date>', 'with --refresh: read the current law on this date (default: today)')
    .option('--confirm <indicator>', 'confirm the link to this indicator (adding it when missing)')
    .option('--reject <indicator>', 'reject the link to this indicator')
    .option('--note <text>', 'a note on the decision')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: LinkOptions) => {
      if (opts.confirm !== undefined && opts.reject !== undefined)
        bad('give --confirm or --reject, not both');
      if (opts.note !== undefined && opts.confirm === undefined && opts.reject === undefined)
        bad('--note goes with --confirm or --reject');
      if (opts.asOf !== undefined && !opts.refresh) bad('--as-of goes with --refresh');
      if (opts.asOf !== undefined && !isIsoDate(opts.asOf))
        bad(`--as-of must be a date YYYY-MM-DD, got "${opts.asOf}"`);
      const result = await withContext(async (ctx) => {
        const refreshed = opts.refresh
          ? await refreshBillLinks(ctx, id, opts.asOf ? { asOf: opts.asOf } : {})
          : null;
        const indicator = opts.confirm ?? opts.reject;
        if (indicator !== undefined) {
          await decideBillLink(ctx, id, indicator, {
            status: opts.confirm !== undefined ? 'confirmed' : 'rejected',
            ...(opts.note !== undefined ? { note: opts.note } : {}),
          });
        }
        return { refreshed, links: await listBillLinks(ctx, id) };
      });
      if (opts.json)
        return printJson(result.refreshed ? { ...result.refreshed, links: result.links } : result.links);
      const r = result.refreshed;
      if (r) {
        info(
          `analyzer ${r.analyzerVersion}: ${r.suggested} suggested (${r.added} new, ${r.updated} updated, ` +
            `${r.removed} stale removed); ${r.keptDecided} decided link(s) kept`,
        );
      }
      if (result.links.length === 0) return info('no indicator linked');
      printTable(
        result.links.map((l) => ({
          indicator: l.indicatorId,
          status: l.machineSuggested ? 'suggested (machine)' : l.status,
          projected: l.projectedAnswer ? `${l.currentAnswer ?? '-'} → ${l.projectedAnswer}` : '',
          decided: l.decidedBy ? `${l.decidedBy} ${l.decidedAt ?? ''}` : '',
          note: l.note ?? '',
        })),
        ['indicator', 'status', 'projected', 'decided', 'note'],
      );
    });
}
