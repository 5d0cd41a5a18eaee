/**
 * The analyzer's suggestions for one law version, beside its text: each labelled "machine-suggested, not
 * reviewed" until a person accepts (as suggested, or after editing the value and quote) or rejects it. Each
 * evidence quote is shown inside its provision's text, highlighted with <mark>. Suggestions with evidence come
 * first. Only people who may code see the review buttons.
 */
import { type FormEvent, useState } from 'react';
import type { Provision, Suggestion } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextAreaField, TextField } from './field.tsx';
import { LoadState } from './load-state.tsx';

/** The provision text with the quote marked; whitespace differences are tolerated as the server's check does. */
export function MarkedText({ text, quote }: { text: string; quote: string }) {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const match = pattern ? new RegExp(pattern).exec(text) : null;
  if (!match) return <mark>{quote}</mark>;
  return (
    <>
      {text.slice(0, match.index)}
      <mark>{match[0]}</mark>
      {text.slice(match.index + match[0].length)}
    </>
  );
}

type Mode = 'view' | 'edit' | 'reject';

function SuggestionCard({
  s,
  provisions,
  language,
  onReviewed,
}: {
  s: Suggestion;
  provisions: ReadonlyMap<string, Provision>;
  language: string;
  onReviewed(): void;
}) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const action = useAction();
  const [mode, setMode] = useState<Mode>('view');
  const [value, setValue] = useState('');
  const first = s.evidence[0];
  const [provisionId, setProvisionId] = useState(first?.provisionId ?? [...provisions.keys()][0] ?? '');
  const [quote, setQuote] = useState(first?.quote ?? '');
  const [reason, setReason] = useState('');
  const headingId = `suggestion-${s.id}`;

  /** Sends one review, then returns to the view, announces the outcome and refreshes the list. */
  const review = (send: () => Promise<string>) =>
    action.run(async () => {
      const status = await send();
      setMode('view');
      action.setStatus(status);
      onReviewed();
    });
  const acceptedText = (r: Awaited<ReturnType<typeof api.acceptSuggestion>>) =>
    t('app.suggestions.accepted', { value: r.answer?.value ?? '', status: r.answer?.status ?? '' });
  const accept = () => review(async () => acceptedText(await api.acceptSuggestion(s.id)));
  const saveEdit = (event: FormEvent) => {
    event.preventDefault();
    void review(async () =>
      acceptedText(
        await api.acceptSuggestion(s.id, {
          ...(value.trim() ? { value: value.trim() } : {}),
          ...(quote.trim() && provisionId ? { citations: [{ provisionId, quote }] } : {}),
        }),
      ),
    );
  };
  const confirmReject = (event: FormEvent) => {
    event.preventDefault();
    void review(async () => {
      await api.rejectSuggestion(s.id, reason.trim() || null);
      return t('app.suggestions.rejected');
    });
  };
  const formButtons = (submitLabel: string) => (
    <>
      <button type="submit" className="primary" disabled={action.busy}>
        {submitLabel}
      </button>{' '}
      <button type="button" onClick={() => setMode('view')}>
        {t('app.suggestions.cancel')}
      </button>
    </>
  );

  return (
    <article className="card suggestion" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {s.indicatorId}: {t('app.suggestions.answer')}{' '}
        <strong>{t(`app.suggestions.answer.${s.answer}`)}</strong>
      </h3>
      {s.reviewStatus === 'pending' ? (
        <p>
          <strong className="badge badge-machine">{t('app.suggestions.label')}</strong>
        </p>
      ) : (
        <p className="badge">{t(`app.suggestions.status.${s.reviewStatus}`, { who: s.reviewedBy ?? '' })}</p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('app.suggestions.confidence')}</dt>
          <dd>{Math.round(s.confidence * 100)}%</dd>
        </div>
        <div>
          <dt>{t('app.suggestions.analyzer')}</dt>
          <dd>
            <code>{s.analyzerVersion}</code>
          </dd>
        </div>
        <div>
          <dt>{t('app.suggestions.rationale')}</dt>
          <dd lang="en">{s.rationale}</dd>
        </div>
      </dl>
      <h4>{t('app.suggestions.evidence')}</h4>
      {s.evidence.length === 0 ? <p className="muted">{t('app.suggestions.noEvidence')}</p> : null}
      {s.evidence.map((e) => {
        const p = provisions.get(e.provisionId);
        return (
          <figure key={e.provisionId} className="evidence">
            <figcaption lang={language}>{e.citation}</figcaption>
            <blockquote lang={language}>
              {p ? <MarkedText text={p.text} quote={e.quote} /> : <mark>{e.quote}</mark>}
            </blockquote>
          </figure>
        );
      })}
      {s.dropped.length > 0 ? (
        <p className="muted">{t('app.suggestions.dropped', { count: s.dropped.length })}</p>
      ) : null}
      {s.reviewStatus === 'pending' && can('coding:write') ? (
        <>
          {mode === 'view' ? (
            <div className="actions">
              <button type="button" className="primary" disabled={action.busy} onClick={() => void accept()}>
                {t('app.suggestions.accept')}
              </button>{' '}
              <button type="button" disabled={action.busy} onClick={() => setMode('edit')}>
                {t('app.suggestions.edit')}
              </button>{' '}
              <button type="button" disabled={action.busy} onClick={() => setMode('reject')}>
                {t('app.suggestions.reject')}
              </button>
            </div>
          ) : null}
          {mode === 'edit' ? (
            <form className="form" onSubmit={saveEdit}>
              <TextField
                label={t('app.suggestions.value')}
                hint={t('app.suggestions.valueHint')}
                name={`value-${s.id}`}
                value={value}
                onChange={setValue}
              />
              <SelectField
                label={t('app.suggestions.provision')}
                name={`provision-${s.id}`}
                value={provisionId}
                onChange={setProvisionId}
              >
                {[...provisions.values()].map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.citation}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                label={t('app.suggestions.quote')}
                name={`quote-${s.id}`}
                rows={3}
                value={quote}
                onChange={setQuote}
              />
              {formButtons(t('app.suggestions.saveAccept'))}
            </form>
          ) : null}
          {mode === 'reject' ? (
            <form className="form" onSubmit={confirmReject}>
              <TextField
                label={t('app.suggestions.reason')}
                name={`reason-${s.id}`}
                value={reason}
                onChange={setReason}
              />
              {formButtons(t('app.suggestions.confirmReject'))}
            </form>
          ) : null}
        </>
      ) : null}
      <Announcer error={action.error} status={action.status} />
    </article>
  );
}

type Filter = 'found' | 'pending' | 'all';

/** The suggestions of a version, for people of an organization (`org:read`). */
export function SuggestionPanel({
  jurisdictionId,
  documentId,
  versionId,
  provisions,
  language,
}: {
  jurisdictionId: string;
  documentId: string;
  versionId: string;
  provisions: Provision[];
  language: string;
}) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const action = useAction();
  const [filter, setFilter] = useState<Filter>('all');
  const list = useLoad(
    () => api.suggestions({ jurisdiction: jurisdictionId, version: versionId }),
    [api, jurisdictionId, versionId],
  );
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const rank = (s: Suggestion) => (s.answer === 'no' ? 1 : 0);
  const shown = (list.data ?? [])
    .filter((s) =>
      filter === 'found' ? s.evidence.length > 0 : filter === 'pending' ? s.reviewStatus === 'pending' : true,
    )
    .sort((a, b) => rank(a) - rank(b) || a.indicatorId.localeCompare(b.indicatorId));
  const analyze = () =>
    action.run(async () => {
      const r = await api.analyzeVersion(documentId, versionId);
      action.setStatus(
        t('app.suggestions.analyzed', { created: r.created + r.replaced, unchanged: r.unchanged }),
      );
      list.reload();
    });

  return (
    <section aria-labelledby="suggestions-heading" className="suggestions">
      <h2 id="suggestions-heading">{t('app.suggestions.title')}</h2>
      <p>{t('app.suggestions.intro')}</p>
      {can('coding:write') ? (
        <p>
          <button type="button" disabled={action.busy} onClick={() => void analyze()}>
            {t('app.suggestions.analyze')}
          </button>
        </p>
      ) : null}
      <Announcer error={action.error} status={action.status} />
      <SelectField
        label={t('app.suggestions.show')}
        name="suggestionFilter"
        value={filter}
        onChange={(v) => setFilter(v === 'found' || v === 'pending' ? v : 'all')}
      >
        <option value="all">{t('app.suggestions.filter.all')}</option>
        <option value="found">{t('app.suggestions.filter.found')}</option>
        <option value="pending">{t('app.suggestions.filter.pending')}</option>
      </SelectField>
      <LoadState loading={list.data === null && !list.error} error={list.error} />
      {list.data && shown.length === 0 ? <p role="status">{t('app.suggestions.none')}</p> : null}
      {shown.map((s) => (
        <SuggestionCard key={s.id} s={s} provisions={byId} language={language} onReviewed={list.reload} />
      ))}
    </section>
  );
}
