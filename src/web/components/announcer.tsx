/**
 * Live regions for a form or a page: errors are announced at once (`role="alert"`), progress and success
 * politely (`role="status"`). Both regions stay in the page so assistive technology notices every change.
 */
import type { ShownError } from '../lib/errors.ts';

/** Shows the current error or status message of a form. */
export function Announcer({ error, status }: { error?: ShownError | null; status?: string | null }) {
  return (
    <>
      <div role="alert" className={error ? 'message message-error' : 'message-empty'}>
        {error ? <span lang={error.lang}>{error.text}</span> : null}
      </div>
      <div role="status" className={status ? 'message message-ok' : 'message-empty'}>
        {status ?? null}
      </div>
    </>
  );
}
