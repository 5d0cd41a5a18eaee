/**
 * `/webhooks` (webhooks:manage): the organization's webhook endpoints. Add one (its signing secret is shown
 * once), disable or enable it, delete it, send a test message, and read its delivery log with a redeliver
 * button per delivery.
 */
import { type FormEvent, useId, useState } from 'react';
import { changeEventTypes } from '../../core/alerts/types.ts';
import {
  type CreatedWebhook,
  useAlertsApi,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../api/alerts.ts';
import { Announcer } from '../components/announcer.tsx';
import { TextField } from '../components/field.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { formatDate } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';
import { type Action, useAction, useLoad } from '../lib/use-action.ts';

function CreateForm({ onCreated }: { onCreated(created: CreatedWebhook): void }) {
  const { t } = useI18n();
  const api = useAlertsApi();
  const hintId = useId();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [jurisdiction, setJurisdiction] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const action = useAction();
  const toggle = (type: string, on: boolean) =>
    setTypes((current) => (on ? [...current, type] : current.filter((x) => x !== type)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      onCreated(
        await api.createWebhook({
          url: url.trim(),
          description: description.trim(),
          eventTypes: types,
          jurisdictionId: jurisdiction.trim() || null,
        }),
      );
      setUrl('');
      setDescription('');
      setJurisdiction('');
      setTypes([]);
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label={t('app.webhooks.url')} name="url" required value={url} onChange={setUrl} />
      <TextField
        label={t('app.webhooks.description')}
        name="description"
        value={description}
        onChange={setDescription}
      />
      <fieldset aria-describedby={hintId}>
        <legend>{t('app.webhooks.eventTypes')}</legend>
        <p className="hint" id={hintId}>
          {t('app.webhooks.eventTypesHint')}
        </p>
        {changeEventTypes.map((type) => (
          <p key={type}>
            <label>
              <input
                type="checkbox"
                name="eventTypes"
                value={type}
                checked={types.includes(type)}
                onChange={(e) => toggle(type, e.target.checked)}
              />{' '}
              <code>{type}</code>
            </label>
          </p>
        ))}
      </fieldset>
      <TextField
        label={t('app.webhooks.jurisdiction')}
        name="jurisdiction"
        value={jurisdiction}
        onChange={setJurisdiction}
      />
      <Announcer error={action.error} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('app.webhooks.create')}
      </button>
    </form>
  );
}

function Secret({ created }: { created: CreatedWebhook }) {
  const { t } = useI18n();
  return (
    <div className="secret" role="status">
      <p>{t('app.webhooks.secretOnce', { url: created.endpoint.url })}</p>
      <TextField
        label={t('app.webhooks.secret')}
        name="secret"
        value={created.secret}
        onChange={() => undefined}
        readOnly
      />
    </div>
  );
}

function DeliveryRow({
  delivery,
  action,
  reload,
}: {
  delivery: WebhookDelivery;
  action: Action;
  reload(): void;
}) {
  const { t, locale } = useI18n();
  const api = useAlertsApi();
  const redeliver = async () => {
    if (await action.run(() => api.redeliver(delivery.id), t('app.webhooks.redelivered'))) reload();
  };
  const last =
    delivery.lastStatusCode !== null ? `HTTP ${delivery.lastStatusCode}` : (delivery.lastError ?? '—');
  return (
    <tr>
      <th scope="row">
        <code>{delivery.eventType}</code>
        <br />
        <span className="muted">{delivery.eventId}</span>
      </th>
      <td>{t(`app.webhooks.deliveryStatus.${delivery.status}`)}</td>
      <td>{delivery.attempts}</td>
      <td>{last}</td>
      <td>{formatDate(locale, delivery.createdAt, '—')}</td>
      <td>
        <button type="button" onClick={redeliver} disabled={action.busy}>
          {t('app.webhooks.redeliver')}
          <span className="visually-hidden"> {delivery.eventId}</span>
        </button>
      </td>
    </tr>
  );
}

function Deliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useI18n();
  const api = useAlertsApi();
  const deliveries = useLoad(() => api.deliveries(endpoint.id), [api, endpoint.id]);
  const action = useAction();
  const caption = t('app.webhooks.deliveriesOf', { url: endpoint.url });
  if (!deliveries.data) return <LoadState loading={!deliveries.error} error={deliveries.error} />;
  return (
    <>
      <Announcer error={action.error} status={action.status} />
      {deliveries.data.length === 0 ? (
        <p>{t('app.webhooks.noDeliveries')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('app.webhooks.event')}</th>
                <th scope="col">{t('app.webhooks.status')}</th>
                <th scope="col">{t('app.webhooks.attempts')}</th>
                <th scope="col">{t('app.webhooks.lastResult')}</th>
                <th scope="col">{t('app.webhooks.when')}</th>
                <th scope="col">{t('app.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((d) => (
                <DeliveryRow key={d.id} delivery={d} action={action} reload={deliveries.reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function EndpointItem({
  endpoint,
  action,
  reload,
}: {
  endpoint: WebhookEndpoint;
  action: Action;
  reload(): void;
}) {
  const { t } = useI18n();
  const api = useAlertsApi();
  const [open, setOpen] = useState(false);
  const forUrl = <span className="visually-hidden"> {endpoint.url}</span>;
  const setActive = async (active: boolean) => {
    if (await action.run(() => api.updateWebhook(endpoint.id, { active }), t('app.webhooks.saved'))) reload();
  };
  const remove = async () => {
    if (!window.confirm(t('app.webhooks.confirmDelete', { url: endpoint.url }))) return;
    if (await action.run(() => api.deleteWebhook(endpoint.id), t('app.webhooks.deleted'))) reload();
  };
  const test = () =>
    void action.run(async () => {
      const r = await api.testWebhook(endpoint.id);
      action.setStatus(
        `${t('app.webhooks.tested', { url: endpoint.url })} ${r.statusCode !== null ? `HTTP ${r.statusCode}` : (r.error ?? '')}`,
      );
    });
  const types = endpoint.eventTypes.length > 0 ? endpoint.eventTypes.join(', ') : t('app.webhooks.allTypes');
  return (
    <li>
      <h3>
        <code>{endpoint.url}</code>
      </h3>
      {endpoint.description ? <p>{endpoint.description}</p> : null}
      <dl>
        <dt>{t('app.webhooks.eventTypes')}</dt>
        <dd>{types}</dd>
        {endpoint.jurisdictionId ? (
          <>
            <dt>{t('app.webhooks.jurisdiction')}</dt>
            <dd>{endpoint.jurisdictionId}</dd>
          </>
        ) : null}
        <dt>{t('app.webhooks.state')}</dt>
        <dd>{endpoint.active ? t('app.webhooks.active') : t('app.webhooks.disabled')}</dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={test} disabled={action.busy || !endpoint.active}>
          {t('app.webhooks.test')}
          {forUrl}
        </button>
        <button type="button" onClick={() => setActive(!endpoint.active)} disabled={action.busy}>
          {endpoint.active ? t('app.webhooks.disable') : t('app.webhooks.enable')}
          {forUrl}
        </button>
        <button type="button" className="danger" onClick={remove} disabled={action.busy}>
          {t('app.webhooks.delete')}
          {forUrl}
        </button>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('app.webhooks.showDeliveries')}
          {forUrl}
        </button>
      </div>
      {open ? <Deliveries endpoint={endpoint} /> : null}
    </li>
  );
}

/** The webhooks page. */
export function WebhooksPage() {
  const { t } = useI18n();
  const { state } = useSession();
  const api = useAlertsApi();
  const endpoints = useLoad(() => api.webhooks(), [api, state?.activeOrganizationId]);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const action = useAction();
  return (
    <Page title={t('app.webhooks.title')} intro={t('app.webhooks.intro')}>
      <section aria-labelledby="new-webhook">
        <h2 id="new-webhook">{t('app.webhooks.new')}</h2>
        <CreateForm
          onCreated={(c) => {
            setCreated(c);
            endpoints.reload();
          }}
        />
        {created ? <Secret created={created} /> : null}
      </section>
      <section aria-labelledby="webhook-list">
        <h2 id="webhook-list">{t('app.webhooks.list')}</h2>
        <LoadState loading={endpoints.data === null && !endpoints.error} error={endpoints.error} />
        <Announcer error={action.error} status={action.status} />
        {endpoints.data && endpoints.data.length === 0 ? <p>{t('app.webhooks.none')}</p> : null}
        {endpoints.data && endpoints.data.length > 0 ? (
          <ul className="modifiers">
            {endpoints.data.map((e) => (
              <EndpointItem key={e.id} endpoint={e} action={action} reload={endpoints.reload} />
            ))}
          </ul>
        ) : null}
      </section>
    </Page>
  );
}
