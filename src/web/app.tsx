/** The workspace: the route table and the guards in front of the pages that need a session. */
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { isLocale } from '../core/i18n/locales.ts';
import { Layout } from './components/layout.tsx';
import { Page } from './components/page.tsx';
import { describeError } from './lib/errors.ts';
import { storedLocale, useI18n } from './lib/i18n.tsx';
import { navigate, useLocation } from './lib/router.ts';
import { useSession } from './lib/session.tsx';
import { AcceptInvitePage } from './routes/accept-invite.tsx';
import { AlertsRoute } from './routes/alerts.tsx';
import { billRoute } from './routes/bill-routes.tsx';
import { CampaignPage } from './routes/campaign.tsx';
import { CampaignsPage } from './routes/campaigns.tsx';
import { CasesPage } from './routes/cases.tsx';
import { ComparePage } from './routes/compare.tsx';
import { FrameworkPage } from './routes/framework.tsx';
import { GapsPage } from './routes/gaps.tsx';
import { HelpResourcesPage } from './routes/help-resources.tsx';
import { HomePage } from './routes/home.tsx';
import { JurisdictionsPage } from './routes/jurisdictions.tsx';
import { LawPage } from './routes/law.tsx';
import { LawDiffPage } from './routes/law-diff.tsx';
import { LawsPage } from './routes/laws.tsx';
import { MembersPage } from './routes/members.tsx';
import { ForbiddenPage, NotFoundPage } from './routes/not-found.tsx';
import { QcPage } from './routes/qc.tsx';
import { QcBatchPage } from './routes/qc-batch.tsx';
import { recodingRoute } from './routes/recoding.tsx';
import { ReportPage } from './routes/report.tsx';
import { ResetPasswordPage } from './routes/reset-password.tsx';
import { ScoreMapPage } from './routes/score-map.tsx';
import { SearchPage } from './routes/search.tsx';
import { SetupPage } from './routes/setup.tsx';
import { SignInPage } from './routes/sign-in.tsx';
import { StatisticsPage } from './routes/statistics.tsx';
import { TokensPage } from './routes/tokens.tsx';
import { UsersPage } from './routes/users.tsx';
import { WebhooksPage } from './routes/webhooks.tsx';

function Guard({ permission, children }: { permission: string; children: ReactNode }) {
  const { state, can } = useSession();
  const { path, search } = useLocation();
  const signedIn = Boolean(state?.user);
  useEffect(() => {
    if (!signedIn) navigate(`/sign-in?next=${encodeURIComponent(path + search)}`, { replace: true });
  }, [signedIn, path, search]);
  if (!signedIn) return null;
  return can(permission) ? children : <ForbiddenPage />;
}

/** `/qc/:id`, behind the org:read guard; null for any other path. */
function qcRoute(path: string): ReactNode {
  const match = /^\/qc\/([^/]+)$/.exec(path);
  if (!match?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return (
    <Guard permission="org:read">
      <QcBatchPage id={id} />
    </Guard>
  );
}

/** `/campaigns/:id`, behind the org:read guard; null for any other path. */
function campaignRoute(path: string): ReactNode {
  const match = /^\/campaigns\/([^/]+)$/.exec(path);
  if (!match?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return (
    <Guard permission="org:read">
      <CampaignPage id={id} />
    </Guard>
  );
}

/** `/laws/:id` and `/laws/:id/diff`; null for any other path. */
function lawRoute(path: string): ReactNode {
  const match = /^\/laws\/([^/]+)(\/diff)?$/.exec(path);
  if (!match?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return match[2] ? <LawDiffPage id={id} /> : <LawPage id={id} />;
}

function Routes() {
  const { path } = useLocation();
  const { state } = useSession();
  switch (path) {
    case '/':
      return state?.user ? <HomePage /> : <SignInPage />;
    case '/sign-in':
      return <SignInPage />;
    case '/setup':
      return <SetupPage />;
    case '/accept-invite':
      return <AcceptInvitePage />;
    case '/reset-password':
      return <ResetPasswordPage />;
    case '/framework':
      return <FrameworkPage />;
    case '/jurisdictions':
      return <JurisdictionsPage />;
    case '/laws':
      return <LawsPage />;
    case '/search':
      return <SearchPage />;
    case '/report':
      return <ReportPage />;
    case '/gaps':
      return <GapsPage />;
    case '/map':
      return <ScoreMapPage />;
    case '/compare':
      return <ComparePage />;
    case '/alerts':
      return <AlertsRoute />;
    case '/webhooks':
      return (
        <Guard permission="webhooks:manage">
          <WebhooksPage />
        </Guard>
      );
    case '/qc':
      return (
        <Guard permission="org:read">
          <QcPage />
        </Guard>
      );
    case '/campaigns':
      return (
        <Guard permission="org:read">
          <CampaignsPage />
        </Guard>
      );
    case '/statistics':
      return (
        <Guard permission="org:read">
          <StatisticsPage />
        </Guard>
      );
    case '/cases':
      return (
        <Guard permission="cases:read">
          <CasesPage />
        </Guard>
      );
    case '/help-resources':
      return (
        <Guard permission="org:read">
          <HelpResourcesPage />
        </Guard>
      );
    case '/admin/members':
      return (
        <Guard permission="org:read">
          <MembersPage />
        </Guard>
      );
    case '/admin/tokens':
      return (
        <Guard permission="members:manage">
          <TokensPage />
        </Guard>
      );
    case '/admin/users':
      return (
        <Guard permission="instance:admin">
          <UsersPage />
        </Guard>
      );
    default:
      return (
        lawRoute(path) ??
        qcRoute(path) ??
        billRoute(path) ??
        campaignRoute(path) ??
        recodingRoute(path, (page) => <Guard permission="org:read">{page}</Guard>) ?? <NotFoundPage />
      );
  }
}

/** The whole workspace, once the session is known. */
export function App() {
  const i18n = useI18n();
  const { state, loadError } = useSession();
  const { path } = useLocation();
  const userLocale = state?.user?.locale;

  useEffect(() => {
    // A language chosen on this device wins; otherwise the one remembered for the account.
    if (!storedLocale() && isLocale(userLocale)) i18n.setLocale(userLocale);
  }, [userLocale, i18n.setLocale]);

  let body: ReactNode;
  if (loadError) {
    const shown = describeError(i18n, loadError);
    body = (
      <Page title={i18n.t('app.error.title')}>
        <p role="alert" lang={shown.lang}>
          {shown.text}
        </p>
      </Page>
    );
  } else if (!state) {
    body = (
      <p role="status" className="loading">
        {i18n.t('app.loading')}
      </p>
    );
  } else {
    // Keyed by path so each page starts with fresh state.
    body = <Routes key={path} />;
  }
  return <Layout>{body}</Layout>;
}
