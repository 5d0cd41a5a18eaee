/**
 * The moderation view of one petition (owner or editor): per hour, the signatures, how many were over a limit or
 * sent without a script, the top email domains and client-address hashes, each with a button that invalidates
 * that hour's signatures from it; and the invalidations so far, each restorable. The server decides every rule.
 */
import type { ModerationReportDto } from '../api/petition-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { LoadState } from './load-state.tsx';

type Hour = ModerationReportDto['hours'][number];

/** The moderation panel of a petition. */
export function PetitionModeration({ petitionId }: { petitionId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const report = useLoad(() => api.petitionModeration(petitionId), [api, petitionId]);
  const action = useAction();
  const invalidate = async (kind: 'domain' | 'ip', value: string, hour: string) => {
    const body = { kind, value, fromHour: hour, toHour: hour };
    if (
      await action.run(
        () => api.invalidatePetitionSignatures(petitionId, body),
        t('app.petitions.moderation.invalidated'),
      )
    )
      report.reload();
  };
  const restore = async (invalidationId: string) => {
    if (
      await action.run(
        () => api.restorePetitionSignatures(petitionId, invalidationId),
        t('app.petitions.moderation.restoredStatus'),
      )
    )
      report.reload();
  };
  const buckets = (h: Hour, kind: 'domain' | 'ip') => (
    <ul>
      {(kind === 'domain' ? h.domains : h.ips).map((b) => (
        <li key={b.value}>
          <code>{kind === 'ip' ? b.value.slice(0, 12) : b.value}</code> ({b.count}){' '}
          <button type="button" disabled={action.busy} onClick={() => invalidate(kind, b.value, h.hour)}>
            {t('app.petitions.moderation.invalidate')}
            <span className="visually-hidden">
              {' '}
              {b.value} {h.hour}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
  const data = report.data;
  return (
    <div className="petition-moderation">
      <h4>{t('app.petitions.moderation.title')}</h4>
      <p className="muted">{t('app.petitions.moderation.intro')}</p>
      <LoadState loading={data === null && !report.error} error={report.error} />
      {data && data.hours.length === 0 ? <p>{t('app.petitions.moderation.none')}</p> : null}
      {data && data.hours.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('app.petitions.moderation.hour')}</th>
              <th scope="col">{t('app.petitions.moderation.total')}</th>
              <th scope="col">{t('app.petitions.moderation.marked')}</th>
              <th scope="col">{t('app.petitions.moderation.unsolved')}</th>
              <th scope="col">{t('app.petitions.moderation.domains')}</th>
              <th scope="col">{t('app.petitions.moderation.ips')}</th>
            </tr>
          </thead>
          <tbody>
            {data.hours.map((h) => (
              <tr key={h.hour}>
                <th scope="row">{h.hour}</th>
                <td>{h.total}</td>
                <td>{h.marked}</td>
                <td>{h.unsolved}</td>
                <td>{buckets(h, 'domain')}</td>
                <td>{buckets(h, 'ip')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data && data.invalidations.length > 0 ? (
        <>
          <h5>{t('app.petitions.moderation.history')}</h5>
          <ul>
            {data.invalidations.map((i) => (
              <li key={i.id}>
                {t('app.petitions.moderation.entry', {
                  kind: i.kind,
                  value: i.kind === 'ip' ? i.value.slice(0, 12) : i.value,
                  from: i.fromHour,
                  to: i.toHour,
                  affected: String(i.affected),
                })}
                {i.restoredAt ? (
                  <span className="muted"> ({t('app.petitions.moderation.restored')})</span>
                ) : (
                  <>
                    {' '}
                    <button type="button" disabled={action.busy} onClick={() => restore(i.id)}>
                      {t('app.petitions.moderation.restore')}
                      <span className="visually-hidden"> {i.value}</span>
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Announcer error={action.error} status={action.status} />
    </div>
  );
}
