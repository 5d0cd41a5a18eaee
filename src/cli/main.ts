/** The `lawgap` command line. Every command goes through the same services as the API, as a system actor. */

import { spawn } from 'node:child_process';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../services/bootstrap.ts';
import { createStore } from '../store/db.ts';
import { actionCommands } from './commands/actions.ts';
import { alertCommands } from './commands/alerts.ts';
import { analyzeCommands } from './commands/analyze.ts';
import { billCommands } from './commands/bills.ts';
import { campaignInteropCommands } from './commands/campaign-interop.ts';
import { campaignCommands } from './commands/campaigns.ts';
import { casesCommands } from './commands/cases.ts';
import { codingCommands } from './commands/coding.ts';
import { demoCommands } from './commands/demo.ts';
import { districtCommands } from './commands/districts.ts';
import { frameworkCommands } from './commands/framework.ts';
import { gapCommands } from './commands/gaps.ts';
import { helpResourceCommands } from './commands/help-resources.ts';
import { jurisdictionCommands } from './commands/jurisdictions.ts';
import { lawCommands } from './commands/laws.ts';
import { peopleCommands } from './commands/people.ts';
import { petitionCommands } from './commands/petitions.ts';
import { privacyCommands } from './commands/privacy.ts';
import { qcCommands } from './commands/qc.ts';
import { recodingCommands } from './commands/recoding.ts';
import { recommendationCommands } from './commands/recommendations.ts';
import { scoreCommands } from './commands/scores.ts';
import { searchCommands } from './commands/search.ts';
import { signOnCommands } from './commands/sign-on.ts';
import { statsCommands } from './commands/stats.ts';
import { suggestionCommands } from './commands/suggestions.ts';
import { treatyCommands } from './commands/treaties.ts';
import { userCommands } from './commands/users.ts';
import { webhookCommands } from './commands/webhooks.ts';
import { exitCodeOf, info, messageOf, printJson } from './output.ts';

const program = new Command('lawgap')
  .description('lawgap: anti-trafficking law surveillance and advocacy')
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('serve the app (PORT, LAWGAP_DATA_DIR, DATABASE_URL from the environment)')
  .action(async () => {
    loadConfig(); // report configuration problems before starting anything
    // The server is its own entry point (nothing imports server code); run it as a child and pass signals on.
    const entry = path.resolve(import.meta.dirname, '../server/main.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
    process.exit(code);
  });

program
  .command('migrate')
  .description('apply pending migrations and load built-in reference data')
  .option('--json', 'print JSON only')
  .action(async (opts: { json?: boolean }) => {
    const config = loadConfig();
    const store = createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const result = await prepareDatabase(store.db);
      if (opts.json) return printJson(result);
      info(
        result.migrationsApplied.length
          ? `applied ${result.migrationsApplied.join(', ')}`
          : 'database is up to date',
      );
    } finally {
      await store.destroy();
    }
  });

// Output piped into a reader that stops early (`| head`) ends the command quietly, as other tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

analyzeCommands(program);
frameworkCommands(program);
jurisdictionCommands(program);
lawCommands(program);
billCommands(program);
peopleCommands(program);
districtCommands(program);
searchCommands(program);
codingCommands(program);
qcCommands(program);
gapCommands(program);
helpResourceCommands(program);
recommendationCommands(program);
scoreCommands(program);
userCommands(program);
suggestionCommands(program);
treatyCommands(program);
demoCommands(program);
campaignCommands(program);
petitionCommands(program);
actionCommands(program);
campaignInteropCommands(program);
signOnCommands(program);
recodingCommands(program);
webhookCommands(program);
alertCommands(program);
statsCommands(program);
casesCommands(program);
privacyCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) {
      process.exit(0);
    }
    process.exit(2);
  }
  process.stderr.write(`lawgap: ${messageOf(err)}\n`);
  process.exit(exitCodeOf(err));
}
