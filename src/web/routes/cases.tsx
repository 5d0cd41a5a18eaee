/**
 * Case records: import HTCDS files (every problem by row and column), prepare a release and check its published
 * table before publishing it, list imports and releases, and read each dataset's privacy ledger.
 */
import { useState } from 'react';
import type { CaseRelease } from '../api/case-endpoints.ts';
import { CaseImportForm, CaseImportsTable } from '../components/case-import.tsx';
import { CaseLedger } from '../components/case-ledger.tsx';
import {
  PrepareReleaseForm,
  ReleasesTable,
  ReleaseTable,
  useMethodText,
} from '../components/case-releases.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';

/** The case records page. */
export function CasesPage() {
  const { t } = useI18n();
  const { api, state, can } = useSession();
  const org = state?.activeOrganizationId;
  const [version, setVersion] = useState(0);
  const [draft, setDraft] = useState<CaseRelease | null>(null);
  const method = useMethodText();
  const imports = useLoad(() => api.caseImports(), [api, org]);
  const datasets = useLoad(() => api.caseDatasets(), [api, org]);
  const releases = useLoad(() => api.caseReleases(), [api, org]);
  // Reloads keep what is on screen (and the forms mounted) until the new data arrives.
  const reload = () => {
    imports.reload();
    datasets.reload();
    releases.reload();
    setVersion((v) => v + 1);
  };
  const shownDraft = draft && releases.data?.find((r) => r.id === draft.id)?.publishedAt ? null : draft;
  return (
    <Page title={t('app.cases.title')} intro={t('app.cases.intro')}>
      {can('cases:write') ? (
        <section aria-labelledby="cases-import">
          <h2 id="cases-import">{t('app.cases.import')}</h2>
          <CaseImportForm onImported={reload} />
        </section>
      ) : null}
      <section aria-labelledby="cases-imports">
        <h2 id="cases-imports">{t('app.cases.imports')}</h2>
        <LoadState loading={imports.data === null && !imports.error} error={imports.error} />
        {imports.data?.length === 0 ? <p>{t('app.cases.noImports')}</p> : null}
        {imports.data?.length ? <CaseImportsTable imports={imports.data} /> : null}
      </section>
      {can('cases:write') && datasets.data?.length ? (
        <section aria-labelledby="cases-prepare">
          <h2 id="cases-prepare">{t('app.cases.prepare')}</h2>
          <PrepareReleaseForm
            datasets={datasets.data}
            onPrepared={(r) => {
              setDraft(r);
              reload();
            }}
          />
        </section>
      ) : null}
      {shownDraft ? (
        <section aria-labelledby="cases-draft">
          <h2 id="cases-draft">{t('app.cases.draft')}</h2>
          <p>{method(shownDraft)}</p>
          <ReleaseTable release={shownDraft} />
        </section>
      ) : null}
      <section aria-labelledby="cases-releases">
        <h2 id="cases-releases">{t('app.cases.releases')}</h2>
        <LoadState loading={releases.data === null && !releases.error} error={releases.error} />
        {releases.data?.length === 0 ? <p>{t('app.cases.noReleases')}</p> : null}
        {releases.data?.length ? <ReleasesTable releases={releases.data} onChanged={reload} /> : null}
      </section>
      <section aria-labelledby="cases-ledger">
        <h2 id="cases-ledger">{t('app.cases.ledger')}</h2>
        <CaseLedger version={version} />
      </section>
    </Page>
  );
}
