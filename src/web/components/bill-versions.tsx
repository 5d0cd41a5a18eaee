/**
 * A bill's versions (each with its links and, when stored, its text behind a disclosure) and a word diff
 * between two versions with text. The two positions live in the URL (`?from=0&to=1`) so a diff is a link.
 * Deletions and insertions are <del> and <ins>, each announced by a hidden text label, so nothing depends on
 * colour.
 */
import { type FormEvent, useMemo, useState } from 'react';
import type { WordChange } from '../../core/laws/diff.ts';
import type { Bill, BillDocument } from '../api/bill-types.ts';
import { billPath } from '../lib/bill-paths.ts';
import { dayOf, versionDiff, versionsWithText } from '../lib/bill-text.ts';
import { useI18n } from '../lib/i18n.tsx';
import { navigate, useLocation } from '../lib/router.ts';
import { SelectField } from './field.tsx';

function DiffWord({ word }: { word: WordChange }) {
  const { t } = useI18n();
  if (word.op === 'equal') return <span>{word.text}</span>;
  const label = t(word.op === 'delete' ? 'app.diff.deleted' : 'app.diff.inserted');
  const inner = (
    <>
      <span className="visually-hidden">[{label}: </span>
      {word.text}
      <span className="visually-hidden">]</span>
    </>
  );
  return word.op === 'delete' ? <del>{inner}</del> : <ins>{inner}</ins>;
}

/** The name of a version in lists and selects: its note and date. */
export function versionLabel(v: BillDocument): string {
  return v.date ? `${v.note} (${dayOf(v.date)})` : v.note;
}

function VersionDiff({ from, to }: { from: BillDocument; to: BillDocument }) {
  const { t } = useI18n();
  const diff = useMemo(() => versionDiff(from.text ?? '', to.text ?? ''), [from.text, to.text]);
  const same = diff.inserted === 0 && diff.deleted === 0 && diff.words.every((w) => w.op === 'equal');
  return (
    <section aria-labelledby="bill-diff" className="bill-diff">
      <h3 id="bill-diff">{t('app.bill.diffTitle', { from: versionLabel(from), to: versionLabel(to) })}</h3>
      <p role="status">
        {same
          ? t('app.bill.diffSame')
          : t('app.bill.diffCounts', { inserted: diff.inserted, deleted: diff.deleted })}
      </p>
      {same ? null : (
        <p className="diff-text bill-text">
          {diff.words.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the diff's parts never reorder.
            <DiffWord key={i} word={w} />
          ))}
        </p>
      )}
    </section>
  );
}

function position(value: string | null, allowed: readonly number[]): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return allowed.includes(n) ? n : null;
}

/** The versions section of a bill's page. */
export function BillVersions({ bill }: { bill: Bill }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const withText = versionsWithText(bill.versions);
  const from = position(params.get('from'), withText);
  const to = position(params.get('to'), withText);
  const [fromChoice, setFromChoice] = useState(String(from ?? withText.at(-2) ?? ''));
  const [toChoice, setToChoice] = useState(String(to ?? withText.at(-1) ?? ''));

  const compare = (event: FormEvent) => {
    event.preventDefault();
    const qs = new URLSearchParams({ from: fromChoice, to: toChoice });
    navigate(`${billPath(bill.id)}?${qs.toString()}`, { replace: true });
  };
  const fromVersion = from === null ? undefined : bill.versions[from];
  const toVersion = to === null ? undefined : bill.versions[to];

  return (
    <section aria-labelledby="bill-versions" className="bill-section">
      <h2 id="bill-versions">{t('app.bill.versions')}</h2>
      {bill.versions.length === 0 ? <p>{t('app.bill.noVersions')}</p> : null}
      <ol className="bill-versions">
        {bill.versions.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the version's identity in the API.
          <li key={i}>
            <strong>{v.note}</strong> {v.date ? dayOf(v.date) : null}{' '}
            <span className="muted">({v.text?.trim() ? t('app.bill.hasText') : t('app.bill.noText')})</span>
            {v.links.length > 0 ? (
              <ul className="links">
                {v.links.map((l) => (
                  <li key={l.url}>
                    <a href={l.url}>{l.url}</a>{' '}
                    {l.mediaType ? <span className="muted">{l.mediaType}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {v.text?.trim() ? (
              <details>
                <summary>{t('app.bill.showText')}</summary>
                <p className="bill-text">{v.text}</p>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {withText.length >= 2 ? (
        <form className="filters no-print" onSubmit={compare}>
          <SelectField
            label={t('app.bill.compareFrom')}
            name="from"
            value={fromChoice}
            onChange={setFromChoice}
          >
            {withText.map((i) => (
              <option key={i} value={String(i)}>
                {versionLabel(bill.versions[i] as BillDocument)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('app.bill.compareTo')} name="to" value={toChoice} onChange={setToChoice}>
            {withText.map((i) => (
              <option key={i} value={String(i)}>
                {versionLabel(bill.versions[i] as BillDocument)}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <button type="submit" disabled={fromChoice === toChoice}>
              {t('app.bill.compare')}
            </button>
          </div>
        </form>
      ) : bill.versions.length > 0 ? (
        <p className="muted">{t('app.bill.needTwo')}</p>
      ) : null}
      {fromVersion && toVersion && from !== to ? <VersionDiff from={fromVersion} to={toVersion} /> : null}
    </section>
  );
}
