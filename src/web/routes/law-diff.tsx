/**
 * The changes between two versions of a law: provisions added, removed and changed. Each change is named in
 * words, and the word diff marks deletions with <del> and insertions with <ins>, each announced by a hidden
 * label, so nothing depends on colour. Each change's citation links to that provision in its version's page
 * (the new version for added and changed provisions, the old one for removed ones): a real link, so Tab and
 * Enter reach it, and the law page moves focus to the provision named in the fragment.
 */
import type { LawDiff } from '../api/types.ts';
import { Link } from '../components/link.tsx';
import { LoadState } from '../components/load-state.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { provisionAnchor } from '../lib/law-text.ts';
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

/** Where a citation sits in one version: the version's id and date, and each citation's provision id. */
interface VersionIndex {
  id: string;
  effectiveFrom: string;
  provisionIds: ReadonlyMap<string, string>;
}

function CitationLink({
  documentId,
  citation,
  version,
  lang,
}: {
  documentId: string;
  citation: string;
  version: VersionIndex | null;
  lang: string;
}) {
  const { t } = useI18n();
  const provisionId = version?.provisionIds.get(citation);
  if (!version || !provisionId) return <span lang={lang}>{citation}</span>;
  return (
    <Link to={`${lawPath(documentId, version.id)}#${provisionAnchor(provisionId)}`} className="diff-citation">
      <span lang={lang}>{citation}</span>
      <span className="visually-hidden"> {t('app.diff.inVersion', { date: version.effectiveFrom })}</span>
    </Link>
  );
}

function ChangeItem({
  change,
  lang,
  documentId,
  versions,
}: {
  change: Change;
  lang: string;
  documentId: string;
  versions: { from: VersionIndex | null; to: VersionIndex | null };
}) {
  const { t } = useI18n();
  const label = t(`app.diff.${change.change}`);
  const content = change.change === 'removed' ? change.before : change.after;
  const version = change.change === 'removed' ? versions.from : versions.to;
  return (
    <li className={`change change-${change.change}`}>
      <h3>
        <span className="change-label">{label}</span>{' '}
        <CitationLink documentId={documentId} citation={change.citation} version={version} lang={lang} />
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
  // The diff names provisions by citation; the two versions' texts give each citation's anchor.
  const index = (versionId: string) =>
    api.lawVersion(id, versionId).then(
      (v): VersionIndex => ({
        id: v.version.id,
        effectiveFrom: v.version.effectiveFrom,
        provisionIds: new Map([...v.provisions].reverse().map((p) => [p.citation, p.id] as const)),
      }),
    );
  const versions = useLoad(
    () => (d ? Promise.all([index(d.from.id), index(d.to.id)]) : Promise.resolve(null)),
    [api, id, d],
  );
  const [fromIndex, toIndex] = versions.data ?? [null, null];
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
              <ChangeItem
                key={`${c.change}|${c.citation}`}
                change={c}
                lang={d.document.language}
                documentId={id}
                versions={{ from: fromIndex, to: toIndex }}
              />
            ))}
          </ol>
        </>
      ) : null}
    </Page>
  );
}
