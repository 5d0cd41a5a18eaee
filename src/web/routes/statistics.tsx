/**
 * Enforcement statistics: import a CSV table (read in the browser, sent as text), see every problem by row and
 * column when it is refused, list the organisation's imports and publish them, and read the current figures
 * with their source and date.
 */
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import type { StatisticFigure, StatisticImport } from '../api/statistics-endpoints.ts';
import { Announcer } from '../components/announcer.tsx';
import { TextField } from '../components/field.tsx';
import { ImportProblems, type RefusedImport, refusedImport } from '../components/import-problems.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';

function ImportForm({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [source, setSource] = useState('');
  const [sourceDate, setSourceDate] = useState('');
  const [problems, setProblems] = useState<RefusedImport | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setProblems(null);
    if (!chosen) return setFile(null);
    setFile({ name: chosen.name, text: await chosen.text() });
    action.setStatus(t('app.statistics.fileRead', { name: chosen.name }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setProblems(null);
    let count = 0;
    const ok = await action.run(async () => {
      try {
        const done = await api.importStatistics({
          csv: file.text,
          fileName: file.name,
          ...(source.trim() ? { source: source.trim() } : {}),
          ...(sourceDate ? { sourceDate } : {}),
        });
        count = done.rowCount;
      } catch (err) {
        const refused = refusedImport(err, 'STATISTICS_IMPORT_INVALID');
        if (!refused) throw err;
        setProblems(refused);
        count = -1;
      }
    });
    if (ok && count >= 0) {
      action.setStatus(t('app.statistics.imported', { count }));
      onImported();
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="hint">{t('app.statistics.importHint')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('app.statistics.file')}</label>
        <input id={fileId} type="file" accept=".csv,text/csv" onChange={choose} required />
      </div>
      <TextField
        label={t('app.statistics.defaultSource')}
        name="source"
        value={source}
        onChange={setSource}
      />
      <TextField
        label={t('app.statistics.defaultSourceDate')}
        name="sourceDate"
        type="date"
        value={sourceDate}
        onChange={setSourceDate}
      />
      <div role="alert">
        {problems ? <ImportProblems refused={problems} screen="app.statistics" /> : null}
      </div>
      <Announcer error={action.error} status={action.status} />
      <button type="submit" className="primary" disabled={action.busy || !file}>
        {t('app.statistics.submit')}
      </button>
    </form>
  );
}

function ImportsTable({ imports, onChanged }: { imports: StatisticImport[]; onChanged(): void }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const action = useAction();
  const toggle = async (i: StatisticImport) => {
    const publish = i.status === 'draft';
    const ok = await action.run(
      () => api.publishStatisticImport(i.id, publish),
      t(publish ? 'app.statistics.publishedDone' : 'app.statistics.unpublishedDone'),
    );
    if (ok) onChanged();
  };
  return (
    <>
      <div className="table-wrap">
        <table className="data">
          <caption>{t('app.statistics.imports')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('app.statistics.importFile')}</th>
              <th scope="col">{t('app.statistics.importStatus')}</th>
              <th scope="col">{t('app.statistics.importRows')}</th>
              <th scope="col">{t('app.statistics.importSources')}</th>
              <th scope="col">{t('app.statistics.importedAt')}</th>
              {can('stats:write') ? <th scope="col">{t('app.statistics.importActions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {imports.map((i) => {
              const name = i.fileName ?? t('app.statistics.untitled');
              return (
                <tr key={i.id}>
                  <th scope="row">{name}</th>
                  <td>{t(`app.statistics.status.${i.status}`)}</td>
                  <td>{i.rowCount}</td>
                  <td>{i.sources.join('; ')}</td>
                  <td>{i.createdAt.slice(0, 10)}</td>
                  {can('stats:write') ? (
                    <td>
                      <button type="button" disabled={action.busy} onClick={() => void toggle(i)}>
                        {t(i.status === 'draft' ? 'app.statistics.publish' : 'app.statistics.unpublish', {
                          name,
                        })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Announcer error={action.error} status={action.status} />
    </>
  );
}

function FiguresTable({ figures }: { figures: StatisticFigure[] }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>{t('app.statistics.figures')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.statistics.jurisdiction')}</th>
            <th scope="col">{t('app.statistics.year')}</th>
            <th scope="col">{t('app.statistics.measure')}</th>
            <th scope="col">{t('app.statistics.form')}</th>
            <th scope="col">{t('app.statistics.sex')}</th>
            <th scope="col">{t('app.statistics.ageGroup')}</th>
            <th scope="col">{t('app.statistics.value')}</th>
            <th scope="col">{t('app.statistics.unit')}</th>
            <th scope="col">{t('app.statistics.source')}</th>
            <th scope="col">{t('app.statistics.sourceDate')}</th>
            <th scope="col">{t('app.statistics.importStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.jurisdictionId}</th>
              <td>{f.year}</td>
              <td>{t(`app.statistics.measure.${f.measure}`)}</td>
              <td>{t(`app.statistics.form.${f.form}`)}</td>
              <td>{t(`app.statistics.sex.${f.sex}`)}</td>
              <td>{t(`app.statistics.age.${f.ageGroup}`)}</td>
              <td>{f.value}</td>
              <td>{t(`app.statistics.unit.${f.unit}`)}</td>
              <td>{f.sourceUrl ? <a href={f.sourceUrl}>{f.source}</a> : f.source}</td>
              <td>{f.sourceDate}</td>
              <td>{t(f.published ? 'app.statistics.status.published' : 'app.statistics.status.draft')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The statistics page. */
export function StatisticsPage() {
  const { t } = useI18n();
  const { api, state, can } = useSession();
  const imports = useLoad(() => api.statisticImports(), [api, state?.activeOrganizationId]);
  const figures = useLoad(() => api.statisticFigures(), [api, state?.activeOrganizationId]);
  const reload = () => {
    imports.reload();
    figures.reload();
  };
  return (
    <Page title={t('app.statistics.title')} intro={t('app.statistics.intro')}>
      {can('stats:write') ? (
        <section aria-labelledby="statistics-import">
          <h2 id="statistics-import">{t('app.statistics.import')}</h2>
          <ImportForm onImported={reload} />
        </section>
      ) : null}
      <section aria-labelledby="statistics-imports">
        <h2 id="statistics-imports">{t('app.statistics.imports')}</h2>
        <LoadState loading={imports.data === null && !imports.error} error={imports.error} />
        {imports.data?.length === 0 ? <p>{t('app.statistics.noImports')}</p> : null}
        {imports.data?.length ? <ImportsTable imports={imports.data} onChanged={reload} /> : null}
      </section>
      <section aria-labelledby="statistics-figures">
        <h2 id="statistics-figures">{t('app.statistics.figures')}</h2>
        <LoadState loading={figures.data === null && !figures.error} error={figures.error} />
        {figures.data?.length === 0 ? <p>{t('app.statistics.noFigures')}</p> : null}
        {figures.data?.length ? <FiguresTable figures={figures.data} /> : null}
      </section>
    </Page>
  );
}
