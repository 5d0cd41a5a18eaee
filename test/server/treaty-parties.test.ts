/**
 * Treaty parties through the API on every engine: each role's access to every route, bad input answered with
 * specific errors and nothing written (unknown document, a statute, bad dates, a second record), the public
 * listings by treaty and by jurisdiction as of a date, and the history readable by members only.
 */
import { beforeAll, expect, it } from 'vitest';
import { iceland, importCodingFixtures } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { importTreatyFixture, ratificationBody, type TreatyFixture } from '../treaty-fixtures.ts';
import { countRows, expectError, okJson, type Persona, personas, roleOf, useSignedInApp } from './helpers.ts';

const norway = 'ocd-division/country:no';
const enc = encodeURIComponent;

describeEachEngine('treaty parties API', (getStore) => {
  const api = useSignedInApp(getStore);
  let tr: TreatyFixture;

  const { send } = api;
  const ok = okJson;
  const ratify = (jurisdictionId: string, over: Record<string, unknown> = {}) => ({
    ...ratificationBody(jurisdictionId),
    ...over,
  });
  const parties = () => `/api/v1/laws/${tr.treatyId}/parties`;

  beforeAll(async () => {
    // The coding fixtures bring a statute, which has no parties.
    await importCodingFixtures(getStore());
    tr = await importTreatyFixture(getStore());
  });

  it('lets exactly the roles holding laws:write record a party, each once per treaty and jurisdiction', async () => {
    const db = getStore().db;
    expectError(await send('POST', parties(), null, ratify(iceland)), 401, 'AUTH_REQUIRED');
    // One jurisdiction per persona, so each allowed role records its own.
    const countries = ['is', 'no', 'dk', 'fi', 'se', 'ee', 'lv', 'lt'].map(
      (c) => `ocd-division/country:${c}`,
    );
    const allowed: Persona[] = [];
    for (const [i, persona] of personas.entries()) {
      const role = roleOf[persona];
      const res = await send('POST', parties(), persona, ratify(countries[i] as string));
      if (role === 'admin' || role === 'analyst' || role === 'reviewer') {
        ok(res);
        allowed.push(persona);
      } else {
        expect(res.statusCode, `${persona}: ${res.body}`).toBe(403);
      }
    }
    expect(allowed).toEqual(['root', 'admin', 'analyst', 'reviewer', 'otherAdmin']);
    expect(await countRows(db, 'treaty_parties')).toBe(5);
    const twice = await send('POST', parties(), 'analyst', ratify(iceland));
    expectError(twice, 409, 'TREATY_PARTY_EXISTS');
    expect(await countRows(db, 'treaty_parties')).toBe(5);
  });

  it('answers bad input with specific errors and writes nothing', async () => {
    const db = getStore().db;
    const before = await countRows(db, 'treaty_parties');
    expectError(
      await send('POST', '/api/v1/laws/nope/parties', 'analyst', ratify('ocd-division/country:cl')),
      404,
      'LAW_NOT_FOUND',
    );
    const statute = await db
      .selectFrom('law_documents')
      .select('id')
      .where('type', '=', 'statute')
      .executeTakeFirstOrThrow();
    expectError(
      await send('POST', `/api/v1/laws/${statute.id}/parties`, 'analyst', ratify('ocd-division/country:cl')),
      400,
      'LAW_NOT_TREATY',
    );
    expectError(
      await send(
        'POST',
        parties(),
        'analyst',
        ratify('ocd-division/country:cl', { inForceOn: '2031-02-30' }),
      ),
      400,
      'VALIDATION_FAILED',
    );
    const order = await send(
      'POST',
      parties(),
      'analyst',
      ratify('ocd-division/country:cl', { consentedOn: '2030-01-01' }),
    );
    expectError(order, 400, 'TREATY_PARTY_INVALID');
    expect(order.json().error.details).toEqual({ field: 'consentedOn' });
    expectError(
      await send('POST', parties(), 'analyst', ratify('ocd-division/country:cl', { source: undefined })),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await send('POST', parties(), 'analyst', ratify('ocd-division/country:qq')),
      404,
      'JURISDICTION_NOT_FOUND',
    );
    expectError(
      await send('POST', parties(), 'analyst', { ...ratify('ocd-division/country:cl'), extra: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await countRows(db, 'treaty_parties')).toBe(before);
  });

  it('lists parties publicly as of a date, changes a record with history for members only', async () => {
    const signed = ok<{ id: string }>(
      await send('POST', parties(), 'analyst', {
        jurisdictionId: 'ocd-division/country:cl',
        action: 'signature',
        signedOn: '2030-07-02',
        source: 'Examplia Treaty Series vol. 1',
      }),
    );
    const listed = ok<Array<{ jurisdictionId: string; standing: string }>>(
      await send('GET', `${parties()}?asOf=2030-12-01`, null),
    );
    expect(listed.find((p) => p.jurisdictionId === 'ocd-division/country:cl')?.standing).toBe('signatory');
    expect(listed.find((p) => p.jurisdictionId === iceland)?.standing).toBe('consented');
    expectError(await send('GET', `${parties()}?asOf=someday`, null), 400, 'VALIDATION_FAILED');

    const patch = { action: 'accession', signedOn: null, consentedOn: '2033-03-03', inForceOn: '2033-04-02' };
    expectError(
      await send('PATCH', `/api/v1/treaty-parties/${signed.id}`, 'viewer', patch),
      403,
      'FORBIDDEN',
    );
    expectError(
      await send('PATCH', `/api/v1/treaty-parties/${signed.id}`, null, patch),
      401,
      'AUTH_REQUIRED',
    );
    expectError(
      await send('PATCH', `/api/v1/treaty-parties/${signed.id}`, 'analyst', { action: 'accession' }),
      400,
      'TREATY_PARTY_INVALID',
    );
    expect(ok(await send('PATCH', `/api/v1/treaty-parties/${signed.id}`, 'reviewer', patch))).toMatchObject(
      patch,
    );
    expectError(
      await send('PATCH', '/api/v1/treaty-parties/nope', 'analyst', patch),
      404,
      'TREATY_PARTY_NOT_FOUND',
    );

    const history = ok<Array<{ action: string; before: { action: string } | null }>>(
      await send('GET', `/api/v1/treaty-parties/${signed.id}/history`, 'viewer'),
    );
    expect(history.map((h) => [h.action, h.before?.action ?? null])).toEqual([
      ['create', null],
      ['update', 'signature'],
    ]);
    expectError(await send('GET', `/api/v1/treaty-parties/${signed.id}/history`, null), 401, 'AUTH_REQUIRED');
    expectError(await send('GET', `/api/v1/treaty-parties/${signed.id}/history`, 'loner'), 403, 'FORBIDDEN');

    const chile = ok<Array<{ treatyCitation: string; standing: string }>>(
      await send(
        'GET',
        `/api/v1/jurisdictions/${enc('ocd-division/country:cl')}/treaties?asOf=2033-05-01`,
        null,
      ),
    );
    expect(chile).toMatchObject([{ treatyCitation: 'ERCE 2030', standing: 'party' }]);
    expect(
      ok(await send('GET', `/api/v1/jurisdictions/${enc(norway)}/treaties?asOf=2029-01-01`, null)),
    ).toEqual([]);
    expectError(
      await send('GET', `/api/v1/jurisdictions/${enc('ocd-division/country:qq')}/treaties`, null),
      404,
      'JURISDICTION_NOT_FOUND',
    );
  });
});
