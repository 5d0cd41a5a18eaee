/** The report card's crosswalk view: the same answers regrouped by an external instrument's provisions. */
import { useState } from 'react';
import type { Framework, ScoreInclude } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { SelectField } from './field.tsx';
import { LoadState } from './load-state.tsx';

const statuses = ['met', 'partial', 'unmet', 'na', 'not_coded'] as const;

/** The panel: a select of the framework's crosswalk instruments and the chosen one's provisions. */
export function CrosswalkPanel({
  jurisdictionId,
  framework,
  asOf,
  include,
}: {
  jurisdictionId: string;
  framework: Framework;
  asOf: string;
  include: ScoreInclude;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const instruments = Object.entries(framework.instruments).filter(([, i]) => i.crosswalk);
  const [instrument, setInstrument] = useState(instruments[0]?.[0] ?? '');
  const report = useLoad(
    () =>
      instrument
        ? api.crosswalk(jurisdictionId, instrument, { ...(asOf ? { asOf } : {}), include })
        : Promise.resolve(null),
    [api, jurisdictionId, instrument, asOf, include],
  );
  if (!instruments.length) return null;
  const data = report.data;
  return (
    <section className="crosswalk" aria-labelledby="crosswalk-heading">
      <h2 id="crosswalk-heading">{t('app.crosswalk.title')}</h2>
      <SelectField
        label={t('app.crosswalk.instrument')}
        name="instrument"
        value={instrument}
        onChange={setInstrument}
      >
        {instruments.map(([id, i]) => (
          <option key={id} value={id}>
            {i.name}
          </option>
        ))}
      </SelectField>
      <LoadState loading={data === null && !report.error} error={report.error} />
      {data ? (
        <>
          <p role="status">
            {statuses.map((s) => `${t(`app.crosswalk.status.${s}`)}: ${data.summary[s] ?? 0}`).join(' · ')}
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
          <section className="table-wrap" aria-labelledby="crosswalk-caption" tabIndex={0}>
            <table className="data">
              <caption id="crosswalk-caption">{t('app.crosswalk.table', { name: data.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('app.crosswalk.provision')}</th>
                  <th scope="col">{t('app.crosswalk.status')}</th>
                  <th scope="col">{t('app.crosswalk.indicators')}</th>
                </tr>
              </thead>
              <tbody>
                {data.provisions.map((p) => (
                  <tr key={p.citation}>
                    <th scope="row">
                      <cite>{p.citation}</cite>
                    </th>
                    <td>{t(`app.crosswalk.status.${p.status}`)}</td>
                    <td>{p.indicators.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </section>
  );
}
