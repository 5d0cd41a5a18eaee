/**
 * "Code an indicator with this provision": indicator, value of its response type, the evidence quote taken
 * from text selected inside the provision (or typed), and a caution note. Server failures such as
 * EVIDENCE_NOT_FOUND appear in the form's live region.
 */
import { type FormEvent, type RefObject, useEffect, useState } from 'react';
import type { LawVersionText, Provision } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextAreaField } from './field.tsx';

/** The text selected inside `element`, or '' when the selection is empty or reaches outside it. */
function selectionInside(element: HTMLElement | null): string {
  const selection = window.getSelection();
  if (!element || !selection || selection.rangeCount === 0 || selection.isCollapsed) return '';
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode || !element.contains(anchorNode) || !element.contains(focusNode)) return '';
  return selection.toString().trim();
}

/** The coding form for one provision. */
export function CodeAnswer({
  provision,
  text,
  textRef,
  onClose,
}: {
  provision: Provision;
  text: LawVersionText;
  textRef: RefObject<HTMLDivElement | null>;
  onClose(): void;
}) {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const framework = useLoad(() => api.framework(), [api]);
  const [indicatorId, setIndicatorId] = useState('');
  const [value, setValue] = useState('');
  const [quote, setQuote] = useState('');
  const [note, setNote] = useState('');
  const [selected, setSelected] = useState('');
  const headingId = `code-${provision.id}`;

  useEffect(() => {
    // Remember the last selection made inside this provision: pressing the button may move focus.
    const onChange = () => {
      const inside = selectionInside(textRef.current);
      if (inside) setSelected(inside);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [textRef]);

  const indicator = framework.data?.indicators.find((i) => i.id === indicatorId);
  const values = indicator ? Object.keys(framework.data?.responseTypes[indicator.type]?.values ?? {}) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const answer = await api.createAnswer({
        jurisdictionId: text.document.jurisdictionId,
        indicatorId,
        value,
        citations: quote.trim() ? [{ provisionId: provision.id, quote: quote.trim() }] : [],
        ...(note.trim() ? { cautionNote: note.trim() } : {}),
      });
      setQuote('');
      setNote('');
      action.setStatus(t('app.code.done', { indicator: answer.indicatorId, value: answer.value }));
    });
  };

  return (
    <section className="code-answer" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {t('app.code.title')} <span lang={text.document.language}>{provision.citation}</span>
      </h4>
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          label={t('app.code.indicator')}
          name="indicator"
          value={indicatorId}
          onChange={(v) => {
            setIndicatorId(v);
            setValue('');
          }}
        >
          <option value="">{t('app.code.chooseIndicator')}</option>
          {(framework.data?.indicators ?? []).map((i) => (
            <option key={i.id} value={i.id}>
              {i.id} · {pick(i.question).text}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('app.code.value')} name="value" value={value} onChange={setValue}>
          <option value="">{t('app.code.chooseValue')}</option>
          {[...values, 'NA'].map((v) => (
            <option key={v} value={v}>
              {v === 'NA' ? t('app.code.na') : v}
            </option>
          ))}
        </SelectField>
        <p className="hint">{t('app.code.selectHint')}</p>
        <button type="button" onClick={() => setQuote(selected)} disabled={!selected}>
          {t('app.code.useSelection')}
        </button>
        <TextAreaField
          label={t('app.code.quote')}
          hint={t('app.code.quoteHint')}
          name="quote"
          rows={3}
          lang={text.document.language}
          value={quote}
          onChange={setQuote}
        />
        <TextAreaField label={t('app.code.note')} name="note" rows={2} value={note} onChange={setNote} />
        <Announcer error={action.error} status={action.status} />
        <div className="actions">
          <button type="submit" className="primary" disabled={action.busy || !indicatorId || !value}>
            {t('app.code.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('app.code.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
