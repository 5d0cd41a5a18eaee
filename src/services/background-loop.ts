/**
 * A background job run every `intervalMs`, never two runs at once (a tick while one runs is skipped); an
 * interval of 0 runs nothing. The returned stop function clears the timer and waits for a run in progress.
 * Errors go to `onError` and the loop goes on. The timer never keeps the process alive on its own.
 */
export function startLoop(
  run: () => Promise<unknown>,
  intervalMs: number,
  onError: (err: unknown) => void,
): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let running: Promise<void> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = run()
      .then(
        () => undefined,
        (err: unknown) => onError(err),
      )
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (running) await running;
  };
}
