/** `lawgap framework show [--version N] [--json]` */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { getFramework } from '../../services/framework.ts';
import { withContext } from '../context.ts';
import { printJson, printTable } from '../output.ts';

/** Registers the framework commands. */
export function frameworkCommands(program: Command): void {
  const fw = program.command('framework').description('the indicator framework');
  fw.command('show')
    .description('show a framework version (the latest by default)')
    .option('--version <n>', 'framework version number')
    .option('--json', 'print JSON only')
    .action(async (opts: { version?: string; json?: boolean }) => {
      let version: number | undefined;
      if (opts.version !== undefined) {
        version = Number(opts.version);
        if (!Number.isInteger(version) || version < 1) {
          throw new DomainError('VALIDATION_FAILED', '--version must be a whole number from 1');
        }
      }
      await withContext(async (ctx) => {
        const framework = await getFramework(ctx, version);
        if (opts.json) return printJson(framework);
        process.stdout.write(
          `${framework.title.en} (version ${framework.version}, published ${framework.published})\n\n`,
        );
        printTable(
          framework.areas.map((a) => ({ area: a.id, name: a.name.en, share: a.share })),
          ['area', 'name', 'share'],
        );
        process.stdout.write('\n');
        printTable(
          framework.indicators.map((i) => ({
            id: i.id,
            type: i.type,
            weight: i.weight,
            level: i.level,
            question: i.question.en.length > 80 ? `${i.question.en.slice(0, 77)}...` : i.question.en,
          })),
          ['id', 'type', 'weight', 'level', 'question'],
        );
      });
    });
}
