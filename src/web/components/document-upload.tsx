/**
 * Uploading a document file of any format for a jurisdiction: the browser sends the bytes (base64) and the
 * server detects the format, reads the file's own metadata, stores the version and, when asked, the analyzer's
 * suggestions (machine-suggested, not reviewed). The result links to the version, where they are reviewed.
 */
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import type { LawFileImportResult } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextField } from './field.tsx';
import { Link } from './link.tsx';

const formats = ['auto', 'text', 'html', 'pdf', 'docx', 'uslm', 'akn', 'clml', 'json'] as const;
type Format = (typeof formats)[number];

/** Base64 of the bytes, in chunks so a large file does not overflow the argument list. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The upload form; calls `onImported` after a version is stored. */
export function DocumentUpload({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const action = useAction();
  const fileId = useId();
  const analyzeId = useId();
  const [jurisdictionId, setJurisdictionId] = useState('');
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [format, setFormat] = useState<Format>('auto');
  const [citation, setCitation] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [analyze, setAnalyze] = useState(can('coding:write'));
  const [result, setResult] = useState<LawFileImportResult | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return setFile(null);
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    setFile({ name: chosen.name, bytes });
    action.setStatus(t('app.upload.read', { name: chosen.name, count: bytes.length }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    await action.run(async () => {
      const done = await api.importLawFile({
        jurisdictionId: jurisdictionId.trim(),
        fileName: file.name,
        contentBase64: toBase64(file.bytes),
        format,
        analyze,
        ...(citation.trim() ? { citation: citation.trim() } : {}),
        ...(effectiveFrom ? { effectiveFrom } : {}),
      });
      setResult(done);
      onImported();
    }, t('app.upload.done'));
  };

  return (
    <section aria-labelledby="document-upload-heading">
      <h2 id="document-upload-heading">{t('app.upload.title')}</h2>
      <p>{t('app.upload.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('app.upload.jurisdiction')}
          hint={t('app.laws.import.jurisdictionHint')}
          name="uploadJurisdiction"
          required
          value={jurisdictionId}
          onChange={setJurisdictionId}
        />
        <div className="field">
          <label htmlFor={fileId}>{t('app.upload.file')}</label>
          <input id={fileId} type="file" onChange={choose} required />
        </div>
        <SelectField
          label={t('app.upload.format')}
          name="uploadFormat"
          value={format}
          onChange={(v) => setFormat((formats as readonly string[]).includes(v) ? (v as Format) : 'auto')}
        >
          {formats.map((f) => (
            <option key={f} value={f}>
              {f === 'auto' ? t('app.upload.formatAuto') : f}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('app.upload.citation')}
          hint={t('app.upload.citationHint')}
          name="uploadCitation"
          value={citation}
          onChange={setCitation}
        />
        <TextField
          label={t('app.upload.effectiveFrom')}
          hint={t('app.upload.dateHint')}
          name="uploadEffectiveFrom"
          type="date"
          value={effectiveFrom}
          onChange={setEffectiveFrom}
        />
        {can('coding:write') ? (
          <div className="field checkbox">
            <input
              id={analyzeId}
              type="checkbox"
              checked={analyze}
              onChange={(e) => setAnalyze(e.target.checked)}
            />
            <label htmlFor={analyzeId}>{t('app.upload.analyze')}</label>
          </div>
        ) : null}
        <Announcer error={action.error} status={action.status} />
        <button type="submit" className="primary" disabled={action.busy || !file}>
          {t('app.upload.submit')}
        </button>
      </form>
      {result ? (
        <div className="notice">
          <p>
            {t(result.outcome === 'created' ? 'app.laws.import.created' : 'app.laws.import.unchanged', {
              count: result.version.provisionCount,
            })}{' '}
            <span lang={result.document.language}>{result.document.title}</span>
          </p>
          {result.analysis ? (
            <p>
              {t('app.upload.suggestions', {
                count: result.analysis.created + result.analysis.unchanged + result.analysis.replaced,
              })}
            </p>
          ) : null}
          <p>
            <Link
              to={`/laws/${encodeURIComponent(result.document.id)}?version=${encodeURIComponent(result.version.id)}`}
            >
              {t('app.upload.open')}
            </Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}
