/**
 * `lawgap treaties parties TREATY_DOC_ID [--as-of D]`, `lawgap treaties record TREATY_DOC_ID --jurisdiction ID
 * --action A --source S …`, `lawgap treaties of JURISDICTION [--as-of D]`: each jurisdiction's standing under a
 * treaty document of the law library.
 */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { isOcdDivisionId } from '../../core/jurisdictions/types.ts';
import { isIsoDate } from '../../core/laws/intervals.ts';
import { isPartyAction, partyActions } from '../../core/treaties/types.ts';
import {
  listJurisdictionTreaties,
  listTreatyParties,
  recordTreatyParty,
} from '../../services/treaty-parties.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

function date(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !isIsoDate(value)) bad(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

function jurisdiction(value: string, flag: string): string {
  if (!isOcdDivisionId(value)) bad(`${flag} must be an OCD division id, got "${value}"`);
  return value;
}

const columns = ['jurisdiction', 'action', 'signed', 'consented', 'in_force', 'standing', 'source'];

interface RecordOptions {
  jurisdiction: string;
  action: string;
  signedOn?: string;
  consentedOn?: string;
  inForceOn?: string;
  source: string;
  note?: string;
  json?: boolean;
}

/** Registers `lawgap treaties`. */
export function treatyCommands(program: Command): void {
  const treaties = program.command('treaties').description('who signed, ratified or acceded to a treaty');

  treaties
    .command('parties')
    .description('the parties and signatories of a treaty document, with their standing on a date')
    .argument('<treaty-id>', 'a law document of type treaty')
    .option(
      '--as-of <date>',
      'standing that day; only those signed or consented by then (default: today, all)',
    )
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { asOf?: string; json?: boolean }) => {
      const asOf = date(opts.asOf, '--as-of');
      await withContext(async (ctx) => {
        const rows = await listTreatyParties(ctx, id, asOf ? { asOf } : {});
        if (opts.json) return printJson(rows);
        if (rows.length === 0) info('no party recorded');
        printTable(
          rows.map((p) => ({
            jurisdiction: p.jurisdictionId,
            action: p.action,
            signed: p.signedOn,
            consented: p.consentedOn,
            in_force: p.inForceOn,
            standing: p.standing,
            source: p.source,
          })),
          columns,
        );
      });
    });

  treaties
    .command('record')
    .description('record a jurisdiction’s signature, ratification, accession, … of a treaty, with its source')
    .argument('<treaty-id>', 'a law document of type treaty')
    .requiredOption('--jurisdiction <ocd-id>', 'the signatory or party')
    .requiredOption('--action <action>', `one of ${partyActions.join(', ')}`)
    .option('--signed-on <date>', 'date of signature (required for a signature)')
    .option('--consented-on <date>', 'date of consent to be bound (required unless a signature)')
    .option('--in-force-on <date>', 'date the treaty entered into force for the jurisdiction')
    .requiredOption('--source <url-or-citation>', 'where these facts come from')
    .option('--note <text>', 'reservations or declarations')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: RecordOptions) => {
      const action = opts.action;
      if (!isPartyAction(action)) bad(`--action must be one of ${partyActions.join(', ')}, got "${action}"`);
      const args = {
        treatyId: id,
        jurisdictionId: jurisdiction(opts.jurisdiction, '--jurisdiction'),
        action,
        signedOn: date(opts.signedOn, '--signed-on') ?? null,
        consentedOn: date(opts.consentedOn, '--consented-on') ?? null,
        inForceOn: date(opts.inForceOn, '--in-force-on') ?? null,
        note: opts.note ?? null,
        source: opts.source,
      };
      await withContext(async (ctx) => {
        const p = await recordTreatyParty(ctx, args);
        if (opts.json) return printJson(p);
        info(`recorded ${p.action} of ${p.jurisdictionId} (record ${p.id})`);
      });
    });

  treaties
    .command('of')
    .description('the treaties a jurisdiction has signed or consented to, with its standing on a date')
    .argument('<jurisdiction>', 'OCD division id')
    .option(
      '--as-of <date>',
      'standing that day; only those signed or consented by then (default: today, all)',
    )
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: { asOf?: string; json?: boolean }) => {
      const j = jurisdiction(id, 'the jurisdiction');
      const asOf = date(opts.asOf, '--as-of');
      await withContext(async (ctx) => {
        const rows = await listJurisdictionTreaties(ctx, j, asOf ? { asOf } : {});
        if (opts.json) return printJson(rows);
        if (rows.length === 0) info('no treaty recorded');
        printTable(
          rows.map((p) => ({
            treaty: p.treatyCitation,
            title: p.treatyTitle,
            action: p.action,
            consented: p.consentedOn,
            in_force: p.inForceOn,
            standing: p.standing,
          })),
          ['treaty', 'title', 'action', 'consented', 'in_force', 'standing'],
        );
      });
    });
}
