/**
 * Review and publishing of coded answers: each answer's value, status and coder, the moves the session may
 * make (confirm a suggestion, review, publish, send back, withdraw) and its history in a disclosure. A coder
 * cannot review their own answer; the button is disabled with the reason. Server refusals such as
 * QC_DIVERGENCE_OPEN are announced in the answer's live region.
 */
import { useId, useState } from 'react';
import type { MessageKey } from '../../core/i18n/messages.ts';
import type { AnswerHistoryEntry, CodedAnswer, CodingStatus } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { formatDate } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';

/** A status move shown as a button: target status, permission needed and label. */
interface Move {
  to: CodingStatus;
  permission: string;
  label: MessageKey;
}

/** The moves out of each status (docs/coding.md). */
const moves: Record<CodingStatus, readonly Move[]> = {
  suggested: [{ to: 'coded', permission: 'coding:write', label: 'app.answers.confirm' }],
  coded: [{ to: 'reviewed', permission: 'coding:review', label: 'app.answers.review' }],
  reviewed: [
    { to: 'published', permission: 'coding:publish', label: 'app.answers.publish' },
    { to: 'coded', permission: 'coding:review', label: 'app.answers.sendBack' },
  ],
  published: [{ to: 'reviewed', permission: 'coding:publish', label: 'app.answers.withdraw' }],
};

function History({ answerId }: { answerId: string }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const history = useLoad(() => api.answerHistory(answerId), [api, answerId]);
  if (history.error) return <p className="message message-error">{history.error.text}</p>;
  if (!history.data) return <p className="loading">{t('app.loading')}</p>;
  return (
    <ol className="history">
      {history.data.map((h: AnswerHistoryEntry) => (
        <li key={h.id}>
          {formatDate(locale, h.at, h.at)} ·{' '}
          {/* A person's or token's name when the API knows it; the raw label only for system actors. */}
          {h.actorName ? t('app.answers.by', { name: h.actorName }) : <code>{h.actor}</code>} ·{' '}
          {t(`app.answers.action.${h.action}`, {
            before: h.before ? `${h.before.value} (${t(`app.answers.status.${h.before.status}`)})` : '—',
            after: `${h.after.value} (${t(`app.answers.status.${h.after.status}`)})`,
          })}
        </li>
      ))}
    </ol>
  );
}

function AnswerRow({ answer, onChanged }: { answer: CodedAnswer; onChanged(): void }) {
  const { t } = useI18n();
  const { api, can, state } = useSession();
  const action = useAction();
  const [open, setOpen] = useState(false);
  const ownNoteId = useId();
  const own = state?.user ? answer.coder === `user:${state.user.id}` : false;
  const allowed = moves[answer.status].filter((m) => can(m.permission));

  const move = (m: Move) =>
    void action.run(async () => {
      const next = await api.setAnswerStatus(answer.id, m.to);
      action.setStatus(
        t('app.answers.moved', {
          indicator: next.indicatorId,
          status: t(`app.answers.status.${next.status}`),
        }),
      );
      onChanged();
    });

  return (
    <li className="answer">
      <h3>
        <span className="indicator-id">{answer.indicatorId}</span> = {answer.value}{' '}
        <span className="badge">{t(`app.answers.status.${answer.status}`)}</span>
      </h3>
      <p className="muted">
        {t('app.answers.meta', { coder: answer.coder, from: answer.validFrom, to: answer.validTo ?? '—' })}
      </p>
      {allowed.length ? (
        <div className="actions">
          {allowed.map((m) => {
            const blocked = m.to === 'reviewed' && answer.status === 'coded' && own;
            return (
              <button
                key={m.to}
                type="button"
                onClick={() => move(m)}
                disabled={action.busy || blocked}
                aria-describedby={blocked ? ownNoteId : undefined}
              >
                {t(m.label)}
                <span className="visually-hidden"> ({answer.indicatorId})</span>
              </button>
            );
          })}
          {own && answer.status === 'coded' && can('coding:review') ? (
            <p className="hint" id={ownNoteId}>
              {t('app.answers.ownAnswer')}
            </p>
          ) : null}
        </div>
      ) : null}
      <Announcer error={action.error} status={action.status} />
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t('app.answers.history')}
          <span className="visually-hidden"> ({answer.indicatorId})</span>
        </summary>
        {open ? <History answerId={answer.id} /> : null}
      </details>
    </li>
  );
}

/** Every answer of a jurisdiction valid on the date (as the session may see them), with review actions. */
export function AnswerReview({
  jurisdictionId,
  asOf,
  onChanged,
}: {
  jurisdictionId: string;
  asOf: string;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const answers = useLoad(
    () => api.answers({ jurisdiction: jurisdictionId, ...(asOf ? { asOf } : {}) }),
    [api, jurisdictionId, asOf],
  );
  const changed = () => {
    answers.reload();
    onChanged();
  };
  return (
    <section aria-labelledby="answers-heading" className="no-print">
      <h2 id="answers-heading">{t('app.answers.title', { count: answers.data?.length ?? 0 })}</h2>
      {answers.error ? <p className="message message-error">{answers.error.text}</p> : null}
      {answers.data?.length === 0 ? <p>{t('app.answers.none')}</p> : null}
      <ul className="answers">
        {(answers.data ?? []).map((a) => (
          <AnswerRow key={a.id} answer={a} onChanged={changed} />
        ))}
      </ul>
    </section>
  );
}
