/**
 * `lawgap recommendations set INDICATOR --org ORG --locale L --text T [--model-language M]` and
 * `lawgap recommendations list --org ORG [--locale L] [--json]`. The command line is a local system actor, so
 * it names the organization.
 */
import type { Command } from 'commander';
import { listRecommendations, setRecommendation } from '../../services/recommendations.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

const preview = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** Registers the recommendations commands. */
export function recommendationCommands(program: Command): void {
  const r = program
    .command('recommendations')
    .description('an organization’s own recommendations for closing gaps, per indicator and locale');

  r.command('set')
    .description('write a new version of the recommendation for an indicator (older versions are kept)')
    .argument('<indicator>', 'indicator id of the latest framework version, e.g. CR-01')
    .requiredOption('--org <org>', 'organization (slug or id)')
    .requiredOption('--text <text>', 'the recommendation, plain text')
    .option('--locale <locale>', 'language of the text: en (default), es or fr', 'en')
    .option('--model-language <text>', 'suggested model statutory language, plain text')
    .option('--json', 'print JSON only')
    .action(
      async (
        indicatorId: string,
        opts: { org: string; text: string; locale: string; modelLanguage?: string; json?: boolean },
      ) => {
        const rec = await withContext((ctx) =>
          setRecommendation(ctx, {
            organization: opts.org,
            indicatorId,
            locale: opts.locale,
            text: opts.text,
            modelLanguage: opts.modelLanguage ?? null,
          }),
        );
        if (opts.json) return printJson(rec);
        info(`${rec.indicatorId} (${rec.locale}) is now at version ${rec.version}`);
      },
    );

  r.command('list')
    .description('the latest version of each recommendation of an organization')
    .requiredOption('--org <org>', 'organization (slug or id)')
    .option('--locale <locale>', 'only this language: en, es or fr')
    .option('--json', 'print JSON only')
    .action(async (opts: { org: string; locale?: string; json?: boolean }) => {
      const list = await withContext((ctx) =>
        listRecommendations(ctx, {
          organization: opts.org,
          ...(opts.locale !== undefined ? { locale: opts.locale } : {}),
        }),
      );
      if (opts.json) return printJson(list);
      printTable(
        list.map((x) => ({
          indicator: x.indicatorId,
          locale: x.locale,
          version: x.version,
          text: preview(x.text),
        })),
        ['indicator', 'locale', 'version', 'text'],
      );
    });
}
