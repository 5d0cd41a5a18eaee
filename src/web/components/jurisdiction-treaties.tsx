/** The treaties a jurisdiction has signed or consented to, with its standing, on its report card. */
import type { JurisdictionTreaty } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { Link } from './link.tsx';
import { LoadState } from './load-state.tsx';
import { PartyStatusTable } from './party-status-table.tsx';

function Rows({ rows, asOf }: { rows: JurisdictionTreaty[]; asOf: string }) {
  const { t } = useI18n();
  return (
    <PartyStatusTable
      id="jurisdiction-treaties-caption"
      caption={t('app.treaties.ofCaption', { count: rows.length })}
      firstColumn={t('app.treaties.treaty')}
      rows={rows}
      asOf={asOf}
      rowHeader={(p) => (
        <>
          <Link to={`/laws/${encodeURIComponent(p.treatyId)}`}>{p.treatyTitle}</Link>{' '}
          <span className="muted">{p.treatyCitation}</span>
        </>
      )}
    />
  );
}

/** The "Treaties" section of a jurisdiction's page, standing as of `asOf` (today when empty). */
export function JurisdictionTreaties({ jurisdictionId, asOf }: { jurisdictionId: string; asOf: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const treaties = useLoad(
    () => api.jurisdictionTreaties(jurisdictionId, asOf ? { asOf } : {}),
    [api, jurisdictionId, asOf],
  );
  return (
    <section aria-labelledby="jurisdiction-treaties-heading">
      <h2 id="jurisdiction-treaties-heading">{t('app.treaties.ofJurisdiction')}</h2>
      <LoadState loading={treaties.data === null && !treaties.error} error={treaties.error} />
      {treaties.data && treaties.data.length === 0 ? <p>{t('app.treaties.noneOf')}</p> : null}
      {treaties.data && treaties.data.length > 0 ? <Rows rows={treaties.data} asOf={asOf} /> : null}
    </section>
  );
}
