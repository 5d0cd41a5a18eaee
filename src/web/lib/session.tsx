/** The API client and the signed-in session, shared with every component through context. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Api } from '../api/endpoints.ts';
import type { SessionState } from '../api/types.ts';

/** What components get from `useSession`. */
export interface SessionContextValue {
  api: Api;
  /** Null until the first answer from GET /api/v1/session. */
  state: SessionState | null;
  /** Set when the session could not be loaded at all. */
  loadError: unknown;
  setState(state: SessionState): void;
  refresh(): Promise<SessionState>;
  /** True when the session holds the permission (`members:manage`, `instance:admin`, …). */
  can(permission: string): boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Loads the session once and provides it with the API client. */
export function SessionProvider({ api, children }: { api: Api; children: ReactNode }) {
  const [state, setState] = useState<SessionState | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    const next = await api.session();
    setState(next);
    return next;
  }, [api]);

  useEffect(() => {
    refresh().catch(setLoadError);
  }, [refresh]);

  const value = useMemo<SessionContextValue>(
    () => ({
      api,
      state,
      loadError,
      setState,
      refresh,
      can: (permission) => state?.permissions.includes(permission) ?? false,
    }),
    [api, state, loadError, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The API client and the current session. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
