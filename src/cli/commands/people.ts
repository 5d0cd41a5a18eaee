/**
 * `lawgap people import PATH... [--jurisdiction ID] [--json]`, `lawgap people list [--jurisdiction ID]
 * [--json]`, `lawgap people show ID [--json]`, `lawgap committees list|show`. A PATH may be a folder: its
 * `.yml`, `.yaml` and `.json` files are imported in name order (people and committees alike). A refused file
 * makes the exit code 2 after every other file has been imported.
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import {
  importPeople,
  listCommittees,
  listPeople,
  type PeopleFileInput,
  showCommittee,
  showPerson,
} from '../../services/people.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { filesOf, printImport } from './bill-files.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

const readable = /\.(ya?ml|json|csv)$/i;

/** The files named by the paths, folders expanded to their YAML, JSON and CSV files (recursively, sorted). */
function peopleFilesOf(paths: string[]): PeopleFileInput[] {
  return filesOf(paths, readable, '.yml, .yaml, .json or .csv');
}

function jurisdictionFilter(value: string | undefined): { jurisdictionId?: string } {
  if (value === undefined) return {};
  if (!isOcdDivisionId(value)) bad(`--jurisdiction must be an OCD division id, got "${value}"`);
  return { jurisdictionId: value };
}

/** Registers the people and committees commands. */
export function peopleCommands(program: Command): void {
  const people = program
    .command('people')
    .description('legislators from Open States (people and committees)');
  people
    .command('import')
    .description(
      'import Open States people YAML, person scrape JSON, legislator CSV (tx.csv) and committee YAML/JSON files',
    )
    .argument('<paths...>', 'files, or folders of .yml/.yaml/.json/.csv files')
    .option(
      '--jurisdiction <id>',
      'for files without one (person scrape JSON): ocd-jurisdiction/… or ocd-division/…',
    )
    .option('--json', 'print JSON only')
    .action(async (paths: string[], opts: { jurisdiction?: string; json?: boolean }) => {
      const files = peopleFilesOf(paths);
      const report = await withContext((ctx) =>
        importPeople(ctx, { files, ...(opts.jurisdiction ? { jurisdiction: opts.jurisdiction } : {}) }),
      );
      const s = report.sponsorships;
      printImport(
        report,
        files.length,
        !!opts.json,
        `; sponsorships: ${s.linkedByName} linked by name, ${s.matchedById} by id, ${s.ambiguous} ambiguous`,
      );
    });

  people
    .command('list')
    .description('people, by name, with party and current role')
    .option('--jurisdiction <ocd-id>', 'only this jurisdiction (OCD division id)')
    .option('--json', 'print JSON only')
    .action(async (opts: { jurisdiction?: string; json?: boolean }) => {
      const list = await withContext((ctx) => listPeople(ctx, jurisdictionFilter(opts.jurisdiction)));
      if (opts.json) return printJson(list);
      printTable(
        list.map((p) => ({ ...p, chamber: p.role?.type ?? null, district: p.role?.district ?? null })),
        ['name', 'party', 'jurisdictionId', 'chamber', 'district', 'id'],
      );
    });

  people
    .command('show')
    .description('one person with roles, party history and offices')
    .argument('<id>', 'OCD person id (or its UUID)')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { json?: boolean }) => {
      const p = await withContext((ctx) => showPerson(ctx, id));
      if (opts.json) return printJson(p);
      info(`${p.name} (${p.id})${p.jurisdictionId ? `, ${p.jurisdictionId}` : ''}`);
      info(
        `party: ${p.party.map((x) => `${x.name}${x.endDate ? ` until ${x.endDate}` : ''}`).join(', ') || 'unknown'}`,
      );
      if (p.email) info(`email: ${p.email}`);
      printTable(
        p.roles.map((r) => ({ ...r })),
        ['type', 'district', 'jurisdictionId', 'startDate', 'endDate'],
      );
      for (const o of p.offices)
        info(`${o.classification}: ${[o.address, o.voice, o.email].filter(Boolean).join('; ')}`);
    });

  const committees = program.command('committees').description('committees from Open States');
  committees
    .command('list')
    .description('committees, by name, with parent chamber and member count')
    .option('--jurisdiction <ocd-id>', 'only this jurisdiction (OCD division id)')
    .option('--json', 'print JSON only')
    .action(async (opts: { jurisdiction?: string; json?: boolean }) => {
      const list = await withContext((ctx) => listCommittees(ctx, jurisdictionFilter(opts.jurisdiction)));
      if (opts.json) return printJson(list);
      printTable(
        list.map((c) => ({ ...c })),
        ['name', 'parent', 'classification', 'jurisdictionId', 'members', 'id'],
      );
    });

  committees
    .command('show')
    .description('one committee with its members')
    .argument('<id>', 'OCD organization id (or its UUID)')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { json?: boolean }) => {
      const c = await withContext((ctx) => showCommittee(ctx, id));
      if (opts.json) return printJson(c);
      info(`${c.name} (${c.id}), ${c.classification} of ${c.parent ?? 'unknown parent'}`);
      printTable(
        c.members.map((m) => ({ ...m })),
        ['name', 'role', 'personId', 'startDate', 'endDate'],
      );
    });
}
