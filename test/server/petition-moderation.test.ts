/**
 * The moderation view of a petition: per-hour trends of email domains and client-address hashes (never an
 * address), bulk invalidation by domain or hash over an hour range and its reversal, both audited, the counts
 * changing at the next aggregation; only the campaign's owner or editors with campaigns:write; bad input named.
 */
import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { SigningLimiter } from '../../src/services/petition-limits.ts';
import { signPetition } from '../../src/services/petition-signing.ts';
import { listAudit } from '../../src/store/audit.repo.ts';
import { validateSignature } from '../../src/store/petition-signatures.repo.ts';
import { refreshCounts, storedCount } from '../../src/store/petitions.repo.ts';
import { testFieldKey } from '../email-alert-helpers.ts';
import { describeEachEngine } from '../engines.ts';
import { seedPetition, signatureRows } from '../petition-helpers.ts';
import { expectError, okJson, useSignedInApp } from './helpers.ts';

type Report = {
  hours: Array<{
    hour: string;
    total: number;
    marked: number;
    unsolved: number;
    domains: Array<{ value: string; count: number }>;
    ips: Array<{ value: string; count: number }>;
  }>;
  invalidations: Array<{
    id: string;
    kind: string;
    value: string;
    affected: number;
    restoredAt: string | null;
  }>;
};

describeEachEngine('petition moderation', (getStore) => {
  const api = useSignedInApp(getStore);
  let petition: { id: string; slug: string };
  const db = () => getStore().db;
  const url = () => `/api/v1/petitions/${petition.id}/moderation`;
  let hour = '';
  const counted = async () => {
    await refreshCounts(db(), new Date().toISOString());
    return (await storedCount(db(), petition.id))?.counted ?? 0;
  };

  beforeAll(async () => {
    ({ petition } = await seedPetition(db(), 'coalition-a'));
    const deps = {
      db: db(),
      fieldKey: testFieldKey,
      publicUrl: 'http://localhost:8080',
      limiter: new SigningLimiter(loadConfig({}).petitionAbuse),
    };
    const sign = (email: string, clientIp: string) =>
      signPetition(deps, petition.slug, {
        name: 'Ana Example',
        email,
        postcode: '',
        country: '',
        consents: { campaign: true },
        honeypot: '',
        idempotencyKey: '',
        locale: 'en',
        clientIp,
      });
    for (let i = 0; i < 3; i++) expect(await sign(`bot${i}@Spam.Example`, '192.0.2.1')).toBe('stored');
    expect(await sign('ana@good.example', '198.51.100.1')).toBe('stored');
    expect(await sign('bo@good.example', '198.51.100.2')).toBe('stored');
    const at = new Date().toISOString();
    const rows = await signatureRows(db(), petition.id);
    for (const r of rows) await validateSignature(db(), r, at);
    hour = rows[0]?.created_at.slice(0, 13) ?? '';
  });

  it('shows per hour the top domains and client hashes, without any address', async () => {
    expect(await counted()).toBe(5);
    const report = okJson<Report>(await api.send('GET', url(), 'campaigner'));
    expect(report.hours).toHaveLength(1);
    const [h] = report.hours;
    expect(h).toMatchObject({ hour, total: 5, marked: 0, unsolved: 5 });
    expect(h?.domains).toEqual([
      { value: 'spam.example', count: 3 },
      { value: 'good.example', count: 2 },
    ]);
    expect(h?.ips[0]?.count).toBe(3);
    expect(h?.ips.every((b) => /^[0-9a-f]{32}$/.test(b.value))).toBe(true);
    const body = JSON.stringify(report);
    expect(body).not.toContain('192.0.2.1');
    expect(body).not.toContain('bot0');
  });

  it('lets only the owner’s campaigners and admins see and act, and hides it from other coalitions', async () => {
    const invalidate = `${url()}/invalidate`;
    const body = { kind: 'domain', value: 'spam.example', fromHour: hour, toHour: hour };
    expectError(await api.send('GET', url(), null), 401, 'AUTH_REQUIRED');
    for (const who of ['viewer', 'analyst', 'reviewer', 'loner'] as const) {
      expectError(await api.send('GET', url(), who), 403, 'FORBIDDEN');
      expectError(await api.send('POST', invalidate, who, body), 403, 'FORBIDDEN');
    }
    expectError(await api.send('GET', url(), 'otherAdmin'), 404, 'PETITION_NOT_FOUND');
    expectError(await api.send('POST', invalidate, 'otherAdmin', body), 404, 'PETITION_NOT_FOUND');
    expectError(
      await api.send('GET', '/api/v1/petitions/nope/moderation', 'admin'),
      404,
      'PETITION_NOT_FOUND',
    );
    expect(await counted()).toBe(5);
  });

  it('invalidates a domain’s signatures in bulk (audited), the count drops, and restoring brings them back', async () => {
    const done = okJson<{ id: string; affected: number }>(
      await api.send('POST', `${url()}/invalidate`, 'campaigner', {
        kind: 'domain',
        value: 'Spam.Example',
        fromHour: hour,
        toHour: hour,
      }),
    );
    expect(done.affected).toBe(3);
    expect(await counted()).toBe(2);
    const report = okJson<Report>(await api.send('GET', url(), 'admin'));
    expect(report.hours[0]?.total).toBe(2);
    expect(report.invalidations).toMatchObject([
      { id: done.id, kind: 'domain', value: 'spam.example', affected: 3, restoredAt: null },
    ]);
    const audit = await listAudit(db(), petition.id);
    expect(audit.find((a) => a.action === 'petitions.invalidate')?.details).toMatchObject({
      invalidationId: done.id,
      affected: 3,
    });

    const restored = okJson<{ affected: number }>(
      await api.send('POST', `${url()}/restore`, 'admin', { invalidationId: done.id }),
    );
    expect(restored.affected).toBe(3);
    expect(await counted()).toBe(5);
    expect((await listAudit(db(), petition.id)).some((a) => a.action === 'petitions.restore')).toBe(true);
    expectError(
      await api.send('POST', `${url()}/restore`, 'admin', { invalidationId: done.id }),
      409,
      'PETITION_STATE_INVALID',
    );
    expectError(
      await api.send('POST', `${url()}/restore`, 'admin', { invalidationId: 'nope' }),
      404,
      'NOT_FOUND',
    );
  });

  it('invalidates by client hash over an hour range and leaves other hours alone', async () => {
    const report = okJson<Report>(await api.send('GET', url(), 'admin'));
    const top = report.hours[0]?.ips[0]?.value ?? '';
    const earlier = new Date(Date.now() - 5 * 3600_000).toISOString().slice(0, 13);
    const none = okJson<{ affected: number }>(
      await api.send('POST', `${url()}/invalidate`, 'admin', {
        kind: 'ip',
        value: top,
        fromHour: earlier,
        toHour: earlier,
      }),
    );
    expect(none.affected).toBe(0);
    const some = okJson<{ id: string; affected: number }>(
      await api.send('POST', `${url()}/invalidate`, 'admin', {
        kind: 'ip',
        value: top,
        fromHour: earlier,
        toHour: hour,
      }),
    );
    expect(some.affected).toBe(3);
    expect(await counted()).toBe(2);
    okJson(await api.send('POST', `${url()}/restore`, 'admin', { invalidationId: some.id }));
    expect(await counted()).toBe(5);
  });

  it.each([
    ['a malformed hour', { fromHour: 'yesterday' }, 'fromHour'],
    ['a range ending before it starts', { fromHour: '2026-11-29T10', toHour: '2026-11-29T09' }, 'toHour'],
    ['an unknown kind', { kind: 'name' }, 'kind'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('refuses %s, naming the field', async (_n, change, field) => {
    const res = await api.send('POST', `${url()}/invalidate`, 'admin', {
      kind: 'domain',
      value: 'spam.example',
      fromHour: hour,
      toHour: hour,
      ...change,
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body).toContain(field);
    expect(await counted()).toBe(5);
  });
});
