/** `lawgap jurisdictions list [--parent ID] [--level L] [--json]` */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import {
  isOcdDivisionId,
  type JurisdictionLevel,
  jurisdictionLevels,
} from '../../core/jurisdictions/types.ts';
import { requireOrganization } from '../../services/accounts.ts';
import { createJurisdiction, listVisibleJurisdictions } from '../../services/jurisdictions.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

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
  j.command('add')
    .description("add an organization's own jurisdiction (a city, a county) under an existing one")
    .requiredOption('--parent <ocd-id>', 'OCD division id of the jurisdiction it belongs to')
    .requiredOption('--name <name>', 'name in English')
    .requiredOption('--org <org>', 'organization (slug or id) that owns it')
    .option('--name-es <name>', 'name in Spanish')
    .option('--name-fr <name>', 'name in French')
    .option('--type <type>', 'OCD type of the division: place, county, region, …', 'place')
    .option('--json', 'print JSON only')
    .action(
      async (opts: {
        parent: string;
        name: string;
        org: string;
        nameEs?: string;
        nameFr?: string;
        type: string;
        json?: boolean;
      }) => {
        if (!isOcdDivisionId(opts.parent)) {
          throw new DomainError(
            'VALIDATION_FAILED',
            `--parent must be an OCD division id, got "${opts.parent}"`,
          );
        }
        const names = [opts.name, opts.nameEs, opts.nameFr].filter((n): n is string => n !== undefined);
        if (names.some((n) => n.trim() === '' || n.length > 200)) {
          throw new DomainError('VALIDATION_FAILED', 'names must be 1-200 characters');
        }
        await withContext(async (ctx) => {
          const org = await requireOrganization(ctx.db, opts.org);
          const created = await createJurisdiction(ctx, {
            parentId: opts.parent,
            type: opts.type,
            name: {
              en: opts.name.trim(),
              ...(opts.nameEs ? { es: opts.nameEs.trim() } : {}),
              ...(opts.nameFr ? { fr: opts.nameFr.trim() } : {}),
            },
            organizationId: org.id,
          });
          if (opts.json) return printJson(created);
          info(`added ${created.id} for ${org.name}`);
        });
      },
    );
}
