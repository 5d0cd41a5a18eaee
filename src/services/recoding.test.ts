import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/engines.ts';
import {
  billFile,
  billRecord,
  codeCitation,
  effective,
  enrolledText,
  lawStart,
  newPenalty,
  seedRecodingLaw,
  texas,
} from '../../test/recoding-fixtures.ts';
import type { Actor } from '../core/auth/permissions.ts';
import { importBills } from './bills.ts';
import { getLaw, getLawVersionText } from './laws.ts';
import { dismissRecoding, listRecoding, openRecodingTask, showRecoding } from './recoding.ts';
import { applyRecoding } from './recoding-apply.ts';
import { scoreAsOf } from './scores.ts';
import { acceptSuggestion } from './suggestion-review.ts';

const system: Actor = { kind: 'system', name: 'test' };
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
  );

describeEachEngine('recoding: from bill to law', (getStore) => {
  const ctx = () => ({ db: getStore().db, actor: system, dialect: getStore().dialect });
  let law: Awaited<ReturnType<typeof seedRecodingLaw>>;
  const taskOf = async (billOcd: string) => {
    const bill = await getStore()
      .db.selectFrom('bills')
      .select('id')
      .where('ocd_id', '=', billOcd)
      .executeTakeFirstOrThrow();
    return getStore().db.selectFrom('recoding_tasks').selectAll().where('bill_id', '=', bill.id).execute();
  };
  const countTasks = async () =>
    (await getStore().db.selectFrom('recoding_tasks').select('id').execute()).length;
  const importOne = (name: string, ...records: unknown[]) =>
    importBills(ctx(), { format: 'openstates', files: [billFile(name, ...records)] });

  beforeAll(async () => {
    law = await seedRecodingLaw(getStore());
  });

  it('opens a task in the import of an enacted bill, once; a refused file opens none', async () => {
    const refused = await importOne('bad.json', billRecord({ n: 1 }), { identifier: 'HB 1' });
    expect(refused.files[0]?.status).toBe('refused');
    expect(await getStore().db.selectFrom('recoding_tasks').selectAll().execute()).toEqual([]);

    const notYet = await importOne('hb701.json', billRecord({ n: 1, became: null }));
    expect(notYet.totals.new).toBe(1);
    expect(await taskOf(billRecord({ n: 1 }).id)).toEqual([]);

    const enacted = await importOne('hb701.json', billRecord({ n: 1 }));
    expect(enacted.totals.changed).toBe(1);
    const tasks = await taskOf(billRecord({ n: 1 }).id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      status: 'open',
      effective_date: effective,
      effective_source: 'became-law',
    });
    expect(JSON.parse(tasks[0]?.targets_json ?? '[]')).toEqual([
      {
        documentId: law.documentId,
        citation: codeCitation,
        title: 'Lone Star Fictional Trafficking Code',
        source: 'bill',
        billCitation: `${codeCitation} Section 2`,
      },
    ]);

    // A file refused inside its transaction (its second record clashes with HB 701's key under another OCD id)
    // keeps nothing of its first, enacted, bill: neither the bill nor its task.
    const tasksBefore = await countTasks();
    const clash = await importOne('clash.json', billRecord({ n: 6 }), {
      ...billRecord({ n: 1 }),
      id: 'ocd-bill/5a1d2c3b-0000-4000-8000-0000000000ff',
    });
    expect(clash.files[0]?.status).toBe('refused');
    expect(clash.files[0]?.rejected[0]?.reason).toContain('name different stored bills');
    expect(await countTasks()).toBe(tasksBefore);
    expect(
      await getStore()
        .db.selectFrom('bills')
        .select('id')
        .where('ocd_id', '=', billRecord({ n: 6 }).id)
        .execute(),
    ).toEqual([]);

    // Re-importing (changed or not) never opens a second task.
    const again = await importOne('hb701.json', {
      ...billRecord({ n: 1 }),
      title: 'A retitled invented act',
    });
    expect(again.totals.changed).toBe(1);
    expect(await taskOf(billRecord({ n: 1 }).id)).toHaveLength(1);
    const opened = await openRecodingTask(ctx(), tasks[0]?.bill_id ?? '');
    expect(opened.outcome).toBe('exists');
  });

  it('applies the bill: a new version on the effective date with the bill’s words, suggestions, a higher score once accepted', async () => {
    const [row] = await taskOf(billRecord({ n: 1 }).id);
    const id = row?.id ?? '';
    const before = await scoreAsOf(ctx(), texas, '2089-05-31', { include: 'coded' });

    const applied = await applyRecoding(ctx(), id, {});
    expect(applied.task.status).toBe('applied');
    expect(applied.versions).toHaveLength(1);
    expect(applied.versions[0]).toMatchObject({
      documentId: law.documentId,
      effectiveFrom: effective,
      origin: 'bill-text',
      replaced: ['s. 2'],
    });

    const { versions } = await getLaw(ctx(), law.documentId);
    expect(versions.map((v) => [v.effectiveFrom, v.effectiveTo])).toEqual([
      [lawStart, effective],
      [effective, null],
    ]);
    const text = await getLawVersionText(ctx(), law.documentId, applied.versions[0]?.versionId ?? '');
    const s2 = text.provisions.find((p) => p.citation === 's. 2');
    expect(s2?.text).toBe(newPenalty);
    expect(enrolledText).toContain(s2?.text ?? 'missing');
    expect(s2?.heading).toBe('Penalties');
    // Unamended provisions are kept as they were.
    expect(text.provisions.map((p) => p.citation)).toEqual(['s. 1', 's. 2', 's. 3']);
    expect(text.provisions.find((p) => p.citation === 's. 1')?.text).toContain('recruits, transports');

    const detail = await showRecoding(ctx(), id);
    expect(detail.suggestions.length).toBe(applied.task.suggestionCount);
    expect(detail.suggestions.every((s) => s.label !== null && s.reviewStatus === 'pending')).toBe(true);
    const pn = detail.suggestions.find((s) => s.indicatorId === 'PN-01');
    expect(pn).toMatchObject({ answer: 'yes', affected: true, before: null });
    expect(pn?.evidence[0]?.citation).toBe('s. 2');
    // Nothing machine-made counts yet.
    expect(detail.score?.effective).toBe(detail.score?.dayBefore);

    await acceptSuggestion(ctx(), pn?.id ?? '');
    const dayBefore = await scoreAsOf(ctx(), texas, '2089-05-31', { include: 'coded' });
    const on = await scoreAsOf(ctx(), texas, effective, { include: 'coded' });
    // Hand-checked: CR-01 = P (Y/P/N, weight 3) earns 1.5 of 3 → CR (share 18) scores 9 points; the total is
    // 9 / 18 × 100 = 50 the day before. PN-01 = 2 (0–2, PN share 10) adds 10 points and 10 of share from the
    // effective date: (9 + 10) / 28 × 100 = 67.857…
    expect(before.result.total).toBeCloseTo(50, 9);
    expect(dayBefore.result.total).toBeCloseTo(50, 9);
    expect(on.result.total).toBeCloseTo((19 / 28) * 100, 9);
    const after = await showRecoding(ctx(), id);
    expect(after.score?.dayBefore).toBeCloseTo(50, 9);
    expect(after.score?.effective).toBeCloseTo((19 / 28) * 100, 9);
    expect(after.counts).toMatchObject({ accepted: 1, pending: detail.counts.total - 1 });
  });
  it('asks for the effective date when the bill gives none, and refuses a malformed one; nothing is stored', async () => {
    await importOne('hb702.json', billRecord({ n: 2, became: '2089-06' }));
    const [row] = await taskOf(billRecord({ n: 2 }).id);
    expect(row).toMatchObject({ status: 'open', effective_date: null });
    const versions = async () => (await getLaw(ctx(), law.documentId)).versions.length;
    const count = await versions();
    expect(await code(applyRecoding(ctx(), row?.id ?? ''))).toMatch(
      /^RECODING_INVALID: bill HB 702 states no effective date .*give the effective date/,
    );
    expect(await code(applyRecoding(ctx(), row?.id ?? '', { effectiveDate: '1 June 2089' }))).toMatch(
      /^RECODING_INVALID: effectiveDate must be a date YYYY-MM-DD/,
    );
    expect(await versions()).toBe(count);
    expect((await showRecoding(ctx(), row?.id ?? '')).status).toBe('open');
  });

  it('lists the sections the bill amends that the law does not have; then a dismissed task cannot be applied', async () => {
    const text = enrolledText.replace('SECTION 1. Section 2,', 'SECTION 1. Section 9,');
    await importOne('hb703.json', billRecord({ n: 3, text, became: '2089-08-01' }));
    const [row] = await taskOf(billRecord({ n: 3 }).id);
    const id = row?.id ?? '';
    const count = (await getLaw(ctx(), law.documentId)).versions.length;
    const refused = await code(applyRecoding(ctx(), id));
    expect(refused).toMatch(/^RECODING_INVALID: the bill's text could not be applied; not found: Section 9 /);
    expect(refused).toContain(`not found in ${codeCitation}`);
    expect((await getLaw(ctx(), law.documentId)).versions.length).toBe(count);

    expect(await code(dismissRecoding(ctx(), id, '  '))).toMatch(/^RECODING_INVALID: give a reason/);
    const dismissed = await dismissRecoding(ctx(), id, 'the amended section was renumbered before enactment');
    expect(dismissed).toMatchObject({
      status: 'dismissed',
      note: 'the amended section was renumbered before enactment',
    });
    expect(await code(applyRecoding(ctx(), id))).toMatch(
      /^RECODING_STATE_INVALID: .* was dismissed .*cannot be applied/,
    );
    expect(await code(dismissRecoding(ctx(), id, 'again'))).toMatch(/^RECODING_STATE_INVALID/);
    const history = (await showRecoding(ctx(), id)).history.map((h) => h.action);
    expect(history).toEqual(['opened', 'dismissed']);
  });

  it('refuses an unknown task, a second apply, and opening a bill that is not enacted', async () => {
    expect(await code(applyRecoding(ctx(), 'no-such-task'))).toMatch(/^RECODING_TASK_NOT_FOUND/);
    expect(await code(showRecoding(ctx(), 'no-such-task'))).toMatch(/^RECODING_TASK_NOT_FOUND/);
    const [row] = await taskOf(billRecord({ n: 1 }).id);
    expect(await code(applyRecoding(ctx(), row?.id ?? ''))).toMatch(
      /^RECODING_STATE_INVALID: .* already applied/,
    );
    await importOne('hb705.json', billRecord({ n: 5, became: null }));
    const bill = await getStore()
      .db.selectFrom('bills')
      .select('id')
      .where('ocd_id', '=', billRecord({ n: 5 }).id)
      .executeTakeFirstOrThrow();
    expect(await code(openRecodingTask(ctx(), bill.id))).toMatch(
      /^RECODING_STATE_INVALID: bill HB 705 is passed_both/,
    );
    expect(await code(openRecodingTask(ctx(), 'no-such-bill'))).toMatch(/^BILL_NOT_FOUND/);
  });

  it('opens a task by hand for a bill enacted before tasks existed, and applies the analyst’s consolidated file', async () => {
    await importOne('hb704.json', billRecord({ n: 4, became: '2089-09-01', citations: [] }));
    const [auto] = await taskOf(billRecord({ n: 4 }).id);
    // As if enacted before this feature: remove the task the import opened.
    await getStore()
      .db.deleteFrom('recoding_task_history')
      .where('task_id', '=', auto?.id ?? '')
      .execute();
    await getStore()
      .db.deleteFrom('recoding_tasks')
      .where('id', '=', auto?.id ?? '')
      .execute();
    const { task, outcome } = await openRecodingTask(ctx(), auto?.bill_id ?? '');
    expect(outcome).toBe('opened');
    expect(task).toMatchObject({ status: 'open', effectiveDate: '2089-09-01', targets: [] });
    expect(await code(applyRecoding(ctx(), task.id))).toMatch(
      /^RECODING_INVALID: the task names no law document/,
    );

    const consolidated = `Lone Star Fictional Trafficking Code

Section 1. Offence
A person who recruits another person for the purpose of exploitation commits the offence of trafficking in persons.

Section 2. Penalties
${newPenalty}
`;
    const bytes = new TextEncoder().encode(consolidated);
    const r = await applyRecoding(ctx(), task.id, {
      documents: [
        { documentId: law.documentId, file: { fileName: 'lsftc-2089.txt', bytes, format: 'text' } },
      ],
    });
    expect(r.versions[0]).toMatchObject({
      effectiveFrom: '2089-09-01',
      origin: 'analyst-file',
      replaced: [],
    });
    expect(r.task.targets).toEqual([
      expect.objectContaining({ documentId: law.documentId, source: 'analyst', billCitation: null }),
    ]);
    const t = await getLawVersionText(ctx(), law.documentId, r.versions[0]?.versionId ?? '');
    expect(t.provisions.map((p) => p.citation)).toEqual(['s. 1', 's. 2']);
    expect(t.provisions[0]?.text).toBe(
      'A person who recruits another person for the purpose of exploitation commits the offence of trafficking in persons.',
    );
    const listed = await listRecoding(ctx(), { jurisdictionId: texas, status: 'applied' });
    expect(listed.map((l) => l.bill.identifier)).toContain('HB 704');
  });
});
