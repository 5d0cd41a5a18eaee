/**
 * What every document reader produces: the provision tree plus whatever the file says about itself (title,
 * citation, language, dates). The person importing fills in what the file does not carry.
 */
import type { LawDocumentType, ProvisionNode } from '../../core/laws/types.ts';

/** The formats lawgap reads; `json` is lawgap.law/1 (or, for other JSON, a generic text fallback). */
export const documentFormats = ['text', 'html', 'pdf', 'docx', 'uslm', 'akn', 'clml', 'json'] as const;
/** One of `documentFormats`. */
export type DocumentFormat = (typeof documentFormats)[number];

/** True when the value names a format. */
export function isDocumentFormat(value: string): value is DocumentFormat {
  return (documentFormats as readonly string[]).includes(value);
}

/** A file as the readers receive it: its name (for messages and hints only) and its bytes. */
export interface DocumentInput {
  fileName: string;
  bytes: Uint8Array;
}

/** A document read from a file: provisions in document order as a tree, and the file's own metadata. */
export interface ReadDocument {
  format: DocumentFormat;
  title: string | null;
  /** The document's official citation when the file carries one (e.g. `18 U.S.C. ch. 77`, an AKN FRBR URI). */
  citation: string | null;
  /** BCP 47 tag when the file says which language it is in. */
  language: string | null;
  /** `YYYY-MM-DD` when the file carries a date the text applies from. */
  effectiveFrom: string | null;
  type: LawDocumentType | null;
  provisions: ProvisionNode[];
  /** What the reader guessed, merged or skipped, for the person importing. */
  notes: string[];
  /** For paged sources (PDF): citation -> 1-based page the provision starts on; page numbers stay out of text. */
  pages?: Record<string, number>;
}

/** A reader of one format: rejects bad input with DOCUMENT_UNREADABLE naming the file (and line/offset). */
export type DocumentReader = (input: DocumentInput) => Promise<ReadDocument>;
