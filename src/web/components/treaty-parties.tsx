/**
 * A treaty document's parties: a table of each jurisdiction's action, dates, standing and source, and a form
 * to record a party status for those who hold `laws:write`.
 */
import { type FormEvent, useState } from 'react';
import { isHttpUrl } from '../../core/treaties/rules.ts';
import { type PartyAction, partyActions } from '../../core/treaties/types.ts';
import type { TreatyPartyStatus } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { useJurisdictionNames } from '../lib/use-jurisdiction-names.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextAreaField, TextField } from './field.tsx';
import { LoadState } from './load-state.tsx';

/** A source as a link when it is an http(s) URL, else as the citation it is. */
export function SourceText({ source }: { source: string }) {
  return isHttpUrl(source) ? (
    <a href={source} rel="noreferrer noopener" target="_blank">
      {source}
    </a>
  ) : (
    <span>{source}</span>
  );
}

function PartiesTable({ rows, asOf }: { rows: TreatyPartyStatus[]; asOf: string }) {
  const { t, pick } = useI18n();
  const names = useJurisdictionNames(rows.map((r) => r.jurisdictionId));
  const dash = '—';
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-wrap" aria-labelledby="treaty-parties-caption" tabIndex={0}>
      <table className="data">
        <caption id="treaty-parties-caption">
          {t('app.treaties.partiesCaption', { count: rows.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('app.treaties.jurisdiction')}</th>
            <th scope="col">{t('app.treaties.action')}</th>
            <th scope="col">{t('app.treaties.signedOn')}</th>
            <th scope="col">{t('app.treaties.consentedOn')}</th>
            <th scope="col">{t('app.treaties.inForceOn')}</th>
            <th scope="col">
              {asOf ? t('app.treaties.standingOn', { date: asOf }) : t('app.treaties.standing')}
            </th>
            <th scope="col">{t('app.treaties.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const known = names.get(p.jurisdictionId);
            const name = known ? pick(known) : null;
            return (
              <tr key={p.id}>
                <th scope="row">
                  {name ? <span lang={name.lang}>{name.text}</span> : <code>{p.jurisdictionId}</code>}
                  {p.note ? (
                    <p className="muted">
                      {t('app.treaties.note')}: {p.note}
                    </p>
                  ) : null}
                </th>
                <td>{t(`app.treaties.action.${p.action}`)}</td>
                <td>{p.signedOn ?? dash}</td>
                <td>{p.consentedOn ?? dash}</td>
                <td>{p.inForceOn ?? dash}</td>
                <td>{t(`app.treaties.standing.${p.standing}`)}</td>
                <td>
                  <SourceText source={p.source} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function RecordParty({ treatyId, onRecorded }: { treatyId: string; onRecorded(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const [jurisdictionId, setJurisdictionId] = useState('');
  const [kind, setKind] = useState<PartyAction>('ratification');
  const [signedOn, setSignedOn] = useState('');
  const [consentedOn, setConsentedOn] = useState('');
  const [inForceOn, setInForceOn] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(
      () =>
        api.recordTreatyParty(treatyId, {
          jurisdictionId: jurisdictionId.trim(),
          action: kind,
          ...(signedOn ? { signedOn } : {}),
          ...(consentedOn ? { consentedOn } : {}),
          ...(inForceOn ? { inForceOn } : {}),
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
        <TextField
          label={t('app.treaties.signedOn')}
          hint={t('app.treaties.record.signedOnHint')}
          name="signedOn"
          type="date"
          value={signedOn}
          onChange={setSignedOn}
        />
        <TextField
          label={t('app.treaties.consentedOn')}
          hint={t('app.treaties.record.consentedOnHint')}
          name="consentedOn"
          type="date"
          value={consentedOn}
          onChange={setConsentedOn}
        />
        <TextField
          label={t('app.treaties.inForceOn')}
          hint={t('app.treaties.record.inForceOnHint')}
          name="inForceOn"
          type="date"
          value={inForceOn}
          onChange={setInForceOn}
        />
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
