/**
 * Survivor stories through the API on every engine (CON-1…CON-8): each missing consent field blocks publishing
 * with 409; text naming the person is blocked without repeating it; a published story's edit waits for
 * re-approval; withdrawal is one action that empties every public answer and wipes the text; expired consent
 * hides a story (a controlled clock); other organisations never see another's stories; and a canary string in a
 * story never reaches a log line or any plaintext column.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseFieldKey } from '../../src/services/field-crypto.ts';
import { expireStories, publicStories } from '../../src/services/stories.ts';
import { iceland } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { type Persona, personaClient, type Session, seedWorld, signInAll, startApp } from './helpers.ts';

const canary = `CANARY-${randomBytes(6).toString('hex')}`;
const secretKey = randomBytes(32).toString('base64');
const consent = {
  purpose: 'Shown on the campaign page',
  channels: ['web'],
  identifiability: 'pseudonymous',
  givenOn: '2026-01-15',
  expiresOn: '2028-01-15',
  withdrawalRoute: 'Tell the advocate on duty',
  retentionMonths: 12,
  researchUse: false,
  consentTextVersion: 'v1',
  recordedBy: 'Advocate R.',
};
const subject = {
  name: 'Teodora Vance',
  aliases: ['Teo'],
  phones: ['555-010-9911'],
  emails: ['tv@example.invalid'],
};

describeEachEngine('stories API', (getStore) => {
  const lines: string[] = [];
  let app: FastifyInstance;
  let sessions: Record<Persona, Session>;
  let campaign: string;
  const { send, ok } = personaClient(
    () => app,
    () => sessions,
  );
  const publicList = async () =>
    ok<Array<{ pseudonym: string; text: string }>>(
      await send('GET', `/api/v1/public/campaigns/${campaign}/stories`, null),
    );
  const newStory = async (text: string, extra: Record<string, unknown> = {}) =>
    ok<{ id: string; consentProblems: string[] }>(
      await send('POST', `/api/v1/campaigns/${campaign}/stories`, 'campaigner', {
        pseudonym: 'Rosa',
        text,
        subject,
        consent,
        ...extra,
      }),
      201,
    );

  beforeAll(async () => {
    ({ app } = await startApp(getStore(), {
      env: { LOG_LEVEL: 'trace', LAWGAP_SECRET_KEY: secretKey },
      build: { logger: true, logStream: { write: (l) => lines.push(l) } },
    }));
    await seedWorld(getStore().db);
    sessions = await signInAll(app);
    campaign = ok<{ id: string }>(
      await send('POST', '/api/v1/campaigns', 'campaigner', {
        title: 'Voices',
        jurisdictionId: iceland,
        gaps: ['CR-01'],
      }),
      201,
    ).id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('blocks publishing while any consent field is missing, naming it', async () => {
    for (const field of Object.keys(consent)) {
      const partial = { ...consent, [field]: field === 'channels' ? [] : null };
      const story = await newStory(`A story told for the ${field} check. ${canary}`, { consent: partial });
      expect(story.consentProblems).toEqual([`consent.${field}`]);
      const res = await send('POST', `/api/v1/stories/${story.id}/publish`, 'campaigner');
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'CONSENT_INCOMPLETE' });
      expect(res.body).toContain(`consent.${field}`);
    }
    const tooLong = await newStory('Three years and a day.', {
      consent: { ...consent, expiresOn: '2029-01-16' },
    });
    expect(tooLong.consentProblems).toEqual(['consent.expiresOn']);
    const expired = await newStory('Consent already over.', {
      consent: { ...consent, givenOn: '2023-01-01', expiresOn: '2026-01-01' },
    });
    const res = await send('POST', `/api/v1/stories/${expired.id}/publish`, 'campaigner');
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('expired on 2026-01-01');
    expect(await publicList()).toEqual([]);
  });

  it('blocks text that identifies the person without repeating what it found', async () => {
    const story = await newStory(`Teo told us how it began. ${canary}`);
    const res = await send('POST', `/api/v1/stories/${story.id}/publish`, 'campaigner');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'STORY_IDENTIFYING', details: { found: ['alias'] } });
    expect(res.body).not.toContain('Teo ');
    const identified = await newStory('Teodora Vance speaks for herself.', {
      consent: { ...consent, identifiability: 'identified' },
    });
    ok(await send('POST', `/api/v1/stories/${identified.id}/publish`, 'campaigner'));
    expect((await publicList()).map((s) => s.pseudonym)).toEqual(['Rosa']);
  });

  it('publishes, holds an edit for re-approval, and withdraws in one action', async () => {
    const story = await newStory(`It began with a job offer. ${canary}`);
    ok(await send('POST', `/api/v1/stories/${story.id}/publish`, 'campaigner'));
    expect((await publicList()).some((s) => s.text.startsWith('It began with a job offer.'))).toBe(true);

    const edited = ok<{ pendingText: string; text: string }>(
      await send('PATCH', `/api/v1/stories/${story.id}`, 'campaigner', {
        text: 'It began with a job offer abroad.',
      }),
    );
    expect(edited.pendingText).toBe('It began with a job offer abroad.');
    expect((await publicList()).some((s) => s.text === 'It began with a job offer abroad.')).toBe(false);
    const bad = await send('PATCH', `/api/v1/stories/${story.id}`, 'campaigner', {
      text: 'Call Teodora on 555 010 9911.',
    });
    ok(bad);
    expect(
      (
        await send('POST', `/api/v1/stories/${story.id}/approve`, 'campaigner', {
          approvedBy: 'Rosa, by phone',
        })
      ).statusCode,
    ).toBe(409);
    ok(
      await send('PATCH', `/api/v1/stories/${story.id}`, 'campaigner', {
        text: 'It began with a job offer abroad.',
      }),
    );
    ok(
      await send('POST', `/api/v1/stories/${story.id}/approve`, 'campaigner', {
        approvedBy: 'Rosa, by phone',
      }),
    );
    expect((await publicList()).some((s) => s.text === 'It began with a job offer abroad.')).toBe(true);

    const withdrawn = ok<{ status: string; text: string | null; subject: unknown }>(
      await send('POST', `/api/v1/stories/${story.id}/withdraw`, 'campaigner'),
    );
    expect(withdrawn).toMatchObject({ status: 'withdrawn', text: null, subject: null });
    expect((await publicList()).some((s) => s.text.includes('job offer'))).toBe(false);
    const row = await getStore()
      .db.selectFrom('campaign_stories')
      .selectAll()
      .where('id', '=', story.id)
      .executeTakeFirstOrThrow();
    expect([row.text_ciphertext, row.pending_text_ciphertext, row.subject_ciphertext]).toEqual([
      null,
      null,
      null,
    ]);
    expect((await send('POST', `/api/v1/stories/${story.id}/publish`, 'campaigner')).statusCode).toBe(409);
  });

  it('hides a story once its consent expires, on a controlled clock', async () => {
    const story = await newStory('A story for the clock.');
    ok(await send('POST', `/api/v1/stories/${story.id}/publish`, 'campaigner'));
    const ctx = (day: string) => ({
      db: getStore().db,
      actor: { kind: 'system' as const, name: 'test' },
      fieldKey: parseFieldKey(secretKey),
      today: () => day,
    });
    expect(
      (await publicStories(ctx('2028-01-14'), campaign)).some((s) => s.text === 'A story for the clock.'),
    ).toBe(true);
    expect(await publicStories(ctx('2028-01-15'), campaign)).toEqual([]);
    expect(await expireStories(ctx('2028-01-15'))).toBeGreaterThan(0);
    const row = await getStore()
      .db.selectFrom('campaign_stories')
      .select('status')
      .where('id', '=', story.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('expired');
  });

  it('keeps stories to the organisation that recorded them, and writes to its campaigners', async () => {
    const story = await newStory('Only ours.');
    ok(
      await send('PUT', `/api/v1/campaigns/${campaign}/partners/coalition-b`, 'campaigner', {
        role: 'editor',
      }),
    );
    expect(ok<unknown[]>(await send('GET', `/api/v1/campaigns/${campaign}/stories`, 'otherAdmin'))).toEqual(
      [],
    );
    expect(
      (await send('PATCH', `/api/v1/stories/${story.id}`, 'otherAdmin', { text: 'Hijacked' })).statusCode,
    ).toBe(404);
    expect((await send('POST', `/api/v1/stories/${story.id}/withdraw`, 'otherAdmin')).statusCode).toBe(404);
    expect(
      (await send('POST', `/api/v1/campaigns/${campaign}/stories`, 'viewer', { text: 'x' })).statusCode,
    ).toBe(403);
    expect(
      ok<unknown[]>(await send('GET', `/api/v1/campaigns/${campaign}/stories`, 'viewer')).length,
    ).toBeGreaterThan(0);
  });

  it('never writes the canary to a log line or a plaintext column', async () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.join('')).not.toContain(canary);
    const dump = JSON.stringify(
      await Promise.all(
        (['campaign_stories', 'audit_events', 'campaigns'] as const).map((t) =>
          getStore().db.selectFrom(t).selectAll().execute(),
        ),
      ),
    );
    expect(dump).not.toContain(canary);
    expect(dump).toContain('v1.');
  });
});
