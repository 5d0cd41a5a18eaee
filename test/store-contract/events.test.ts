/**
 * Event (hearing) imports on every engine, from our invented Open States scrape-format events: counts,
 * idempotence, all-or-nothing files, malformed JSON naming file and line, unknown jurisdiction, and agenda
 * bills linked to stored bills (a bill not stored stays unlinked and is linked on a later re-import).
 */
import { expect, it } from 'vitest';
import { publicActor } from '../../src/core/auth/permissions.ts';
import { importBills } from '../../src/services/bills.ts';
import { cliActor } from '../../src/services/context.ts';
import { billEvents, importEvents } from '../../src/services/events.ts';
import { fixtureFile as file, hb4021, hb4021Import, tx } from '../bill-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { countRows } from '../server/helpers.ts';

describeEachEngine('event imports', (get) => {
  const ctx = () => ({ db: get().db, actor: cliActor });
  const events = () => countRows(get().db, 'events');

  it('refuses a file with one bad event, a malformed file and an unknown jurisdiction, writing nothing', async () => {
    const report = await importEvents(ctx(), {
      files: [
        file('events/openstates/one-bad-status.json'),
        file('votes/openstates/malformed.json'),
        {
          name: 'nowhere.json',
          content: '{"_id": "4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f", "name": "x", "start_date": "2091-01-01"}',
        },
      ],
      jurisdiction: 'ocd-jurisdiction/country:us/state:zz/government',
    });
    expect(report.totals.refusedFiles).toBe(3);
    expect(report.files[0]?.rejected.map((r) => [r.index, r.reason])).toEqual([
      [0, 'jurisdiction ocd-division/country:us/state:zz is not known'],
      [1, '$[1].status: "postponed-ish" is not one of cancelled, tentative, confirmed, passed'],
    ]);
    expect(report.files[1]?.error).toMatch(/malformed\.json: invalid JSON at line 5/);
    expect(report.files[2]?.rejected[0]?.reason).toContain('is not known');
    expect(await events()).toBe(0);
  });

  it('imports events, links agenda bills that are stored, and links the rest once the bill arrives', async () => {
    const before = await importEvents(ctx(), {
      files: [file('events/openstates/hearings.json')],
      jurisdiction: tx,
    });
    expect(before.totals).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 0, refusedFiles: 0 });
    expect(before.files[0]).toMatchObject({ agendaBillsLinked: 0, agendaBillsUnlinked: 3 });
    await importBills(ctx(), hb4021Import);
    const after = await importEvents(ctx(), {
      files: [file('events/openstates/hearings.json')],
      jurisdiction: tx,
    });
    expect(after.totals).toMatchObject({ new: 0, changed: 2, unchanged: 0 });
    expect(after.files[0]).toMatchObject({ agendaBillsLinked: 2, agendaBillsUnlinked: 1 });
    const again = await importEvents(ctx(), {
      files: [file('events/openstates/hearings.json')],
      jurisdiction: tx,
    });
    expect(again.totals).toMatchObject({ new: 0, changed: 0, unchanged: 2 });

    const hearings = await billEvents({ db: get().db, actor: publicActor }, hb4021);
    expect(hearings.map((e) => [e.startDate, e.name, e.status, e.allDay, e.location])).toEqual([
      [
        '2091-02-20T09:00:00-06:00',
        'Committee on Invented Affairs',
        'passed',
        false,
        'Invented Capitol, Room E2.030',
      ],
      ['2091-03-04', 'House floor: local calendar', 'confirmed', true, 'House Chamber'],
    ]);
    expect(hearings[0]?.sourceId).toBe('ocd-event/8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    expect(hearings[0]?.links).toEqual([
      { kind: 'media', note: 'Recording', url: 'https://example.invalid/video/20910220.mp4' },
      { kind: 'document', note: 'Agenda', url: 'https://example.invalid/agenda/20910220.pdf' },
    ]);
    expect(hearings[0]?.agenda.map((a) => a.bills.map((b) => b.identifier))).toEqual([
      ['HB 4021'],
      ['HB 9999'],
    ]);
    expect(hearings[0]?.participants).toEqual([
      { name: 'Invented Affairs', entityType: 'organization', note: 'host' },
    ]);
  });

  it('refuses imports without laws:write and unknown bills when reading', async () => {
    await expect(importEvents({ db: get().db, actor: publicActor }, { files: [] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(billEvents(ctx(), 'ocd-bill/00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'BILL_NOT_FOUND',
    });
  });
});
