/**
 * Jurisdictions side by side: pick 2 to 6 (by OCD id or name), then totals, grades, coverage and area scores,
 * and each indicator's answer, normalized value and citations. `?jurisdiction=A&jurisdiction=B…&asOf=&include=`
 * (members may count unpublished answers). Names are the jurisdictions' own localized names.
 */
import { type FormEvent, Fragment, useId, useMemo, useState } from 'react';
import type { LocalizedText } from '../../core/framework/types.ts';
import type { Comparison, Framework, Jurisdiction, ScoreInclude } from '../api/types.ts';
import { TextField } from '../components/field.tsx';
import { Grade } from '../components/grade.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { PracticePanel } from '../components/practice-panel.tsx';
import { IncludeField } from '../components/score-filters.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { Localized, useI18n } from '../lib/i18n.tsx';
import { includes, reportPath } from '../lib/report-paths.ts';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';

const maxCompared = 6;
const unitedStates = 'ocd-division/country:us';
const fmt = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));

function comparePath(ids: readonly string[], asOf: string, include: ScoreInclude): string {
  const q = new URLSearchParams();
  for (const id of ids) q.append('jurisdiction', id);
  if (asOf) q.set('asOf', asOf);
  if (include !== 'published') q.set('include', include);
  return `/compare?${q.toString()}`;
}

/** A jurisdiction's localized name when the page knows it, else the name the API gave. */
function Name({ id, fallback, names }: { id: string; fallback: string; names: Names }) {
  const name = names.get(id);
  return name ? <Localized text={name} /> : fallback;
}

type Names = ReadonlyMap<string, LocalizedText>;

/** The compare page (public: published answers; members may count unpublished ones). */
export function ComparePage() {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const ids = [...new Set(params.getAll('jurisdiction'))].slice(0, maxCompared);
  const asOf = params.get('asOf') ?? '';
  const requested = params.get('include');
  const include: ScoreInclude = includes.find((i) => i === requested) ?? 'published';
  const [counted, setCounted] = useState<ScoreInclude>(include);
  const key = ids.join('|');
  const [entry, setEntry] = useState('');
  const [date, setDate] = useState(asOf);
  const [entryError, setEntryError] = useState<string | undefined>(undefined);
  const listId = useId();

  const options = useLoad(
    () =>
      Promise.all([
        api.jurisdictions({ level: 'national' }),
        api.jurisdictions({ parent: unitedStates }),
      ]).then(([a, b]) => [...a, ...b]),
    [api],
  );
  const framework = useLoad(() => api.framework(), [api]);
  const comparison = useLoad(
    () =>
      ids.length >= 2
        ? api.compare(ids, { ...(asOf ? { asOf } : {}), ...(include !== 'published' ? { include } : {}) })
        : Promise.resolve(null),
    [api, key, asOf, include],
  );
  const byId = useMemo(() => new Map((options.data ?? []).map((j) => [j.id, j] as const)), [options.data]);
  const names = useMemo(() => new Map([...byId].map(([id, j]) => [id, j.name] as const)), [byId]);

  const find = (text: string): Jurisdiction | null => {
    const q = text.trim().toLowerCase();
    if (!q) return null;
    return (
      byId.get(text.trim()) ??
      (options.data ?? []).find((j) => Object.values(j.name).some((n) => n.toLowerCase() === q)) ??
      null
    );
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const found = find(entry);
    if (!found) return setEntryError(t('app.compare.unknown'));
    if (ids.length >= maxCompared) return setEntryError(t('app.compare.tooMany', { max: maxCompared }));
    setEntryError(undefined);
    setEntry('');
    if (!ids.includes(found.id)) navigate(comparePath([...ids, found.id], asOf, include), { replace: true });
  };
  const remove = (id: string) =>
    navigate(
      comparePath(
        ids.filter((i) => i !== id),
        asOf,
        include,
      ),
      { replace: true },
    );
  const applyDate = (event: FormEvent) => {
    event.preventDefault();
    navigate(comparePath(ids, date, counted));
  };

  const error = comparison.error ?? framework.error;
  return (
    <Page title={t('app.compare.title')} intro={t('app.compare.intro', { max: maxCompared })}>
      <form className="filters" onSubmit={add}>
        <TextField
          label={t('app.compare.add')}
          hint={t('app.compare.addHint')}
          name="jurisdiction"
          value={entry}
          onChange={setEntry}
          list={listId}
          error={entryError}
        />
        <datalist id={listId}>
          {(options.data ?? []).map((j) => (
            <option key={j.id} value={j.id}>
              {pick(j.name).text}
            </option>
          ))}
        </datalist>
        <div className="field">
          <button type="submit">{t('app.compare.addButton')}</button>
        </div>
      </form>
      <h2>{t('app.compare.chosen', { count: ids.length })}</h2>
      {ids.length ? (
        <ul className="chosen">
          {ids.map((id) => {
            const j = byId.get(id);
            const name = j ? pick(j.name) : { text: id, lang: undefined };
            return (
              <li key={id}>
                <span lang={name.lang}>{name.text}</span> <code>{id}</code>{' '}
                <button type="button" onClick={() => remove(id)}>
                  {t('app.compare.remove')}
                  <span className="visually-hidden" lang={name.lang}>
                    {' '}
                    {name.text}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {ids.length < 2 ? <p>{t('app.compare.pickTwo')}</p> : null}
      <form className="filters" onSubmit={applyDate}>
        <TextField label={t('app.laws.asOf')} name="asOf" type="date" value={date} onChange={setDate} />
        <IncludeField value={counted} onChange={setCounted} />
        <div className="field">
          <button type="submit">{t('app.compare.apply')}</button>
        </div>
      </form>
      <LoadState loading={ids.length >= 2 && comparison.data === null && !error} error={error} />
      {comparison.data && framework.data ? (
        <>
          <p role="status">
            {t('app.compare.scope', {
              date: comparison.data.asOf,
              include: t(`app.report.include.${comparison.data.include}`),
            })}
          </p>
          <Totals comparison={comparison.data} framework={framework.data} names={names} />
          <Indicators comparison={comparison.data} framework={framework.data} names={names} />
          <PracticePanel jurisdictions={comparison.data.jurisdictions} />
        </>
      ) : null}
    </Page>
  );
}

/** What both comparison tables read. */
interface TableProps {
  comparison: Comparison;
  framework: Framework;
  names: Names;
}

function Totals({ comparison, framework, names }: TableProps) {
  const { t } = useI18n();
  const js = comparison.jurisdictions;
  return (
    <ScrollTable id="compare-totals" caption={t('app.compare.totals')}>
      <thead>
        <tr>
          <th scope="col">{t('app.compare.measure')}</th>
          {js.map((j) => (
            <th key={j.id} scope="col">
              <Link to={reportPath(j.id, comparison.asOf, comparison.include)}>
                <Name id={j.id} fallback={j.name} names={names} />
              </Link>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('app.report.total')}</th>
          {js.map((j) => (
            <td key={j.id}>{j.total === null ? t('app.report.noScore') : fmt(j.total)}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">{t('app.report.grade')}</th>
          {js.map((j) => (
            <td key={j.id}>
              <Grade grade={j.grade} capped={j.capped} />
            </td>
          ))}
        </tr>
        <tr>
          <th scope="row">{t('app.report.coverage')}</th>
          {js.map((j) => (
            <td key={j.id}>
              {t('app.map.coverageText', {
                percent: Math.round(j.coverage.ratio * 100),
                scored: j.coverage.scored,
                applicable: j.coverage.applicable,
              })}
            </td>
          ))}
        </tr>
        {comparison.areas.map((area) => {
          const meta = framework.areas.find((a) => a.id === area.id);
          return (
            <tr key={area.id}>
              <th scope="row">
                {area.id} {meta ? <Localized text={meta.name} /> : null}
              </th>
              {area.scores.map((s, i) => (
                <td key={js[i]?.id ?? i}>{s === null ? '—' : `${Math.round(s * 100)} %`}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}

function Indicators({ comparison, framework, names }: TableProps) {
  const { t } = useI18n();
  const js = comparison.jurisdictions;
  return (
    <ScrollTable id="compare-indicators" caption={t('app.compare.indicators')} className="data compare">
      <colgroup>
        <col />
      </colgroup>
      {js.map((j) => (
        <colgroup key={j.id} span={3} />
      ))}
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t('app.compare.indicator')}
          </th>
          {js.map((j) => (
            <th key={j.id} scope="colgroup" colSpan={3}>
              <Name id={j.id} fallback={j.name} names={names} />
            </th>
          ))}
        </tr>
        <tr>
          {js.map((j) => (
            <Fragment key={j.id}>
              <th scope="col">{t('app.report.value')}</th>
              <th scope="col">{t('app.compare.normalized')}</th>
              <th scope="col">{t('app.compare.citations')}</th>
            </Fragment>
          ))}
        </tr>
      </thead>
      <tbody>
        {comparison.indicators.map((ind) => {
          const question = framework.indicators.find((i) => i.id === ind.id)?.question;
          return (
            <tr key={ind.id}>
              <th scope="row">
                <span className="indicator-id">{ind.id}</span>{' '}
                {question ? <Localized text={question} /> : null}
              </th>
              {ind.cells.map((cell, i) => (
                <Fragment key={js[i]?.id ?? i}>
                  <td>{cell.value ?? t(`app.report.indicatorStatus.${cell.status}`)}</td>
                  <td>{fmt(cell.normalized, 2)}</td>
                  <td>
                    {cell.citations.length ? (
                      <ul className="evidence">
                        {cell.citations.map((c) => (
                          <li key={`${c.provisionId ?? ''}|${c.citation}`}>
                            <cite>{c.citation}</cite>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    )}
                  </td>
                </Fragment>
              ))}
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
