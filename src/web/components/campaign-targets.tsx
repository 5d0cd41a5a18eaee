/** A campaign's targets for its bill at the current stage: venue, whip count, targets, and the forms to record. */
import { type FormEvent, useState } from 'react';
import {
  type CampaignTarget,
  type CampaignTargets,
  interactionKinds,
  type TargetPosition,
  targetPositions,
  type Venue,
} from '../api/campaign-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextField } from './field.tsx';
import { LoadState } from './load-state.tsx';

function VenueLine({ venue }: { venue: Venue }) {
  const { t } = useI18n();
  const chamber = (c: string) => t(`app.campaigns.chamber.${c as 'upper' | 'lower' | 'legislature'}`);
  if (venue.kind === 'committee') {
    return (
      <p className="venue">
        {venue.committee
          ? t('app.campaigns.venue.committee', { committee: venue.committee })
          : t('app.campaigns.venue.committeeUnnamed')}
      </p>
    );
  }
  if (venue.kind === 'floor')
    return (
      <p className="venue">
        {t('app.campaigns.venue.floor', { chambers: venue.chambers.map(chamber).join(', ') })}
      </p>
    );
  if (venue.kind === 'executive') return <p className="venue">{t('app.campaigns.venue.executive')}</p>;
  return <p className="venue">{t('app.campaigns.venue.none', { reason: venue.reason })}</p>;
}

function TargetTable({ targets, caption }: { targets: CampaignTarget[]; caption: string }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data targets">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.campaigns.target')}</th>
            <th scope="col">{t('app.campaigns.why')}</th>
            <th scope="col">{t('app.campaigns.group')}</th>
            <th scope="col">{t('app.campaigns.position')}</th>
            <th scope="col">{t('app.campaigns.interactions')}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((x) => (
            <tr key={x.key}>
              <th scope="row">{x.name}</th>
              <td>
                {t(`app.campaigns.reason.${x.reason}`)}
                {x.detail ? ` · ${x.detail}` : ''}
              </td>
              <td>{t(`app.campaigns.group.${x.group}`)}</td>
              <td>
                {t(`app.campaigns.position.${x.position}`)}
                {x.positionDate ? ` (${x.positionDate})` : ''}
              </td>
              <td>{x.interactions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecordForms({
  campaignId,
  targets,
  onChange,
}: {
  campaignId: string;
  targets: CampaignTarget[];
  onChange(): void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [target, setTarget] = useState(targets[0]?.key ?? '');
  const [position, setPosition] = useState<TargetPosition>('support');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [source, setSource] = useState('');
  const [kind, setKind] = useState<string>('meeting');
  const [custom, setCustom] = useState('');
  const action = useAction();
  const chosen = targets.some((x) => x.key === target) ? target : (targets[0]?.key ?? '');
  const savePosition = (event: FormEvent) => {
    event.preventDefault();
    void action
      .run(
        () =>
          api.recordPosition(campaignId, { target: chosen, position, date, source: source.trim() || null }),
        t('app.campaigns.positionSaved'),
      )
      .then((ok) => ok && onChange());
  };
  const log = () =>
    void action
      .run(
        () => api.logInteraction(campaignId, { target: chosen, kind, date }),
        t('app.campaigns.interactionLogged'),
      )
      .then((ok) => ok && onChange());
  const addTarget = (event: FormEvent) => {
    event.preventDefault();
    void action
      .run(() => api.addCustomTarget(campaignId, { name: custom }), t('app.campaigns.targetAdded'))
      .then((ok) => {
        if (!ok) return;
        setCustom('');
        onChange();
      });
  };
  return (
    <>
      {targets.length > 0 ? (
        <form className="form" onSubmit={savePosition} noValidate>
          <h3>{t('app.campaigns.record')}</h3>
          <SelectField label={t('app.campaigns.target')} name="target" value={chosen} onChange={setTarget}>
            {targets.map((x) => (
              <option key={x.key} value={x.key}>
                {x.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('app.campaigns.positionDate')}
            name="position-date"
            type="date"
            value={date}
            onChange={setDate}
          />
          <SelectField
            label={t('app.campaigns.position')}
            name="position"
            value={position}
            onChange={(v) => setPosition(v as TargetPosition)}
          >
            {targetPositions.map((p) => (
              <option key={p} value={p}>
                {t(`app.campaigns.position.${p}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('app.campaigns.source')} name="source" value={source} onChange={setSource} />
          <button type="submit" disabled={action.busy}>
            {t('app.campaigns.savePosition')}
          </button>
          <SelectField label={t('app.campaigns.interactionKind')} name="kind" value={kind} onChange={setKind}>
            {interactionKinds.map((k) => (
              <option key={k} value={k}>
                {t(`app.campaigns.kindOf.${k}`)}
              </option>
            ))}
          </SelectField>
          <button type="button" disabled={action.busy} onClick={log}>
            {t('app.campaigns.logInteraction')}
          </button>
        </form>
      ) : null}
      <form className="form" onSubmit={addTarget} noValidate>
        <h3>{t('app.campaigns.customTarget')}</h3>
        <TextField
          label={t('app.campaigns.customName')}
          name="custom-target"
          required
          value={custom}
          onChange={setCustom}
        />
        <button type="submit" disabled={action.busy}>
          {t('app.campaigns.addTarget')}
        </button>
      </form>
      <Announcer error={action.error} status={action.status} />
    </>
  );
}

/** The targets section of a campaign page. */
export function CampaignTargetsSection({ campaignId, editable }: { campaignId: string; editable: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const loaded = useLoad<CampaignTargets>(() => api.campaignTargets(campaignId), [api, campaignId]);
  const data = loaded.data;
  return (
    <section aria-labelledby="targets">
      <h2 id="targets">{t('app.campaigns.targets')}</h2>
      <p>{t('app.campaigns.targetsIntro')}</p>
      <LoadState loading={data === null && !loaded.error} error={loaded.error} />
      {data ? (
        <>
          {data.billId === null ? <p>{t('app.campaigns.noBill')}</p> : null}
          {data.venue ? <VenueLine venue={data.venue} /> : null}
          {data.unresolved ? <p className="muted">{data.unresolved}</p> : null}
          <p className="whip">
            {t('app.campaigns.whip')}:{' '}
            {targetPositions.map((p) => `${t(`app.campaigns.position.${p}`)} ${data.whip[p]}`).join(' · ')}
          </p>
          {data.targets.length === 0 ? <p>{t('app.campaigns.noTargets')}</p> : null}
          {data.targets.length > 0 ? (
            <TargetTable
              targets={data.targets}
              caption={
                data.billIdentifier
                  ? `${t('app.campaigns.targets')} · ${data.billIdentifier}`
                  : t('app.campaigns.targets')
              }
            />
          ) : null}
          {data.others.length > 0 ? (
            <TargetTable targets={data.others} caption={t('app.campaigns.others')} />
          ) : null}
          {editable ? (
            <RecordForms campaignId={campaignId} targets={data.targets} onChange={loaded.reload} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
