/**
 * One QC batch: progress and agreement, the variables assigned to the signed-in coder with a coding form each,
 * and the divergences side by side (both coders' values, evidence and dates) with a reconcile form for a
 * reviewer who is neither coder. Refusals such as QC_ALREADY_CODED appear in the form's live region.
 */
import { type FormEvent, useState } from 'react';
import type { Framework, QcBatchReport, QcDivergenceView } from '../api/types.ts';
import { Announcer } from '../components/announcer.tsx';
import { SelectField, TextAreaField, TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { reportPath } from '../lib/report-paths.ts';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { type ProvisionEntry, useJurisdictionProvisions } from '../lib/use-jurisdiction-provisions.ts';
import { Kappa, percent } from './qc.tsx';

/** The codes of an indicator's response type, then NA. */
function codesOf(framework: Framework | null, indicatorId: string): string[] {
  const indicator = framework?.indicators.find((i) => i.id === indicatorId);
  const values = indicator ? Object.keys(framework?.responseTypes[indicator.type]?.values ?? {}) : [];
  return [...values, 'NA'];
}

function ValueOptions({ codes }: { codes: readonly string[] }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">{t('app.code.chooseValue')}</option>
      {codes.map((v) => (
        <option key={v} value={v}>
          {v === 'NA' ? t('app.code.na') : v}
        </option>
      ))}
    </>
  );
}

/** A coder's independent coding of one variable: value, provision and verbatim quote. */
function CodingForm({
  batchId,
  jurisdictionId,
  indicatorId,
  framework,
  provisions,
  coded,
  onDone,
}: {
  batchId: string;
  jurisdictionId: string;
  indicatorId: string;
  framework: Framework | null;
  provisions: readonly ProvisionEntry[];
  /** Already coded by the caller: codings are never edited, so no form. */
  coded: boolean;
  onDone(): void;
}) {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const [value, setValue] = useState('');
  const [provisionId, setProvisionId] = useState('');
  const [quote, setQuote] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const chosen = provisions.find((p) => p.provision.id === provisionId);
  const question = framework?.indicators.find((i) => i.id === indicatorId)?.question;
  const headingId = `qc-code-${jurisdictionId}-${indicatorId}`.replace(/[^A-Za-z0-9_-]/g, '_');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const result = await api.submitQcCoding(batchId, {
        jurisdictionId,
        indicatorId,
        value,
        citations: provisionId && quote.trim() ? [{ provisionId, quote: quote.trim() }] : [],
        ...(validFrom ? { validFrom } : {}),
      });
      action.setStatus(t(`app.qc.outcome.${result.outcome}`, { indicator: indicatorId, value }));
      // Codings are never edited: once in, the form gives way to its outcome.
      setSubmitted(true);
      onDone();
    });
  };

  return (
    <li className="code-answer">
      <h3 id={headingId}>
        <span className="indicator-id">{indicatorId}</span> {question ? pick(question).text : null}{' '}
        <code>{jurisdictionId}</code> {coded ? <span className="badge">{t('app.qc.codedByYou')}</span> : null}
      </h3>
      {coded || submitted ? null : (
        <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
          <SelectField label={t('app.code.value')} name="value" value={value} onChange={setValue}>
            <ValueOptions codes={codesOf(framework, indicatorId)} />
          </SelectField>
          <SelectField
            label={t('app.qc.provision')}
            name="provision"
            value={provisionId}
            onChange={setProvisionId}
          >
            <option value="">{t('app.qc.noProvision')}</option>
            {provisions.map((p) => (
              <option key={p.provision.id} value={p.provision.id}>
                {p.document.citation} {p.provision.citation}
                {p.provision.heading ? ` · ${p.provision.heading}` : ''}
              </option>
            ))}
          </SelectField>
          {chosen ? (
            <blockquote className="provision-text" lang={chosen.document.language}>
              {chosen.provision.text}
            </blockquote>
          ) : null}
          <TextAreaField
            label={t('app.code.quote')}
            hint={t('app.code.quoteHint')}
            name="quote"
            rows={3}
            lang={chosen?.document.language}
            value={quote}
            onChange={setQuote}
          />
          <TextField
            label={t('app.qc.validFrom')}
            hint={t('app.qc.validFromHint')}
            name="validFrom"
            type="date"
            value={validFrom}
            onChange={setValidFrom}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={action.busy || !value}>
              {t('app.qc.submitCoding')}
            </button>
          </div>
        </form>
      )}
      <Announcer error={action.error} status={action.status} />
    </li>
  );
}

function Side({
  side,
  byId,
}: {
  side: QcDivergenceView['sides'][number];
  byId: Map<string, ProvisionEntry>;
}) {
  const { t } = useI18n();
  return (
    <div className="side">
      <h4>{side.coderName}</h4>
      <dl className="facts">
        <div>
          <dt>{t('app.report.value')}</dt>
          <dd>{side.value}</dd>
        </div>
        <div>
          <dt>{t('app.qc.validFrom')}</dt>
          <dd>{side.validFrom}</dd>
        </div>
      </dl>
      {side.citations.length === 0 ? <p className="muted">{t('app.qc.noCitations')}</p> : null}
      <ul className="evidence">
        {side.citations.map((c) => {
          const entry = byId.get(c.provisionId);
          const lang = entry?.document.language;
          return (
            <li key={c.provisionId}>
              <cite lang={lang}>
                {entry ? `${entry.document.citation} ${entry.provision.citation}` : c.provisionId}
              </cite>
              <blockquote lang={lang}>{c.quote}</blockquote>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Divergence({
  view,
  batch,
  framework,
  byId,
  onReconciled,
}: {
  view: QcDivergenceView;
  batch: QcBatchReport;
  framework: Framework | null;
  byId: Map<string, ProvisionEntry>;
  onReconciled(): void;
}) {
  const { t } = useI18n();
  const { api, can, state } = useSession();
  const action = useAction();
  const d = view.divergence;
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const isCoder = state?.user ? batch.batch.coders.includes(state.user.id) : false;
  const headingId = `divergence-${d.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const sideValues = view.sides.map((s) => s.value);
  const codes = [...new Set([...sideValues, ...codesOf(framework, d.indicatorId)])];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('app.qc.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    void action.run(async () => {
      const result = await api.reconcile(d.id, { value, reason: reason.trim() });
      action.setStatus(t('app.qc.reconciled', { indicator: d.indicatorId, value: result.answer.value }));
      onReconciled();
    });
  };

  return (
    <li className="divergence">
      <h3 id={headingId}>
        <span className="indicator-id">{d.indicatorId}</span> <code>{d.jurisdictionId}</code>{' '}
        <span className="badge">{t(`app.qc.divergenceStatus.${d.status}`)}</span>
      </h3>
      <div className="sides">
        {view.sides.map((s) => (
          <Side key={s.coderId} side={s} byId={byId} />
        ))}
      </div>
      {d.status === 'reconciled' ? (
        <p>
          {t('app.qc.reconciledText', { value: d.value ?? '—', reason: d.reason ?? '' })}{' '}
          <Link to={reportPath(d.jurisdictionId, '', 'reviewed')}>{t('app.report.link')}</Link>
        </p>
      ) : null}
      {d.status === 'open' && can('coding:review') && !isCoder ? (
        <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
          <SelectField
            label={t('app.qc.chosenValue')}
            hint={t('app.qc.chosenValueHint')}
            name="value"
            value={value}
            onChange={setValue}
          >
            <ValueOptions codes={codes} />
          </SelectField>
          <TextAreaField
            label={t('app.qc.reason')}
            name="reason"
            rows={3}
            required
            value={reason}
            onChange={setReason}
            error={reasonError}
          />
          <Announcer error={action.error} status={action.status} />
          <div className="actions">
            <button type="submit" className="primary" disabled={action.busy || !value}>
              {t('app.qc.reconcile')}
            </button>
          </div>
        </form>
      ) : null}
      {d.status === 'open' && isCoder ? <p className="hint">{t('app.qc.coderCannotReconcile')}</p> : null}
    </li>
  );
}

/** The page of one QC batch (`org:read`). */
export function QcBatchPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api, state } = useSession();
  const batch = useLoad(() => api.qcBatch(id), [api, id]);
  const divergences = useLoad(() => api.qcDivergences(id), [api, id]);
  // Only the caller's own variables: the server knows who is assigned what.
  const assignments = useLoad(() => api.qcAssignments(id, { mine: '1' }), [api, id]);
  const own = assignments.data ?? [];
  const left = own.filter((a) => a.codedByYou !== true).length;
  const framework = useLoad(() => api.framework(), [api]);
  const b = batch.data;
  const provisions = useJurisdictionProvisions(b?.batch.jurisdictions ?? []);
  const mine = b && state?.user ? b.batch.coders.includes(state.user.id) : false;
  const refresh = () => {
    batch.reload();
    divergences.reload();
    assignments.reload();
  };
  const error = batch.error ?? divergences.error ?? assignments.error;

  return (
    <Page title={b ? t('app.qc.batchTitle', { name: b.batch.name }) : t('app.qc.title')}>
      <p>
        <Link to="/qc">{t('app.qc.back')}</Link>
      </p>
      <LoadState loading={b === null && !error} error={error} />
      {b ? (
        <dl className="facts report-facts">
          <div>
            <dt>{t('app.qc.status')}</dt>
            <dd>{t(`app.qc.status.${b.progress.status}`)}</dd>
          </div>
          <div>
            <dt>{t('app.qc.progress')}</dt>
            <dd>
              {t('app.qc.progressText', {
                done: b.progress.codingsDone,
                expected: b.progress.codingsExpected,
                open: b.progress.divergencesOpen,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('app.qc.divergenceRate')}</dt>
            <dd>{percent(b.stats.divergenceRate)}</dd>
          </div>
          <div>
            <dt>{t('app.qc.agreement')}</dt>
            <dd>{percent(b.stats.percentAgreement)}</dd>
          </div>
          <div>
            <dt>{t('app.qc.kappa')}</dt>
            <dd>
              <Kappa stats={b.stats} />
            </dd>
          </div>
          <div>
            <dt>{t('app.qc.redundancy')}</dt>
            <dd>{t(`app.qc.redundancy.${b.batch.redundancy}`)}</dd>
          </div>
        </dl>
      ) : null}
      {b && own.length > 0 ? (
        <section aria-labelledby="qc-mine-heading">
          <h2 id="qc-mine-heading">{t('app.qc.mine')}</h2>
          <p className="hint">{t('app.qc.mineHint')}</p>
          <p>{left > 0 ? t('app.qc.mineLeft', { left, total: own.length }) : t('app.qc.allCoded')}</p>
          <ul className="indicators">
            {own.map((a) => (
              <CodingForm
                key={`${a.jurisdictionId}|${a.indicatorId}`}
                batchId={b.batch.id}
                jurisdictionId={a.jurisdictionId}
                indicatorId={a.indicatorId}
                framework={framework.data}
                provisions={provisions.byJurisdiction.get(a.jurisdictionId) ?? []}
                coded={a.codedByYou === true}
                onDone={refresh}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {b && mine && assignments.data?.length === 0 ? <p>{t('app.qc.mineNone')}</p> : null}
      {b ? (
        <section aria-labelledby="qc-divergences-heading">
          <h2 id="qc-divergences-heading">
            {t('app.qc.divergences', { count: divergences.data?.length ?? 0 })}
          </h2>
          {divergences.data?.length === 0 ? <p>{t('app.qc.noDivergences')}</p> : null}
          <ul className="divergences">
            {(divergences.data ?? []).map((v) => (
              <Divergence
                key={v.divergence.id}
                view={v}
                batch={b}
                framework={framework.data}
                byId={provisions.byId}
                onReconciled={refresh}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
