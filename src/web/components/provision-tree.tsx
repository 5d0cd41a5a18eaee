/**
 * A version's provisions in document order, indented by depth. Each provision has an anchor; its citation
 * and heading form an h3 and its text carries the document's language. With `coding:write`, a provision can
 * open the coding form.
 */
import { useEffect, useRef, useState } from 'react';
import type { LawVersionText, Provision } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { provisionAnchor } from '../lib/law-text.ts';
import { useSession } from '../lib/session.tsx';
import { CodeAnswer } from './code-answer.tsx';

function ProvisionItem({
  provision,
  text,
  open,
  onOpen,
}: {
  provision: Provision;
  text: LawVersionText;
  open: boolean;
  onOpen(open: boolean): void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const textRef = useRef<HTMLDivElement>(null);
  const lang = text.document.language;
  const anchor = provisionAnchor(provision.id);
  const depth = Math.min(provision.depth, 6);
  return (
    <li id={anchor} className={`provision depth-${depth}`}>
      <h3 className="provision-heading">
        <a href={`#${anchor}`} className="provision-citation" lang={lang}>
          {provision.citation}
        </a>
        {provision.heading ? (
          <>
            {' '}
            <span lang={lang}>{provision.heading}</span>
          </>
        ) : null}
      </h3>
      {provision.text ? (
        <div className="provision-text" lang={lang} ref={textRef}>
          {provision.text.split(/\n{2,}/).map((para, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one stored text never reorder.
            <p key={i}>{para}</p>
          ))}
        </div>
      ) : null}
      {can('coding:write') && provision.text ? (
        open ? (
          <CodeAnswer provision={provision} text={text} textRef={textRef} onClose={() => onOpen(false)} />
        ) : (
          <button type="button" className="small" onClick={() => onOpen(true)}>
            {t('app.code.open')}
            <span className="visually-hidden"> ({provision.citation})</span>
          </button>
        )
      ) : null}
    </li>
  );
}

/** Renders the provisions of one version. */
export function ProvisionTree({ text }: { text: LawVersionText }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    // The fragment names a provision (from search results, the diff or a shared link): bring it into view and
    // move focus to its citation link, so a keyboard user goes on from there.
    const hash = window.location.hash.slice(1);
    const target = hash ? document.getElementById(hash) : null;
    target?.scrollIntoView();
    target?.querySelector<HTMLElement>('.provision-citation')?.focus({ preventScroll: true });
  }, []);

  if (text.provisions.length === 0) return <p>{t('app.law.noProvisions')}</p>;
  return (
    <ol className="provisions">
      {text.provisions.map((p) => (
        <ProvisionItem
          key={p.id}
          provision={p}
          text={text}
          open={open === p.id}
          onOpen={(o) => setOpen(o ? p.id : null)}
        />
      ))}
    </ol>
  );
}
