/** The workspace home for a signed-in person: who and where they are, and where to go next. */
import { Link } from '../components/link.tsx';
import { Page } from '../components/page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { roleName } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';

/** The home page. */
export function HomePage() {
  const { t } = useI18n();
  const { state, can } = useSession();
  const org = state?.organizations.find((o) => o.id === state.activeOrganizationId);
  return (
    <Page title={t('app.home.title')}>
      <p>{t('app.home.welcome', { name: state?.user?.displayName ?? '' })}</p>
      {org && state?.role ? (
        <p>{t('app.home.membership', { organization: org.name, role: roleName(t, state.role) })}</p>
      ) : (
        <p>{t('app.home.noOrganization')}</p>
      )}
      <ul className="cards">
        <li>
          <Link to="/framework">{t('app.framework.title')}</Link>
          <p>{t('app.home.frameworkText')}</p>
        </li>
        <li>
          <Link to="/jurisdictions">{t('app.jurisdictions.title')}</Link>
          <p>{t('app.home.jurisdictionsText')}</p>
        </li>
        {can('org:read') ? (
          <li>
            <Link to="/admin/members">{t('app.members.title')}</Link>
            <p>{t('app.home.membersText')}</p>
          </li>
        ) : null}
      </ul>
    </Page>
  );
}
