/**
 * A bill's links to framework indicators. The analyzer's suggestions carry the machine-suggested label until a
 * person confirms them. People holding `bills:review` confirm or reject each link (with an optional note), add
 * a link the analyzer missed, and refresh the analyzer's suggestions (decided links are never touched);
 * everyone else reads. The page passes the calls and reloads the links after each.
 */
import { type FormEvent, useState } from 'react';
import type { BillLink, BillLinkBody } from '../api/bill-review.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { TextField } from './field.tsx';

/** Props of `BillLinks`. */
export interface BillLinksProps {
  /** GET /api/v1/bills/:id/links. */
  links: readonly BillLink[];
  /** POST /api/v1/bills/:id/links/:indicatorId (confirm, reject, or add a link); resolves when stored. */
  onDecide(indicatorId: string, body: BillLinkBody): Promise<unknown>;
  /** POST /api/v1/bills/:id/links/refresh; the button shows only when given. */
  onRefresh?: () => Promise<unknown>;
}

function LinkRow({
  link,
  busy,
  decide,
}: {
  link: BillLink;
  busy: boolean;
  decide(indicatorId: string, body: BillLinkBody): void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const [note, setNote] = useState('');
  const withNote = (status: BillLinkBody['status']): BillLinkBody =>
    note.trim() ? { status, note: note.trim() } : { status };
  return (
    <tr>
      <th scope="row">
        <span className="indicator-id">{link.indicatorId}</span>
      </th>
      <td>
        {link.machineSuggested ? (
          <strong className="badge badge-machine">{t('app.billReview.machine')}</strong>
        ) : (
          <>
            {t(`app.billReview.status.${link.status}`)}
            {link.decidedBy ? (
              <span className="muted">
                {' '}
                {t('app.billReview.decidedBy', {
                  who: link.decidedBy,
                  date: (link.decidedAt ?? '').slice(0, 10),
                })}
              </span>
            ) : null}
          </>
        )}
      </td>
      <td>{link.projectedAnswer ? `${link.currentAnswer ?? '—'} → ${link.projectedAnswer}` : '—'}</td>
      <td>{link.note ?? ''}</td>
      {can('bills:review') ? (
        <td>
          <TextField
            label={t('app.billReview.note')}
            name={`link-note-${link.indicatorId}`}
            value={note}
            onChange={setNote}
          />
          {link.status !== 'confirmed' ? (
            <button
              type="button"
              disabled={busy}
              aria-label={t('app.billReview.confirmLabel', { indicator: link.indicatorId })}
              onClick={() => decide(link.indicatorId, withNote('confirmed'))}
            >
              {t('app.billReview.confirm')}
            </button>
          ) : null}{' '}
          {link.status !== 'rejected' ? (
            <button
              type="button"
              disabled={busy}
              aria-label={t('app.billReview.rejectLabel', { indicator: link.indicatorId })}
              onClick={() => decide(link.indicatorId, withNote('rejected'))}
            >
              {t('app.billReview.reject')}
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

/** The bill's indicator links: read-only, or with confirm/reject/add/refresh for `bills:review`. */
export function BillLinks({ links, onDecide, onRefresh }: BillLinksProps) {
  const { t } = useI18n();
  const { can } = useSession();
  const run = useAction();
  const [indicator, setIndicator] = useState('');
  const reviewer = can('bills:review');

  const decide = (indicatorId: string, body: BillLinkBody) =>
    void run.run(async () => {
      await onDecide(indicatorId, body);
      run.setStatus(
        t('app.billReview.decided', {
          indicator: indicatorId,
          status: t(`app.billReview.status.${body.status}`),
        }),
      );
    });

  const add = (event: FormEvent) => {
    event.preventDefault();
    const id = indicator.trim().toUpperCase();
    if (!id) return;
    decide(id, { status: 'confirmed' });
    setIndicator('');
  };

  return (
    <section className="bill-links" aria-labelledby="bill-links-heading">
      <h2 id="bill-links-heading">{t('app.billReview.links')}</h2>
      {links.length === 0 ? (
        <p className="muted">{t('app.billReview.noLinks')}</p>
      ) : (
        <div className="scroll-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('app.billReview.indicator')}</th>
                <th scope="col">{t('app.billReview.status')}</th>
                <th scope="col">{t('app.billReview.projected')}</th>
                <th scope="col">{t('app.billReview.note')}</th>
                {reviewer ? <th scope="col">{t('app.billReview.decide')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <LinkRow key={l.indicatorId} link={l} busy={run.busy} decide={decide} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reviewer ? (
        <>
          <form className="form" onSubmit={add}>
            <TextField
              label={t('app.billReview.addIndicator')}
              hint={t('app.billReview.addIndicatorHint')}
              name="link-add-indicator"
              value={indicator}
              onChange={setIndicator}
            />
            <button type="submit" disabled={run.busy}>
              {t('app.billReview.addSubmit')}
            </button>
          </form>
          {onRefresh ? (
            <button
              type="button"
              disabled={run.busy}
              onClick={() => void run.run(onRefresh, t('app.billReview.refreshed'))}
            >
              {t('app.billReview.refresh')}
            </button>
          ) : null}
        </>
      ) : null}
      <Announcer error={run.error} status={run.status} />
    </section>
  );
}
