/** Runs one async action at a time for a form or button, keeping its busy flag, error and status message. */
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type ShownError } from './errors.ts';
import { useI18n } from './i18n.tsx';

/** State and runner for a user action. */
export interface Action {
  busy: boolean;
  error: ShownError | null;
  status: string | null;
  /** Runs `work`; on success shows `done` (when given) as the status, on failure the error. Returns success. */
  run(work: () => Promise<unknown>, done?: string): Promise<boolean>;
  setStatus(status: string | null): void;
}

/** A fresh action state. */
export function useAction(): Action {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const run = useCallback(
    async (work: () => Promise<unknown>, done?: string) => {
      setBusy(true);
      setError(null);
      setStatus(null);
      try {
        await work();
        if (done) setStatus(done);
        return true;
      } catch (err) {
        setError(describeError(i18n, err));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [i18n],
  );
  return { busy, error, status, run, setStatus };
}

/** Data loaded for a page: null while loading; `error` is set when loading failed. */
export interface Loaded<T> {
  data: T | null;
  error: ShownError | null;
  reload(): void;
  setData(data: T): void;
}

/** Loads data when the component mounts and whenever `deps` change. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const i18n = useI18n();
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [version, setVersion] = useState(0);
  const seenVersion = useRef(version);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on.
  useEffect(() => {
    let live = true;
    // A reload keeps the old data on screen until the new arrives; other changes start afresh.
    if (seenVersion.current === version) setData(null);
    seenVersion.current = version;
    setError(null);
    load().then(
      (value) => {
        if (live) setData(value);
      },
      (err: unknown) => {
        if (live) setError(describeError(i18nRef.current, err));
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload, setData };
}
