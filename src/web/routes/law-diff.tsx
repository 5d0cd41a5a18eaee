/**
 * The changes between two versions of a law: provisions added, removed and changed. Each change is named in
 * words, and the word diff marks deletions with <del> and insertions with <ins>, each announced by a hidden
 * label, so nothing depends on colour.
 */
import type { LawDiff } from '../api/types.ts';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useLoad } from '../lib/use-action.ts';
import { lawPath } from './laws.tsx';

type Change = LawDiff['changes'][number];

type Word = Extract<Change, { change: 'changed' }>['words'][number];

function WordPart({ word }: { word: Word }) {
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

function Words({ words }: { words: readonly Word[] }) {
  return (
    <>
      {words.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the diff's parts never reorder.
        <WordPart key={i} word={w} />
      ))}
    </>
  );
}

function ChangeItem({ change, lang }: { change: Change; lang: string }) {
  const { t } = useI18n();
  const label = t(`app.diff.${change.change}`);
  const content = change.change === 'removed' ? change.before : change.after;
  return (
    <li className={`change change-${change.change}`}>
      <h3>
        <span className="change-label">{label}</span> <span lang={lang}>{change.citation}</span>
        {content.heading ? (
          <>
            {' '}
            <span lang={lang}>{content.heading}</span>
          </>
        ) : null}
      </h3>
      {change.change === 'changed' ? (
        <>
          {change.before.heading !== change.after.heading ? (
            <p>
              {t('app.diff.headingChanged')} <del lang={lang}>{change.before.heading ?? '—'}</del> →{' '}
              <ins lang={lang}>{change.after.heading ?? '—'}</ins>
            </p>
          ) : null}
          <p className="diff-text" lang={lang}>
            <Words words={change.words} />
          </p>
        </>
      ) : (
        <p className="diff-text" lang={lang}>
          {change.change === 'removed' ? <del>{content.text}</del> : <ins>{content.text}</ins>}
        </p>
      )}
    </li>
  );
}

/** The diff page (public): `/laws/:id/diff?from=&to=`. */
export function LawDiffPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const diff = useLoad(() => api.lawDiff(id, from, to), [api, id, from, to]);
  const d = diff.data;
  return (
    <Page title={t('app.diff.title')}>
      <p>
        <Link to={lawPath(id)}>{t('app.diff.back')}</Link>
      </p>
      <LoadState loading={d === null && !diff.error} error={diff.error} />
      {d ? (
        <>
          <p className="intro">
            <span lang={d.document.language}>{d.document.title}</span>
            {' · '}
            {t('app.diff.between', { from: d.from.effectiveFrom, to: d.to.effectiveFrom })}
          </p>
          <p role="status">
            {t('app.diff.counts', {
              added: d.counts.added,
              removed: d.counts.removed,
              changed: d.counts.changed,
              unchanged: d.counts.unchanged,
            })}
          </p>
          <h2>{t('app.diff.changes')}</h2>
          {d.changes.length === 0 ? <p>{t('app.diff.none')}</p> : null}
          <ol className="changes">
            {d.changes.map((c) => (
              <ChangeItem key={`${c.change}|${c.citation}`} change={c} lang={d.document.language} />
            ))}
          </ol>
        </>
      ) : null}
    </Page>
  );
}
