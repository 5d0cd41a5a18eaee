/**
 * A campaign's messaging and evidence library through the API on every engine: talking points drafted from the
 * published gap report (refused for a gap that is not one), templates with checked fields and a preview,
 * facts that always carry their source, and the campaign's isolation.
 */
import { beforeAll, expect, it } from 'vitest';
import { iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { expectError, okJson, useSignedInApp } from './helpers.ts';

describeEachEngine('campaign messages API', (getStore) => {
  const api = useSignedInApp(getStore);
  let url: string;

  beforeAll(async () => {
    const fx = await importCodingFixtures(getStore());
    const answer = okJson<{ id: string }>(
      await api.send('POST', '/api/v1/answers', 'analyst', {
        jurisdictionId: iceland,
        indicatorId: 'CR-01',
        value: 'N',
        citations: [
          {
            provisionId: pid(fx.v1, 's. 1(2)'),
            quote: 'The consent of a victim to exploitation is irrelevant.',
          },
        ],
      }),
      201,
    );
    okJson(await api.send('POST', `/api/v1/answers/${answer.id}/status`, 'reviewer', { status: 'reviewed' }));
    okJson(await api.send('POST', `/api/v1/answers/${answer.id}/status`, 'admin', { status: 'published' }));
    const created = okJson<{ id: string }>(
      await api.send('POST', '/api/v1/campaigns', 'campaigner', {
        title: 'Criminalise it',
        jurisdictionId: iceland,
        gaps: ['CR-01', 'CR-02'],
      }),
      201,
    );
    url = `/api/v1/campaigns/${created.id}`;
  });

  it('drafts talking points from the published gap report, with what is missing and its standards', async () => {
    const drafted = okJson<{ kind: string; indicatorId: string; body: string }>(
      await api.send('POST', `${url}/talking-points`, 'campaigner', {
        indicatorId: 'CR-01',
        date: '2031-01-01',
      }),
      201,
    );
    expect(drafted).toMatchObject({ kind: 'talking_points', indicatorId: 'CR-01' });
    const lines = drafted.body.split('\n');
    expect(lines[0]).toMatch(/^CR-01: /);
    expect(lines.some((l) => l.startsWith('- In Iceland: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('- The standard: '))).toBe(true);
    const notCoded = await api.send('POST', `${url}/talking-points`, 'campaigner', {
      indicatorId: 'CR-02',
      date: '2031-01-01',
    });
    expect(notCoded.statusCode).toBe(400);
    expect(notCoded.body).toContain('CR-02 is not a gap of Iceland on 2031-01-01');
    const notOurs = await api.send('POST', `${url}/talking-points`, 'campaigner', { indicatorId: 'PR-01' });
    expect(notOurs.statusCode).toBe(400);
    expect(notOurs.body).toContain("PR-01 is not one of this campaign's gaps");
  });

  it('checks template fields, fills them in a preview, and edits messages', async () => {
    const bad = await api.send('POST', `${url}/messages`, 'campaigner', {
      kind: 'letter',
      title: 'To the committee',
      body: 'Dear {{target.email}},',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('{{target.email}}');
    const letter = okJson<{ id: string }>(
      await api.send('POST', `${url}/messages`, 'campaigner', {
        kind: 'letter',
        title: 'To the committee',
        body: 'Dear {{target.name}}, {{organization.name}} asks {{jurisdiction.name}} to close {{gaps}}.',
        targetGroup: 'undecided',
      }),
      201,
    );
    const preview = okJson<{ text: string }>(
      await api.send('GET', `${url}/messages/${letter.id}/preview`, 'viewer'),
    );
    expect(preview.text).toBe('Dear [target.name], Coalition A asks Iceland to close CR-01, CR-02.');
    expectError(
      await api.send('GET', `${url}/messages/${letter.id}/preview?target=custom:none`, 'viewer'),
      404,
      'NOT_FOUND',
    );
    const edited = okJson<{ body: string; targetGroup: string | null }>(
      await api.send('PATCH', `${url}/messages/${letter.id}`, 'admin', {
        body: 'Dear {{target.name}},',
        targetGroup: null,
      }),
    );
    expect(edited).toMatchObject({ body: 'Dear {{target.name}},', targetGroup: null });
    expectError(
      await api.send('PATCH', `${url}/messages/${letter.id}`, 'admin', { body: 'Dear {{target.name}' }),
      400,
      'VALIDATION_FAILED',
    );
    const all = okJson<Array<{ kind: string }>>(await api.send('GET', `${url}/messages`, 'viewer'));
    expect(all.map((m) => m.kind).sort()).toEqual(['letter', 'talking_points']);
  });

  it('keeps facts with their sources, and the library to the campaign’s organisations', async () => {
    const fact = okJson<{ id: string; source: string }>(
      await api.send('POST', `${url}/facts`, 'campaigner', {
        statement: 'Invented statistic for a test: 12 cases reached court.',
        source: 'Invented annual report, p. 4',
        sourceUrl: 'https://example.invalid/report',
        date: '2026-03-01',
        jurisdictionId: iceland,
      }),
      201,
    );
    expect(fact.source).toBe('Invented annual report, p. 4');
    for (const [body, field] of [
      [{ statement: 'x', source: ' ', date: '2026-03-01' }, 'source'],
      [{ statement: 'x', source: 'y', date: '2026-03-01', sourceUrl: 'ftp://x' }, 'sourceUrl'],
      [
        { statement: 'x', source: 'y', date: '2026-03-01', jurisdictionId: 'ocd-division/country:zz' },
        'jurisdictionId',
      ],
    ] as const) {
      const res = await api.send('POST', `${url}/facts`, 'campaigner', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.body).toContain(field);
    }
    expectError(
      await api.send('POST', `${url}/facts`, 'viewer', { statement: 'x', source: 'y', date: '2026-03-01' }),
      403,
      'FORBIDDEN',
    );
    expectError(await api.send('GET', `${url}/facts`, 'otherAdmin'), 404, 'CAMPAIGN_NOT_FOUND');
    expectError(await api.send('GET', `${url}/messages`, 'otherAdmin'), 404, 'CAMPAIGN_NOT_FOUND');
    expect(okJson<unknown[]>(await api.send('GET', `${url}/facts`, 'viewer'))).toHaveLength(1);
    expect((await api.send('DELETE', `${url}/facts/${fact.id}`, 'campaigner')).statusCode).toBe(204);
    expectError(await api.send('DELETE', `${url}/facts/${fact.id}`, 'campaigner'), 404, 'NOT_FOUND');
  });
});
