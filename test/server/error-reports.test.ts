/**
 * "Report an error" on published answers, on both engines: the public form (no JavaScript, a honeypot, our
 * origin only) stores a report routed to the review queue of the organisation that published the answer;
 * other organisations never see it; an answer published by a system actor reaches no queue; the contact
 * address is encrypted at rest; bad input re-shows the form with the problem and stores nothing; unpublished
 * answers take no reports; reviewers resolve their own queue only; the report card shows each answer's
 * last-verified date and the link to the form.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { createAnswer, setAnswerStatus } from '../../src/services/coding.ts';
import { getFramework } from '../../src/services/framework.ts';
import { iceland, importCodingFixtures, pid, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { portalDate } from '../portal-fixtures.ts';
import { countRows, emailOf, expectError, okJson, type Persona, useSignedInApp } from './helpers.ts';

const system: Actor = { kind: 'system', name: 'test' };
const contact = 'reporter-CANARY@example.org';

// The fixture law is in force from 2030: read the portal on the portal tests' date.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(portalDate));
});
afterAll(() => {
  vi.useRealTimers();
});

describeEachEngine('answer error reports', (getStore) => {
  const api = useSignedInApp(getStore);
  let app: FastifyInstance;
  const answers = {} as { a: string; b: string; system: string; draft: string };

  async function personaActor(p: Persona, org: 'a' | 'b'): Promise<Actor> {
    const db = getStore().db;
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', emailOf(p))
      .executeTakeFirstOrThrow();
    const slug = org === 'a' ? 'coalition-a' : 'coalition-b';
    const o = await db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    return {
      kind: 'user',
      userId: user.id,
      organizationId: o.id,
      role: p === 'reviewer' ? 'reviewer' : 'admin',
      instanceAdmin: false,
    };
  }

  beforeAll(async () => {
    app = api.app;
    const store = getStore();
    const fx = await importCodingFixtures(store);
    const framework = await getFramework({ db: store.db });
    const top = (id: string) => {
      const ind = framework.indicators.find((i) => i.id === id);
      const values = Object.entries(framework.responseTypes[ind!.type].values).sort((x, y) => y[1] - x[1]);
      return values[0]![0];
    };
    const ctx = { db: store.db, actor: system };
    const make = async (jurisdictionId: string, indicatorId: string, provision: string) =>
      (
        await createAnswer(ctx, {
          jurisdictionId,
          indicatorId,
          value: top(indicatorId),
          citations: [{ provisionId: provision, quote: 'commits an offence' }],
        })
      ).id;
    answers.a = await make(iceland, 'CR-01', pid(fx.v1, 's. 1(1)'));
    answers.b = await make(texas, 'CR-01', pid(fx.texas, 's. 1'));
    answers.system = await make(iceland, 'CR-05', pid(fx.v1, 's. 1(1)'));
    answers.draft = await make(iceland, 'CR-11', pid(fx.v1, 's. 1(1)'));
    for (const id of [answers.a, answers.b, answers.system]) await setAnswerStatus(ctx, id, 'reviewed');
    await setAnswerStatus(
      { db: store.db, actor: await personaActor('reviewer', 'a') },
      answers.a,
      'published',
    );
    await setAnswerStatus(
      { db: store.db, actor: await personaActor('otherAdmin', 'b') },
      answers.b,
      'published',
    );
    await setAnswerStatus(ctx, answers.system, 'published');
  }, 60_000);

  const post = (jurisdiction: string, fields: Record<string, string>, site = 'same-origin') =>
    app.inject({
      method: 'POST',
      url: `/jurisdictions/${jurisdiction}/report-error`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': site },
      payload: new URLSearchParams(fields).toString(),
    });

  it('shows the last-verified date and the report link on the report card, and the form without JavaScript', async () => {
    const card = await api.send('GET', `/jurisdictions/${iceland}?lang=en`, null);
    expect(card.body).toMatch(/>Last verified<\/th>[\s\S]*<td>\d{4}-\d{2}-\d{2}<\/td>/);
    expect(card.body).toContain(`/report-error?answer=${answers.a}`);
    expect(card.body).toContain(`/jurisdictions/${iceland}/rights?lang=en`);
    expect(card.body).toContain('It is not legal advice');
    const form = await api.send(
      'GET',
      `/jurisdictions/${iceland}/report-error?answer=${answers.a}&lang=es`,
      null,
    );
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<form class="report" method="post"');
    expect(form.body).toContain('name="website"');
    expect(form.body).not.toContain('<script');
    const draft = await api.send(
      'GET',
      `/jurisdictions/${iceland}/report-error?answer=${answers.draft}`,
      null,
    );
    expect(draft.statusCode).toBe(404);
  });

  it('routes a report to the publishing organisation only, with the contact encrypted at rest', async () => {
    const sent = await post(iceland, {
      answer: answers.a,
      message: 'The quote is from the wrong section',
      contact,
      lang: 'en',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.body).toContain('Your report was sent');
    expect((await post(texas, { answer: answers.b, message: 'Texas looks wrong' })).statusCode).toBe(200);
    expect((await post(iceland, { answer: answers.system, message: 'Nobody’s answer' })).statusCode).toBe(
      200,
    );

    const queueA = okJson<Array<{ answerId: string; contact: string | null; message: string }>>(
      await api.send('GET', '/api/v1/error-reports', 'reviewer'),
    );
    expect(queueA.map((r) => r.answerId)).toEqual([answers.a]);
    expect(queueA[0]?.contact).toBe(contact);
    const queueB = okJson<Array<{ answerId: string }>>(
      await api.send('GET', '/api/v1/error-reports', 'otherAdmin'),
    );
    expect(queueB.map((r) => r.answerId)).toEqual([answers.b]);
    expectError(await api.send('GET', '/api/v1/error-reports', 'campaigner'), 403, 'FORBIDDEN');
    expectError(await api.send('GET', '/api/v1/error-reports', 'viewer'), 403, 'FORBIDDEN');
    expectError(await api.send('GET', '/api/v1/error-reports', null), 401, 'AUTH_REQUIRED');

    const rows = await getStore().db.selectFrom('answer_error_reports').selectAll().execute();
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain('reporter-CANARY');
    expect(rows.find((r) => r.answer_id === answers.system)?.organization_id).toBeNull();
  });

  it('refuses bad input, foreign origins and unpublished answers, and silently drops honeypot posts', async () => {
    const before = await countRows(getStore().db, 'answer_error_reports');
    const empty = await post(iceland, { answer: answers.a, message: '   ', lang: 'en' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Say what is wrong');
    expect(empty.body).toContain('aria-invalid="true"');
    const badContact = await post(iceland, {
      answer: answers.a,
      message: 'wrong',
      contact: 'not-an-email',
      lang: 'fr',
    });
    expect(badContact.statusCode).toBe(400);
    expect(badContact.body).toContain('Indiquez un courriel');
    expect(badContact.body).toContain('value="not-an-email"');
    expect((await post(iceland, { answer: answers.draft, message: 'draft' })).statusCode).toBe(404);
    expect((await post(texas, { answer: answers.a, message: 'wrong jurisdiction' })).statusCode).toBe(404);
    expect((await post(iceland, { answer: answers.a, message: 'x' }, 'cross-site')).statusCode).toBe(403);
    const bot = await post(iceland, { answer: answers.a, message: 'spam', website: 'http://spam.example' });
    expect(bot.statusCode).toBe(200);
    expect(await countRows(getStore().db, 'answer_error_reports')).toBe(before);
  });

  it('lets reviewers resolve their own reports only', async () => {
    const [report] = okJson<Array<{ id: string }>>(
      await api.send('GET', '/api/v1/error-reports?status=open', 'reviewer'),
    );
    expectError(
      await api.send('POST', `/api/v1/error-reports/${report!.id}/resolve`, 'otherAdmin', {
        resolution: 'mine now',
      }),
      404,
      'ERROR_REPORT_NOT_FOUND',
    );
    const done = okJson<{ status: string; resolution: string }>(
      await api.send('POST', `/api/v1/error-reports/${report!.id}/resolve`, 'reviewer', {
        resolution: 'Citation fixed',
      }),
    );
    expect(done).toMatchObject({ status: 'resolved', resolution: 'Citation fixed' });
    const open = okJson<unknown[]>(await api.send('GET', '/api/v1/error-reports?status=open', 'reviewer'));
    expect(open).toHaveLength(0);
  });
});
