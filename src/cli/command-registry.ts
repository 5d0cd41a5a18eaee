/**
 * The command modules of `lawgap`, each with the top-level commands it defines or extends, in registration order.
 * A run loads only the modules of the command it was asked for (Node then compiles the files that command needs
 * instead of every command and service); help, an unknown command or no command loads them all.
 * test/cli/command-registry.test.ts checks that each command's lazily built tree equals the one built from every
 * module, so a module that starts defining another command fails it until this table names the command.
 */
import type { Command } from 'commander';

type Register = (program: Command) => void;

export const commandModules: readonly { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['analyze'], load: async () => (await import('./commands/analyze.ts')).analyzeCommands },
  { names: ['framework'], load: async () => (await import('./commands/framework.ts')).frameworkCommands },
  {
    names: ['jurisdictions'],
    load: async () => (await import('./commands/jurisdictions.ts')).jurisdictionCommands,
  },
  { names: ['laws'], load: async () => (await import('./commands/laws.ts')).lawCommands },
  { names: ['bills'], load: async () => (await import('./commands/bills.ts')).billCommands },
  {
    names: ['people', 'committees'],
    load: async () => (await import('./commands/people.ts')).peopleCommands,
  },
  { names: ['districts'], load: async () => (await import('./commands/districts.ts')).districtCommands },
  { names: ['search'], load: async () => (await import('./commands/search.ts')).searchCommands },
  { names: ['code', 'score'], load: async () => (await import('./commands/coding.ts')).codingCommands },
  { names: ['qc'], load: async () => (await import('./commands/qc.ts')).qcCommands },
  { names: ['gaps', 'export'], load: async () => (await import('./commands/gaps.ts')).gapCommands },
  {
    names: ['resources'],
    load: async () => (await import('./commands/help-resources.ts')).helpResourceCommands,
  },
  {
    names: ['recommendations'],
    load: async () => (await import('./commands/recommendations.ts')).recommendationCommands,
  },
  {
    names: ['trend', 'changes', 'compare', 'rankings', 'crosswalk'],
    load: async () => (await import('./commands/scores.ts')).scoreCommands,
  },
  { names: ['user', 'org'], load: async () => (await import('./commands/users.ts')).userCommands },
  {
    names: ['suggestions'],
    load: async () => (await import('./commands/suggestions.ts')).suggestionCommands,
  },
  { names: ['treaties'], load: async () => (await import('./commands/treaties.ts')).treatyCommands },
  { names: ['demo'], load: async () => (await import('./commands/demo.ts')).demoCommands },
  { names: ['campaigns'], load: async () => (await import('./commands/campaigns.ts')).campaignCommands },
  { names: ['petitions'], load: async () => (await import('./commands/petitions.ts')).petitionCommands },
  { names: ['actions'], load: async () => (await import('./commands/actions.ts')).actionCommands },
  {
    names: ['campaigns'],
    load: async () => (await import('./commands/campaign-interop.ts')).campaignInteropCommands,
  },
  { names: ['campaigns'], load: async () => (await import('./commands/sign-on.ts')).signOnCommands },
  { names: ['recoding'], load: async () => (await import('./commands/recoding.ts')).recodingCommands },
  { names: ['webhooks'], load: async () => (await import('./commands/webhooks.ts')).webhookCommands },
  { names: ['alerts', 'follows'], load: async () => (await import('./commands/alerts.ts')).alertCommands },
  { names: ['stats'], load: async () => (await import('./commands/stats.ts')).statsCommands },
  { names: ['cases'], load: async () => (await import('./commands/cases.ts')).casesCommands },
  { names: ['privacy'], load: async () => (await import('./commands/privacy.ts')).privacyCommands },
  {
    names: ['supporters'],
    load: async () => (await import('./commands/supporters.ts')).supporterCommands,
  },
];

/** The top-level command a run asks for: the first argument that is not an option, if any. */
export function requestedCommand(args: readonly string[]): string | undefined {
  return args.find((arg) => !arg.startsWith('-'));
}

/** Registers the modules that define `name` (all of them when `name` is undefined or no module defines it). */
export async function registerCommands(program: Command, name: string | undefined): Promise<void> {
  const wanted = commandModules.filter((m) => name !== undefined && m.names.includes(name));
  for (const module of wanted.length > 0 ? wanted : commandModules) (await module.load())(program);
}
