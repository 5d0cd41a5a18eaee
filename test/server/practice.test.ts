/**
 * Law vs practice on every engine: the report card's practice section and the public practice API show only
 * published figures (a draft import carries canary values that must never appear), each with its source and
 * date, beside the indicators the mapping names; the chart is one named SVG image with no style attribute and
 * its figures are in a table; publishing figures changes nothing in the law score (the page above the section
 * and the score API answer are byte for byte the same); unpublishing takes them off the card again.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { importStatistics, setStatisticImportPublished } from '../../src/services/statistics.ts';
import { iceland } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { portalDate, seedPortal } from '../portal-fixtures.ts';
import { expectError, okJson, startApp } from './helpers.ts';

const system = { kind: 'system', name: 'test' } as const;
const org = { organization: 'portal-coalition' };
const header =
  'jurisdiction,year,measure,form_of_exploitation,sex,age_group,value,unit,source,source_url,source_date';
const publishedSource = 'Invented Office: Synthetic Practice Table (test fixture)';
const published = `${header}
IS,2028,victims_identified,all,all,all,120,persons,${publishedSource},https://example.org/synthetic/practice,2031-02-01
IS,2029,victims_identified,all,all,all,140,persons,${publishedSource},https://example.org/synthetic/practice,2031-02-01
IS,2030,victims_identified,all,all,all,160,persons,${publishedSource},https://example.org/synthetic/practice,2031-02-01
IS,2030,prosecutions,all,all,all,44,cases,${publishedSource},https://example.org/synthetic/practice,2031-02-01
IS,2030,victims_identified,sexual,female,adult,77,persons,${publishedSource},,2031-02-01
`;
/** A draft: its distinctive values and source must never reach a public page or route. */
const canary = { value: '987654', convictions: '876543', source: 'CANARY-unpublished-practice-source' };
const draft = `${header}
IS,2027,victims_identified,all,all,all,${canary.value},persons,${canary.source},,2031-03-01
IS,2030,convictions,all,all,all,${canary.convictions},persons,${canary.source},,2031-03-01
`;

interface PracticeJson {
  jurisdictionId: string;
  indicators: Array<{
    indicatorId: string;
    area: string;
    reason: { en: string };
    series: Array<{
      measure: string;
      points: Array<{ year: number; value: number; source: string; sourceDate: string; publishedBy: string }>;
    }>;
  }>;
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(portalDate));
});
afterAll(() => {
  vi.useRealTimers();
});

describeEachEngine('law vs practice', (getStore) => {
  let app: FastifyInstance;
  let publishedId: string;
  const get = (url: string) => app.inject({ method: 'GET', url });
  const cardUrl = `/jurisdictions/${iceland}?lang=en`;
  const scoreUrl = `/api/v1/scores/${encodeURIComponent(iceland)}?asOf=2031-06-01`;
  const above = (html: string) => html.slice(0, html.indexOf('<section class="practice"'));
  const expectNoCanary = (body: string, where: string) => {
    for (const c of [...Object.values(canary), '987,654', '876,543'])
      expect(body, `${c} on ${where}`).not.toContain(c);
  };
  let before: { card: string; score: string };

  beforeAll(async () => {
    const store = getStore();
    await seedPortal(store);
    ({ app } = await startApp(store));
    const ctx = { db: store.db, actor: system };
    publishedId = (await importStatistics(ctx, { ...org, csv: published })).id;
    await importStatistics(ctx, { ...org, csv: draft });
    // The law score before any figure is published.
    const card = await get(cardUrl);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.body).toContain('No published practice figures for this jurisdiction yet.');
    expectNoCanary(card.body, 'the card before publishing');
    before = { card: above(card.body), score: (await get(scoreUrl)).body };
    await setStatisticImportPublished(ctx, publishedId, true, org);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows published figures beside the non-punishment indicator, marked as practice, with source and date', async () => {
    const res = await get(cardUrl);
    expect(res.statusCode).toBe(200);
    const section = res.body.slice(res.body.indexOf('<section class="practice"'));
    expect(section).toContain('Practice data — not part of the law score');
    expect(section).toContain('id="practice-VI-01"');
    expect(section).toContain('href="#indicator-VI-01"');
    expect(section).toContain(publishedSource);
    expect(section).toContain('href="https://example.org/synthetic/practice"');
    expect(section).toContain('<td>2031-02-01</td>');
    expect(section).toContain('<td>Portal Coalition</td>');
    // Victims assisted is not published: VP-01 still shows the victims identified it bears on.
    expect(section).toContain('id="practice-VP-01"');
    // Convictions exist only in the draft: PN-01 has nothing published.
    expect(section).not.toContain('id="practice-PN-01"');
    // Only totals are charted; the breakdown row (77) is not.
    expect(section).not.toContain('>77<');
    expectNoCanary(res.body, 'the card');
  });

  it('draws each chart as one named SVG image, without style, with the same figures in a table', async () => {
    const res = await get(cardUrl);
    const part = res.body.slice(
      res.body.indexOf('id="practice-VI-01"'),
      res.body.indexOf('id="practice-VI-04"'),
    );
    const svg = part.slice(part.indexOf('<svg'), part.indexOf('</svg>') + 6);
    expect(svg).toMatch(
      /^<svg class="practice-chart"[^>]* role="img" aria-label="Practice data for VI-01, by year: victims identified, prosecutions"/,
    );
    expect(svg).toContain(
      '<title>Practice data for VI-01, by year: victims identified, prosecutions</title>',
    );
    expect(svg.match(/<circle /g)).toHaveLength(4);
    expect(res.body).not.toMatch(/style="|<style|<script/);
    expect(part).toContain(
      '<caption>Practice data for VI-01: figures of the chart, each with its source</caption>',
    );
    expect(part).toContain('<th scope="col">Source date</th>');
    const rows = [
      ...part.matchAll(/<tr><th scope="row">(\d{4})<\/th><td>([^<]+)<\/td><td class="num">([\d,]+)<\/td>/g),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(rows).toEqual([
      '2028 victims identified 120',
      '2029 victims identified 140',
      '2030 prosecutions 44',
      '2030 victims identified 160',
    ]);
    expect(Buffer.byteLength(res.body)).toBeLessThan(60 * 1024);
  });

  it('never moves the law score: the page above the section and the score API are unchanged', async () => {
    const res = await get(cardUrl);
    expect(above(res.body)).toBe(before.card);
    expect((await get(scoreUrl)).body).toBe(before.score);
  });

  it('serves the same published figures at the public practice route, for one indicator or all', async () => {
    const one = okJson<PracticeJson>(await get('/api/v1/public/practice?jurisdiction=IS&indicator=VI-01'));
    expect(one.jurisdictionId).toBe(iceland);
    expect(one.indicators.map((i) => i.indicatorId)).toEqual(['VI-01']);
    const [line] = one.indicators;
    expect(line?.area).toBe('VI');
    expect(line?.series.map((s) => s.measure)).toEqual(['victims_identified', 'prosecutions']);
    expect(line?.series[0]?.points.map((p) => [p.year, p.value])).toEqual([
      [2028, 120],
      [2029, 140],
      [2030, 160],
    ]);
    expect(line?.series[0]?.points[0]).toMatchObject({ source: publishedSource, sourceDate: '2031-02-01' });
    const all = await get(`/api/v1/public/practice?jurisdiction=${encodeURIComponent(iceland)}`);
    const ids = okJson<PracticeJson>(all).indicators.map((i) => i.indicatorId);
    // Prosecutions bear on CR-01 and CR-05; convictions alone (PN-01) are only in the draft.
    expect(ids).toEqual(['CR-01', 'CR-05', 'VI-01', 'VI-04', 'VI-07', 'VP-01', 'DC-03']);
    expectNoCanary(all.body, 'the practice route');
    const unlinked = okJson<PracticeJson>(
      await get('/api/v1/public/practice?jurisdiction=IS&indicator=CR-02'),
    );
    expect(unlinked.indicators).toEqual([]);
  });

  it('refuses a missing or unknown jurisdiction and an unknown indicator', async () => {
    expectError(await get('/api/v1/public/practice'), 400, 'VALIDATION_FAILED');
    expectError(await get('/api/v1/public/practice?jurisdiction=ZZ'), 404, 'JURISDICTION_NOT_FOUND');
    expectError(
      await get('/api/v1/public/practice?jurisdiction=IS&indicator=XX-99'),
      404,
      'INDICATOR_NOT_FOUND',
    );
    expectError(await get('/api/v1/public/practice?jurisdiction=IS&extra=1'), 400, 'VALIDATION_FAILED');
  });

  it('takes the figures off the card when their import is unpublished', async () => {
    const ctx = { db: getStore().db, actor: system };
    await setStatisticImportPublished(ctx, publishedId, false, org);
    const res = await get(cardUrl);
    expect(res.body).toContain('No published practice figures for this jurisdiction yet.');
    expect(res.body).not.toContain(publishedSource);
    await setStatisticImportPublished(ctx, publishedId, true, org);
    expect((await get(cardUrl)).body).toContain(publishedSource);
  });
});
