/** The date and "answers counted" filters of a report card or gap report, applied by navigating. */
import { type FormEvent, useState } from 'react';
import type { ScoreInclude } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { includes } from '../lib/report-paths.ts';
import { useSession } from '../lib/session.tsx';
import { SelectField, TextField } from './field.tsx';

/** The "answers counted" select of every score view; shown only to members (`org:read`), else nothing. */
export function IncludeField({
  value,
  onChange,
}: {
  value: ScoreInclude;
  onChange(include: ScoreInclude): void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  if (!can('org:read')) return null;
  return (
    <SelectField
      label={t('app.report.include')}
      name="include"
      value={value}
      onChange={(v) => onChange(includes.find((i) => i === v) ?? 'published')}
    >
      {includes.map((i) => (
        <option key={i} value={i}>
          {t(`app.report.include.${i}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** The filter form; the "answers counted" choice is shown only to members (`org:read`). */
export function ScoreFilters(props: {
  asOf: string;
  include: ScoreInclude;
  submitLabel: string;
  onApply(asOf: string, include: ScoreInclude): void;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState(props.asOf);
  const [counted, setCounted] = useState<ScoreInclude>(props.include);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(date, counted);
  };
  return (
    <form className="filters" onSubmit={apply}>
      <TextField label={t('app.laws.asOf')} name="asOf" type="date" value={date} onChange={setDate} />
      <IncludeField value={counted} onChange={setCounted} />
      <div className="field">
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}
