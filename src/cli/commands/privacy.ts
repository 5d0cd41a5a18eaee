/**
 * `lawgap privacy ledger --org ORG [--json]`: the organisation's privacy ledgers, ε and δ spent and left per
 * dataset and year (docs/privacy.md). Read-only: releases debit ledgers through the services that publish them.
 */
import type { Command } from 'commander';
import { listPrivacyLedgers } from '../../services/privacy-ledger.ts';
import { withContext } from '../context.ts';
import { printJson, printTable } from '../output.ts';

/** Registers `lawgap privacy`. */
export function privacyCommands(program: Command): void {
  const privacy = program
    .command('privacy')
    .description('privacy budgets of statistics published from case data');
  privacy
    .command('ledger')
    .description("the organization's privacy ledgers: ε and δ spent and left per dataset and year")
    .requiredOption('--org <slug>', 'the organization (slug or id)')
    .option('--json', 'print JSON only')
    .action(async (opts: { org: string; json?: boolean }) => {
      const list = await withContext((ctx) => listPrivacyLedgers(ctx, { organization: opts.org }));
      if (opts.json) return printJson(list);
      printTable(
        list.map((l) => ({ ...l })),
        [
          'dataset',
          'year',
          'privacyUnit',
          'spentEpsilon',
          'remainingEpsilon',
          'epsilonCap',
          'spentDelta',
          'deltaCap',
          'releases',
        ],
      );
    });
}
