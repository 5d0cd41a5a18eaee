/**
 * One bill action's classes: the imported ones always shown, the analyst's override beside them (who, when,
 * why; marked when orphaned by a re-import). People holding `bills:review` may override the classes (at least
 * one class from the Open States vocabulary and a reason) or remove the override; everyone else reads. The
 * page passes the calls, so it can reload the bill (its stage changes) after each.
 */
import { type FormEvent, useId, useState } from 'react';
import { actionClasses } from '../../core/bills/classification.ts';
import type {
  ActionOverrideBody,
  ActionOverride as ActionOverrideData,
  ActionOverrideRemoveQuery,
  ActionOverrideResult,
  BillActionView,
} from '../api/bill-review.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { TextAreaField } from './field.tsx';

/** Props of `ActionOverride`. */
export interface ActionOverrideProps {
  /** The action as imported (from GET /api/v1/bills/:id `actions`). */
  action: BillActionView;
  /** The override in force on this action (GET /api/v1/bills/:id/overrides `active`, matched by `actionOrder`), or null. */
  override: ActionOverrideData | null;
  /** POST /api/v1/bills/:id/actions/:order/override; resolves with its result. */
  onOverride(body: ActionOverrideBody): Promise<ActionOverrideResult>;
  /** DELETE /api/v1/bills/:id/actions/:order/override?reason=… (`billReviewPaths.removeOverride`); resolves with its result. */
  onRemove(query: ActionOverrideRemoveQuery): Promise<ActionOverrideResult>;
}

type Mode = 'view' | 'edit' | 'remove';

function Classes({ list }: { list: readonly string[] }) {
  const { t } = useI18n();
  if (list.length === 0) return <span className="muted">{t('app.billReview.noClasses')}</span>;
  return (
    <>
      {list.map((c, i) => (
        <span key={c}>
          {i > 0 ? ', ' : ''}
          <code>{c}</code>
        </span>
      ))}
    </>
  );
}

/** An action's imported classes beside the analyst's override, with the override form for `bills:review`. */
export function ActionOverride({ action, override, onOverride, onRemove }: ActionOverrideProps) {
  const { t } = useI18n();
  const { can } = useSession();
  const run = useAction();
  const groupId = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [chosen, setChosen] = useState<string[]>(override?.classification ?? action.classification);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ classes?: string; reason?: string }>({});
  const imported = [...action.classification, ...action.unknownClassification.map((c) => `${c}?`)];

  const toggle = (c: string, on: boolean) =>
    setChosen((list) => (on ? [...list, c] : list.filter((x) => x !== c)));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      ...(chosen.length === 0 ? { classes: t('app.billReview.needClass') } : {}),
      ...(reason.trim() === '' ? { reason: t('app.billReview.needReason') } : {}),
    };
    setProblem(next);
    if (next.classes || next.reason) return;
    void run.run(async () => {
      const ordered = actionClasses.filter((c) => chosen.includes(c));
      const r = await onOverride({ classification: ordered, reason: reason.trim() });
      setMode('view');
      setReason('');
      run.setStatus(t('app.billReview.saved', { stage: t(`app.billReview.stage.${r.stage}`) }));
    });
  };

  const remove = (event: FormEvent) => {
    event.preventDefault();
    void run.run(async () => {
      const r = await onRemove(reason.trim() ? { reason: reason.trim() } : {});
      setMode('view');
      setReason('');
      run.setStatus(t('app.billReview.removed', { stage: t(`app.billReview.stage.${r.stage}`) }));
    });
  };

  const cancel = () => {
    setMode('view');
    setProblem({});
  };

  return (
    <div className="action-override">
      <dl className="facts">
        <div>
          <dt>{t('app.billReview.imported')}</dt>
          <dd>
            <Classes list={imported} />
          </dd>
        </div>
        {override ? (
          <div>
            <dt>{t('app.billReview.override')}</dt>
            <dd>
              <Classes list={override.classification} />{' '}
              <span className="muted">
                {t('app.billReview.overrideBy', {
                  who: override.createdBy,
                  date: override.createdAt.slice(0, 10),
                })}
              </span>
            </dd>
          </div>
        ) : null}
        {override ? (
          <div>
            <dt>{t('app.billReview.reason')}</dt>
            <dd>{override.reason}</dd>
          </div>
        ) : null}
      </dl>
      {override?.orphaned ? <p className="badge badge-verify">{t('app.billReview.orphaned')}</p> : null}
      {can('bills:review') && mode === 'view' ? (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setChosen(override?.classification ?? action.classification);
              setMode('edit');
            }}
          >
            {t(override ? 'app.billReview.change' : 'app.billReview.edit')}
          </button>
          {override ? (
            <>
              {' '}
              <button type="button" onClick={() => setMode('remove')}>
                {t('app.billReview.remove')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {can('bills:review') && mode === 'edit' ? (
        <form className="form" onSubmit={save} noValidate>
          <fieldset aria-describedby={`${groupId}-hint${problem.classes ? ` ${groupId}-error` : ''}`}>
            <legend>{t('app.billReview.classes')}</legend>
            <p className="hint" id={`${groupId}-hint`}>
              {t('app.billReview.classesHint')}
            </p>
            {problem.classes ? (
              <p className="field-error" id={`${groupId}-error`}>
                {problem.classes}
              </p>
            ) : null}
            {actionClasses.map((c) => (
              <div className="field checkbox" key={c}>
                <input
                  id={`${groupId}-${c}`}
                  type="checkbox"
                  checked={chosen.includes(c)}
                  onChange={(e) => toggle(c, e.target.checked)}
                />
                <label htmlFor={`${groupId}-${c}`}>
                  <code>{c}</code>
                </label>
              </div>
            ))}
          </fieldset>
          <TextAreaField
            label={t('app.billReview.reason')}
            hint={t('app.billReview.reasonHint')}
            name={`override-reason-${action.order}`}
            rows={3}
            value={reason}
            onChange={setReason}
            required
            error={problem.reason}
          />
          <button type="submit" className="primary" disabled={run.busy}>
            {t('app.billReview.save')}
          </button>{' '}
          <button type="button" onClick={cancel}>
            {t('app.billReview.cancel')}
          </button>
        </form>
      ) : null}
      {can('bills:review') && mode === 'remove' ? (
        <form className="form" onSubmit={remove}>
          <TextAreaField
            label={t('app.billReview.removeReason')}
            name={`override-remove-${action.order}`}
            rows={2}
            value={reason}
            onChange={setReason}
          />
          <button type="submit" className="primary" disabled={run.busy}>
            {t('app.billReview.confirmRemove')}
          </button>{' '}
          <button type="button" onClick={cancel}>
            {t('app.billReview.cancel')}
          </button>
        </form>
      ) : null}
      <Announcer error={run.error} status={run.status} />
    </div>
  );
}
