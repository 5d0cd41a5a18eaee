/**
 * The case records import form and the list of imported files: a CSV is read as text, an .xlsx workbook as
 * base64; a refused file lists every problem by row and column (never a cell's value: the server never sends
 * one).
 */
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import type { CaseImport } from '../api/case-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { TextField } from './field.tsx';
import { ImportProblems, type RefusedImport, refusedImport } from './import-problems.tsx';
import { ScrollTable } from './scroll-table.tsx';

function base64(bytes: ArrayBuffer): string {
  let text = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The import form; calls `onImported` after a file is stored. */
export function CaseImportForm({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; csv?: string; xlsx?: string } | null>(null);
  const [dataset, setDataset] = useState('');
  const [jurisdiction, setJurisdiction] = useState('');
  const [problems, setProblems] = useState<RefusedImport | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setProblems(null);
    if (!chosen) return setFile(null);
    const xlsx = /\.xlsx$/i.test(chosen.name);
    setFile(
      xlsx
        ? { name: chosen.name, xlsx: base64(await chosen.arrayBuffer()) }
        : { name: chosen.name, csv: await chosen.text() },
    );
    action.setStatus(t('app.cases.fileRead', { name: chosen.name }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || dataset.trim() === '') return;
    setProblems(null);
    let count = -1;
    const ok = await action.run(async () => {
      try {
        const done = await api.importCases({
          dataset: dataset.trim(),
          fileName: file.name,
          ...(file.xlsx === undefined ? { csv: file.csv ?? '' } : { xlsx: file.xlsx }),
          ...(jurisdiction.trim() ? { jurisdiction: jurisdiction.trim() } : {}),
        });
        count = done.records;
      } catch (err) {
        const refused = refusedImport(err, 'CASES_IMPORT_INVALID');
        if (!refused) throw err;
        setProblems(refused);
      }
    });
    if (ok && count >= 0) {
      action.setStatus(t('app.cases.imported', { count, dataset: dataset.trim() }));
      onImported();
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="hint">{t('app.cases.importHint')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('app.cases.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={choose}
          required
        />
      </div>
      <TextField
        label={t('app.cases.dataset')}
        hint={t('app.cases.datasetHint')}
        name="dataset"
        value={dataset}
        onChange={setDataset}
        required
      />
      <TextField
        label={t('app.cases.jurisdiction')}
        name="jurisdiction"
        value={jurisdiction}
        onChange={setJurisdiction}
      />
      <div role="alert">{problems ? <ImportProblems refused={problems} screen="app.cases" /> : null}</div>
      <Announcer error={action.error} status={action.status} />
      <button type="submit" className="primary" disabled={action.busy || !file || dataset.trim() === ''}>
        {t('app.cases.submit')}
      </button>
    </form>
  );
}

/** The imported files, newest first. */
export function CaseImportsTable({ imports }: { imports: CaseImport[] }) {
  const { t } = useI18n();
  return (
    <ScrollTable id="case-imports" caption={t('app.cases.imports')}>
      <thead>
        <tr>
          <th scope="col">{t('app.cases.importFile')}</th>
          <th scope="col">{t('app.cases.dataset')}</th>
          <th scope="col">{t('app.cases.importFormat')}</th>
          <th scope="col">{t('app.cases.importRecords')}</th>
          <th scope="col">{t('app.cases.importedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {imports.map((i) => (
          <tr key={i.id}>
            <th scope="row">{i.fileName ?? t('app.cases.untitled')}</th>
            <td>{i.dataset}</td>
            <td>{i.format.toUpperCase()}</td>
            <td>{i.records}</td>
            <td>{i.importedAt.slice(0, 10)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
