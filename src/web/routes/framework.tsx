/** The indicator framework browser: areas with their share, their indicators, and the negative modifiers. */
import { useMemo, useState } from 'react';
import type { Framework, Indicator } from '../api/types.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { IndicatorCard } from '../components/indicator-card.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { Localized, useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';

function matches(framework: Framework, indicator: Indicator, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  const text = [
    indicator.id,
    ...Object.values(indicator.question),
    ...indicator.sources.map((s) => `${s.citation} ${framework.instruments[s.instrument]?.name ?? ''}`),
  ]
    .join(' ')
    .toLowerCase();
  return text.includes(q);
}

function FrameworkBody({ framework }: { framework: Framework }) {
  const { t, locale, pick } = useI18n();
  const [area, setArea] = useState('');
  const [query, setQuery] = useState('');
  const shown = useMemo(
    () =>
      framework.indicators.filter((i) => (!area || i.area === area) && matches(framework, i, query.trim())),
    [framework, area, query],
  );
  const title = pick(framework.title);
  const published = new Date(framework.published).toLocaleDateString(locale, { dateStyle: 'long' });

  return (
    <>
      <p className="intro">
        <span lang={title.lang}>{title.text}</span>
        {' · '}
        {t('app.framework.version', { version: framework.version, date: published })}
        {' · '}
        {t('app.framework.summary', {
          indicators: framework.indicators.length,
          areas: framework.areas.length,
        })}
      </p>
      <search className="filters">
        <SelectField label={t('app.framework.area')} name="area" value={area} onChange={setArea}>
          <option value="">{t('app.framework.allAreas')}</option>
          {framework.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id} · {pick(a.name).text}
            </option>
          ))}
        </SelectField>
        <TextField label={t('app.framework.search')} name="q" value={query} onChange={setQuery} />
      </search>
      <p role="status" className="count">
        {t('app.framework.shown', { count: shown.length })}
      </p>
      {framework.areas
        .filter((a) => shown.some((i) => i.area === a.id))
        .map((a) => (
          <section key={a.id} className="area" aria-labelledby={`area-${a.id}`}>
            <h2 id={`area-${a.id}`}>
              <span className="area-id">{a.id}</span> <Localized text={a.name} />{' '}
              <span className="share">{t('app.framework.share', { share: a.share })}</span>
            </h2>
            <ul className="indicators">
              {shown
                .filter((i) => i.area === a.id)
                .map((i) => (
                  <li key={i.id}>
                    <IndicatorCard framework={framework} indicator={i} />
                  </li>
                ))}
            </ul>
          </section>
        ))}
      <section className="area" aria-labelledby="negative-modifiers">
        <h2 id="negative-modifiers">{t('app.framework.negative')}</h2>
        <p>{t('app.framework.negativeIntro')}</p>
        <ul className="modifiers">
          {framework.negativeModifiers.map((m) => (
            <li key={m.id}>
              <span className="indicator-id">{m.id}</span> <Localized text={m.description} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The framework page (public). */
export function FrameworkPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const loaded = useLoad(() => api.framework(), [api]);
  return (
    <Page title={t('app.framework.title')}>
      <LoadState loading={loaded.data === null} error={loaded.error} />
      {loaded.data ? <FrameworkBody framework={loaded.data} /> : null}
    </Page>
  );
}
