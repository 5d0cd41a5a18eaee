/** `lawgap jurisdictions list [--parent ID] [--level L] [--json]` */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import {
  isOcdDivisionId,
  type JurisdictionLevel,
  jurisdictionLevels,
} from '../../core/jurisdictions/types.ts';
import { listVisibleJurisdictions } from '../../services/jurisdictions.ts';
import { withContext } from '../context.ts';
import { printJson, printTable } from '../output.ts';

/** Registers the jurisdiction commands. */
export function jurisdictionCommands(program: Command): void {
  const j = program.command('jurisdictions').description('countries, subdivisions and local jurisdictions');
  j.command('list')
    .description('list jurisdictions (top level by default: all of them)')
    .option('--parent <ocd-id>', 'only children of this OCD division id')
    .option('--level <level>', `one of ${jurisdictionLevels.join(', ')}`)
    .option('--json', 'print JSON only')
    .action(async (opts: { parent?: string; level?: string; json?: boolean }) => {
      if (opts.parent !== undefined && !isOcdDivisionId(opts.parent)) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `--parent must be an OCD division id, got "${opts.parent}"`,
        );
      }
      if (opts.level !== undefined && !(jurisdictionLevels as readonly string[]).includes(opts.level)) {
        throw new DomainError('VALIDATION_FAILED', `--level must be one of ${jurisdictionLevels.join(', ')}`);
      }
      await withContext(async (ctx) => {
        const list = await listVisibleJurisdictions(ctx, {
          ...(opts.parent ? { parentId: opts.parent } : {}),
          ...(opts.level ? { level: opts.level as JurisdictionLevel } : {}),
        });
        if (opts.json) return printJson(list);
        printTable(
          list.map((x) => ({ id: x.id, iso: x.isoCode, level: x.level, name: x.name.en })),
          ['id', 'iso', 'level', 'name'],
        );
      });
    });
}
