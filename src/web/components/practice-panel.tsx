/**
 * The compare page's practice panel: for one chosen indicator, each jurisdiction's published enforcement
 * figures by year with their source and date (GET /api/v1/public/practice). Headed as practice data that is
 * not part of the law score; the figures never enter the comparison's scores.
 */
import { useState } from 'react';
import { practiceLinks } from '../../core/statistics/practice-links.ts';
import type { PracticeView } from '../api/practice-endpoints.ts';
import { Localized, useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { SelectField } from './field.tsx';
import { LoadState } from './load-state.tsx';
import { ScrollTable } from './scroll-table.tsx';

/** One jurisdiction's figures for the chosen indicator. */
function PracticeTable({ id, name, indicator }: { id: string; name: string; indicator: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const view = useLoad<PracticeView>(() => api.practice(id, indicator), [api, id, indicator]);
  const line = view.data?.indicators[0];
  // Case-release series are their own rows, marked as drawn from case data with their privacy method.
  const rows = (line?.series ?? []).flatMap((s) =>
    s.points.map((p) => ({
      ...p,
      measure: s.measure,
      label:
        s.origin === 'case_release' ? t('practice.case.series') : t(`app.statistics.measure.${s.measure}`),
    })),
  );
  return (
    <>
      <LoadState loading={view.data === null && !view.error} error={view.error} />
      {view.data && rows.length === 0 ? (
        <p>
          {name}: {t('practice.noneFor', { id: indicator })}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ScrollTable id={`practice-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`} caption={`${name}: ${indicator}`}>
          <thead>
            <tr>
              <th scope="col">{t('practice.year')}</th>
              <th scope="col">{t('practice.measure')}</th>
              <th scope="col">{t('practice.value')}</th>
              <th scope="col">{t('practice.source')}</th>
              <th scope="col">{t('practice.sourceDate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows
              .sort((a, b) => a.year - b.year || (a.label < b.label ? -1 : 1))
              .map((p) => (
                <tr key={`${p.year}|${p.label}`}>
                  <th scope="row">{p.year}</th>
                  <td>{p.label}</td>
                  <td>
                    {p.value === null ? `< ${p.below ?? ''}` : p.value} {t(`practice.unit.${p.unit}`)}
                  </td>
                  <td>
                    {p.privacy
                      ? t(`practice.case.${p.privacy.mechanism}`, {
                          k: p.privacy.k,
                          epsilon: p.privacy.epsilon,
                        })
                      : p.source}
                  </td>
                  <td>{p.sourceDate}</td>
                </tr>
              ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </>
  );
}

/** The panel: an indicator picker and one table per jurisdiction. */
export function PracticePanel({
  jurisdictions,
}: {
  jurisdictions: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { t } = useI18n();
  const [indicator, setIndicator] = useState('VI-01');
  const reason = practiceLinks.find((l) => l.indicatorId === indicator)?.reason;
  return (
    <section aria-labelledby="practice-panel" className="practice-panel">
      <h2 id="practice-panel">{t('practice.panel')}</h2>
      <p>{t('practice.panelIntro')}</p>
      <SelectField
        label={t('practice.indicator')}
        name="practiceIndicator"
        value={indicator}
        onChange={setIndicator}
      >
        {practiceLinks.map((l) => (
          <option key={l.indicatorId} value={l.indicatorId}>
            {l.indicatorId}
          </option>
        ))}
      </SelectField>
      {reason ? (
        <p>
          <Localized text={reason} />
        </p>
      ) : null}
      {jurisdictions.map((j) => (
        <PracticeTable key={j.id} id={j.id} name={j.name} indicator={indicator} />
      ))}
    </section>
  );
}
