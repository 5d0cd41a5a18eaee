/** The form with which an organization adds its own jurisdiction (a city, a county) under the one shown. */
import { type FormEvent, useState } from 'react';
import type { Jurisdiction } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { SelectField, TextField } from './field.tsx';

const kinds = ['place', 'county', 'region'] as const;

/** Adds a jurisdiction under `parent`, then calls `onAdded`. */
export function AddJurisdiction({ parent, onAdded }: { parent: Jurisdiction; onAdded(): void }) {
  const { t, pick } = useI18n();
  const { api } = useSession();
  const action = useAction();
  const [type, setType] = useState<(typeof kinds)[number]>('place');
  const [en, setEn] = useState('');
  const [es, setEs] = useState('');
  const [fr, setFr] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = {
      en: en.trim(),
      ...(es.trim() ? { es: es.trim() } : {}),
      ...(fr.trim() ? { fr: fr.trim() } : {}),
    };
    const ok = await action.run(
      () => api.addJurisdiction({ parentId: parent.id, type, name }),
      t('app.jurisdictions.added', { name: name.en }),
    );
    if (ok) {
      setEn('');
      setEs('');
      setFr('');
      onAdded();
    }
  };
  return (
    <section aria-labelledby="add-jurisdiction-heading">
      <h2 id="add-jurisdiction-heading">{t('app.jurisdictions.add')}</h2>
      <p>{t('app.jurisdictions.addIntro', { parent: pick(parent.name).text })}</p>
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          label={t('app.jurisdictions.addType')}
          name="type"
          value={type}
          onChange={(v) => setType(v as (typeof kinds)[number])}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`app.jurisdictions.type.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('app.jurisdictions.addNameEn')}
          name="name-en"
          required
          value={en}
          onChange={setEn}
        />
        <TextField label={t('app.jurisdictions.addNameEs')} name="name-es" value={es} onChange={setEs} />
        <TextField label={t('app.jurisdictions.addNameFr')} name="name-fr" value={fr} onChange={setFr} />
        <Announcer error={action.error} status={action.status} />
        <button type="submit" className="primary" disabled={action.busy}>
          {t('app.jurisdictions.addSubmit')}
        </button>
      </form>
    </section>
  );
}
