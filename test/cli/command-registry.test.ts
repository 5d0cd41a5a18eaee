/**
 * The lazy command registry must build, for each top-level command, exactly the tree that loading every module
 * builds: same subcommands, same options, same descriptions. A module that starts defining or extending a command
 * the registry does not name for it fails here.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandModules, registerCommands, requestedCommand } from '../../src/cli/command-registry.ts';

interface Shape {
  name: string;
  description: string;
  options: string[];
  arguments: string[];
  commands: Shape[];
}

function shape(command: Command): Shape {
  return {
    name: command.name(),
    description: command.description(),
    options: command.options.map((o) => `${o.flags} ${o.description}`),
    arguments: command.registeredArguments.map((a) => a.name()),
    commands: command.commands.map(shape),
  };
}

async function build(name: string | undefined): Promise<Command> {
  const program = new Command('lawgap');
  await registerCommands(program, name);
  return program;
}

describe('command registry', () => {
  it('builds each command from its own modules exactly as loading every module does', async () => {
    const full = await build(undefined);
    const names = full.commands.map((c) => c.name());
    expect(names.length).toBeGreaterThan(30);
    expect(new Set(commandModules.flatMap((m) => m.names))).toEqual(new Set(names));
    for (const name of names) {
      const lazy = await build(name);
      const expected = shape(full.commands.find((c) => c.name() === name) as Command);
      const actual = lazy.commands.find((c) => c.name() === name);
      expect(actual && shape(actual), name).toEqual(expected);
    }
  });

  it('loads every module for no command, an unknown one or help', async () => {
    const count = (await build(undefined)).commands.length;
    expect((await build('no-such-command')).commands).toHaveLength(count);
    expect((await build('help')).commands).toHaveLength(count);
    expect(requestedCommand(['--help'])).toBeUndefined();
    expect(requestedCommand(['stats', 'list', '--json'])).toBe('stats');
  });
});
