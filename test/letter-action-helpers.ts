/**
 * What the letter and call action tests share: the invented people, district plan and postcodes of
 * test/fixtures/districts, a campaign of the organisation whose targets are two of those people (custom
 * targets with their person ids), a letter template and a call script, and an open letter and call action.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { createMessage } from '../src/services/campaign-messages.ts';
import { addCustomTarget } from '../src/services/campaign-targets.ts';
import { createCampaign } from '../src/services/campaigns.ts';
import { cliActor } from '../src/services/context.ts';
import { importBoundaries, importPostcodes } from '../src/services/districts.ts';
import { getFramework } from '../src/services/framework.ts';
import { createAction, setActionStatus } from '../src/services/letter-actions.ts';
import { importPeople } from '../src/services/people.ts';
import type { Database } from '../src/store/schema.ts';
import { tx } from './bill-fixtures.ts';

const dir = path.resolve(import.meta.dirname, 'fixtures/districts');
const file = (name: string) => ({ name, content: fs.readFileSync(path.join(dir, name), 'utf8') });

/** The invented people (test/fixtures/districts/people). */
export const people = {
  quinn: {
    id: 'ocd-person/1b2c3d4e-0001-4a00-8000-00000000d001',
    name: 'Quinn Harrow',
    email: 'quinn-harrow@example.invalid',
  },
  morgan: {
    id: 'ocd-person/1b2c3d4e-0002-4a00-8000-00000000d002',
    name: 'Morgan Vale',
    email: 'morgan-vale@example.invalid',
  },
  jordan: {
    id: 'ocd-person/1b2c3d4e-0004-4a00-8000-00000000d004',
    name: 'Jordan Fell',
    email: 'jordan-fell@example.invalid',
  },
} as const;

/** Imports the people, the 2020 plan and the postcodes once per store. */
export async function seedDistricts(db: Kysely<Database>): Promise<void> {
  const ctx = { db, actor: cliActor };
  const names = fs.readdirSync(path.join(dir, 'people'));
  await importPeople(ctx, { files: names.map((n) => file(`people/${n}`)) });
  await importBoundaries(ctx, file('plan-2020.geojson'));
  await importPostcodes(ctx, file('postcodes.csv'));
}

/**
 * A campaign of the organisation (by slug) targeting Quinn Harrow (lower, Alder) and Jordan Fell (upper,
 * North), with an open letter action and an open call action.
 */
export async function seedActions(db: Kysely<Database>, organization: string, hourlyPerRecipient = 30) {
  const ctx = { db, actor: cliActor };
  const framework = await getFramework(ctx);
  const campaign = await createCampaign(ctx, {
    organization,
    title: 'Close the consent gap',
    jurisdictionId: tx,
    gaps: [framework.indicators[0]?.id ?? ''],
  });
  for (const person of [people.quinn, people.jordan])
    await addCustomTarget(ctx, campaign.id, { organization, personId: person.id });
  const letter = await createMessage(ctx, campaign.id, {
    organization,
    kind: 'letter',
    title: 'Letter',
    body: 'Dear {{target.name}},\n\nPlease support “{{campaign.title}}”.\n\nThank you.',
  });
  const script = await createMessage(ctx, campaign.id, {
    organization,
    kind: 'call_script',
    title: 'Script',
    body: 'Hello, I am calling {{target.name}} about “{{campaign.title}}”.',
  });
  const suffix = Math.random().toString(36).slice(2, 8);
  const letterAction = await createAction(ctx, campaign.id, {
    organization,
    kind: 'letter',
    slug: `write-now-${suffix}`,
    title: 'Write for consent',
    messageId: letter.id,
    senderName: 'Coalition A',
    senderEmail: 'letters@coalition-a.example',
    hourlyPerRecipient,
  });
  const callAction = await createAction(ctx, campaign.id, {
    organization,
    kind: 'call',
    slug: `call-now-${suffix}`,
    title: 'Call for consent',
    messageId: script.id,
    senderName: null,
    senderEmail: null,
  });
  await setActionStatus(ctx, letterAction.id, 'open', { organization });
  await setActionStatus(ctx, callAction.id, 'open', { organization });
  return { campaign, letterMessage: letter, scriptMessage: script, letterAction, callAction };
}

let ip = 0;
/** POSTs a form as a browser on our site would. */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  ip += 1;
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: `10.77.${Math.floor(ip / 200)}.${(ip % 200) + 1}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    payload: body.toString(),
  });
}

/** The path of a mailed letter link (`/act/letters/confirm/…`, `/act/letters/unsubscribe/…`) in a text. */
export function letterLink(text: string, kind: 'confirm' | 'unsubscribe'): string {
  const m = new RegExp(`/act/letters/${kind}/([A-Za-z0-9._-]+)`).exec(text);
  if (!m?.[0]) throw new Error(`no ${kind} link in: ${text}`);
  return m[0];
}
