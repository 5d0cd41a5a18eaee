/**
 * Publication events: a tiny in-process hook telling listeners (the public portal's page cache) that published
 * data may have changed. Policy: the services that publish, withdraw or edit coded records call
 * `notifyPublicationChanged()` after their transaction has committed, so a listener that reloads sees the new
 * state. Writes made by another process (the command line) are not seen here; listeners bound how long they
 * trust what they hold for that reason.
 */

/** Called when published data may have changed. */
export type PublicationListener = () => void;

const listeners = new Set<PublicationListener>();

/** Adds a listener; returns the function that removes it again. */
export function subscribePublication(listener: PublicationListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells every listener that published data may have changed; a throwing listener does not stop the others. */
export function notifyPublicationChanged(): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch {
      // A cache that fails to clear must not fail the write that already committed.
    }
  }
}
