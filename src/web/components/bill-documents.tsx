/** A bill's documents (fiscal notes, analyses…), its citations in session law or code, and its related bills. */
import type { Bill } from '../api/bill-types.ts';
import { dayOf } from '../lib/bill-text.ts';
import { useI18n } from '../lib/i18n.tsx';

/** The documents section of a bill's page. */
export function BillDocuments({ bill }: { bill: Bill }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="bill-documents" className="bill-section">
      <h2 id="bill-documents">{t('app.bill.documents')}</h2>
      {bill.documents.length === 0 ? (
        <p>{t('app.bill.noDocuments')}</p>
      ) : (
        <ul className="bill-documents">
          {bill.documents.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: documents keep the source's order and may share a note.
            <li key={i}>
              <strong>{d.note}</strong> {d.date ? dayOf(d.date) : null}{' '}
              {d.classification ? <span className="muted">({d.classification})</span> : null}
              {d.links.length > 0 ? (
                <ul className="links">
                  {d.links.map((l) => (
                    <li key={l.url}>
                      <a href={l.url}>{l.url}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The citations and related bills section of a bill's page. */
export function BillCitations({ bill }: { bill: Bill }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="bill-citations" className="bill-section">
      <h2 id="bill-citations">{t('app.bill.citations')}</h2>
      {bill.citations.length === 0 ? (
        <p>{t('app.bill.noCitations')}</p>
      ) : (
        <ul className="bill-citations">
          {bill.citations.map((c) => (
            <li key={`${c.publication}|${c.citation}`}>
              <cite>
                {c.url ? (
                  <a href={c.url}>{`${c.publication} ${c.citation}`}</a>
                ) : (
                  `${c.publication} ${c.citation}`
                )}
              </cite>{' '}
              <span className="muted">
                ({t(`app.bill.citationType.${c.citationType}`)}
                {c.effective ? `; ${t('app.bill.effective', { date: dayOf(c.effective) })}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
      {bill.relatedBills.length > 0 ? (
        <>
          <h3>{t('app.bill.related')}</h3>
          <ul>
            {bill.relatedBills.map((r) => (
              <li key={`${r.identifier}|${r.legislativeSession ?? ''}|${r.relationType}`}>
                {r.identifier} {r.legislativeSession ? `(${r.legislativeSession})` : null}{' '}
                <span className="muted">{r.relationType}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
