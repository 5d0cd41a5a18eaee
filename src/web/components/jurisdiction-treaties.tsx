/** The treaties a jurisdiction has signed or consented to, with its standing, on its report card. */
import type { JurisdictionTreaty } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { Link } from './link.tsx';
import { LoadState } from './load-state.tsx';
import { SourceText } from './treaty-parties.tsx';

function Rows({ rows, asOf }: { rows: JurisdictionTreaty[]; asOf: string }) {
  const { t } = useI18n();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-wrap" aria-labelledby="jurisdiction-treaties-caption" tabIndex={0}>
      <table className="data">
        <caption id="jurisdiction-treaties-caption">
          {t('app.treaties.ofCaption', { count: rows.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('app.treaties.treaty')}</th>
            <th scope="col">{t('app.treaties.action')}</th>
            <th scope="col">{t('app.treaties.consentedOn')}</th>
            <th scope="col">{t('app.treaties.inForceOn')}</th>
            <th scope="col">
              {asOf ? t('app.treaties.standingOn', { date: asOf }) : t('app.treaties.standing')}
            </th>
            <th scope="col">{t('app.treaties.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/laws/${encodeURIComponent(p.treatyId)}`}>{p.treatyTitle}</Link>{' '}
                <span className="muted">{p.treatyCitation}</span>
              </th>
              <td>{t(`app.treaties.action.${p.action}`)}</td>
              <td>{p.consentedOn ?? p.signedOn ?? '—'}</td>
              <td>{p.inForceOn ?? '—'}</td>
              <td>{t(`app.treaties.standing.${p.standing}`)}</td>
              <td>
                <SourceText source={p.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
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
