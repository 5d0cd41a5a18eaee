/**
 * Quality control: coding batches with progress, divergence rate, percent agreement and Cohen's kappa (null
 * with the reason when undefined), and, for `qc:manage`, a form to create a batch.
 */
import { type FormEvent, useState } from 'react';
import type { QcBatchReport } from '../api/types.ts';
import { Announcer } from '../components/announcer.tsx';
import { TextAreaField, TextField } from '../components/field.tsx';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { navigate } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';

/** The app path of one QC batch. */
export function qcBatchPath(id: string): string {
  return `/qc/${encodeURIComponent(id)}`;
}

/** A rate 0..1 as a percentage, or an em dash when null. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)} %`;
}

/** Splits a list typed one per line or separated by commas. */
function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Kappa to two decimals, or "not defined" with the server's reason. */
export function Kappa({ stats }: { stats: QcBatchReport['stats'] }) {
  const { t, locale } = useI18n();
  if (stats.kappa !== null) return <>{stats.kappa.toFixed(2)}</>;
  return (
    <>
      {t('app.qc.kappaUndefined')}
      {stats.kappaNote ? (
        <span className="muted" lang={locale === 'en' ? undefined : 'en'}>
          {' '}
          ({stats.kappaNote})
        </span>
      ) : null}
    </>
  );
}

function CreateBatch({ onCreated }: { onCreated(batch: QcBatchReport): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const [name, setName] = useState('');
  const [jurisdictions, setJurisdictions] = useState('');
  const [indicators, setIndicators] = useState('');
  const [coderA, setCoderA] = useState('');
  const [coderB, setCoderB] = useState('');
  const [threshold, setThreshold] = useState('5');
  const [sample, setSample] = useState('20');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const batch = await api.createQcBatch({
        name: name.trim(),
        jurisdictions: splitList(jurisdictions),
        indicators: splitList(indicators),
        coders: [coderA.trim(), coderB.trim()],
        ...(threshold.trim() ? { threshold: Number(threshold) / 100 } : {}),
        ...(sample.trim() ? { sampleRate: Number(sample) / 100 } : {}),
      });
      action.setStatus(t('app.qc.created', { name: batch.batch.name }));
      onCreated(batch);
    });
  };

  return (
    <section aria-labelledby="qc-create-heading">
      <h2 id="qc-create-heading">{t('app.qc.createTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('app.qc.name')} name="name" value={name} onChange={setName} required />
        <TextAreaField
          label={t('app.qc.jurisdictions')}
          hint={t('app.qc.jurisdictionsHint')}
          name="jurisdictions"
          rows={2}
          value={jurisdictions}
          onChange={setJurisdictions}
        />
        <TextField
          label={t('app.qc.indicators')}
          hint={t('app.qc.indicatorsHint')}
          name="indicators"
          value={indicators}
          onChange={setIndicators}
        />
        <TextField
          label={t('app.qc.coderA')}
          name="coderA"
          type="email"
          value={coderA}
          onChange={setCoderA}
        />
        <TextField
          label={t('app.qc.coderB')}
          name="coderB"
          type="email"
          value={coderB}
          onChange={setCoderB}
        />
        <TextField
          label={t('app.qc.threshold')}
          hint={t('app.qc.thresholdHint')}
          name="threshold"
          value={threshold}
          onChange={setThreshold}
        />
        <TextField
          label={t('app.qc.sample')}
          hint={t('app.qc.sampleHint')}
          name="sample"
          value={sample}
          onChange={setSample}
        />
        <Announcer error={action.error} status={action.status} />
        <div className="actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('app.qc.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The QC batches page (`org:read`). */
export function QcPage() {
  const { t } = useI18n();
  const { api, can } = useSession();
  const batches = useLoad(() => api.qcBatches(), [api]);
  return (
    <Page title={t('app.qc.title')}>
      <LoadState loading={batches.data === null && !batches.error} error={batches.error} />
      {batches.data?.length === 0 ? <p>{t('app.qc.none')}</p> : null}
      {batches.data?.length ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        <section className="table-wrap" aria-labelledby="qc-batches-caption" tabIndex={0}>
          <table className="data">
            <caption id="qc-batches-caption">{t('app.qc.batches')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('app.qc.name')}</th>
                <th scope="col">{t('app.qc.status')}</th>
                <th scope="col">{t('app.qc.progress')}</th>
                <th scope="col">{t('app.qc.divergenceRate')}</th>
                <th scope="col">{t('app.qc.agreement')}</th>
                <th scope="col">{t('app.qc.kappa')}</th>
                <th scope="col">{t('app.qc.redundancy')}</th>
              </tr>
            </thead>
            <tbody>
              {batches.data.map((b) => (
                <tr key={b.batch.id}>
                  <th scope="row">
                    <Link to={qcBatchPath(b.batch.id)}>{b.batch.name}</Link>
                  </th>
                  <td>{t(`app.qc.status.${b.progress.status}`)}</td>
                  <td>
                    {t('app.qc.progressText', {
                      done: b.progress.codingsDone,
                      expected: b.progress.codingsExpected,
                      open: b.progress.divergencesOpen,
                    })}
                  </td>
                  <td>{percent(b.stats.divergenceRate)}</td>
                  <td>{percent(b.stats.percentAgreement)}</td>
                  <td>
                    <Kappa stats={b.stats} />
                  </td>
                  <td>{t(`app.qc.redundancy.${b.batch.redundancy}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {can('qc:manage') ? <CreateBatch onCreated={(b) => navigate(qcBatchPath(b.batch.id))} /> : null}
    </Page>
  );
}
