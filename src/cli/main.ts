/** The `lawgap` command line. Every command goes through the same services as the API, as a system actor. */

import { spawn } from 'node:child_process';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config.ts';
import { prepareDatabase } from '../services/bootstrap.ts';
import { createStore } from '../store/db.ts';
import { registerCommands, requestedCommand } from './command-registry.ts';
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

// Only the asked-for command's modules are loaded (see command-registry.ts); `serve` and `migrate` need none.
const requested = requestedCommand(process.argv.slice(2));
if (!program.commands.some((c) => c.name() === requested)) await registerCommands(program, requested);

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
