/**
 * One law document: its versions, the text of one version (chosen directly or as the version in force on a
 * date), a form to compare two versions, and for a treaty its parties.
 */
import { type FormEvent, useState } from 'react';
import type { LawWithVersions } from '../api/types.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { ProvisionTree } from '../components/provision-tree.tsx';
import { SuggestionPanel } from '../components/suggestion-panel.tsx';
import { TreatyParties } from '../components/treaty-parties.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { versionOn } from '../lib/law-text.ts';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { lawPath } from './laws.tsx';

function interval(
  t: ReturnType<typeof useI18n>['t'],
  v: { effectiveFrom: string; effectiveTo: string | null },
) {
  return t('app.laws.interval', { from: v.effectiveFrom, to: v.effectiveTo ?? t('app.laws.open') });
}

function LawBody({ law, versionParam, asOf }: { law: LawWithVersions; versionParam: string; asOf: string }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const { document, versions } = law;
  const [date, setDate] = useState(asOf);
  const [from, setFrom] = useState(versions.at(-2)?.id ?? '');
  const [to, setTo] = useState(versions.at(-1)?.id ?? '');
  const chosen = asOf
    ? versionOn(versions, asOf)
    : (versions.find((v) => v.id === versionParam) ?? versions.at(-1) ?? null);
  const text = useLoad(
    () => (chosen ? api.lawVersion(document.id, chosen.id) : Promise.resolve(null)),
    [api, document.id, chosen?.id],
  );

  const showAsOf = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${lawPath(document.id)}${date ? `?asOf=${date}` : ''}`);
  };
  const compare = (event: FormEvent) => {
    event.preventDefault();
    navigate(`${lawPath(document.id)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  };

  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('app.laws.citation')}</dt>
          <dd lang={document.language}>{document.citation}</dd>
        </div>
        <div>
          <dt>{t('app.laws.type')}</dt>
          <dd>{t(`app.laws.docType.${document.type}`)}</dd>
        </div>
        <div>
          <dt>{t('app.laws.jurisdiction')}</dt>
          <dd>
            <code>{document.jurisdictionId}</code>
          </dd>
        </div>
        <div>
          <dt>{t('app.law.language')}</dt>
          <dd>
            <code>{document.language}</code>
          </dd>
        </div>
      </dl>
      <h2>{t('app.law.versions')}</h2>
      <ol className="versions">
        {versions.map((v) => (
          <li key={v.id}>
            {v.id === chosen?.id ? (
              <span aria-current="true">
                <strong>{interval(t, v)}</strong> ({t('app.law.shown')})
              </span>
            ) : (
              <Link to={lawPath(document.id, v.id)}>{interval(t, v)}</Link>
            )}{' '}
            <span className="muted">{t('app.law.provisionCount', { count: v.provisionCount })}</span>
          </li>
        ))}
      </ol>
      <div className="filters">
        <form className="filters" onSubmit={showAsOf}>
          <TextField label={t('app.laws.asOf')} name="asOf" type="date" value={date} onChange={setDate} />
          <div className="field">
            <button type="submit">{t('app.law.showAsOf')}</button>
          </div>
        </form>
        {versions.length > 1 ? (
          <form className="filters" onSubmit={compare}>
            <SelectField label={t('app.law.compareFrom')} name="from" value={from} onChange={setFrom}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {interval(t, v)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('app.law.compareTo')} name="to" value={to} onChange={setTo}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {interval(t, v)}
                </option>
              ))}
            </SelectField>
            <div className="field">
              <button type="submit" disabled={!from || !to || from === to}>
                {t('app.law.compare')}
              </button>
            </div>
          </form>
        ) : null}
      </div>
      {chosen ? (
        <section aria-labelledby="law-text-heading">
          <h2 id="law-text-heading">{t('app.law.text', { interval: interval(t, chosen) })}</h2>
          <LoadState loading={text.data === null && !text.error} error={text.error} />
          {text.data ? <ProvisionTree text={text.data} /> : null}
        </section>
      ) : (
        <p role="status">{t('app.law.noneOn', { date: asOf })}</p>
      )}
      {chosen && text.data && can('org:read') ? (
        <SuggestionPanel
          jurisdictionId={document.jurisdictionId}
          documentId={document.id}
          versionId={chosen.id}
          provisions={text.data.provisions}
          language={document.language}
        />
      ) : null}
      {document.type === 'treaty' ? <TreatyParties treatyId={document.id} asOf={asOf} /> : null}
    </>
  );
}

/** The page of one law document (public). */
export function LawPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const law = useLoad(() => api.law(id), [api, id]);
  const title = law.data?.document.title ?? t('app.law.title');
  return (
    <Page title={title} titleLang={law.data?.document.language}>
      <p>
        <Link to="/laws">{t('app.law.back')}</Link>
      </p>
      <LoadState loading={law.data === null && !law.error} error={law.error} />
      {law.data ? (
        <LawBody
          key={search}
          law={law.data}
          versionParam={params.get('version') ?? ''}
          asOf={params.get('asOf') ?? ''}
        />
      ) : null}
    </Page>
  );
}
