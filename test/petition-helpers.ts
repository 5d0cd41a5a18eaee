/**
 * What the petition tests share: a campaign with a petition (made through the services, as the command line
 * would), the public form posted as a browser posts it, and the signature rows read raw.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { createCampaign } from '../src/services/campaigns.ts';
import { cliActor } from '../src/services/context.ts';
import { getFramework } from '../src/services/framework.ts';
import { createPetition, type NewPetition, setPetitionStatus } from '../src/services/petitions.ts';
import type { Database } from '../src/store/schema.ts';
import { tx } from './bill-fixtures.ts';

/** A campaign of the organisation (by slug) with one petition, opened unless `open` is false. */
export async function seedPetition(
  db: Kysely<Database>,
  organization: string,
  petition: Partial<NewPetition> = {},
  open = true,
) {
  const ctx = { db, actor: cliActor };
  const framework = await getFramework(ctx);
  const gap = framework.indicators[0]?.id ?? '';
  const campaign = await createCampaign(ctx, {
    organization,
    title: 'Close the consent gap',
    jurisdictionId: tx,
    gaps: [gap],
  });
  const created = await createPetition(ctx, campaign.id, {
    organization,
    slug: `consent-now-${Math.random().toString(36).slice(2, 8)}`,
    title: 'Close the consent gap now',
    text: 'We ask the legislature to act.\n\nThe law should say so.',
    targetDescription: 'The Texas House',
    goal: 500,
    senderName: 'Coalition A',
    senderEmail: 'petitions@coalition-a.example',
    partnerName: 'Partner Org',
    ...petition,
  });
  const p = open ? await setPetitionStatus(ctx, created.id, 'open', { organization }) : created;
  return { campaign, petition: p };
}

let ip = 0;
/** A fresh client address per request, so per-address limits stay out of the way. */
export const nextIp = () => `10.88.${Math.floor(++ip / 200)}.${(ip % 200) + 1}`;

/** The sign form's fields, filled for a person who ticks the required box. */
export function signFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Ana Example',
    email: 'ana@example.net',
    postcode: '78701',
    consent_campaign: 'yes',
    website: '',
    lang: 'en',
    ...overrides,
  };
}

/** POSTs the sign form of a petition as a browser on our site would. */
export function postSign(
  app: FastifyInstance,
  slug: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/act/${slug}/sign`,
    remoteAddress: nextIp(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** POSTs an empty form to a token page (confirm, unsubscribe). */
export function postToken(app: FastifyInstance, url: string): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'lang=en',
  });
}

/** The signatures of a petition, raw. */
export function signatureRows(db: Kysely<Database>, petitionId: string) {
  return db
    .selectFrom('petition_signatures')
    .selectAll()
    .where('petition_id', '=', petitionId)
    .orderBy('created_at')
    .execute();
}

/** The path of a mailed link (`/act/confirm/…`, `/act/unsubscribe/…`) in a text. */
export function linkPath(text: string, kind: 'confirm' | 'unsubscribe'): string {
  const m = new RegExp(`/act/${kind}/([A-Za-z0-9._-]+)`).exec(text);
  if (!m?.[0]) throw new Error(`no ${kind} link in: ${text}`);
  return m[0];
}
