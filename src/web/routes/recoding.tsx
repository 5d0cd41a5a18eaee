/**
 * Recoding (docs/bill-to-law.md): `/recoding` lists the tasks enacted bills opened; `/recoding/:id` shows one
 * task (the laws it amends, the effective date, the new versions with links to review their suggestions, the
 * suggested answers with the coding they would change, the score either side of the date) and, for analysts,
 * the apply and dismiss forms. Every suggestion stays labelled machine-suggested until a person reviews it.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import type { RecodingTaskDetail } from '../api/recoding-endpoints.ts';
import { Announcer } from '../components/announcer.tsx';
import { TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';

const statuses = ['open', 'applied', 'done', 'dismissed'] as const;
type Status = (typeof statuses)[number];
type Key = Parameters<ReturnType<typeof useI18n>['t']>[0];

const enc = encodeURIComponent;
const fmt = (n: number | null | undefined) => (n === null || n === undefined ? null : n.toFixed(1));

/** The task list with a status filter. */
export function RecodingListPage() {
  const { t } = useI18n();
  const { api, state } = useSession();
  const [status, setStatus] = useState<Status | ''>('');
  const tasks = useLoad(
    () => api.recodingTasks(status || undefined),
    [api, status, state?.activeOrganizationId],
  );
  return (
    <Page title={t('app.recoding.title')} intro={t('app.recoding.intro')}>
      <div className="field">
        <label htmlFor="recoding-status">{t('app.recoding.filter.status')}</label>
        <select
          id="recoding-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as Status | '')}
        >
          <option value="">{t('app.recoding.filter.all')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`app.recoding.status.${s}` as Key)}
            </option>
          ))}
        </select>
      </div>
      <section aria-labelledby="recoding-list">
        <h2 id="recoding-list">{t('app.recoding.list')}</h2>
        <LoadState loading={tasks.data === null && !tasks.error} error={tasks.error} />
        {tasks.data && tasks.data.length === 0 ? <p>{t('app.recoding.none')}</p> : null}
        {tasks.data && tasks.data.length > 0 ? (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('app.recoding.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('app.recoding.bill')}</th>
                  <th scope="col">{t('app.recoding.status')}</th>
                  <th scope="col">{t('app.recoding.effective')}</th>
                  <th scope="col">{t('app.recoding.targets')}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.data.map((task) => (
                  <tr key={task.id}>
                    <th scope="row">
                      <Link to={`/recoding/${enc(task.id)}`}>
                        {task.bill.identifier} ({task.bill.sessionIdentifier})
                      </Link>
                    </th>
                    <td>{t(`app.recoding.status.${task.status}` as Key)}</td>
                    <td>{task.effectiveDate ?? t('app.recoding.effective.none')}</td>
                    <td>{task.targets.map((x) => x.citation).join('; ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}

function ApplyForm({ task, onDone }: { task: RecodingTaskDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [date, setDate] = useState(task.effectiveDate ?? '');
  const [documents, setDocuments] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ids = documents
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const ok = await action.run(
      () =>
        api.applyRecoding(task.id, {
          ...(date.trim() ? { effectiveDate: date.trim() } : {}),
          ...(ids.length > 0 ? { documents: ids.map((documentId) => ({ documentId })) } : {}),
        }),
      t('app.recoding.apply.done'),
    );
    if (ok) onDone();
  };
  return (
    <section aria-labelledby="recoding-apply">
      <h2 id="recoding-apply">{t('app.recoding.apply')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('app.recoding.apply.date')}
          name="effectiveDate"
          value={date}
          onChange={setDate}
        />
        <TextField
          label={t('app.recoding.apply.documents')}
          name="documents"
          value={documents}
          onChange={setDocuments}
        />
        <Announcer error={action.error} status={action.status} />
        <button type="submit" className="primary" disabled={action.busy}>
          {t('app.recoding.apply.submit')}
        </button>
      </form>
    </section>
  );
}

function DismissForm({ task, onDone }: { task: RecodingTaskDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => api.dismissRecoding(task.id, reason), t('app.recoding.dismiss.done')))
      onDone();
  };
  return (
    <section aria-labelledby="recoding-dismiss">
      <h2 id="recoding-dismiss">{t('app.recoding.dismiss')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('app.recoding.dismiss.reason')}
          name="reason"
          required
          value={reason}
          onChange={setReason}
        />
        <Announcer error={action.error} status={action.status} />
        <button type="submit" className="danger" disabled={action.busy}>
          {t('app.recoding.dismiss.submit')}
        </button>
      </form>
    </section>
  );
}

function Suggestions({ task }: { task: RecodingTaskDetail }) {
  const { t } = useI18n();
  const version = (versionId: string) => task.newVersions.find((v) => v.versionId === versionId);
  return (
    <section aria-labelledby="recoding-suggestions">
      <h2 id="recoding-suggestions">{t('app.recoding.suggestions')}</h2>
      <p>{t('app.recoding.suggestions.counts', { ...task.counts })}</p>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{t('app.recoding.suggestions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('app.recoding.col.indicator')}</th>
              <th scope="col">{t('app.recoding.col.suggested')}</th>
              <th scope="col">{t('app.recoding.col.before')}</th>
              <th scope="col">{t('app.recoding.col.affected')}</th>
              <th scope="col">{t('app.recoding.col.review')}</th>
            </tr>
          </thead>
          <tbody>
            {task.suggestions
              .filter((s) => s.affected)
              .map((s) => {
                const v = version(s.versionId);
                return (
                  <tr key={s.id}>
                    <th scope="row">{s.indicatorId}</th>
                    <td>{s.answer}</td>
                    <td>{s.before?.value ?? t('app.recoding.notCoded')}</td>
                    <td>{s.affected ? t('app.recoding.yes') : t('app.recoding.no')}</td>
                    <td>
                      {s.label ? <span className="badge">{t('app.suggestions.label')}</span> : s.reviewStatus}{' '}
                      {v ? (
                        <Link to={`/laws/${enc(v.documentId)}?version=${enc(v.versionId)}`}>
                          {t('app.recoding.version.review')}
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Facts({ task }: { task: RecodingTaskDetail }) {
  const { t } = useI18n();
  const rows: Array<[string, ReactNode]> = [
    [t('app.recoding.status'), t(`app.recoding.status.${task.status}` as Key)],
    [
      t('app.recoding.effective'),
      task.effectiveDate
        ? `${task.effectiveDate}${task.effectiveSource ? ` (${t(`app.recoding.effective.source.${task.effectiveSource}` as Key)})` : ''}`
        : t('app.recoding.effective.none'),
    ],
  ];
  if (task.score) {
    rows.push([
      t('app.recoding.score'),
      t('app.recoding.score.text', {
        before: fmt(task.score.dayBefore) ?? t('app.recoding.score.none'),
        after: fmt(task.score.effective) ?? t('app.recoding.score.none'),
        date: task.score.asOf,
      }),
    ]);
  }
  if (task.note) rows.push([t('app.recoding.history'), t('app.recoding.note', { note: task.note })]);
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One task. */
export function RecodingTaskPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const task = useLoad(() => api.recodingTask(id), [api, id]);
  const data = task.data;
  return (
    <Page title={data ? `${t('app.recoding.title')}: ${data.bill.identifier}` : t('app.recoding.title')}>
      <LoadState loading={data === null && !task.error} error={task.error} />
      {data ? (
        <>
          <p>
            <Link to={`/bills/${enc(data.billId)}`}>{data.bill.title}</Link>
          </p>
          <Facts task={data} />
          <section aria-labelledby="recoding-targets">
            <h2 id="recoding-targets">{t('app.recoding.targets')}</h2>
            {data.targets.length === 0 ? <p>{t('app.recoding.targets.none')}</p> : null}
            <ul>
              {data.targets.map((x) => (
                <li key={x.documentId}>
                  <Link to={`/laws/${enc(x.documentId)}`}>{x.citation}</Link> ({x.title}):{' '}
                  {x.billCitation
                    ? t('app.recoding.target.bill', { citation: x.billCitation })
                    : t('app.recoding.target.analyst')}
                </li>
              ))}
            </ul>
            {data.unmatchedCitations.length > 0 ? (
              <p>{t('app.recoding.unmatched', { list: data.unmatchedCitations.join('; ') })}</p>
            ) : null}
          </section>
          {data.newVersions.length > 0 ? (
            <section aria-labelledby="recoding-versions">
              <h2 id="recoding-versions">{t('app.recoding.versions')}</h2>
              <ul>
                {data.newVersions.map((v) => (
                  <li key={v.versionId}>
                    <Link to={`/laws/${enc(v.documentId)}?version=${enc(v.versionId)}`}>
                      {t('app.recoding.version.link', {
                        citation:
                          data.targets.find((x) => x.documentId === v.documentId)?.citation ?? v.documentId,
                        date: v.effectiveFrom,
                      })}
                    </Link>
                    : {t(`app.recoding.version.${v.origin}` as Key)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {data.suggestions.length > 0 ? <Suggestions task={data} /> : null}
          {data.status === 'open' && can('laws:write') ? (
            <>
              <ApplyForm task={data} onDone={task.reload} />
              <DismissForm task={data} onDone={task.reload} />
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

/** `/recoding` and `/recoding/:id` (members only: wrap in the org:read guard); null for any other path. */
export function matchRecodingPath(path: string): { id: string | null } | null {
  if (path === '/recoding') return { id: null };
  const m = /^\/recoding\/([^/]+)$/.exec(path);
  if (!m?.[1]) return null;
  try {
    return { id: decodeURIComponent(m[1]) };
  } catch {
    return null;
  }
}

/** The page for `/recoding` or `/recoding/:id`, wrapped by `guard` (the workspace's org:read guard); null otherwise. */
export function recodingRoute(path: string, guard: (page: ReactNode) => ReactNode): ReactNode {
  const match = matchRecodingPath(path);
  if (!match) return null;
  return guard(match.id === null ? <RecodingListPage /> : <RecodingTaskPage id={match.id} />);
}
