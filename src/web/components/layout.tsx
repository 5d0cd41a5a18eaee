/** The page frame: skip link, header (brand, navigation, organization, language, account) and main. */
import { type FormEvent, type ReactNode, useState } from 'react';
import type { Locale } from '../../core/framework/types.ts';
import { localeNames, locales } from '../../core/i18n/locales.ts';
import { useI18n } from '../lib/i18n.tsx';
import { navigate, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-action.ts';
import { Announcer } from './announcer.tsx';
import { Link } from './link.tsx';

function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const { path } = useLocation();
  const current = path === to || path.startsWith(`${to}/`);
  return (
    <li>
      <Link to={to} aria-current={current ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  const { api, state } = useSession();
  const choose = (next: Locale) => {
    setLocale(next);
    // Remembered for the account too, so the choice follows the person to another device.
    if (state?.user) api.rememberLocale(next).catch(() => undefined);
  };
  return (
    <fieldset className="langs">
      <legend className="visually-hidden">{t('nav.language')}</legend>
      {locales.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          className="lang"
          onClick={() => choose(l)}
        >
          {localeNames[l]}
        </button>
      ))}
    </fieldset>
  );
}

function OrganizationSwitcher() {
  const { t } = useI18n();
  const { api, state, setState } = useSession();
  const [choice, setChoice] = useState(state?.activeOrganizationId ?? '');
  const action = useAction();
  if (!state?.user || state.organizations.length === 0) return null;
  if (state.organizations.length === 1) {
    return (
      <p className="org-switcher">{t('app.org.current', { name: state.organizations[0]?.name ?? '' })}</p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => setState(await api.switchOrganization(choice)), t('app.org.switched'));
  };
  return (
    <form className="org-switcher" onSubmit={submit}>
      <label htmlFor="org-select">{t('app.org.label')}</label>
      <select id="org-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
        {state.organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={action.busy || choice === state.activeOrganizationId}>
        {t('app.org.switch')}
      </button>
      <Announcer error={action.error} status={action.status} />
    </form>
  );
}

function Account() {
  const { t } = useI18n();
  const { api, state, refresh } = useSession();
  const action = useAction();
  if (!state?.user) {
    return (
      <p className="account">
        <Link to="/sign-in">{t('app.signIn.title')}</Link>
      </p>
    );
  }
  const signOut = () =>
    void action.run(async () => {
      await api.signOut();
      await refresh();
      navigate('/sign-in');
    });
  return (
    <div className="account">
      <span className="who">{state.user.displayName}</span>
      <button type="button" onClick={signOut} disabled={action.busy}>
        {t('app.signOut')}
      </button>
      <Announcer error={action.error} />
    </div>
  );
}

/** Frames every route. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { state, can } = useSession();
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site">
        <div className="bar">
          <a className="brand" href="/">
            {t('site.name')}
          </a>
          <OrganizationSwitcher key={state?.activeOrganizationId ?? 'none'} />
          <LanguageSwitcher />
          <Account />
        </div>
        <nav aria-label={t('app.nav.label')}>
          <ul className="nav">
            {state?.user ? <NavLink to="/">{t('app.home.title')}</NavLink> : null}
            <NavLink to="/framework">{t('app.framework.title')}</NavLink>
            <NavLink to="/jurisdictions">{t('app.jurisdictions.title')}</NavLink>
            <NavLink to="/map">{t('app.map.title')}</NavLink>
            <NavLink to="/compare">{t('app.compare.title')}</NavLink>
            <NavLink to="/laws">{t('app.laws.title')}</NavLink>
            <NavLink to="/bills">{t('app.bills.title')}</NavLink>
            <NavLink to="/search">{t('app.search.title')}</NavLink>
            {state?.user ? <NavLink to="/alerts">{t('app.alerts.title')}</NavLink> : null}
            {can('org:read') ? <NavLink to="/qc">{t('app.qc.title')}</NavLink> : null}
            {can('org:read') ? <NavLink to="/campaigns">{t('app.nav.campaigns')}</NavLink> : null}
            {can('org:read') ? <NavLink to="/statistics">{t('app.nav.statistics')}</NavLink> : null}
            {can('cases:read') ? <NavLink to="/cases">{t('app.nav.cases')}</NavLink> : null}
            {can('org:read') ? <NavLink to="/help-resources">{t('app.helpResources.title')}</NavLink> : null}
            {can('org:read') ? <NavLink to="/admin/members">{t('app.members.title')}</NavLink> : null}
            {can('members:manage') ? <NavLink to="/admin/tokens">{t('app.tokens.title')}</NavLink> : null}
            {can('webhooks:manage') ? <NavLink to="/webhooks">{t('app.webhooks.title')}</NavLink> : null}
            {can('instance:admin') ? <NavLink to="/admin/users">{t('app.users.title')}</NavLink> : null}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
