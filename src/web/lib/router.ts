/**
 * A tiny history router. Paths inside the app are written without the `/app` base (`/framework`); the URL
 * bar shows the full path. Components re-render on back/forward and on `navigate`.
 */
import { useSyncExternalStore } from 'react';

/** Where the workspace is mounted (Vite's `base`, without the trailing slash). */
export const appBase = '/app';

const navigateEvent = 'lawgap:navigate';

/** The current location inside the app. */
export interface AppLocation {
  /** Path without the base and without a trailing slash, `/` for the home page. */
  path: string;
  /** The raw query string, including `?` when present. */
  search: string;
}

function read(): string {
  return `${window.location.pathname}${window.location.search}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigateEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigateEvent, onChange);
  };
}

/** Splits a full URL path into the app path and query. */
export function parseLocation(full: string): AppLocation {
  const q = full.indexOf('?');
  const pathname = q === -1 ? full : full.slice(0, q);
  const search = q === -1 ? '' : full.slice(q);
  let path = pathname.startsWith(appBase) ? pathname.slice(appBase.length) : pathname;
  path = path.replace(/\/+$/, '');
  return { path: path || '/', search };
}

/** The full URL for an app path such as `/framework?x=1`. */
export function href(to: string): string {
  return `${appBase}${to.startsWith('/') ? to : `/${to}`}`;
}

/** Goes to an app path, adding a history entry unless `replace` is set. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = href(to);
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(navigateEvent));
}

/** The current app location; re-renders the caller when it changes. */
export function useLocation(): AppLocation {
  const full = useSyncExternalStore(subscribe, read, read);
  return parseLocation(full);
}

/** Reads `token` from the URL fragment (`#token=…`); null when absent. Never sent in a request URL. */
export function readFragmentToken(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  return hash ? new URLSearchParams(hash).get('token') : null;
}

/** Removes the fragment from the address bar so the secret is not kept in history or shown over a shoulder. */
export function clearFragment(): void {
  if (!window.location.hash) return;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
}

let navigations = 0;
if (typeof window !== 'undefined') window.addEventListener(navigateEvent, () => navigations++);
if (typeof window !== 'undefined') window.addEventListener('popstate', () => navigations++);

/** How many in-app navigations have happened since the page loaded (0 on a fresh load). */
export function navigationCount(): number {
  return navigations;
}
