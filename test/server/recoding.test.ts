/**
 * Recoding tasks through the API on every engine: an enacted bill imported as an analyst opens a task; who may
 * read, apply and dismiss; the loop to a reviewed answer and a higher score; bad input answered with a clear
 * 4xx and nothing stored.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../engines.ts';
import { billFile, billRecord, effective, newPenalty, seedRecodingLaw, texas } from '../recoding-fixtures.ts';
import { countRows, expectError, okJson, useSignedInApp } from './helpers.ts';

interface Task {
  id: string;
  status: string;
  effectiveDate: string | null;
  bill: { identifier: string };
  targets: Array<{ documentId: string }>;
}
interface Detail extends Task {
  suggestions: Array<{
    id: string;
    indicatorId: string;
    answer: string;
    affected: boolean;
    label: string | null;
  }>;
  counts: { total: number; pending: number; accepted: number };
  score: { dayBefore: number | null; effective: number | null } | null;
}

describeEachEngine('recoding tasks API', (getStore) => {
  const api = useSignedInApp(getStore);
  const { send } = api;
  let documentId = '';
  let taskId = '';
  let undatedId = '';

  beforeAll(async () => {
    documentId = (await seedRecodingLaw(getStore())).documentId;
    const files = [
      billFile('hb701.json', billRecord({ n: 1 })),
      billFile('hb702.json', billRecord({ n: 2, became: '2089-06' })),
    ];
    const report = okJson<{ totals: { new: number } }>(
      await send('POST', '/api/v1/bills/import', 'analyst', { format: 'openstates', files }),
    );
    expect(report.totals.new).toBe(2);
  });

  const list = (who: Parameters<typeof send>[2], q = '') => send('GET', `/api/v1/recoding-tasks${q}`, who);

  it('lists the tasks the import opened to members; refuses the anonymous and the organization-less', async () => {
    const tasks = okJson<Task[]>(
      await list('viewer', `?jurisdiction=${encodeURIComponent(texas)}&status=open`),
    );
    expect(tasks.map((t) => [t.bill.identifier, t.effectiveDate]).sort()).toEqual([
      ['HB 701', effective],
      ['HB 702', null],
    ]);
    taskId = tasks.find((t) => t.bill.identifier === 'HB 701')?.id ?? '';
    undatedId = tasks.find((t) => t.bill.identifier === 'HB 702')?.id ?? '';
    expect(tasks.find((t) => t.id === taskId)?.targets.map((t) => t.documentId)).toEqual([documentId]);
    expect((await list(null)).statusCode).toBe(401);
    expectError(await list('loner'), 403, 'FORBIDDEN');
    expectError(await list('viewer', '?status=finished'), 400, 'VALIDATION_FAILED');
    expectError(
      await send('GET', '/api/v1/recoding-tasks/no-such-task', 'viewer'),
      404,
      'RECODING_TASK_NOT_FOUND',
    );
  });

  it('refuses bad applies and stores nothing', async () => {
    const versions = await countRows(getStore().db, 'law_versions');
    const apply = (id: string, body: unknown, who: Parameters<typeof send>[2] = 'analyst') =>
      send('POST', `/api/v1/recoding-tasks/${id}/apply`, who, body);
    expectError(await apply(taskId, {}, 'viewer'), 403, 'FORBIDDEN');
    expectError(await apply(taskId, {}, 'campaigner'), 403, 'FORBIDDEN');
    expectError(await apply(taskId, { effectiveDate: '2089-02-30' }), 400, 'RECODING_INVALID');
    expectError(await apply(taskId, { effectiveDate: 'soon' }), 400, 'VALIDATION_FAILED');
    expectError(await apply(taskId, { extra: true }), 400, 'VALIDATION_FAILED');
    expectError(await apply(taskId, { documents: [{ documentId: 'no-such-law' }] }), 404, 'LAW_NOT_FOUND');
    const undated = await apply(undatedId, {});
    expectError(undated, 400, 'RECODING_INVALID');
    expect(undated.json().error.message).toContain('give the effective date');
    expectError(await apply('no-such-task', {}), 404, 'RECODING_TASK_NOT_FOUND');
    expect(await countRows(getStore().db, 'law_versions')).toBe(versions);
  });

  it('applies, shows machine suggestions, and the score moves once a reviewer accepts', async () => {
    const applied = okJson<{ task: Task; versions: Array<{ versionId: string; effectiveFrom: string }> }>(
      await send('POST', `/api/v1/recoding-tasks/${taskId}/apply`, 'analyst', {}),
    );
    expect(applied.task.status).toBe('applied');
    expect(applied.versions[0]?.effectiveFrom).toBe(effective);
    const text = okJson<{ provisions: Array<{ citation: string; text: string }> }>(
      await send('GET', `/api/v1/laws/${documentId}/versions/${applied.versions[0]?.versionId}`, null),
    );
    expect(text.provisions.find((p) => p.citation === 's. 2')?.text).toBe(newPenalty);

    const detail = okJson<Detail>(await send('GET', `/api/v1/recoding-tasks/${taskId}`, 'viewer'));
    const pn = detail.suggestions.find((s) => s.indicatorId === 'PN-01');
    expect(pn).toMatchObject({ answer: 'yes', affected: true, label: 'machine-suggested, not reviewed' });
    expect(detail.score?.effective).toBe(detail.score?.dayBefore);

    okJson(await send('POST', `/api/v1/suggestions/${pn?.id}/accept`, 'reviewer', {}));
    const after = okJson<Detail>(await send('GET', `/api/v1/recoding-tasks/${taskId}`, 'viewer'));
    expect(after.score?.dayBefore).toBeCloseTo(50, 9);
    expect(after.score?.effective).toBeCloseTo((19 / 28) * 100, 9);
    expect(after.counts.accepted).toBe(1);

    expectError(
      await send('POST', `/api/v1/recoding-tasks/${taskId}/apply`, 'analyst', {}),
      409,
      'RECODING_STATE_INVALID',
    );
    expectError(
      await send('POST', `/api/v1/recoding-tasks/${taskId}/dismiss`, 'analyst', { reason: 'late' }),
      409,
      'RECODING_STATE_INVALID',
    );
  });

  it('dismisses an open task with a reason (laws:write only)', async () => {
    const dismiss = (body: unknown, who: Parameters<typeof send>[2] = 'reviewer') =>
      send('POST', `/api/v1/recoding-tasks/${undatedId}/dismiss`, who, body);
    expectError(await dismiss({ reason: 'x' }, 'viewer'), 403, 'FORBIDDEN');
    expectError(await dismiss({}), 400, 'VALIDATION_FAILED');
    const t = okJson<Task & { note: string }>(await dismiss({ reason: 'no library text to amend' }));
    expect(t).toMatchObject({ status: 'dismissed', note: 'no library text to amend' });
    expectError(
      await send('POST', `/api/v1/recoding-tasks/${undatedId}/apply`, 'analyst', {
        effectiveDate: '2089-06-01',
      }),
      409,
      'RECODING_STATE_INVALID',
    );
  });
});
