/** A data table inside a scrolling region that keyboard users can reach, named by the table's caption. */
import type { ReactNode } from 'react';

/** Renders `<section tabIndex=0><table><caption id={id}>` around the table's head and body (`children`). */
export function ScrollTable({
  id,
  caption,
  className = 'data',
  children,
}: {
  id: string;
  caption: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-wrap" aria-labelledby={id} tabIndex={0}>
      <table className={className}>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </section>
  );
}
