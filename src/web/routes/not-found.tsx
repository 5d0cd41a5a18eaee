/** Pages for unknown paths and for pages the session may not see. */
import { Link } from '../components/link.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';

/** Shown for an unknown app path. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('app.notFound.title')}>
      <p>{t('app.notFound.text')}</p>
      <p>
        <Link to="/framework">{t('app.framework.title')}</Link>
      </p>
    </Page>
  );
}

/** Shown when the session lacks the permission a page needs. */
export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Page title={t('app.forbidden.title')}>
      <p>{t('app.forbidden.text')}</p>
    </Page>
  );
}
