/**
 * `lawgap webhooks add|list|update|remove|test|deliveries|redeliver`: an organization's webhook endpoints from
 * the command line, through the same services as the API (docs/alerts.md). The signing secret is printed once,
 * by `add`.
 */
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { ServiceContext } from '../../services/context.ts';
import { loadFieldKey } from '../../services/field-crypto.ts';
import {
  addWebhook,
  changeWebhook,
  listWebhooks,
  redeliver,
  removeWebhook,
  testWebhook,
  type WebhookContext,
  webhookDeliveries,
} from '../../services/webhooks.ts';
import { withContext } from '../context.ts';
import { info, printJson, printTable } from '../output.ts';

/** The webhook service context of a CLI command. */
export function webhookContext(ctx: ServiceContext, config: Readonly<Config>): WebhookContext {
  return { ...ctx, fieldKey: loadFieldKey(config), allowPrivateHosts: config.allowPrivateWebhookHosts };
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

interface OrgOpts {
  organization?: string;
  json?: boolean;
}

/** Registers `webhooks`. */
export function webhookCommands(program: Command): void {
  const webhooks = program.command('webhooks').description("an organization's signed webhook endpoints");

  webhooks
    .command('add')
    .description('add an endpoint; prints its signing secret once')
    .argument('<url>', 'https:// URL that receives POSTs')
    .requiredOption('--organization <slug>', 'organization slug or id')
    .option('--events <types>', 'comma-separated event types (default: all)')
    .option('--jurisdiction <id>', 'only events of this jurisdiction')
    .option('--description <text>', 'what the endpoint is for')
    .option('--json', 'print JSON only')
    .action(
      async (
        url: string,
        opts: OrgOpts & { events?: string; jurisdiction?: string; description?: string },
      ) => {
        const created = await withContext((ctx, _store, config) =>
          addWebhook(webhookContext(ctx, config), {
            url,
            organization: opts.organization,
            eventTypes: opts.events ? list(opts.events) : [],
            jurisdictionId: opts.jurisdiction ?? null,
            description: opts.description ?? '',
          }),
        );
        if (opts.json) return printJson(created);
        info(`added webhook ${created.endpoint.id} → ${created.endpoint.url}`);
        info('signing secret (shown only now; store it with the receiver):');
        process.stdout.write(`${created.secret}\n`);
      },
    );

  webhooks
    .command('list')
    .description('list endpoints (all organizations unless --organization)')
    .option('--organization <slug>', 'organization slug or id')
    .option('--json', 'print JSON only')
    .action(async (opts: OrgOpts) => {
      const endpoints = await withContext((ctx, _store, config) =>
        listWebhooks(webhookContext(ctx, config), { organization: opts.organization }),
      );
      if (opts.json) return printJson(endpoints);
      if (endpoints.length === 0) return info('no webhook endpoints');
      printTable(
        endpoints.map((e) => ({
          id: e.id,
          url: e.url,
          events: e.eventTypes.length ? e.eventTypes.join(',') : 'all',
          jurisdiction: e.jurisdictionId ?? '',
          active: e.active ? 'yes' : 'no',
        })),
        ['id', 'url', 'events', 'jurisdiction', 'active'],
      );
    });

  webhooks
    .command('update')
    .description('change an endpoint')
    .argument('<id>', 'endpoint id')
    .option('--organization <slug>', 'organization slug or id')
    .option('--url <url>', 'new URL')
    .option('--events <types>', 'comma-separated event types ("" for all)')
    .option('--enable', 'send to it again')
    .option('--disable', 'stop sending to it')
    .option('--json', 'print JSON only')
    .action(
      async (
        id: string,
        opts: OrgOpts & { url?: string; events?: string; enable?: boolean; disable?: boolean },
      ) => {
        const endpoint = await withContext((ctx, _store, config) =>
          changeWebhook(webhookContext(ctx, config), {
            id,
            organization: opts.organization,
            url: opts.url,
            eventTypes: opts.events === undefined ? undefined : list(opts.events),
            active: opts.enable ? true : opts.disable ? false : undefined,
          }),
        );
        if (opts.json) return printJson(endpoint);
        info(`updated webhook ${endpoint.id} (${endpoint.active ? 'active' : 'disabled'})`);
      },
    );

  webhooks
    .command('remove')
    .description('delete an endpoint and its delivery log')
    .argument('<id>', 'endpoint id')
    .option('--organization <slug>', 'organization slug or id')
    .action(async (id: string, opts: OrgOpts) => {
      await withContext((ctx, _store, config) =>
        removeWebhook(webhookContext(ctx, config), { id, organization: opts.organization }),
      );
      info(`removed webhook ${id}`);
    });

  webhooks
    .command('test')
    .description('send a signed webhook.test message now')
    .argument('<id>', 'endpoint id')
    .option('--organization <slug>', 'organization slug or id')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: OrgOpts) => {
      const r = await withContext((ctx, _store, config) =>
        testWebhook(webhookContext(ctx, config), { id, organization: opts.organization }),
      );
      if (opts.json) printJson(r);
      else info(r.ok ? `delivered (HTTP ${r.statusCode}, ${r.durationMs} ms)` : `failed: ${r.error}`);
      if (!r.ok) process.exitCode = 2;
    });

  webhooks
    .command('deliveries')
    .description("an endpoint's deliveries, newest first")
    .argument('<id>', 'endpoint id')
    .option('--organization <slug>', 'organization slug or id')
    .option('--json', 'print JSON only')
    .action(async (id: string, opts: OrgOpts) => {
      const deliveries = await withContext((ctx, _store, config) =>
        webhookDeliveries(webhookContext(ctx, config), { id, organization: opts.organization }),
      );
      if (opts.json) return printJson(deliveries);
      if (deliveries.length === 0) return info('no deliveries yet');
      printTable(
        deliveries.map((d) => ({
          id: d.id,
          event: d.eventType,
          status: d.status,
          attempts: d.attempts,
          last: d.lastStatusCode ?? d.lastError ?? '',
          next: d.nextAttemptAt ?? '',
        })),
        ['id', 'event', 'status', 'attempts', 'last', 'next'],
      );
    });

  webhooks
    .command('redeliver')
    .description('send a delivery again now (same webhook-id)')
    .argument('<delivery>', 'delivery id')
    .option('--organization <slug>', 'organization slug or id')
    .option('--json', 'print JSON only')
    .action(async (deliveryId: string, opts: OrgOpts) => {
      const r = await withContext((ctx, _store, config) =>
        redeliver(webhookContext(ctx, config), { deliveryId, organization: opts.organization }),
      );
      if (opts.json) printJson(r);
      else
        info(
          `${r.result} (attempt ${r.delivery.attempts}, ${r.delivery.lastStatusCode ?? r.delivery.lastError ?? ''})`,
        );
      if (r.result !== 'delivered') process.exitCode = 2;
    });
}
