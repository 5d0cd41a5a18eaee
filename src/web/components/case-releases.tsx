/**
 * Case releases: prepare a draft (1–3 attributes, named countries for a country attribute, a year, the ε a
 * repeat spends), see exactly what would be published (suppressed, rounded or noisy counts, never a true
 * count: the server never sends one), publish it, and list every release with its privacy method.
 */
import { type FormEvent, useState } from 'react';
import { caseAttributes, countryAttributes } from '../../core/cases/case-attributes.ts';
import type { CaseDataset, CaseRelease } from '../api/case-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextField } from './field.tsx';
import { ScrollTable } from './scroll-table.tsx';

type Count = CaseRelease['table']['cells'][number]['count'];

function useCountText() {
  const { t, locale } = useI18n();
  return (c: Count) => (c.suppressed ? t('app.cases.below', { k: c.below }) : c.value.toLocaleString(locale));
}

/** The method line of a release. */
export function useMethodText() {
  const { t } = useI18n();
  return (r: Pick<CaseRelease, 'mechanism' | 'k' | 'epsilon'>) =>
    t(`app.cases.method.${r.mechanism}`, { k: r.k, epsilon: r.epsilon });
}

/** One release's published table: one row per cell, the attributes' categories as row headers. */
export function ReleaseTable({ release }: { release: CaseRelease }) {
  const { t } = useI18n();
  const count = useCountText();
  const overall = release.table.totals?.overall ?? null;
  return (
    <ScrollTable
      id={`release-${release.id}`}
      caption={t('app.cases.tableCaption', { statistic: release.statistic })}
    >
      <thead>
        <tr>
          {release.table.attributes.map((a) => (
            <th scope="col" key={a}>
              {t(`app.cases.attr.${a}` as 'app.cases.attr.gender')}
            </th>
          ))}
          <th scope="col">{t('app.cases.count')}</th>
        </tr>
      </thead>
      <tbody>
        {release.table.cells.map((c) => (
          <tr key={c.key.join('|')}>
            {c.key.map((k, i) =>
              i === 0 ? (
                <th scope="row" key={release.table.attributes[i]}>
                  {k}
                </th>
              ) : (
                <td key={release.table.attributes[i]}>{k}</td>
              ),
            )}
            <td>{count(c.count)}</td>
          </tr>
        ))}
        {overall ? (
          <tr>
            <th scope="row" colSpan={release.table.attributes.length}>
              {t('app.cases.total')}
            </th>
            <td>{count(overall)}</td>
          </tr>
        ) : null}
      </tbody>
    </ScrollTable>
  );
}

/** The form that prepares a draft release; calls `onPrepared` with it. */
export function PrepareReleaseForm({
  datasets,
  onPrepared,
}: {
  datasets: CaseDataset[];
  onPrepared(release: CaseRelease): void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const [dataset, setDataset] = useState(datasets[0]?.id ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [countries, setCountries] = useState('');
  const [year, setYear] = useState('');
  const [epsilon, setEpsilon] = useState('0.5');
  const needsCountries = chosen.some((a) => a in countryAttributes);

  const toggle = (a: string, on: boolean) =>
    setChosen((list) => (on ? [...list.filter((x) => x !== a), a] : list.filter((x) => x !== a)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length < 1 || chosen.length > 3) {
      action.setStatus(t('app.cases.pickAttributes'));
      return;
    }
    let made: CaseRelease | null = null;
    const ok = await action.run(async () => {
      made = await api.prepareCaseRelease(dataset, {
        attributes: chosen,
        epsilon: Number(epsilon),
        draft: true,
        ...(year.trim() ? { year: Number(year) } : {}),
        ...(needsCountries ? { countries: countries.split(/[\s,;]+/).filter((c) => c !== '') } : {}),
      });
    }, t('app.cases.prepared'));
    if (ok && made) onPrepared(made);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="hint">{t('app.cases.prepareHint')}</p>
      <SelectField label={t('app.cases.dataset')} name="releaseDataset" value={dataset} onChange={setDataset}>
        {datasets.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="field">
        <legend>{t('app.cases.attributes')}</legend>
        {caseAttributes.map((a) => (
          <label key={a} className="check">
            <input
              type="checkbox"
              name="attributes"
              value={a}
              checked={chosen.includes(a)}
              disabled={!chosen.includes(a) && chosen.length >= 3}
              onChange={(e) => toggle(a, e.target.checked)}
            />{' '}
            {t(`app.cases.attr.${a}` as 'app.cases.attr.gender')}
          </label>
        ))}
      </fieldset>
      {needsCountries ? (
        <TextField
          label={t('app.cases.countries')}
          hint={t('app.cases.countriesHint')}
          name="countries"
          value={countries}
          onChange={setCountries}
        />
      ) : null}
      <TextField label={t('app.cases.year')} name="year" value={year} onChange={setYear} />
      <TextField label={t('app.cases.epsilon')} name="epsilon" value={epsilon} onChange={setEpsilon} />
      <Announcer error={action.error} status={action.status} />
      <button type="submit" className="primary" disabled={action.busy || dataset === ''}>
        {t('app.cases.prepareSubmit')}
      </button>
    </form>
  );
}

/** Every release of the organisation, drafts first to publish. */
export function ReleasesTable({ releases, onChanged }: { releases: CaseRelease[]; onChanged(): void }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const action = useAction();
  const method = useMethodText();
  const publish = async (r: CaseRelease) => {
    if (await action.run(() => api.publishCaseRelease(r.id), t('app.cases.publishedDone'))) onChanged();
  };
  return (
    <>
      <ScrollTable id="case-releases" caption={t('app.cases.releases')}>
        <thead>
          <tr>
            <th scope="col">{t('app.cases.releaseStatistic')}</th>
            <th scope="col">{t('app.cases.dataset')}</th>
            <th scope="col">{t('app.cases.releaseMethod')}</th>
            <th scope="col">{t('app.cases.releaseStatus')}</th>
            <th scope="col">{t('app.cases.releasedAt')}</th>
            {can('cases:write') ? <th scope="col">{t('app.cases.releaseActions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {releases.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.statistic}</th>
              <td>{r.dataset}</td>
              <td>{method(r)}</td>
              <td>{t(r.publishedAt ? 'app.cases.status.published' : 'app.cases.status.draft')}</td>
              <td>{r.releasedAt.slice(0, 10)}</td>
              {can('cases:write') ? (
                <td>
                  {r.publishedAt ? null : (
                    <button type="button" disabled={action.busy} onClick={() => void publish(r)}>
                      {t('app.cases.publish', { statistic: r.statistic })}
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <Announcer error={action.error} status={action.status} />
    </>
  );
}
