/** A page: sets the document title and renders its one `<h1>`, which takes focus after in-app navigation. */
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { navigationCount } from '../lib/router.ts';

/** Wraps a route's content under its heading. */
export function Page({
  title,
  titleLang,
  children,
  intro,
}: {
  title: string;
  /** The title's language when it is data in another language than the interface (a law's title). */
  titleLang?: string | undefined;
  children: ReactNode;
  intro?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();

  useEffect(() => {
    document.title = `${title} · ${t('site.name')}`;
  }, [title, t]);

  useEffect(() => {
    // Move focus to the new page's heading so screen-reader and keyboard users start at the top of it.
    if (navigationCount() > 0) heading.current?.focus();
  }, []);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} lang={titleLang}>
        {title}
      </h1>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </>
  );
}
