/**
 * Plain-text law files (statutes, codes, treaties as text or markdown) into a law import. The text carries no
 * citation or dates, so those come from the person importing; the title is the text's first line when it is
 * not a heading, else the given title, else the citation. Splitting rules live in core/laws/split-text.ts.
 */
import { DomainError } from '../core/errors.ts';
import { splitPlainText } from '../core/laws/split-text.ts';
import { type LawDocumentType, type LawImport, lawLimits } from '../core/laws/types.ts';

/** What the person importing says about a file (command-line flags or API fields). */
export interface LawImportOptions {
  citation?: string;
  effectiveFrom?: string;
  effectiveTo?: string | null;
  title?: string;
  type?: LawDocumentType;
  language?: string;
  sourceUrl?: string | null;
}

/** Throws LAW_INVALID when the content is larger than an import may be. */
export function checkContentSize(content: string): void {
  if (content.length > lawLimits.contentChars) {
    throw new DomainError(
      'LAW_INVALID',
      `the content has ${content.length} characters; at most ${lawLimits.contentChars} are allowed`,
      { field: 'content' },
    );
  }
}

/** Reads plain text into a law import; throws LAW_INVALID when the citation or start date is missing. */
export function readLawText(content: string, options: LawImportOptions): LawImport {
  checkContentSize(content);
  const citation = options.citation?.trim();
  if (!citation) {
    throw new DomainError('LAW_INVALID', 'a plain-text document carries no citation: give one (--citation)', {
      field: 'citation',
    });
  }
  if (!options.effectiveFrom) {
    throw new DomainError(
      'LAW_INVALID',
      'a plain-text document carries no effective date: give one (--effective-from YYYY-MM-DD)',
      { field: 'effectiveFrom' },
    );
  }
  const split = splitPlainText(content, { documentCitation: citation });
  return {
    document: {
      type: options.type ?? 'statute',
      title: options.title?.trim() || split.title || citation,
      citation,
      language: options.language ?? 'en',
      sourceUrl: options.sourceUrl ?? null,
    },
    version: { effectiveFrom: options.effectiveFrom, effectiveTo: options.effectiveTo ?? null },
    provisions: split.provisions,
    notes: split.notes,
  };
}
