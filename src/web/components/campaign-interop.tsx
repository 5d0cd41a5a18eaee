/**
 * Campaign export and import in the workspace: on a campaign's page, download links for the OSDI (HAL+JSON) and
 * CSV zip exports; on the board, a form that imports either file (a zip is read as the CSV export, anything else
 * as OSDI) and opens the campaign it created or updated. The server checks everything and names each problem.
 */
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { navigate } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b;

/** Download links for a campaign's OSDI and CSV exports. */
export function CampaignExportLinks({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const base = `/api/v1/campaigns/${encodeURIComponent(campaignId)}`;
  return (
    <section aria-labelledby="campaign-export">
      <h2 id="campaign-export">{t('app.campaignInterop.export')}</h2>
      <p>{t('app.campaignInterop.exportIntro')}</p>
      <ul>
        <li>
          <a href={`${base}/export.osdi.json`} download>
            {t('app.campaignInterop.osdi')}
          </a>
        </li>
        <li>
          <a href={`${base}/export.csv.zip`} download>
            {t('app.campaignInterop.csv')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The import form (shown to those who may write campaigns). */
export function CampaignImportForm() {
  const { t } = useI18n();
  const { api, can } = useSession();
  const action = useAction();
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  if (!can('campaigns:write')) return null;
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setFile(chosen ? { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) } : null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    await action.run(async () => {
      const done = await api.importCampaign(
        isZip(file.bytes)
          ? { format: 'csv', contentBase64: toBase64(file.bytes), name: file.name }
          : { format: 'osdi', content: new TextDecoder().decode(file.bytes), name: file.name },
      );
      navigate(`/campaigns/${encodeURIComponent(done.campaignId)}`);
    });
  };
  return (
    <section aria-labelledby="campaign-import">
      <h2 id="campaign-import">{t('app.campaignInterop.import')}</h2>
      <p>{t('app.campaignInterop.importIntro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={fileId}>{t('app.campaignInterop.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".json,.zip,application/json,application/zip"
            onChange={choose}
            required
          />
        </div>
        <Announcer error={action.error} status={action.status} />
        <button type="submit" className="primary" disabled={action.busy || !file}>
          {t('app.campaignInterop.submit')}
        </button>
      </form>
    </section>
  );
}
