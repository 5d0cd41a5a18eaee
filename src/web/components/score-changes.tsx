/**
 * "What changed between two dates" on the report card: the answers added, removed or changed, each with its
 * value, validity and citations before and after, and the total, grade and area scores before and after.
 */
import { type FormEvent, useState } from 'react';
import type { ScoreChanges as Changes, ScoreInclude } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { TextField } from './field.tsx';
import { LoadState } from './load-state.tsx';

type Answer = Changes['changes'][number]['before'];
const fmt = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));
const signed = (n: number | null, digits = 1) =>
  n === null ? '—' : `${n > 0 ? '+' : ''}${n.toFixed(digits)}`;

function Side({ answer }: { answer: Answer }) {
  const { t } = useI18n();
  if (!answer) return <>—</>;
  return (
    <>
      <strong>{answer.value}</strong>{' '}
      {t('app.changes.valid', { from: answer.validFrom, to: answer.validTo ?? '…' })}
      {answer.citations.length ? (
        <ul className="evidence">
          {answer.citations.map((c) => (
            <li key={`${c.provisionId ?? ''}|${c.citation}`}>
              <cite>{c.citation}</cite>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Result({ data }: { data: Changes }) {
  const { t } = useI18n();
  const s = data.score;
  return (
    <>
      <p role="status">
        {t('app.changes.counts', {
          from: data.from,
          to: data.to,
          added: data.counts.added,
          removed: data.counts.removed,
          changed: data.counts.changed,
        })}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
      <section className="table-wrap" aria-labelledby="changes-score" tabIndex={0}>
        <table className="data">
          <caption id="changes-score">{t('app.changes.scoreTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('app.compare.measure')}</th>
              <th scope="col">{data.from}</th>
              <th scope="col">{data.to}</th>
              <th scope="col">{t('app.changes.delta')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('app.report.total')}</th>
              <td>{fmt(s.totalBefore)}</td>
              <td>{fmt(s.totalAfter)}</td>
              <td>{signed(s.totalDelta)}</td>
            </tr>
            <tr>
              <th scope="row">{t('app.report.grade')}</th>
              <td>{s.gradeBefore ?? '—'}</td>
              <td>{s.gradeAfter ?? '—'}</td>
              <td>—</td>
            </tr>
            {s.areas.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.id}</th>
                <td>{a.before === null ? '—' : Math.round(a.before * 100)}</td>
                <td>{a.after === null ? '—' : Math.round(a.after * 100)}</td>
                <td>{a.delta === null ? '—' : signed(a.delta * 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {data.changes.length ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        <section className="table-wrap" aria-labelledby="changes-answers" tabIndex={0}>
          <table className="data">
            <caption id="changes-answers">{t('app.changes.answers', { count: data.changes.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('app.compare.indicator')}</th>
                <th scope="col">{t('app.changes.change')}</th>
                <th scope="col">{t('app.changes.before')}</th>
                <th scope="col">{t('app.changes.after')}</th>
              </tr>
            </thead>
            <tbody>
              {data.changes.map((c) => (
                <tr key={c.indicatorId}>
                  <th scope="row">{c.indicatorId}</th>
                  <td>{t(`app.changes.kind.${c.change}`)}</td>
                  <td>
                    <Side answer={c.before} />
                  </td>
                  <td>
                    <Side answer={c.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <p>{t('app.changes.none')}</p>
      )}
    </>
  );
}

/** The panel; starts with the five years up to `asOf` (or today). */
export function ScoreChanges({
  jurisdictionId,
  include,
  asOf,
}: {
  jurisdictionId: string;
  include: ScoreInclude;
  asOf: string;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const end = asOf || new Date().toISOString().slice(0, 10);
  const [range, setRange] = useState({ from: `${Number(end.slice(0, 4)) - 5}-01-01`, to: end });
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const changes = useLoad(
    () => api.changes(jurisdictionId, { ...range, include }),
    [api, jurisdictionId, range.from, range.to, include],
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setRange({ from, to });
  };
  return (
    <section className="changes-panel" aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('app.changes.title')}</h2>
      <form className="filters" onSubmit={apply}>
        <TextField label={t('app.changes.from')} name="from" type="date" value={from} onChange={setFrom} />
        <TextField label={t('app.changes.to')} name="to" type="date" value={to} onChange={setTo} />
        <div className="field">
          <button type="submit">{t('app.changes.apply')}</button>
        </div>
      </form>
      <LoadState loading={changes.data === null && !changes.error} error={changes.error} />
      {changes.data ? <Result data={changes.data} /> : null}
    </section>
  );
}
