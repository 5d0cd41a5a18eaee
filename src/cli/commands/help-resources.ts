/**
 * `lawgap resources add --org ORG --jurisdiction ID --kind K --name N [--phone P] [--url U] [--languages es,en]
 * [--hours H] [--description D] --verified YYYY-MM-DD [--publish] [--json]`,
 * `lawgap resources list --org ORG [--jurisdiction ID] [--json]` and
 * `lawgap resources verify ID --org ORG [--on YYYY-MM-DD]`: the organisation's help resources for the public
 * rights pages (docs/portal.md). Every field is checked as in the API: each problem names its field.
 */
import type { Command } from 'commander';
import { helpResourceKinds } from '../../core/help-resources/help-resources.ts';
import { addHelpResource, listOwnHelpResources, verifyHelpResource } from '../../services/help-resources.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

interface AddOptions {
  org: string;
  jurisdiction: string;
  kind: string;
  name: string;
  phone?: string;
  url?: string;
  languages?: string;
  hours?: string;
  description?: string;
  verified: string;
  publish?: boolean;
  json?: boolean;
}

/** Registers the resources commands. */
export function helpResourceCommands(program: Command): void {
  const resources = program
    .command('resources')
    .description('help resources (hotlines, legal aid, shelters) shown on the public rights pages');
  resources
    .command('add')
    .description('add a help resource of the organization (unpublished unless --publish)')
    .requiredOption('--org <slug>', 'the maintaining organization (slug or id)')
    .requiredOption('--jurisdiction <id>', 'OCD division id')
    .requiredOption('--kind <kind>', helpResourceKinds.join(', '))
    .requiredOption('--name <name>', 'the name people know it by')
    .option('--phone <e164>', 'international number, such as +34 900 123 456')
    .option('--url <https>', 'https:// address')
    .option('--languages <codes>', 'comma-separated ISO 639-1 codes, such as es,en')
    .option('--hours <text>', 'opening hours')
    .option('--description <text>', 'what it offers')
    .requiredOption('--verified <date>', 'YYYY-MM-DD the details were last checked (not in the future)')
    .option('--publish', 'show it on the public rights page')
    .option('--json', 'print JSON only')
    .action(async (opts: AddOptions) => {
      const made = await withContext((ctx) =>
        addHelpResource(
          ctx,
          {
            jurisdictionId: opts.jurisdiction,
            kind: opts.kind,
            name: opts.name,
            phone: opts.phone ?? null,
            url: opts.url ?? null,
            languages: (opts.languages ?? '')
              .split(',')
              .map((l) => l.trim())
              .filter((l) => l !== ''),
            hours: opts.hours ?? null,
            description: opts.description ?? null,
            lastVerified: opts.verified,
            published: opts.publish === true,
          },
          { organization: opts.org },
        ),
      );
      if (opts.json) printJson(made);
      else info(`added ${made.id} (${made.published ? 'published' : 'not published'})`);
    });
  resources
    .command('list')
    .description('list the organization’s help resources')
    .requiredOption('--org <slug>', 'the organization (slug or id)')
    .option('--jurisdiction <id>', 'only this jurisdiction')
    .option('--json', 'print JSON only')
    .action(async (opts: { org: string; jurisdiction?: string; json?: boolean }) => {
      const list = await withContext((ctx) =>
        listOwnHelpResources(ctx, {
          organization: opts.org,
          ...(opts.jurisdiction ? { jurisdictionId: opts.jurisdiction } : {}),
        }),
      );
      if (opts.json) printJson(list);
      else
        printTable(
          list.map((r) => ({
            ...r,
            languages: r.languages.join(','),
            published: r.published ? 'yes' : 'no',
          })),
          ['id', 'jurisdictionId', 'kind', 'name', 'phone', 'languages', 'lastVerified', 'published'],
        );
    });
  resources
    .command('verify')
    .description('record that a help resource was checked (today by default)')
    .argument('<id>', 'the resource id')
    .requiredOption('--org <slug>', 'the organization (slug or id)')
    .option('--on <date>', 'YYYY-MM-DD it was checked (not in the future)')
    .action(async (id: string, opts: { org: string; on?: string }) => {
      const done = await withContext((ctx) =>
        verifyHelpResource(ctx, id, { organization: opts.org, ...(opts.on ? { on: opts.on } : {}) }),
      );
      info(`verified ${done.id} on ${done.lastVerified}`);
    });
}
