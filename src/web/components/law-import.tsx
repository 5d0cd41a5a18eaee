/** The import form of the law library: a document version from plain text or lawgap JSON, pasted or read from a file. */
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import type { LawImportResult } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextAreaField, TextField } from './field.tsx';
import { Link } from './link.tsx';

/** Imports a version, then calls `onImported`. The file is read in the browser; nothing else is uploaded. */
export function LawImport({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const fileId = useId();
  const [jurisdictionId, setJurisdictionId] = useState('');
  const [format, setFormat] = useState<'text' | 'json'>('text');
  const [content, setContent] = useState('');
  const [citation, setCitation] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState('');
  const [result, setResult] = useState<LawImportResult | null>(null);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    setContent(text);
    if (file.name.toLowerCase().endsWith('.json')) setFormat('json');
    action.setStatus(t('app.laws.import.fileRead', { name: file.name, count: text.length }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    await action.run(async () => {
      const done = await api.importLaw({
        jurisdictionId: jurisdictionId.trim(),
        format,
        content,
        ...(citation.trim() ? { citation: citation.trim() } : {}),
        ...(effectiveFrom ? { effectiveFrom } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(language.trim() ? { language: language.trim() } : {}),
      });
      setResult(done);
      onImported();
    }, t('app.laws.import.done'));
  };

  return (
    <section aria-labelledby="law-import-heading">
      <h2 id="law-import-heading">{t('app.laws.import.title')}</h2>
      <p>{t('app.laws.import.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('app.laws.import.jurisdiction')}
          hint={t('app.laws.import.jurisdictionHint')}
          name="jurisdictionId"
          required
          value={jurisdictionId}
          onChange={setJurisdictionId}
        />
        <SelectField
          label={t('app.laws.import.format')}
          name="format"
          value={format}
          onChange={(v) => setFormat(v === 'json' ? 'json' : 'text')}
        >
          <option value="text">{t('app.laws.import.formatText')}</option>
          <option value="json">{t('app.laws.import.formatJson')}</option>
        </SelectField>
        <div className="field">
          <label htmlFor={fileId}>{t('app.laws.import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".txt,.json,text/plain,application/json"
            onChange={readFile}
          />
        </div>
        <TextAreaField
          label={t('app.laws.import.content')}
          hint={t('app.laws.import.contentHint')}
          name="content"
          rows={8}
          required
          value={content}
          onChange={setContent}
        />
        <TextField
          label={t('app.laws.import.citation')}
          hint={t('app.laws.import.optionalJson')}
          name="citation"
          value={citation}
          onChange={setCitation}
        />
        <TextField
          label={t('app.laws.import.effectiveFrom')}
          hint={t('app.laws.import.optionalJson')}
          name="effectiveFrom"
          type="date"
          value={effectiveFrom}
          onChange={setEffectiveFrom}
        />
        <TextField label={t('app.laws.import.docTitle')} name="title" value={title} onChange={setTitle} />
        <TextField
          label={t('app.laws.import.language')}
          hint={t('app.laws.import.languageHint')}
          name="language"
          value={language}
          onChange={setLanguage}
        />
        <Announcer error={action.error} status={action.status} />
        <button type="submit" className="primary" disabled={action.busy || !content}>
          {t('app.laws.import.submit')}
        </button>
      </form>
      {result ? (
        <div className="notice">
          <p>
            {t(result.outcome === 'created' ? 'app.laws.import.created' : 'app.laws.import.unchanged', {
              count: result.version.provisionCount,
            })}{' '}
            <Link
              to={`/laws/${encodeURIComponent(result.document.id)}?version=${encodeURIComponent(result.version.id)}`}
            >
              <span lang={result.document.language}>{result.document.title}</span>
            </Link>
          </p>
          {result.notes.length ? (
            <ul lang="en">
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
