/** `lawgap user create|list|disable|enable` and `lawgap org create|list|add-member` */
import type { Command } from 'commander';
import { isRole, roles } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import { createUser, listAllUsers, setUserDisabled } from '../../services/accounts.ts';
import { addMember, createOrganization, listMyOrganizations } from '../../services/organizations.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';
import { readPassword } from '../password-input.ts';

/** Registers the user commands. */
export function userCommands(program: Command): void {
  const user = program.command('user').description('user accounts');
  user
    .command('create')
    .description('create a user (the password is read from stdin with --password-stdin, or asked for)')
    .requiredOption('--email <email>', 'email address')
    .requiredOption('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input')
    .option('--instance-admin', 'may administer every user and organization')
    .option('--json', 'print JSON only')
    .action(
      async (opts: {
        email: string;
        name: string;
        passwordStdin?: boolean;
        instanceAdmin?: boolean;
        json?: boolean;
      }) => {
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(opts.email)) {
          throw new DomainError('VALIDATION_FAILED', `--email must be an email address, got "${opts.email}"`);
        }
        const password = await readPassword(Boolean(opts.passwordStdin));
        await withContext(async (ctx) => {
          const created = await createUser(ctx, {
            email: opts.email,
            displayName: opts.name,
            password,
            instanceAdmin: Boolean(opts.instanceAdmin),
          });
          if (opts.json) return printJson(created);
          info(`created user ${created.email} (${created.id})`);
        });
      },
    );
  user
    .command('list')
    .description('list users')
    .option('--json', 'print JSON only')
    .action(async (opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const users = await listAllUsers(ctx);
        if (opts.json) return printJson(users);
        printTable(
          users.map((u) => ({
            id: u.id,
            email: u.email,
            name: u.displayName,
            admin: u.instanceAdmin ? 'yes' : '',
            disabled: u.disabled ? 'yes' : '',
          })),
          ['id', 'email', 'name', 'admin', 'disabled'],
        );
      });
    });
  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(`${verb} <user>`)
      .description(disabled ? 'disable a user (by email or id) and end their sessions' : 're-enable a user')
      .option('--json', 'print JSON only')
      .action(async (who: string, opts: { json?: boolean }) => {
        await withContext(async (ctx) => {
          const u = await setUserDisabled(ctx, who, disabled);
          if (opts.json) return printJson(u);
          info(`${verb}d ${u.email}`);
        });
      });
  }

  const org = program.command('org').description('organizations and memberships');
  org
    .command('create <name>')
    .description('create an organization')
    .option('--json', 'print JSON only')
    .action(async (name: string, opts: { json?: boolean }) => {
      if (name.trim().length < 2 || name.length > 120) {
        throw new DomainError('VALIDATION_FAILED', 'organization name must be 2-120 characters');
      }
      await withContext(async (ctx) => {
        const o = await createOrganization(ctx, name.trim());
        if (opts.json) return printJson(o);
        info(`created organization ${o.name} (slug ${o.slug})`);
      });
    });
  org
    .command('list')
    .description('list organizations')
    .option('--json', 'print JSON only')
    .action(async (opts: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const list = await listMyOrganizations(ctx);
        if (opts.json) return printJson(list.map(({ role: _role, ...o }) => o));
        printTable(list, ['id', 'slug', 'name']);
      });
    });
  org
    .command('add-member <org> <user>')
    .description('add a user (email or id) to an organization (slug or id) with a role')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--json', 'print JSON only')
    .action(async (orgRef: string, who: string, opts: { role: string; json?: boolean }) => {
      if (!isRole(opts.role))
        throw new DomainError('VALIDATION_FAILED', `--role must be one of ${roles.join(', ')}`);
      const role = opts.role;
      await withContext(async (ctx) => {
        const m = await addMember(ctx, { organization: orgRef, user: who, role });
        if (opts.json) return printJson(m);
        info(`${who} is now ${m.role} of ${orgRef}`);
      });
    });
}
