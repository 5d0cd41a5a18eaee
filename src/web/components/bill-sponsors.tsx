/** A bill's sponsors, each linked to their person page when the sponsorship is linked to a stored person. */
import type { Bill } from '../api/bill-types.ts';
import { personPath } from '../lib/bill-paths.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link } from './link.tsx';

/** The sponsors section of a bill's page. */
export function BillSponsors({ sponsorships }: { sponsorships: Bill['sponsorships'] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="bill-sponsors" className="bill-section">
      <h2 id="bill-sponsors">{t('app.bill.sponsors')}</h2>
      {sponsorships.length === 0 ? (
        <p>{t('app.bill.noSponsors')}</p>
      ) : (
        <ul className="sponsors">
          {sponsorships.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a name may sponsor twice in different roles; the order is the source's.
            <li key={i}>
              {s.personId ? <Link to={personPath(s.personId)}>{s.name}</Link> : <span>{s.name}</span>}{' '}
              <span className="muted">
                ({s.primary ? t('app.bill.primary') : s.classification}
                {s.entityType === 'person' && !s.personId ? `; ${t('app.bill.notLinked')}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
