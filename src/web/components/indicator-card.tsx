/** One indicator of the framework: its question, scoring facts, sources and crosswalk. */
import type { Framework, Indicator } from '../api/types.ts';
import { Localized, useI18n } from '../lib/i18n.tsx';
import { indicatorLevelName, responseTypeName } from '../lib/labels.ts';

/** The external frameworks an indicator maps to, grouped by instrument name (crosswalk instruments only). */
export function crosswalkOf(framework: Framework, indicator: Indicator): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const source of indicator.sources) {
    const instrument = framework.instruments[source.instrument];
    if (!instrument?.crosswalk) continue;
    const list = groups.get(instrument.name) ?? [];
    list.push(source.citation);
    groups.set(instrument.name, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Renders one indicator as an article headed by its id and question. */
export function IndicatorCard({ framework, indicator }: { framework: Framework; indicator: Indicator }) {
  const { t, locale } = useI18n();
  // Instrument names and citations exist only in English.
  const english = locale === 'en' ? undefined : 'en';
  const headingId = `indicator-${indicator.id}`;
  const crosswalk = crosswalkOf(framework, indicator);
  return (
    <article className="indicator" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="indicator-id">{indicator.id}</span> <Localized text={indicator.question} />
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('app.indicator.type')}</dt>
          <dd>
            <abbr title={responseTypeName(t, indicator.type)}>{indicator.type}</abbr>{' '}
            <span className="muted">({responseTypeName(t, indicator.type)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('app.indicator.weight')}</dt>
          <dd>
            {indicator.weight}
            {indicator.weight === 3 ? ` (${t('app.indicator.core')})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('app.indicator.level')}</dt>
          <dd>
            {indicator.level} <span className="muted">({indicatorLevelName(t, indicator.level)})</span>
          </dd>
        </div>
      </dl>
      <dl className="refs">
        <dt>{t('app.indicator.sources')}</dt>
        <dd>
          <ul>
            {indicator.sources.map((s) => (
              <li key={`${s.instrument}|${s.citation}`}>
                <span lang={english}>{s.citation}</span>
                <span className="muted" lang={english}>
                  {' '}
                  — {framework.instruments[s.instrument]?.name ?? s.instrument}
                </span>
                {s.verify ? <span className="badge badge-verify">{t('app.indicator.verify')}</span> : null}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('app.indicator.crosswalk')}</dt>
        <dd>
          {crosswalk.length === 0 ? (
            <span className="muted">{t('app.indicator.noCrosswalk')}</span>
          ) : (
            <ul>
              {crosswalk.map(([name, citations]) => (
                <li key={name}>
                  <strong lang={english}>{name}</strong>: <span lang={english}>{citations.join('; ')}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </article>
  );
}
