/**
 * Change events recorded by imports (in the import's transaction), follows and the in-app feed, through the API
 * on every engine: first import → bill.created only; a new action → action_added + status_changed; an
 * unchanged re-import → nothing; a file refused inside its transaction → nothing; votes and hearings; follow
 * targets checked; each person sees and changes only their own follows; the feed shows only what they follow.
 */
import { expect, it } from 'vitest';
import { fixtureFile as fixture, hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows, expectError, okJson, type Persona, postJson, useSignedInApp } from './helpers.ts';

const scrape = JSON.parse(fixture('bills/openstates/scrape-hb-4021.json').content) as {
  actions: Record<string, unknown>[];
};
const senatePassage = {
  organization_id: '~{"classification": "upper"}',
  date: '2091-04-10',
  description: 'Passed the Senate',
  classification: ['passage'],
  related_entities: [],
};
const withSenatePassage = {
  ...hb4021Import,
  files: [
    fixture(
      'bills/openstates/scrape-hb-4021.json',
      JSON.stringify({ ...scrape, actions: [...scrape.actions, senatePassage] }),
    ),
  ],
};

interface FeedEvent {
  id: string;
  type: string;
  billId: string | null;
  subjectKind: string;
  payload: Record<string, unknown>;
}

describeEachEngine('change events, follows and feed', (getStore) => {
  const api = useSignedInApp(getStore);
  const post = (url: string, payload: unknown, who: Persona | null) => postJson(api, url, payload, who);
  const db = () => getStore().db;
  const eventTypes = async () =>
    (await db().selectFrom('change_events').select('type').orderBy('id').execute()).map((e) => e.type);
  let billId = '';

  it('records bill.created only on a first import, and nothing on an unchanged re-import', async () => {
    okJson(await api.app.inject(post('/api/v1/bills/import', hb4021Import, 'analyst')));
    expect(await eventTypes()).toEqual(['bill.created']);
    const created = await db().selectFrom('change_events').selectAll().executeTakeFirstOrThrow();
    billId = created.bill_id ?? '';
    expect(created).toMatchObject({
      subject_kind: 'bill',
      subject_id: billId,
      jurisdiction_id: tx,
      fanned_out: 0,
    });
    const targets = await db()
      .selectFrom('change_event_targets')
      .selectAll()
      .where('event_id', '=', created.id)
      .execute();
    expect(targets.map((t) => `${t.target_kind} ${t.target_id}`)).toEqual(
      expect.arrayContaining([`bill ${billId}`, `jurisdiction ${tx}`]),
    );
    const again = okJson<{ totals: { unchanged: number } }>(
      await api.app.inject(post('/api/v1/bills/import', hb4021Import, 'analyst')),
    );
    expect(again.totals.unchanged).toBe(1);
    expect(await eventTypes()).toEqual(['bill.created']);
  });

  it('records bill.action_added and bill.status_changed for a new action that moves the stage', async () => {
    okJson(await api.app.inject(post('/api/v1/bills/import', withSenatePassage, 'analyst')));
    expect(await eventTypes()).toEqual(['bill.created', 'bill.action_added', 'bill.status_changed']);
    const rows = await db().selectFrom('change_events').selectAll().orderBy('id').execute();
    expect(JSON.parse(rows[1]?.payload_json ?? '{}')).toMatchObject({
      bill: { id: billId, identifier: 'HB 4021', jurisdictionId: tx },
      action: { description: 'Passed the Senate', classification: ['passage'] },
    });
    expect(JSON.parse(rows[2]?.payload_json ?? '{}')).toMatchObject({
      from: 'passed_one_chamber',
      to: 'passed_both',
      action: { date: '2091-04-10', description: 'Passed the Senate' },
    });
  });

  it('records nothing for a file refused inside its transaction', async () => {
    const page = JSON.parse(fixture('bills/openstates/api-v3-page.json').content) as {
      results: Record<string, unknown>[];
    };
    const ks = { format: 'openstates', files: [{ name: 'page.json', content: JSON.stringify(page) }] };
    okJson(await api.app.inject(post('/api/v1/bills/import', ks, 'analyst')));
    const before = await countRows(db(), 'change_events');
    const [first, second] = page.results as [
      Record<string, unknown> & { actions: unknown[] },
      Record<string, unknown>,
    ];
    const changed = {
      results: [
        {
          ...first,
          actions: [...first.actions, { ...senatePassage, organization: { classification: 'upper' } }],
        },
        // Same (jurisdiction, session, identifier) as a stored bill but another OCD id: refused mid-transaction.
        { ...second, id: 'ocd-bill/00000000-0000-4000-8000-0000000000ff' },
      ],
      pagination: { page: 1, max_page: 1, per_page: 2, total_items: 2 },
    };
    const refused = okJson<{ files: { status: string; error: string; rejected: unknown[] }[] }>(
      await api.app.inject(
        post(
          '/api/v1/bills/import',
          { format: 'openstates', files: [{ name: 'changed.json', content: JSON.stringify(changed) }] },
          'analyst',
        ),
      ),
    );
    expect(refused.files[0]?.status, JSON.stringify(refused)).toBe('refused');
    expect(JSON.stringify(refused)).toContain('name different stored bills');
    expect(await countRows(db(), 'change_events')).toBe(before);
    // The same changed record alone is imported, and records its events: the refusal rolled them back.
    const alone = { ...changed, results: changed.results.slice(0, 1) };
    okJson(
      await api.app.inject(
        post(
          '/api/v1/bills/import',
          { format: 'openstates', files: [{ name: 'alone.json', content: JSON.stringify(alone) }] },
          'analyst',
        ),
      ),
    );
    expect(await countRows(db(), 'change_events')).toBeGreaterThan(before);
  });

  it('records vote.recorded for new votes and hearing.scheduled / hearing.changed for hearings', async () => {
    const votes = {
      format: 'openstates',
      files: [fixture('votes/openstates/votes-hb-4021.json')],
      jurisdiction: tx,
    };
    okJson(await api.app.inject(post('/api/v1/bills/import-votes', votes, 'analyst')));
    okJson(await api.app.inject(post('/api/v1/bills/import-votes', votes, 'analyst')));
    const committee = { files: [fixture('people/committee-invented-affairs.yml')] };
    okJson(await api.app.inject(post('/api/v1/people/import', committee, 'analyst')));
    const hearings = fixture('events/openstates/hearings.json');
    okJson(
      await api.app.inject(
        post('/api/v1/bills/import-events', { files: [hearings], jurisdiction: tx }, 'analyst'),
      ),
    );
    const list = JSON.parse(hearings.content) as Record<string, unknown>[];
    const moved = [{ ...list[0], status: 'cancelled' }, ...list.slice(1)];
    okJson(
      await api.app.inject(
        post(
          '/api/v1/bills/import-events',
          { files: [{ name: 'hearings.json', content: JSON.stringify(moved) }], jurisdiction: tx },
          'analyst',
        ),
      ),
    );
    const types = await eventTypes();
    expect(types.filter((t) => t === 'vote.recorded')).toHaveLength(2);
    expect(types.filter((t) => t === 'hearing.scheduled')).toHaveLength(2);
    const changed = await db()
      .selectFrom('change_events')
      .selectAll()
      .where('type', '=', 'hearing.changed')
      .execute();
    expect(changed).toHaveLength(1);
    const hosted = await db()
      .selectFrom('change_event_targets')
      .select('event_id')
      .where('target_kind', '=', 'committee')
      .where('target_id', '=', 'ocd-organization/5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d')
      .execute();
    expect(hosted.length).toBeGreaterThanOrEqual(2); // scheduled and changed, both hosted by Invented Affairs
    expect(JSON.parse(changed[0]?.payload_json ?? '{}')).toMatchObject({
      hearing: { name: 'Committee on Invented Affairs', status: 'cancelled' },
      changed: ['status'],
    });
  });

  it('checks follow targets with specific errors and refuses bad bodies', async () => {
    const cases: [unknown, number, string][] = [
      [{ kind: 'bill', id: 'ocd-bill/00000000-0000-4000-8000-000000000000' }, 404, 'BILL_NOT_FOUND'],
      [{ kind: 'jurisdiction', id: 'ocd-division/country:zz' }, 404, 'JURISDICTION_NOT_FOUND'],
      [{ kind: 'person', id: 'ocd-person/00000000-0000-4000-8000-000000000000' }, 404, 'PERSON_NOT_FOUND'],
      [{ kind: 'committee', id: 'ocd-organization/nope' }, 404, 'COMMITTEE_NOT_FOUND'],
      [{ kind: 'indicator', id: 'NO-SUCH-INDICATOR' }, 404, 'INDICATOR_NOT_FOUND'],
      [{ kind: 'planet', id: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'bill', id: hb4021, emailFrequency: 'hourly' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'bill', id: hb4021, extra: 1 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      expectError(await api.app.inject(post('/api/v1/follows', body, 'viewer')), status, code);
    }
    expectError(
      await api.app.inject(post('/api/v1/follows', { kind: 'bill', id: hb4021 }, null)),
      401,
      'AUTH_REQUIRED',
    );
    expect(await countRows(db(), 'follows')).toBe(0);
  });

  it('shows each person only what they follow, pages the feed and tracks what was seen', async () => {
    const f = okJson<{ id: string; kind: string; targetId: string; emailFrequency: string }>(
      await api.app.inject(
        post('/api/v1/follows', { kind: 'bill', id: hb4021, emailFrequency: 'daily' }, 'viewer'),
      ),
      201,
    );
    expect(f).toMatchObject({ kind: 'bill', targetId: billId, emailFrequency: 'daily' });
    expectError(
      await api.app.inject(post('/api/v1/follows', { kind: 'bill', id: billId }, 'viewer')),
      409,
      'FOLLOW_EXISTS',
    );
    const indicator = await db().selectFrom('framework_indicators').select('id').executeTakeFirstOrThrow();
    okJson(
      await api.app.inject(post('/api/v1/follows', { kind: 'indicator', id: indicator.id }, 'analyst')),
      201,
    );

    const viewerFeed = okJson<{ events: FeedEvent[]; unseen: number; nextBefore: string | null }>(
      await api.send('GET', '/api/v1/feed', 'viewer'),
    );
    const billEvents = await db()
      .selectFrom('change_events')
      .select('id')
      .where('bill_id', '=', billId)
      .execute();
    expect(viewerFeed.events.length).toBeGreaterThanOrEqual(billEvents.length);
    expect(
      viewerFeed.events.every(
        (e) =>
          e.billId === billId ||
          (e.payload.bills as { id: string }[] | undefined)?.some((b) => b.id === billId),
      ),
    ).toBe(true);
    expect(
      viewerFeed.events.some(
        (e) => e.payload.bill && (e.payload.bill as { identifier: string }).identifier === 'SB 12',
      ),
    ).toBe(false);
    const ids = viewerFeed.events.map((e) => e.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    expect(viewerFeed.unseen).toBe(viewerFeed.events.length);
    expect(viewerFeed.nextBefore).toBeNull();

    const analystFeed = okJson<{ events: FeedEvent[] }>(await api.send('GET', '/api/v1/feed', 'analyst'));
    expect(analystFeed.events).toEqual([]);

    const page1 = okJson<{ events: FeedEvent[]; nextBefore: string }>(
      await api.send('GET', '/api/v1/feed?limit=2', 'viewer'),
    );
    expect(page1.events.map((e) => e.id)).toEqual(ids.slice(0, 2));
    const page2 = okJson<{ events: FeedEvent[] }>(
      await api.send('GET', `/api/v1/feed?limit=2&before=${page1.nextBefore}`, 'viewer'),
    );
    expect(page2.events.map((e) => e.id)).toEqual(ids.slice(2, 4));
    expectError(await api.send('GET', '/api/v1/feed?limit=0', 'viewer'), 400, 'VALIDATION_FAILED');

    const seen = okJson<{ seenUntil: string; unseen: number }>(
      await api.app.inject(post('/api/v1/feed/seen', { until: ids[1] }, 'viewer')),
    );
    expect(seen).toEqual({ seenUntil: ids[1], unseen: 1 });
    okJson(await api.app.inject(post('/api/v1/feed/seen', { until: ids.at(-1) }, 'viewer')));
    expect(okJson<{ unseen: number }>(await api.send('GET', '/api/v1/feed', 'viewer')).unseen).toBe(1);
  });

  it('sends the changes of a bill linked to an indicator to the indicator’s followers', async () => {
    const indicator = await db().selectFrom('framework_indicators').select('id').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await db()
      .insertInto('bill_indicator_links')
      .values({
        bill_id: billId,
        indicator_id: indicator.id,
        status: 'confirmed',
        origin: 'manual',
        projected_answer: null,
        current_answer: null,
        direction: null,
        evidence_json: '[]',
        note: null,
        decided_by: null,
        decided_at: null,
        analyzer_version: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const doc = JSON.parse(withSenatePassage.files[0]?.content ?? '{}') as { versions: unknown[] };
    const engrossed = {
      note: 'Engrossed',
      date: '2091-03-21',
      classification: null,
      links: [{ url: 'https://example.invalid/2091R/HB4021/eng.pdf', media_type: 'application/pdf' }],
    };
    const file = fixture(
      'bills/openstates/scrape-hb-4021.json',
      JSON.stringify({ ...doc, versions: [...doc.versions, engrossed] }),
    );
    okJson(await api.app.inject(post('/api/v1/bills/import', { ...hb4021Import, files: [file] }, 'analyst')));
    const analystFeed = okJson<{ events: FeedEvent[] }>(await api.send('GET', '/api/v1/feed', 'analyst'));
    expect(analystFeed.events.map((e) => e.type)).toEqual(['bill.version_added']);
    expect(analystFeed.events[0]?.payload).toMatchObject({
      version: { note: 'Engrossed', date: '2091-03-21' },
    });
  });

  it('lets a person change and remove only their own follows', async () => {
    const [mine] = okJson<{ id: string }[]>(await api.send('GET', '/api/v1/follows', 'viewer'));
    if (!mine) throw new Error('no follow');
    expect(okJson<unknown[]>(await api.send('GET', '/api/v1/follows', 'campaigner'))).toEqual([]);
    expectError(
      await api.send('PATCH', `/api/v1/follows/${mine.id}`, 'campaigner', { emailFrequency: 'none' }),
      404,
      'FOLLOW_NOT_FOUND',
    );
    expectError(
      await api.send('DELETE', `/api/v1/follows/${mine.id}`, 'campaigner'),
      404,
      'FOLLOW_NOT_FOUND',
    );
    const patched = okJson<{ emailFrequency: string }>(
      await api.send('PATCH', `/api/v1/follows/${mine.id}`, 'viewer', { emailFrequency: 'immediate' }),
    );
    expect(patched.emailFrequency).toBe('immediate');
    expect((await api.send('DELETE', `/api/v1/follows/${mine.id}`, 'viewer')).statusCode).toBe(204);
    expectError(await api.send('DELETE', `/api/v1/follows/${mine.id}`, 'viewer'), 404, 'FOLLOW_NOT_FOUND');
    expect(okJson<{ events: unknown[] }>(await api.send('GET', '/api/v1/feed', 'viewer')).events).toEqual([]);
  });
});
