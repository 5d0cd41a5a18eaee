/**
 * The table of treaty party statuses shared by a treaty's page (one row per jurisdiction) and a jurisdiction's
 * report card (one row per treaty): only the row header differs.
 */
import type { ReactNode } from 'react';
import { isHttpUrl } from '../../core/treaties/rules.ts';
import type { TreatyPartyStatus } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { ScrollTable } from './scroll-table.tsx';

/** A source as a link when it is an http(s) URL, else as the citation it is. */
export function SourceText({ source }: { source: string }) {
  return isHttpUrl(source) ? (
    <a href={source} rel="noreferrer noopener" target="_blank">
      {source}
    </a>
  ) : (
    <span>{source}</span>
  );
}

/** A scrollable table of party statuses: `rowHeader` names each row, the other columns are the same for all. */
export function PartyStatusTable<Row extends TreatyPartyStatus>({
  id,
  caption,
  firstColumn,
  rows,
  asOf,
  rowHeader,
}: {
  id: string;
  caption: string;
  firstColumn: string;
  rows: readonly Row[];
  asOf: string;
  rowHeader(row: Row): ReactNode;
}) {
  const { t } = useI18n();
  const dash = '—';
  return (
    <ScrollTable id={id} caption={caption}>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col">{t('app.treaties.action')}</th>
          <th scope="col">{t('app.treaties.signedOn')}</th>
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
            <th scope="row">{rowHeader(p)}</th>
            <td>{t(`app.treaties.action.${p.action}`)}</td>
            <td>{p.signedOn ?? dash}</td>
            <td>{p.consentedOn ?? dash}</td>
            <td>{p.inForceOn ?? dash}</td>
            <td>{t(`app.treaties.standing.${p.standing}`)}</td>
            <td>
              <SourceText source={p.source} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
