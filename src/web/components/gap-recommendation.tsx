/**
 * Your organization's recommendation on one gap: the text, its model statutory language and version, a notice
 * when English stands in for the interface language; for writers a disclosure with a form that appends a new
 * version (never edits one), and the history of every version. Forms are hidden on paper; the text stays.
 */
import { type FormEvent, useState } from 'react';
import { localeNames, locales } from '../../core/i18n/locales.ts';
import type { GapRecommendation, Recommendation } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextAreaField } from './field.tsx';

type Locale = (typeof locales)[number];

function EditForm({
  indicatorId,
  current,
  onSaved,
}: {
  indicatorId: string;
  current: GapRecommendation | null;
  onSaved(): void;
}) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const action = useAction();
  // Start from the text shown when it is already in the interface language; a translation starts blank.
  const own = current && !current.fallback && current.locale === locale ? current : null;
  const [target, setTarget] = useState<Locale>(locale);
  const [text, setText] = useState(own?.text ?? '');
  const [model, setModel] = useState(own?.modelLanguage ?? '');
  const [textError, setTextError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setTextError(t('app.rec.textRequired'));
      return;
    }
    setTextError(undefined);
    void action.run(async () => {
      const saved = await api.setRecommendation(indicatorId, target, {
        text: text.trim(),
        modelLanguage: model.trim() ? model.trim() : null,
      });
      action.setStatus(t('app.rec.saved', { version: saved.version, locale: localeNames[saved.locale] }));
      onSaved();
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SelectField
        label={t('app.rec.locale')}
        name="locale"
        value={target}
        onChange={(v) => setTarget(locales.find((l) => l === v) ?? 'en')}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('app.rec.text')}
        name="text"
        rows={4}
        required
        lang={target}
        value={text}
        onChange={setText}
        error={textError}
      />
      <TextAreaField
        label={t('app.rec.modelLanguageField')}
        hint={t('app.rec.modelLanguageHint')}
        name="modelLanguage"
        rows={4}
        lang={target}
        value={model}
        onChange={setModel}
      />
      <Announcer error={action.error} status={action.status} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('app.rec.save')}
        </button>
      </div>
    </form>
  );
}

function History({ indicatorId, version }: { indicatorId: string; version: number }) {
  const { t } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const [entries, setEntries] = useState<Recommendation[] | null>(null);
  const [seen, setSeen] = useState<number | null>(null);

  // Loaded on first opening, and again once a new version has been written.
  const load = (open: boolean) => {
    if (!open || seen === version) return;
    setSeen(version);
    void action.run(async () => setEntries(await api.recommendationHistory(indicatorId)));
  };

  return (
    <details onToggle={(e) => load(e.currentTarget.open)}>
      <summary>{t('app.rec.history')}</summary>
      <Announcer error={action.error} />
      {entries?.length === 0 ? <p className="muted">{t('app.rec.historyEmpty')}</p> : null}
      <ol className="history">
        {(entries ?? []).map((r) => (
          <li key={r.id}>
            <p className="muted">
              {t('app.rec.historyEntry', {
                version: r.version,
                locale: localeNames[r.locale],
                date: r.createdAt.slice(0, 10),
              })}
            </p>
            <p lang={r.locale}>{r.text}</p>
            {r.modelLanguage ? (
              <blockquote className="model-language" lang={r.locale}>
                {r.modelLanguage}
              </blockquote>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** A gap's recommendation for members (nothing for anonymous readers). */
export function GapRecommendationPanel({
  indicatorId,
  recommendation,
  onSaved,
}: {
  indicatorId: string;
  recommendation: GapRecommendation | null;
  onSaved(): void;
}) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  if (!can('org:read')) return null;
  const r = recommendation;
  const headingId = `recommendation-${indicatorId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const lang = r && r.locale !== locale ? r.locale : undefined;
  return (
    <section className="recommendation" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {t('app.rec.heading')}
        {r ? <span className="muted"> · {t('app.rec.version', { version: r.version })}</span> : null}
      </h4>
      {r === null ? <p className="muted">{t('app.rec.none')}</p> : null}
      {r?.fallback ? <p className="notice">{t('app.rec.fallback')}</p> : null}
      {r ? (
        <>
          <p className="recommendation-text" lang={lang}>
            {r.text}
          </p>
          {r.modelLanguage ? (
            <figure className="model-language-figure">
              <figcaption>{t('app.rec.modelLanguage')}</figcaption>
              <blockquote className="model-language" lang={lang}>
                {r.modelLanguage}
              </blockquote>
            </figure>
          ) : null}
        </>
      ) : null}
      {can('recommendations:write') ? (
        <details className="no-print">
          <summary>{t('app.rec.edit')}</summary>
          <EditForm indicatorId={indicatorId} current={r} onSaved={onSaved} />
        </details>
      ) : null}
      {r ? <History indicatorId={indicatorId} version={r.version} /> : null}
    </section>
  );
}
