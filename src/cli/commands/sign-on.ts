/**
 * `lawgap campaigns letters create|list|open|close|signatures|approve|reject|export`: sign-on letters from the
 * command line, through the same services as the API. The organization named by `--org` acts: it sees only
 * letters of campaigns it owns or partners in. The invite link is printed once, on creation.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import { type SignatureStatus, signatureStatuses } from '../../core/campaigns/sign-on.ts';
import { letterDocument } from '../../core/campaigns/sign-on-html.ts';
import { DomainError } from '../../core/errors.ts';
import { isLocale } from '../../core/i18n/locales.ts';
import type { ServiceContext } from '../../services/context.ts';
import { loadFieldKey } from '../../services/field-crypto.ts';
import {
  campaignLetters,
  createLetter,
  letterSignatures,
  moderate,
  type SignOnContext,
  updateLetterFields,
  workspaceLetterExport,
} from '../../services/sign-on.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

function signOnContext(ctx: ServiceContext, config: Readonly<Config>): SignOnContext {
  return { ...ctx, fieldKey: loadFieldKey(config), publicUrl: config.publicUrl };
}

function bad(message: string): never {
  throw new DomainError('VALIDATION_FAILED', message);
}

interface OrgOpts {
  org: string;
  json?: boolean;
}

/** Registers `campaigns letters …` under the campaigns command. */
export function signOnCommands(program: Command): void {
  const campaigns = program.commands.find((c) => c.name() === 'campaigns');
  if (!campaigns) throw new Error('register the campaigns command first');
  const letters = campaigns.command('letters').description('sign-on letters that organisations sign');

  letters
    .command('create')
    .description('write a letter for a campaign; prints its invite link once')
    .argument('<campaign>', 'campaign id')
    .requiredOption('--org <slug>', 'the acting organization (owner or editor partner)')
    .requiredOption('--title <text>', 'title')
    .option('--body <text>', 'the letter text (paragraphs separated by a blank line)')
    .option('--body-file <path>', 'read the letter text from a UTF-8 file')
    .option('--open', 'open it for signatures at once (default: draft)')
    .option('--json', 'print JSON only')
    .action(
      async (
        campaign: string,
        opts: OrgOpts & { title: string; body?: string; bodyFile?: string; open?: boolean },
      ) => {
        if ((opts.body === undefined) === (opts.bodyFile === undefined))
          bad('give the letter text with exactly one of --body or --body-file');
        const body = opts.bodyFile ? readFileSync(opts.bodyFile, 'utf8') : (opts.body as string);
        const created = await withContext((ctx, _store, config) =>
          createLetter(signOnContext(ctx, config), campaign, {
            organization: opts.org,
            title: opts.title,
            body,
            status: opts.open ? 'open' : 'draft',
          }),
        );
        if (opts.json) return printJson(created);
        info(`created letter ${created.letter.id} (${created.letter.status})`);
        info('invite link (shown once):');
        process.stdout.write(`${created.inviteUrl}\n`);
      },
    );

  letters
    .command('list')
    .description("a campaign's letters")
    .argument('<campaign>', 'campaign id')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--json', 'print JSON only')
    .action(async (campaign: string, opts: OrgOpts) => {
      const list = await withContext((ctx) => campaignLetters(ctx, campaign, { organization: opts.org }));
      if (opts.json) return printJson(list);
      printTable(
        list.map((l) => ({ ...l })),
        ['id', 'status', 'title', 'createdAt'],
      );
    });

  for (const [verb, status] of [
    ['open', 'open'],
    ['close', 'closed'],
  ] as const) {
    letters
      .command(verb)
      .description(verb === 'open' ? 'open a letter for signatures' : 'close a letter to new signatures')
      .argument('<letter>', 'letter id')
      .requiredOption('--org <slug>', 'the acting organization (slug or id)')
      .action(async (id: string, opts: OrgOpts) => {
        const letter = await withContext((ctx) =>
          updateLetterFields(ctx, id, { organization: opts.org, status }),
        );
        info(`letter ${letter.id} is ${letter.status}`);
      });
  }

  letters
    .command('signatures')
    .description("a letter's signatures with their contact addresses, for moderation")
    .argument('<letter>', 'letter id')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .option('--status <status>', signatureStatuses.join('|'))
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: OrgOpts & { status?: string }) => {
      if (opts.status !== undefined && !(signatureStatuses as readonly string[]).includes(opts.status))
        bad(`--status must be one of ${signatureStatuses.join(', ')}, got "${opts.status}"`);
      const status = opts.status as SignatureStatus | undefined;
      const list = await withContext((ctx, _store, config) =>
        letterSignatures(signOnContext(ctx, config), id, {
          organization: opts.org,
          ...(status ? { status } : {}),
        }),
      );
      if (opts.json) return printJson(list);
      printTable(
        list.map((s) => ({ ...s, logo: s.hasLogo ? 'yes' : '' })),
        ['id', 'status', 'organizationName', 'signerName', 'contactEmail', 'website', 'logo'],
      );
    });

  for (const [verb, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    letters
      .command(verb)
      .description(verb === 'approve' ? 'approve a signature (it goes public)' : 'reject a signature')
      .argument('<signature>', 'signature id')
      .requiredOption('--org <slug>', 'the acting organization (owner or editor partner)')
      .action(async (id: string, opts: OrgOpts) => {
        const s = await withContext((ctx, _store, config) =>
          moderate(signOnContext(ctx, config), id, decision, { organization: opts.org }),
        );
        info(`${s.organizationName}: ${s.status}`);
      });
  }

  letters
    .command('export')
    .description('write the letter and its approved signatories as one self-contained HTML file')
    .argument('<letter>', 'letter id')
    .requiredOption('--org <slug>', 'the acting organization (slug or id)')
    .requiredOption('--out <path>', 'the .html file to write')
    .option('--locale <locale>', 'en, es or fr (headings)', 'en')
    .action(async (id: string, opts: OrgOpts & { out: string; locale: string }) => {
      if (!isLocale(opts.locale)) bad(`--locale must be en, es or fr, got "${opts.locale}"`);
      const locale = opts.locale;
      const data = await withContext((ctx) => workspaceLetterExport(ctx, id, { organization: opts.org }));
      const html = letterDocument(locale, data.export, {
        style: { inline: true },
        logoSrc: (s) => data.logoDataUris.get(s.id) ?? null,
      });
      writeFileSync(opts.out, html);
      info(`wrote ${opts.out} (${data.export.signatories.length} approved signatories)`);
    });
}
