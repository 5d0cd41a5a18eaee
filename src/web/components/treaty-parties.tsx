/**
 * A treaty document's parties: a table of each jurisdiction's action, dates, standing and source, and a form
 * to record a party status for those who hold `laws:write`.
 */
import { type FormEvent, useState } from 'react';
import { type PartyAction, partyActions } from '../../core/treaties/types.ts';
import type { TreatyPartyStatus } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { useJurisdictionNames } from '../lib/use-jurisdiction-names.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextAreaField, TextField } from './field.tsx';
import { LoadState } from './load-state.tsx';
import { PartyStatusTable } from './party-status-table.tsx';

function PartiesTable({ rows, asOf }: { rows: TreatyPartyStatus[]; asOf: string }) {
  const { t, pick } = useI18n();
  const names = useJurisdictionNames(rows.map((r) => r.jurisdictionId));
  return (
    <PartyStatusTable
      id="treaty-parties-caption"
      caption={t('app.treaties.partiesCaption', { count: rows.length })}
      firstColumn={t('app.treaties.jurisdiction')}
      rows={rows}
      asOf={asOf}
      rowHeader={(p) => {
        const known = names.get(p.jurisdictionId);
        const name = known ? pick(known) : null;
        return (
          <>
            {name ? <span lang={name.lang}>{name.text}</span> : <code>{p.jurisdictionId}</code>}
            {p.note ? (
              <p className="muted">
                {t('app.treaties.note')}: {p.note}
              </p>
            ) : null}
          </>
        );
      }}
    />
  );
}

/** The optional dates of a party status, in the order the form asks for them. */
const partyDates = ['signedOn', 'consentedOn', 'inForceOn'] as const;
type PartyDate = (typeof partyDates)[number];

function RecordParty({ treatyId, onRecorded }: { treatyId: string; onRecorded(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const [jurisdictionId, setJurisdictionId] = useState('');
  const [kind, setKind] = useState<PartyAction>('ratification');
  const [dates, setDates] = useState<Record<PartyDate, string>>({
    signedOn: '',
    consentedOn: '',
    inForceOn: '',
  });
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(
      () =>
        api.recordTreatyParty(treatyId, {
          jurisdictionId: jurisdictionId.trim(),
          action: kind,
          ...Object.fromEntries(partyDates.filter((d) => dates[d]).map((d) => [d, dates[d]])),
          ...(note.trim() ? { note: note.trim() } : {}),
          source: source.trim(),
        }),
      t('app.treaties.record.done'),
    );
    if (done) {
      setJurisdictionId('');
      onRecorded();
    }
  };

  return (
    <section aria-labelledby="treaty-record-heading">
      <h3 id="treaty-record-heading">{t('app.treaties.record.title')}</h3>
      <p>{t('app.treaties.record.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('app.treaties.record.jurisdiction')}
          hint={t('app.treaties.record.jurisdictionHint')}
          name="jurisdictionId"
          required
          value={jurisdictionId}
          onChange={setJurisdictionId}
        />
        <SelectField
          label={t('app.treaties.action')}
          name="action"
          value={kind}
          onChange={(v) => setKind(partyActions.find((a) => a === v) ?? 'ratification')}
        >
          {partyActions.map((a) => (
            <option key={a} value={a}>
              {t(`app.treaties.action.${a}`)}
            </option>
          ))}
        </SelectField>
        {partyDates.map((d) => (
          <TextField
            key={d}
            label={t(`app.treaties.${d}`)}
            hint={t(`app.treaties.record.${d}Hint`)}
            name={d}
            type="date"
            value={dates[d]}
            onChange={(v) => setDates((before) => ({ ...before, [d]: v }))}
          />
        ))}
        <TextField
          label={t('app.treaties.record.source')}
          name="source"
          required
          value={source}
          onChange={setSource}
        />
        <TextAreaField label={t('app.treaties.note')} name="note" rows={3} value={note} onChange={setNote} />
        <Announcer error={action.error} status={action.status} />
        <button type="submit" className="primary" disabled={action.busy || !jurisdictionId || !source}>
          {t('app.treaties.record.submit')}
        </button>
      </form>
    </section>
  );
}

/** The parties section of a treaty's page; `asOf` (when set) is the date their standing is shown for. */
export function TreatyParties({ treatyId, asOf }: { treatyId: string; asOf: string }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const parties = useLoad(() => api.treatyParties(treatyId, asOf ? { asOf } : {}), [api, treatyId, asOf]);
  return (
    <section aria-labelledby="treaty-parties-heading">
      <h2 id="treaty-parties-heading">{t('app.treaties.parties')}</h2>
      <LoadState loading={parties.data === null && !parties.error} error={parties.error} />
      {parties.data && parties.data.length === 0 ? <p>{t('app.treaties.noParties')}</p> : null}
      {parties.data && parties.data.length > 0 ? <PartiesTable rows={parties.data} asOf={asOf} /> : null}
      {can('laws:write') ? <RecordParty treatyId={treatyId} onRecorded={parties.reload} /> : null}
    </section>
  );
}
