/** The privacy ledger of each case dataset: ε spent and left per year, and what each release cost. */
import type { LedgerRelease, PrivacyLedger } from '../api/case-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { LoadState } from './load-state.tsx';
import { ScrollTable } from './scroll-table.tsx';

function Costs({ ledger }: { ledger: PrivacyLedger }) {
  const { t } = useI18n();
  const { api } = useSession();
  const costs = useLoad<LedgerRelease[]>(
    () => api.ledgerReleases(ledger.dataset, ledger.year),
    [api, ledger.dataset, ledger.year, ledger.releases],
  );
  return (
    <>
      <LoadState loading={costs.data === null && !costs.error} error={costs.error} />
      {costs.data ? (
        <ScrollTable
          id={`costs-${ledger.id}`}
          caption={t('app.cases.costsCaption', { dataset: ledger.dataset, year: ledger.year })}
        >
          <thead>
            <tr>
              <th scope="col">{t('app.cases.releaseStatistic')}</th>
              <th scope="col">{t('app.cases.cost')}</th>
              <th scope="col">{t('app.cases.releasedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {costs.data.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.statistic}</th>
                <td>{c.epsilon}</td>
                <td>{c.releasedAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </>
  );
}

/** The ledgers of case datasets (`cases/<name>`) with each one's releases. */
export function CaseLedger({ version }: { version: number }) {
  const { t } = useI18n();
  const { api, state } = useSession();
  const ledgers = useLoad(() => api.privacyLedgers(), [api, state?.activeOrganizationId, version]);
  const mine = (ledgers.data ?? []).filter((l) => l.dataset.startsWith('cases/'));
  return (
    <>
      <p>{t('app.cases.ledgerIntro')}</p>
      <LoadState loading={ledgers.data === null && !ledgers.error} error={ledgers.error} />
      {ledgers.data && mine.length === 0 ? <p>{t('app.cases.noLedgers')}</p> : null}
      {mine.length > 0 ? (
        <ScrollTable id="case-ledgers" caption={t('app.cases.ledgerCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('app.cases.ledgerDataset')}</th>
              <th scope="col">{t('app.cases.ledgerYear')}</th>
              <th scope="col">{t('app.cases.spent')}</th>
              <th scope="col">{t('app.cases.remaining')}</th>
              <th scope="col">{t('app.cases.cap')}</th>
              <th scope="col">{t('app.cases.ledgerReleases')}</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.dataset}</th>
                <td>{l.year}</td>
                <td>{l.spentEpsilon}</td>
                <td>{l.remainingEpsilon}</td>
                <td>{l.epsilonCap}</td>
                <td>{l.releases}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
      {mine.map((l) => (
        <Costs key={l.id} ledger={l} />
      ))}
    </>
  );
}
