/** The law library: documents with the version in force on a date, filtered by jurisdiction, and the import form. */
import { type FormEvent, useState } from 'react';
import { DocumentUpload } from '../components/document-upload.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { LawImport } from '../components/law-import.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { useJurisdictionNames } from '../lib/use-jurisdiction-names.ts';

/** The app path of a law document, optionally at one version. */
export function lawPath(documentId: string, versionId?: string): string {
  const base = `/laws/${encodeURIComponent(documentId)}`;
  return versionId ? `${base}?version=${encodeURIComponent(versionId)}` : base;
}

/** The law library page (public; importing needs `laws:write`). */
export function LawsPage() {
  const { t, pick } = useI18n();
  const { api, can } = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const jurisdiction = params.get('jurisdiction') ?? '';
  const asOf = params.get('asOf') ?? '';
  const [jurisdictionChoice, setJurisdictionChoice] = useState(jurisdiction);
  const [dateChoice, setDateChoice] = useState(asOf);

  const all = useLoad(() => api.laws({}), [api]);
  const shown = useLoad(
    () => api.laws({ ...(jurisdiction ? { jurisdiction } : {}), ...(asOf ? { asOf } : {}) }),
    [api, jurisdiction, asOf],
  );
  const names = useJurisdictionNames((all.data ?? []).map((l) => l.document.jurisdictionId));
  const nameOf = (id: string) => {
    const name = names.get(id);
    return name ? pick(name) : { text: id, lang: undefined };
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (jurisdictionChoice) next.set('jurisdiction', jurisdictionChoice);
    if (dateChoice) next.set('asOf', dateChoice);
    const qs = next.toString();
    navigate(`/laws${qs ? `?${qs}` : ''}`);
  };
  const reload = () => {
    all.reload();
    shown.reload();
  };
  const rows = shown.data ?? [];

  return (
    <Page title={t('app.laws.title')} intro={t('app.laws.intro')}>
      <search>
        <form className="filters" onSubmit={apply}>
          <SelectField
            label={t('app.laws.jurisdiction')}
            name="jurisdiction"
            value={jurisdictionChoice}
            onChange={setJurisdictionChoice}
          >
            <option value="">{t('app.laws.allJurisdictions')}</option>
            {[...new Set((all.data ?? []).map((l) => l.document.jurisdictionId))].sort().map((id) => (
              <option key={id} value={id}>
                {nameOf(id).text}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('app.laws.asOf')}
            hint={t('app.laws.asOfHint')}
            name="asOf"
            type="date"
            value={dateChoice}
            onChange={setDateChoice}
          />
          <div className="field">
            <button type="submit">{t('app.laws.apply')}</button>
          </div>
        </form>
      </search>
      <LoadState loading={shown.data === null && !shown.error} error={shown.error} />
      {shown.data && rows.length === 0 ? <p>{t('app.laws.none')}</p> : null}
      {rows.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        <section className="table-wrap" aria-labelledby="laws-caption" tabIndex={0}>
          <table className="data">
            <caption id="laws-caption">{t('app.laws.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('app.laws.docTitle')}</th>
                <th scope="col">{t('app.laws.citation')}</th>
                <th scope="col">{t('app.laws.jurisdiction')}</th>
                <th scope="col">{t('app.laws.type')}</th>
                <th scope="col">{t('app.laws.inForce')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ document, version }) => {
                const name = nameOf(document.jurisdictionId);
                return (
                  <tr key={document.id}>
                    <th scope="row">
                      <Link to={lawPath(document.id, version.id)} lang={document.language}>
                        {document.title}
                      </Link>
                    </th>
                    <td lang={document.language}>{document.citation}</td>
                    <td lang={name.lang}>{name.text}</td>
                    <td>{t(`app.laws.docType.${document.type}`)}</td>
                    <td>
                      {t('app.laws.interval', {
                        from: version.effectiveFrom,
                        to: version.effectiveTo ?? t('app.laws.open'),
                      })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      {can('laws:write') ? <LawImport onImported={reload} /> : null}
      {can('laws:write') ? <DocumentUpload onImported={reload} /> : null}
    </Page>
  );
}
