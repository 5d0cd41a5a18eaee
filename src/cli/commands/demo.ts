/** `lawgap demo --corpus PATH`: imports the demo documents from the shared corpus and stores their suggestions. */
import type { Command } from 'commander';
import { machineLabel } from '../../core/analyzer/review.ts';
import { runDemo } from '../../services/demo.ts';
import { withContext } from '../context.ts';
import { info, printJson } from '../output.ts';
import { analysisLine } from './law-file-options.ts';

/** Registers the demo command. */
export function demoCommands(program: Command): void {
  program
    .command('demo')
    .description('import the demo treaties and US Code chapters from the corpus, with analyzer suggestions')
    .requiredOption('--corpus <path>', 'the shared corpus folder (holding treaties/ and uslm/)')
    .option('--json', 'print JSON only')
    .action(async (opts: { corpus: string; json?: boolean }) => {
      await withContext(async (ctx, store) => {
        const steps = await runDemo({ ...ctx, dialect: store.dialect }, opts.corpus);
        if (opts.json) return printJson(steps);
        for (const s of steps) {
          const v = s.result.version;
          info(
            `${s.result.outcome === 'created' ? 'imported' : 'already stored:'} ${s.citation} (${s.jurisdictionId}), ` +
              `version ${v.id}, ${v.provisionCount} provisions, from ${v.effectiveFrom}: ${s.dateNote}`,
          );
          if (s.result.analysis) info(`  ${analysisLine(s.result.analysis)}`);
        }
        info(
          `suggestions are ${machineLabel}: review them with \`lawgap suggestions list\` or in the workspace`,
        );
      });
    });
}
