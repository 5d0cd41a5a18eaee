/** The table alternative to the maps: the same jurisdictions with name, OCD id, ISO code and level. */
import { Fragment, useId } from 'react';
import type { Jurisdiction } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { levelName } from '../lib/labels.ts';
import { Link } from './link.tsx';

/** The app path that lists a jurisdiction's subdivisions. */
export function childrenPath(id: string): string {
  return `/jurisdictions?parent=${encodeURIComponent(id)}`;
}

/** An OCD id with line-break opportunities after each `/`, so narrow screens wrap it between segments. */
function OcdId({ id }: { id: string }) {
  const parts = id.split('/');
  return (
    <code>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one id never reorder.
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              /<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </code>
  );
}

/** Renders the jurisdictions as a table; each name opens that jurisdiction's subdivisions. */
export function JurisdictionTable({ caption, rows }: { caption: string; rows: readonly Jurisdiction[] }) {
  const { t, pick } = useI18n();
  const captionId = useId();
  return (
    // On narrow screens the table scrolls sideways; the region takes focus so keyboards can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
      <table className="data">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.jurisdictions.name')}</th>
            <th scope="col">{t('app.jurisdictions.ocdId')}</th>
            <th scope="col">{t('app.jurisdictions.isoCode')}</th>
            <th scope="col">{t('app.jurisdictions.level')}</th>
            <th scope="col">{t('app.report.column')}</th>
            <th scope="col">{t('app.gaps.column')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((j) => {
            const name = pick(j.name);
            return (
              <tr key={j.id}>
                <th scope="row">
                  <Link to={childrenPath(j.id)} lang={name.lang}>
                    {name.text}
                  </Link>
                </th>
                <td>
                  <OcdId id={j.id} />
                </td>
                <td>{j.isoCode ?? '—'}</td>
                <td>{levelName(t, j.level)}</td>
                <td>
                  <Link to={`/report?jurisdiction=${encodeURIComponent(j.id)}`}>
                    {t('app.report.link')}
                    <span className="visually-hidden" lang={name.lang}>
                      {' '}
                      ({name.text})
                    </span>
                  </Link>
                </td>
                <td>
                  <Link to={`/gaps?jurisdiction=${encodeURIComponent(j.id)}`}>
                    {t('app.gaps.link')}
                    <span className="visually-hidden" lang={name.lang}>
                      {' '}
                      ({name.text})
                    </span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
