/**
 * A campaign's letter and call actions: each with its status, letters, per-target deliveries and calls counted
 * (never who), a link to its public page, and open / close. Actions are created through the API or the
 * command line (`lawgap actions create-letter|create-call`). The server decides every rule.
 */
import type { LetterActionDto } from '../api/letter-action-endpoints.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { LoadState } from './load-state.tsx';

function ActionItem({
  item: a,
  editable,
  onChanged,
}: {
  item: LetterActionDto;
  editable: boolean;
  onChanged(): void;
}) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const move = async (to: 'open' | 'close') => {
    if (
      await action.run(
        () => api.setActionStatus(a.id, to),
        t(`app.actions.status.${to === 'open' ? 'open' : 'closed'}`),
      )
    )
      onChanged();
  };
  return (
    <li>
      <strong>{a.title}</strong>{' '}
      <span className="muted">
        ({t(`app.actions.kind.${a.kind}`)}, {t(`app.actions.status.${a.status}`)})
      </span>
      <br />
      {a.kind === 'letter' ? (
        <>
          {t('app.actions.letters', a.letters)}
          <br />
          {t('app.actions.deliveries', { ...a.deliveries, noAddress: a.deliveries['no-address'] })}
        </>
      ) : (
        t('app.actions.calls', { ...a.calls, noAnswer: a.calls.no_answer })
      )}
      {a.status !== 'draft' ? (
        <>
          {' · '}
          <a href={`/act/${encodeURIComponent(a.slug)}/${a.kind}?lang=${locale}`}>
            {t('app.actions.publicPage')}
            <span className="visually-hidden"> {a.title}</span>
          </a>
        </>
      ) : null}
      {editable ? (
        <p>
          <button
            type="button"
            onClick={() => move(a.status === 'open' ? 'close' : 'open')}
            disabled={action.busy}
          >
            {t(a.status === 'open' ? 'app.actions.close' : 'app.actions.open')}
            <span className="visually-hidden"> {a.title}</span>
          </button>
        </p>
      ) : null}
      <Announcer error={action.error} status={action.status} />
    </li>
  );
}

/** The letter and call actions section of a campaign page. */
export function CampaignActions({ campaignId, editable }: { campaignId: string; editable: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const actions = useLoad(() => api.campaignActions(campaignId), [api, campaignId]);
  return (
    <section aria-labelledby="letter-actions">
      <h2 id="letter-actions">{t('app.actions.title')}</h2>
      <LoadState loading={actions.data === null && !actions.error} error={actions.error} />
      {actions.data && actions.data.length === 0 ? <p>{t('app.actions.none')}</p> : null}
      {actions.data && actions.data.length > 0 ? (
        <ul className="petitions">
          {actions.data.map((a) => (
            <ActionItem key={a.id} item={a} editable={editable} onChanged={actions.reload} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
