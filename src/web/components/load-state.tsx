/** What a page shows while its data loads, or when loading failed. */
import type { ShownError } from '../lib/errors.ts';
import { useI18n } from '../lib/i18n.tsx';

/** A polite "Loading…" status, or the load error as an alert; nothing once the data is there. */
export function LoadState({ loading, error }: { loading: boolean; error: ShownError | null }) {
  const { t } = useI18n();
  if (error) {
    return (
      <p role="alert" className="message message-error">
        <span lang={error.lang}>{error.text}</span>
      </p>
    );
  }
  return loading ? (
    <p role="status" className="loading">
      {t('app.loading')}
    </p>
  ) : null;
}
