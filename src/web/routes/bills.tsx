/**
 * The bill list (public): filters by jurisdiction, session, stage, subject and indicator kept in the URL, so a
 * filtered view is a link; each bill with its identifier, title, normalised stage beside the latest action as
 * the source wrote it, and a marker when actions carry classes outside the Open States vocabulary.
 */
import { type FormEvent, useState } from 'react';
import { billStages } from '../../core/bills/types.ts';
import type { BillQuery } from '../api/bill-types.ts';
import { StageText } from '../components/bill-header.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { stageName } from '../lib/bill-labels.ts';
import { type BillFilters, billPath, billsPath, readBillFilters } from '../lib/bill-paths.ts';
import { subjectsOf } from '../lib/bill-text.ts';
import { useI18n } from '../lib/i18n.tsx';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { useJurisdictionNames } from '../lib/use-jurisdiction-names.ts';
import '../styles/bills.css';

/** The API query of the filters; subject and indicator are sent only when set. */
function apiQuery(f: BillFilters): BillQuery {
  const q: BillQuery = {};
  for (const [k, v] of Object.entries(f) as [keyof BillFilters, string][]) if (v) q[k] = v;
  return q;
}

/** The bill list page. */
export function BillsPage() {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const { search } = useLocation();
  const filters = readBillFilters(search);
  const [choice, setChoice] = useState<BillFilters>(filters);
  const set = (name: keyof BillFilters) => (value: string) => setChoice((c) => ({ ...c, [name]: value }));

  const all = useLoad(() => api.bills({}), [api]);
  const framework = useLoad(() => api.framework(), [api]);
  const shown = useLoad(() => api.bills(apiQuery(filters)), [api, search]);
  const everyBill = all.data ?? [];
  const jurisdictions = [...new Set(everyBill.map((b) => b.jurisdictionId))].sort();
  const sessions = [...new Set(everyBill.map((b) => b.sessionIdentifier))].sort();
  const names = useJurisdictionNames(jurisdictions);
  const nameOf = (id: string) => {
    const name = names.get(id);
    return name ? pick(name) : { text: id, lang: undefined };
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(billsPath(choice));
  };
  const rows = shown.data ?? [];

  return (
    <Page title={t('app.bills.title')} intro={t('app.bills.intro')}>
      <search aria-label={t('app.bills.filters')}>
        <form className="filters" onSubmit={apply}>
          <SelectField
            label={t('app.bills.jurisdiction')}
            name="jurisdiction"
            value={choice.jurisdiction}
            onChange={set('jurisdiction')}
          >
            <option value="">{t('app.bills.allJurisdictions')}</option>
            {jurisdictions.map((id) => (
              <option key={id} value={id}>
                {nameOf(id).text}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('app.bills.session')}
            hint={t('app.bills.sessionHint')}
            name="session"
            value={choice.session}
            onChange={set('session')}
            list="bill-sessions"
          />
          <datalist id="bill-sessions">
            {sessions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <SelectField label={t('app.bills.stage')} name="stage" value={choice.stage} onChange={set('stage')}>
            <option value="">{t('app.bills.allStages')}</option>
            {billStages.map((s) => (
              <option key={s} value={s}>
                {stageName(t, s)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('app.bills.subject')}
            name="subject"
            value={choice.subject}
            onChange={set('subject')}
          >
            <option value="">{t('app.bills.allSubjects')}</option>
            {subjectsOf(everyBill).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('app.bills.indicator')}
            name="indicator"
            value={choice.indicator}
            onChange={set('indicator')}
          >
            <option value="">{t('app.bills.allIndicators')}</option>
            {(framework.data?.indicators ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.id}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <button type="submit">{t('app.bills.apply')}</button>
          </div>
        </form>
        {search ? (
          <p>
            <Link to="/bills">{t('app.bills.clear')}</Link>
          </p>
        ) : null}
      </search>
      <LoadState loading={shown.data === null && !shown.error} error={shown.error} />
      {shown.data && rows.length === 0 ? <p role="status">{t('app.bills.none')}</p> : null}
      {rows.length > 0 ? (
        <ScrollTable id="bills-caption" caption={t('app.bills.caption', { count: rows.length })}>
          <thead>
            <tr>
              <th scope="col">{t('app.bills.identifier')}</th>
              <th scope="col">{t('app.bills.billTitle')}</th>
              <th scope="col">{t('app.bills.jurisdiction')}</th>
              <th scope="col">{t('app.bills.session')}</th>
              <th scope="col">{t('app.bills.stage')}</th>
              <th scope="col">{t('app.bills.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => {
              const name = nameOf(b.jurisdictionId);
              return (
                <tr key={b.id}>
                  <th scope="row" className="nowrap">
                    <Link to={billPath(b.id)}>{b.identifier}</Link>
                  </th>
                  <td>{b.title}</td>
                  <td lang={name.lang}>{name.text}</td>
                  <td>{b.sessionIdentifier}</td>
                  <td>
                    <StageText bill={b} />
                  </td>
                  <td>
                    {b.flaggedActions > 0 ? (
                      <span
                        className="badge badge-verify"
                        title={t('app.bills.flaggedLong', { count: b.flaggedActions })}
                      >
                        {t('app.bills.flagged', { count: b.flaggedActions })}
                        <span className="visually-hidden">
                          : {t('app.bills.flaggedLong', { count: b.flaggedActions })}
                        </span>
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      ) : null}
    </Page>
  );
}
