/**
 * Treaty parties on every engine: recording with the rules and specific errors (unknown document, a document
 * that is not a treaty, bad dates, a second record), history of changes, listings by treaty and by
 * jurisdiction as of a date, and coded answers and findings citing a treaty: allowed for a party in force on
 * the answer's first day, refused otherwise, writing nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { internationalJurisdictionId } from '../../src/core/treaties/types.ts';
import { createAnswer } from '../../src/services/coding.ts';
import { createFinding } from '../../src/services/modifier-findings.ts';
import {
  getTreatyPartyHistory,
  listJurisdictionTreaties,
  listTreatyParties,
  recordTreatyParty,
  updateTreatyParty,
} from '../../src/services/treaty-parties.ts';
import type { Store } from '../../src/store/db.ts';
import { findTreatyParty } from '../../src/store/treaty-parties.repo.ts';
import { type CodingFixtures, iceland, importCodingFixtures, pid } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows } from '../server/helpers.ts';
import { article3Quote, importTreatyFixture, ratification, type TreatyFixture } from '../treaty-fixtures.ts';
import { person, rejected } from './actors.ts';
import { crossEngine } from './snapshot.ts';

const snapshots = crossEngine();
const norway = 'ocd-division/country:no';
const chile = 'ocd-division/country:cl';

describeEachEngine('treaty parties', (get, dialect) => {
  let store: Store;
  let fx: CodingFixtures;
  let tr: TreatyFixture;
  const ctx = (actor: Actor = person('analyst')) => ({ db: store.db, actor });
  const counts = async () => ({
    parties: await countRows(store.db, 'treaty_parties'),
    history: await countRows(store.db, 'treaty_party_history'),
    answers: await countRows(store.db, 'coded_answers'),
  });

  beforeAll(async () => {
    store = get();
    fx = await importCodingFixtures(store);
    tr = await importTreatyFixture(store);
  });

  it('refuses bad records with specific errors, writing nothing', async () => {
    const before = await counts();
    const r = ratification(tr.treatyId, iceland);
    expect((await rejected(recordTreatyParty(ctx(), { ...r, treatyId: 'nope' }))).code).toBe('LAW_NOT_FOUND');
    const statute = await store.db
      .selectFrom('law_documents')
      .select('id')
      .where('type', '=', 'statute')
      .executeTakeFirstOrThrow();
    const notTreaty = await rejected(recordTreatyParty(ctx(), { ...r, treatyId: statute.id }));
    expect(notTreaty).toMatchObject({ code: 'LAW_NOT_TREATY', details: { type: 'statute' } });
    expect(notTreaty.message).toMatch(/not a treaty/);
    expect(
      (await rejected(recordTreatyParty(ctx(), { ...r, jurisdictionId: 'ocd-division/country:qq' }))).code,
    ).toBe('JURISDICTION_NOT_FOUND');
    expect(
      await rejected(recordTreatyParty(ctx(), { ...r, jurisdictionId: internationalJurisdictionId })),
    ).toMatchObject({ code: 'TREATY_PARTY_INVALID', details: { field: 'jurisdictionId' } });
    expect(await rejected(recordTreatyParty(ctx(), { ...r, consentedOn: '2030-02-30' }))).toMatchObject({
      code: 'TREATY_PARTY_INVALID',
      details: { field: 'consentedOn' },
    });
    const early = await rejected(recordTreatyParty(ctx(), { ...r, consentedOn: '2030-06-30' }));
    expect(early.message).toMatch(/cannot come before signature/);
    expect(await rejected(recordTreatyParty(ctx(), { ...r, source: ' ' }))).toMatchObject({
      details: { field: 'source' },
    });
    expect((await rejected(recordTreatyParty(ctx(person('viewer')), r))).code).toBe('FORBIDDEN');
    expect((await rejected(recordTreatyParty(ctx({ kind: 'public' }), r))).code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('records once per treaty and jurisdiction, keeps every change, and lists as of a date', async () => {
    const created = await recordTreatyParty(
      ctx(),
      ratification(tr.treatyId, iceland, { note: 'Invented reservation.' }),
    );
    expect(created).toMatchObject({
      treatyId: tr.treatyId,
      jurisdictionId: iceland,
      action: 'ratification',
      inForceOn: '2031-01-01',
      note: 'Invented reservation.',
      recordedBy: 'user:u-analyst',
    });
    expect(await findTreatyParty(store.db, tr.treatyId, iceland)).toEqual(created);
    const again = await rejected(recordTreatyParty(ctx(), ratification(tr.treatyId, iceland)));
    expect(again).toMatchObject({ code: 'TREATY_PARTY_EXISTS', details: { id: created.id } });

    const signed = await recordTreatyParty(ctx(person('reviewer')), {
      treatyId: tr.treatyId,
      jurisdictionId: norway,
      action: 'signature',
      signedOn: '2030-07-01',
      source: 'Examplia Treaty Series vol. 1 p. 2',
    });
    expect(signed).toMatchObject({
      consentedOn: null,
      inForceOn: null,
      source: 'Examplia Treaty Series vol. 1 p. 2',
    });
    expect((await rejected(updateTreatyParty(ctx(), signed.id, { action: 'ratification' }))).details).toEqual(
      {
        field: 'consentedOn',
      },
    );
    const ratified = await updateTreatyParty(ctx(), signed.id, {
      action: 'ratification',
      consentedOn: '2032-02-01',
      inForceOn: '2032-05-01',
    });
    expect(ratified).toMatchObject({
      action: 'ratification',
      signedOn: '2030-07-01',
      inForceOn: '2032-05-01',
    });
    const history = await getTreatyPartyHistory(ctx(person('viewer')), signed.id);
    expect(history.map((h) => [h.action, h.actor, h.before?.action ?? null, h.after.action])).toEqual([
      ['create', 'user:u-reviewer', null, 'signature'],
      ['update', 'user:u-analyst', 'signature', 'ratification'],
    ]);
    expect((await rejected(getTreatyPartyHistory(ctx({ kind: 'public' }), signed.id))).code).toBe(
      'FORBIDDEN',
    );
    expect((await rejected(updateTreatyParty(ctx(), 'nope', { note: 'x' }))).code).toBe(
      'TREATY_PARTY_NOT_FOUND',
    );

    const standings = async (asOf?: string) =>
      (await listTreatyParties(ctx({ kind: 'public' }), tr.treatyId, asOf ? { asOf } : {})).map((p) => [
        p.jurisdictionId,
        p.standing,
      ]);
    expect(await standings('2030-06-30')).toEqual([]);
    expect(await standings('2030-12-01')).toEqual([
      [iceland, 'consented'],
      [norway, 'signatory'],
    ]);
    expect(await standings('2031-06-01')).toEqual([
      [iceland, 'party'],
      [norway, 'signatory'],
    ]);
    expect(await standings('2032-05-01')).toEqual([
      [iceland, 'party'],
      [norway, 'party'],
    ]);
    const ofNorway = await listJurisdictionTreaties(ctx({ kind: 'public' }), norway, { asOf: '2031-01-01' });
    expect(ofNorway).toMatchObject([{ treatyCitation: 'ERCE 2030', standing: 'signatory' }]);
    expect(await listJurisdictionTreaties(ctx(), norway, { asOf: '2030-01-01' })).toEqual([]);
    expect((await rejected(listJurisdictionTreaties(ctx(), norway, { asOf: '2031-13-01' }))).code).toBe(
      'TREATY_PARTY_INVALID',
    );
    expect((await rejected(listTreatyParties(ctx(), pid(fx.v1, 's. 1')))).code).toBe('LAW_NOT_FOUND');
    snapshots.record(
      dialect,
      'treaty parties',
      (await listTreatyParties(ctx(), tr.treatyId, { asOf: '2033-01-01' })).map(
        ({ id, createdAt, updatedAt, treatyId, ...rest }) => rest,
      ),
    );
  });

  it('lets a party in force cite the treaty in an answer, and refuses everyone else', async () => {
    const art3 = pid(tr.provisions, 'Art. 3');
    const cite = [{ provisionId: art3, quote: article3Quote }];
    const before = await counts();
    // Iceland has consented but the treaty is in force for it only from 2031-01-01.
    const tooEarly = await rejected(
      createAnswer(ctx(), {
        jurisdictionId: iceland,
        indicatorId: 'CR-01',
        value: 'Y',
        citations: cite,
        validFrom: '2030-12-31',
      }),
    );
    expect(tooEarly).toMatchObject({
      code: 'CITATION_JURISDICTION_MISMATCH',
      details: { provisionId: art3, treatyId: tr.treatyId, standing: 'consented', position: 0 },
    });
    expect(tooEarly.message).toMatch(/only as a party in force on 2030-12-31/);
    const stranger = await rejected(
      createAnswer(ctx(), {
        jurisdictionId: chile,
        indicatorId: 'CR-01',
        value: 'Y',
        citations: cite,
        validFrom: '2033-01-01',
      }),
    );
    expect(stranger).toMatchObject({
      code: 'CITATION_JURISDICTION_MISMATCH',
      details: { standing: 'unrecorded' },
    });
    expect(stranger.message).toMatch(/no party record exists/);
    const finding = await rejected(
      createFinding(ctx(), {
        jurisdictionId: chile,
        modifierId: 'NEG-2',
        applies: true,
        citations: cite,
        validFrom: '2033-01-01',
      }),
    );
    expect(finding.code).toBe('CITATION_JURISDICTION_MISMATCH');
    // A statute of another jurisdiction is still refused, party or not.
    const foreignStatute = await rejected(
      createAnswer(ctx(), {
        jurisdictionId: chile,
        indicatorId: 'CR-01',
        value: 'Y',
        citations: [{ provisionId: pid(fx.texas, 's. 1'), quote: 'traffics another person' }],
      }),
    );
    expect(foreignStatute.code).toBe('CITATION_JURISDICTION_MISMATCH');
    expect(await counts()).toEqual(before);

    const allowed = await createAnswer(ctx(), {
      jurisdictionId: iceland,
      indicatorId: 'CR-01',
      value: 'Y',
      citations: cite,
      validFrom: '2031-01-01',
    });
    expect(allowed).toMatchObject({
      jurisdictionId: iceland,
      validFrom: '2031-01-01',
      citations: [{ provisionId: art3, quote: article3Quote, citation: 'ERCE 2030 Art. 3' }],
    });
    // Started by default with the treaty version (2030-06-01): before entry into force for Iceland, refused
    // before any overlap with the answer above is looked at.
    expect(
      (
        await rejected(
          createAnswer(ctx(), { jurisdictionId: iceland, indicatorId: 'CR-01', value: 'Y', citations: cite }),
        )
      ).code,
    ).toBe('CITATION_JURISDICTION_MISMATCH');
  });
});
