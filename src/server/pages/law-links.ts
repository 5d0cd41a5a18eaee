/**
 * URLs of the public law library (`/law`): a document (`/law/<document id>`, `?on=YYYY-MM-DD` for the law in
 * force on another day), a provision's stable URL (`/law/<document id>/<provision key>`) and its anchor on
 * the document page (`#<provision key>`), keys as core/laws/anchors.ts derives them from the citation.
 */
import { provisionKey } from '../../core/laws/anchors.ts';
import type { AnswerCitation } from '../../core/scoring/types.ts';

/** The document page, optionally as in force on `on`, optionally at an anchor. */
export function lawDocumentHref(documentId: string, on?: string, key?: string): string {
  return `/law/${encodeURIComponent(documentId)}${on ? `?on=${on}` : ''}${key ? `#${encodeURIComponent(key)}` : ''}`;
}

/** A provision's own stable URL, optionally as in force on `on`. */
export function provisionPageHref(documentId: string, key: string, on?: string): string {
  return `/law/${encodeURIComponent(documentId)}/${encodeURIComponent(key)}${on ? `?on=${on}` : ''}`;
}

/** The changes page between the versions in force on two dates. */
export function lawChangesHref(documentId: string, from: string, to: string): string {
  return `/law/${encodeURIComponent(documentId)}/changes?from=${from}&to=${to}`;
}

/**
 * The provision's anchor on the public document page as in force on `asOf`, for an answer's citation (whose
 * human citation is `<document citation> <provision citation>`); the document page without an anchor when the
 * provision's own citation cannot be told apart; null when the citation is not in the library.
 */
export function citationHref(
  c: Pick<AnswerCitation, 'documentId' | 'citation' | 'documentCitation'>,
  asOf: string,
): string | null {
  if (!c.documentId) return null;
  const prefix = c.documentCitation ? `${c.documentCitation} ` : null;
  const own = prefix && c.citation.startsWith(prefix) ? c.citation.slice(prefix.length) : null;
  return lawDocumentHref(c.documentId, asOf, own ? provisionKey(own) : undefined);
}
