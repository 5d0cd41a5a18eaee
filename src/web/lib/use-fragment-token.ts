/** The one-time token of a setup, reset or invitation link, taken from the URL fragment. */
import { useEffect, useState } from 'react';
import { clearFragment, readFragmentToken } from './router.ts';

/**
 * The token from `#token=…` (null when the link had none); the fragment is then cleared from the URL. A link
 * opened in a tab already showing the page changes only the fragment, so `hashchange` is followed too.
 */
export function useFragmentToken(): string | null {
  const [token, setToken] = useState(readFragmentToken);
  useEffect(() => {
    const onHashChange = () => {
      const next = readFragmentToken();
      if (next) setToken(next);
      clearFragment();
    };
    clearFragment();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return token;
}
