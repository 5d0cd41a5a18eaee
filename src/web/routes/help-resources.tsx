/**
 * Help resources of the organisation (hotlines, legal aid, shelters) for the public rights pages: list them,
 * add one (every field checked by the server; each problem is shown under its field), publish or unpublish,
 * and record that one was checked today.
 */
import { type FormEvent, useState } from 'react';
import { helpResourceKinds } from '../../core/help-resources/help-resources.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import { ApiError } from '../api/client.ts';
import type { HelpResource } from '../api/help-resource-endpoints.ts';
import { Announcer } from '../components/announcer.tsx';
import { TextField } from '../components/field.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useLoad } from '../lib/use-action.ts';

type Problems = Record<string, string>;

function problemsOf(err: unknown): Problems | null {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return null;
  const list = (err.details as { problems?: Array<{ field: string; message: string }> } | undefined)
    ?.problems;
  if (!Array.isArray(list)) return null;
  const out: Problems = {};
  for (const p of list) {
    const field = p.field.replace(/\[\d+\]$/, '');
    out[field] = out[field] ? `${out[field]}; ${p.message}` : p.message;
  }
  return out;
}

function AddForm({ onAdded }: { onAdded(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const [f, setF] = useState({
    jurisdictionId: '',
    kind: 'hotline',
    name: '',
    phone: '',
    url: '',
    languages: '',
    hours: '',
    lastVerified: '',
  });
  const [published, setPublished] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems({});
    let added = false;
    await action.run(async () => {
      try {
        await api.addHelpResource({
          jurisdictionId: f.jurisdictionId.trim(),
          kind: f.kind,
          name: f.name,
          ...(f.phone.trim() ? { phone: f.phone } : {}),
          ...(f.url.trim() ? { url: f.url } : {}),
          languages: f.languages
            .split(',')
            .map((l) => l.trim())
            .filter((l) => l !== ''),
          ...(f.hours.trim() ? { hours: f.hours } : {}),
          lastVerified: f.lastVerified,
          published,
        });
        added = true;
      } catch (err) {
        const found = problemsOf(err);
        if (!found) throw err;
        setProblems(found);
      }
    });
    if (added) {
      action.setStatus(t('app.helpResources.added'));
      onAdded();
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        label={t('app.helpResources.jurisdiction')}
        hint="ocd-division/country:es"
        name="jurisdictionId"
        value={f.jurisdictionId}
        onChange={set('jurisdictionId')}
        error={problems.jurisdictionId}
        required
      />
      <div className="field">
        <label htmlFor="help-kind">{t('app.helpResources.kind')}</label>
        <select id="help-kind" value={f.kind} onChange={(e) => set('kind')(e.target.value)}>
          {helpResourceKinds.map((k) => (
            <option key={k} value={k}>
              {t(`rights.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t('app.helpResources.name')}
        name="name"
        value={f.name}
        onChange={set('name')}
        error={problems.name}
        required
      />
      <TextField
        label={t('rights.phone')}
        hint="+34 900 123 456"
        name="phone"
        value={f.phone}
        onChange={set('phone')}
        error={problems.phone}
      />
      <TextField
        label={t('rights.website')}
        hint="https://"
        name="url"
        value={f.url}
        onChange={set('url')}
        error={problems.url}
      />
      <TextField
        label={t('rights.languages')}
        hint="es, en, pt-BR"
        name="languages"
        value={f.languages}
        onChange={set('languages')}
        error={problems.languages}
      />
      <TextField
        label={t('rights.hours')}
        name="hours"
        value={f.hours}
        onChange={set('hours')}
        error={problems.hours}
      />
      <TextField
        label={t('app.helpResources.lastVerified')}
        name="lastVerified"
        type="date"
        value={f.lastVerified}
        onChange={set('lastVerified')}
        error={problems.lastVerified}
        required
      />
      <div className="field">
        <label>
          <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />{' '}
          {t('app.helpResources.publish')}
        </label>
      </div>
      <Announcer error={action.error} status={action.status} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('app.helpResources.add')}
      </button>
    </form>
  );
}

function ResourceTable({ resources, onChanged }: { resources: HelpResource[]; onChanged(): void }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const action = useAction();
  const write = can('campaigns:write');
  return (
    <>
      <div className="table-wrap">
        <table className="data">
          <caption>{t('app.helpResources.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('app.helpResources.name')}</th>
              <th scope="col">{t('app.helpResources.jurisdiction')}</th>
              <th scope="col">{t('rights.languages')}</th>
              <th scope="col">{t('app.helpResources.lastVerified')}</th>
              <th scope="col">{t('app.helpResources.status')}</th>
              {write ? <th scope="col">{t('app.helpResources.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {resources.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{r.jurisdictionId}</td>
                <td>{r.languages.join(', ')}</td>
                <td>{r.lastVerified}</td>
                <td>{t(r.published ? 'app.helpResources.published' : 'app.helpResources.unpublished')}</td>
                {write ? (
                  <td>
                    <button
                      type="button"
                      disabled={action.busy}
                      onClick={() =>
                        void action
                          .run(
                            () => api.setHelpResourcePublished(r.id, !r.published),
                            t('app.helpResources.saved'),
                          )
                          .then((ok) => ok && onChanged())
                      }
                    >
                      {t(r.published ? 'app.helpResources.unpublishOne' : 'app.helpResources.publishOne', {
                        name: r.name,
                      })}
                    </button>{' '}
                    <button
                      type="button"
                      disabled={action.busy}
                      onClick={() =>
                        void action
                          .run(() => api.verifyHelpResource(r.id), t('app.helpResources.saved'))
                          .then((ok) => ok && onChanged())
                      }
                    >
                      {t('app.helpResources.verify', { name: r.name })}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Announcer error={action.error} status={action.status} />
    </>
  );
}

/** The help-resources page. */
export function HelpResourcesPage() {
  const { t } = useI18n();
  const { api, state, can } = useSession();
  const list = useLoad(() => api.helpResources(), [api, state?.activeOrganizationId]);
  return (
    <Page title={t('app.helpResources.title')} intro={t('app.helpResources.intro')}>
      {can('campaigns:write') ? (
        <section aria-labelledby="help-add">
          <h2 id="help-add">{t('app.helpResources.add')}</h2>
          <AddForm onAdded={list.reload} />
        </section>
      ) : null}
      <section aria-labelledby="help-list">
        <h2 id="help-list">{t('app.helpResources.title')}</h2>
        <LoadState loading={list.data === null && !list.error} error={list.error} />
        {list.data?.length === 0 ? <p>{t('app.helpResources.none')}</p> : null}
        {list.data?.length ? <ResourceTable resources={list.data} onChanged={list.reload} /> : null}
      </section>
    </Page>
  );
}
