/**
 * Districts through the API on every engine: who may import (roles), boundary and postcode imports, public
 * lookups by postcode, point and district with the sitting lawmakers (public fields only), a redistricting
 * that changes answers only from its first day, and bad input: refused files name the feature or the line and
 * change nothing stored. Invented fixtures in test/fixtures/districts/.
 */
import fs from 'node:fs';
import path from 'node:path';

import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import { countRows, expectError, okJson, type Persona, postJson, useSignedInApp } from './helpers.ts';

const dir = path.resolve(import.meta.dirname, '../fixtures/districts');
const fixture = (name: string) => ({ name, content: fs.readFileSync(path.join(dir, name), 'utf8') });
const tx = 'ocd-division/country:us/state:tx';
const lookup = (q: string) => `/api/v1/public/districts/lookup?jurisdiction=${encodeURIComponent(tx)}&${q}`;

interface Lookup {
  result: {
    kind: string;
    reason?: string;
    districts?: Array<{ chamber: string; district: string }>;
    candidates?: Array<{ chamber: string; district: string; share: number | null }>;
    matched?: Array<{ chamber: string; district: string }>;
  };
  lawmakers: Array<Record<string, unknown> & { name: string; district: string }>;
}

describeEachEngine('districts API', (getStore) => {
  const api = useSignedInApp(getStore);
  const post = (url: string, payload: unknown, who: Persona | null) => postJson(api, url, payload, who);
  const get = async (q: string) => okJson<Lookup>(await api.app.inject({ method: 'GET', url: lookup(q) }));

  beforeAll(async () => {
    const people = fs.readdirSync(path.join(dir, 'people')).map((f) => fixture(`people/${f}`));
    const res = await api.app.inject(post('/api/v1/people/import', { files: people }, 'analyst'));
    expect(res.json().totals.new, res.body).toBe(4);
  });

  it('imports for analysts, reviewers and admins; refuses other roles and anonymous callers', async () => {
    const body = fixture('plan-2020.geojson');
    for (const who of ['viewer', 'campaigner', 'loner'] as const) {
      expectError(
        await api.app.inject(post('/api/v1/districts/import-boundaries', body, who)),
        403,
        'FORBIDDEN',
      );
      expectError(
        await api.app.inject(post('/api/v1/districts/import-postcodes', fixture('postcodes.csv'), who)),
        403,
        'FORBIDDEN',
      );
    }
    expectError(
      await api.app.inject(post('/api/v1/districts/import-boundaries', body, null)),
      401,
      'AUTH_REQUIRED',
    );
    expect(await countRows(getStore().db, 'district_boundaries')).toBe(0);
    const first = okJson<{ boundaries: number; plans: unknown[]; closed: unknown[] }>(
      await api.app.inject(post('/api/v1/districts/import-boundaries', body, 'analyst')),
    );
    expect(first).toMatchObject({ boundaries: 3, closed: [] });
    expect(first.plans).toHaveLength(2);
    const postcodes = okJson(
      await api.app.inject(post('/api/v1/districts/import-postcodes', fixture('postcodes.csv'), 'reviewer')),
    );
    expect(postcodes).toMatchObject({ rows: 6, postcodes: 3, ambiguous: 1, jurisdictions: [tx] });
    // A second postcode import replaces the table whole rather than adding to it.
    okJson(
      await api.app.inject(post('/api/v1/districts/import-postcodes', fixture('postcodes.csv'), 'admin')),
    );
    expect(await countRows(getStore().db, 'postcode_districts')).toBe(6);
  });

  it('looks up by postcode: a match, an ambiguous postcode that asks, an unknown one', async () => {
    const one = await get('postcode=99001');
    expect(one.result).toEqual({
      kind: 'match',
      districts: [
        { jurisdictionId: tx, chamber: 'lower', district: 'Alder' },
        { jurisdictionId: tx, chamber: 'upper', district: 'North' },
      ],
    });
    expect(one.lawmakers.map((l) => [l.name, l.chamber, l.district])).toEqual([
      ['Quinn Harrow', 'lower', 'Alder'],
      ['Jordan Fell', 'upper', 'North'],
    ]);
    // Public office details only: no personal email, links or image.
    expect(Object.keys(one.lawmakers[0] ?? {}).sort()).toEqual([
      'chamber',
      'district',
      'name',
      'offices',
      'party',
      'personId',
    ]);
    expect(JSON.stringify(one)).not.toContain('example.invalid');
    const split = await get('postcode=99%20002');
    expect(split.result).toMatchObject({
      kind: 'ask',
      reason: 'ambiguous-postcode',
      candidates: [
        { chamber: 'lower', district: 'Birch', share: 0.6, name: 'Birch District' },
        { chamber: 'lower', district: 'Alder', share: 0.4 },
      ],
      matched: [{ chamber: 'upper', district: 'North' }],
    });
    expect(split.lawmakers.map((l) => l.name)).toEqual(['Jordan Fell']);
    expect((await get('postcode=12345')).result).toEqual({ kind: 'none', reason: 'unknown-postcode' });
  });

  it('looks up by point, asks on and near a boundary, and by a chosen district', async () => {
    expect((await get('lat=0.5&lon=0.25')).result).toMatchObject({
      kind: 'match',
      districts: [{ district: 'Alder' }, { district: 'North' }],
    });
    for (const lon of ['1', '1.0015', '0.9985']) {
      const near = await get(`lat=0.5&lon=${lon}`);
      expect(near.result.kind, lon).toBe('ask');
      expect(near.result.reason).toBe('boundary');
      expect(near.result.candidates?.map((c) => c.district).sort()).toEqual(['Alder', 'Birch']);
    }
    expect((await get('lat=30&lon=-97')).result).toEqual({ kind: 'none', reason: 'outside' });
    const chosen = await get('chamber=lower&district=Birch');
    expect(chosen.result).toEqual({
      kind: 'match',
      districts: [{ jurisdictionId: tx, chamber: 'lower', district: 'Birch' }],
    });
    expect(chosen.lawmakers.map((l) => l.name)).toEqual(['Morgan Vale']);
    expect((await get('chamber=lower&district=Nowhere')).result).toEqual({
      kind: 'none',
      reason: 'unknown-district',
    });
  });

  it('redistricting: the old plan closes where the new begins; lookups before and after differ, never silently', async () => {
    const next = okJson<{ closed: Array<{ chamber: string; closedOn: string }> }>(
      await api.app.inject(
        post('/api/v1/districts/import-boundaries', fixture('plan-2092.geojson'), 'analyst'),
      ),
    );
    expect(next.closed).toMatchObject([
      { chamber: 'lower', validFrom: '2020-01-01', closedOn: '2092-01-01' },
    ]);
    const before = await get('lat=0.5&lon=0.75&date=2091-12-31');
    expect(before.result).toMatchObject({
      kind: 'match',
      districts: [{ district: 'Alder' }, { district: 'North' }],
    });
    expect(before.lawmakers.map((l) => l.name)).toEqual(['Quinn Harrow', 'Jordan Fell']);
    const after = await get('lat=0.5&lon=0.75&date=2092-01-01');
    expect(after.result).toMatchObject({
      kind: 'match',
      districts: [{ district: 'Cedar' }, { district: 'North' }],
    });
    expect(after.lawmakers.map((l) => l.name)).toEqual(['Sasha Wren', 'Jordan Fell']);
    // Cedar's second part (a MultiPolygon) counts too.
    expect((await get('lat=0.5&lon=3.5&date=2092-06-01')).result).toMatchObject({
      districts: [{ district: 'Cedar' }],
    });
  });

  it('refuses bad files naming the feature or line, changing nothing; answers bad queries with 400/404', async () => {
    const db = getStore().db;
    const counts = async () => [
      await countRows(db, 'district_boundaries'),
      await countRows(db, 'postcode_districts'),
      await countRows(db, 'district_imports'),
    ];
    const stored = await counts();
    const overlapping = fixture('plan-2092.geojson');
    overlapping.content = overlapping.content.replaceAll('2092-01-01', '2091-01-01');
    const refusedOverlap = await api.app.inject(
      post('/api/v1/districts/import-boundaries', overlapping, 'analyst'),
    );
    expectError(refusedOverlap, 400, 'DISTRICT_FILE_INVALID');
    expect(refusedOverlap.json().error.message).toContain(
      'overlaps the stored lower plan valid from 2020-01-01 to 2092-01-01',
    );
    const badFeature = fixture('plan-2020.geojson');
    badFeature.content = badFeature.content.replace('"valid_from": "2020-01-01"', '"valid_from": "soon"');
    const refused = await api.app.inject(post('/api/v1/districts/import-boundaries', badFeature, 'analyst'));
    expectError(refused, 400, 'DISTRICT_FILE_INVALID');
    expect(refused.json().error.details.problems).toEqual([
      'features[0].properties.valid_from: must be a date YYYY-MM-DD, got "soon"',
    ]);
    const unknown = fixture('plan-2020.geojson');
    unknown.content = unknown.content.replaceAll('state:tx', 'state:zq');
    expect(
      (await api.app.inject(post('/api/v1/districts/import-boundaries', unknown, 'analyst'))).json().error
        .details.problems[0],
    ).toBe(
      'features[0].properties.jurisdiction: ocd-division/country:us/state:zq is not a known jurisdiction',
    );
    const notJson = await api.app.inject(
      post('/api/v1/districts/import-boundaries', { name: 'x.geojson', content: '{"type":' }, 'analyst'),
    );
    expectError(notJson, 400, 'DISTRICT_FILE_INVALID');
    expect(notJson.json().error.message).toMatch(
      /^x\.geojson: 1 problem; nothing was imported: invalid JSON/,
    );
    const badCsv = await api.app.inject(
      post(
        '/api/v1/districts/import-postcodes',
        {
          name: 'p.csv',
          content: `postcode,jurisdiction,chamber,district\n11111,${tx},lower,A\n22222,${tx},Lower,B\n`,
        },
        'analyst',
      ),
    );
    expectError(badCsv, 400, 'DISTRICT_FILE_INVALID');
    expect(badCsv.json().error.details.problems).toEqual([
      'line 3, column chamber: "Lower" must be a lower-case word such as upper or lower',
    ]);
    expect(await counts()).toEqual(stored);
    expect((await get('postcode=99001')).result.kind).toBe('match');

    expectError(
      await api.app.inject(post('/api/v1/districts/import-boundaries', { name: 'x' }, 'analyst')),
      400,
      'VALIDATION_FAILED',
    );
    const bad = async (q: string, status: number, code: string) =>
      expectError(await api.app.inject({ method: 'GET', url: lookup(q) }), status, code);
    await bad('', 400, 'VALIDATION_FAILED');
    await bad('postcode=1&lat=1&lon=1', 400, 'VALIDATION_FAILED');
    await bad('lat=1', 400, 'VALIDATION_FAILED');
    await bad('lat=100&lon=1', 400, 'VALIDATION_FAILED');
    await bad('lat=abc&lon=1', 400, 'VALIDATION_FAILED');
    await bad('chamber=lower', 400, 'VALIDATION_FAILED');
    await bad('postcode=1&date=tomorrow', 400, 'VALIDATION_FAILED');
    await bad('postcode=1&color=red', 400, 'VALIDATION_FAILED');
    expectError(
      await api.app.inject({
        method: 'GET',
        url: '/api/v1/public/districts/lookup?jurisdiction=ocd-division/country:zq&postcode=1',
      }),
      404,
      'JURISDICTION_NOT_FOUND',
    );
  });
});
