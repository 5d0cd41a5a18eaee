/**
 * Supporter data requests received by other channels, through the API: only an instance administrator may
 * export or erase (an organisation admin, a member, a token or an anonymous caller may not); a malformed address
 * or a missing confirmation is refused with a clear error and changes nothing; the export holds the address's
 * records and nothing of another; erasure is audited as `admin` without personal data and lists the address
 * as do-not-contact.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mayContact } from '../../src/services/do-not-contact.ts';
import { signPetition } from '../../src/services/petition-signing.ts';
import { testFieldKey, testSecretKey } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';
import { seedPetition, signFields } from '../petition-helpers.ts';
import { as, expectError, type Persona, type Session, seedWorld, signInAll, startApp } from './helpers.ts';

const carol = { email: 'Carol.Admin-Path@example.net', name: 'Carol Canary Admin' };
const dave = { email: 'dave.admin-path@example.net', name: 'Dave Other Admin' };

describeEachEngine('supporter data requests by administrators', (getStore) => {
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  const db = () => getStore().db;
  const post = (url: string, who: Persona | null, payload: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: { ...(who ? as(sessions[who]) : {}), 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

  beforeAll(async () => {
    ({ app } = await startApp(getStore(), {
      env: { LAWGAP_SECRET_KEY: testSecretKey, PUBLIC_URL: 'http://localhost:8080' },
    }));
    await seedWorld(db());
    sessions = await signInAll(app);
    const { petition } = await seedPetition(db(), 'coalition-a');
    const deps = { db: db(), fieldKey: testFieldKey, publicUrl: 'http://localhost:8080' };
    for (const who of [carol, dave]) {
      const fields = signFields({ email: who.email, name: who.name });
      await signPetition(deps, petition.slug, {
        name: fields.name ?? '',
        email: fields.email ?? '',
        postcode: '',
        country: '',
        consents: { campaign: true, updates: true },
        honeypot: '',
        idempotencyKey: `key-${who.name.replace(/\W/g, '')}`,
        locale: 'en',
      });
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets no one but an instance administrator export or erase', async () => {
    for (const who of ['admin', 'analyst', 'campaigner', 'viewer', 'loner', 'otherAdmin'] as const) {
      expectError(await post('/api/v1/supporters/export', who, { email: carol.email }), 403, 'FORBIDDEN');
      expectError(
        await post('/api/v1/supporters/erase', who, { email: carol.email, confirm: true }),
        403,
        'FORBIDDEN',
      );
    }
    expect((await post('/api/v1/supporters/export', null, { email: carol.email })).statusCode).toBe(401);
  });

  it('refuses a malformed address, an unknown field and a missing confirmation clearly', async () => {
    const bad = await post('/api/v1/supporters/export', 'root', { email: 'carol-at-example' });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body).toContain('email: invalid');
    expectError(await post('/api/v1/supporters/export', 'root', { email: '' }), 400, 'VALIDATION_FAILED');
    expectError(await post('/api/v1/supporters/export', 'root', {}), 400, 'VALIDATION_FAILED');
    expectError(
      await post('/api/v1/supporters/erase', 'root', { email: carol.email }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await post('/api/v1/supporters/erase', 'root', { email: carol.email, confirm: false }),
      400,
      'VALIDATION_FAILED',
    );
    const rows = await db().selectFrom('petition_signatures').select('email_ciphertext').execute();
    expect(rows.every((r) => r.email_ciphertext !== null)).toBe(true);
  });

  it('exports the address’s records only, then erases them with an audit entry free of personal data', async () => {
    const res = await post('/api/v1/supporters/export', 'root', { email: carol.email.toLowerCase() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(carol.name);
    expect(res.body).not.toContain(dave.name);
    const data = res.json() as { petitionSignatures: Array<{ status: string; consents: unknown[] }> };
    expect(data.petitionSignatures).toHaveLength(1);
    expect(data.petitionSignatures[0]?.consents).toHaveLength(2);
    const erased = await post('/api/v1/supporters/erase', 'root', { email: carol.email, confirm: true });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toMatchObject({ signaturesDeleted: 1 });
    const after = (await post('/api/v1/supporters/export', 'root', { email: carol.email })).json() as {
      petitionSignatures: unknown[];
      doNotContact: { since: string } | null;
    };
    expect(after.petitionSignatures).toEqual([]);
    expect(after.doNotContact).not.toBeNull();
    expect(await mayContact(db(), testFieldKey, carol.email, null)).toBe(false);
    expect(await mayContact(db(), testFieldKey, dave.email, null)).toBe(true);
    const audit = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('action', 'in', ['supporters.erase', 'supporters.export'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'supporters.erase',
      'supporters.export',
      'supporters.export',
    ]);
    const text = JSON.stringify(audit).toLowerCase();
    expect(text).not.toContain('carol');
    expect(
      JSON.parse(audit.find((a) => a.action === 'supporters.erase')?.details_json ?? '{}'),
    ).toMatchObject({
      via: 'admin',
    });
  });
});
