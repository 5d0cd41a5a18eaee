/**
 * Checks on an import before anything is stored. Policy: a law is evidence, so a malformed import is refused
 * whole (never partly stored) with a message naming the field or provision at fault; citations must be unique
 * within a version because they identify provisions across versions (the diff matches on them).
 */
import { DomainError } from '../errors.ts';
import { checkInterval } from './intervals.ts';
import {
  flattenProvisions,
  isLanguageTag,
  isLawDocumentType,
  isProvisionKind,
  type LawImport,
  lawDocumentTypes,
  lawLimits,
} from './types.ts';

function fail(message: string, details: Record<string, unknown>): never {
  throw new DomainError('LAW_INVALID', message, details);
}

function checkText(value: string, field: string, max: number, required: boolean): void {
  if (required && value.trim() === '') fail(`${field} must not be empty`, { field });
  if (value.length > max) fail(`${field} is longer than ${max} characters`, { field });
}

/**
 * Throws LAW_INVALID unless the import is complete and within limits; `maxProvisions` is raised only for a file
 * streamed from disk (lawLimits.streamedProvisions).
 */
export function checkLawImport(imp: LawImport, maxProvisions: number = lawLimits.provisions): void {
  const d = imp.document;
  if (!isLawDocumentType(d.type))
    fail(`type must be one of ${lawDocumentTypes.join(', ')}`, { field: 'type' });
  checkText(d.title, 'title', lawLimits.titleChars, true);
  checkText(d.citation, 'citation', lawLimits.citationChars, true);
  if (!isLanguageTag(d.language))
    fail(`language must be a language tag such as en, es or fr`, { field: 'language' });
  if (d.sourceUrl !== null && !/^https?:\/\/\S+$/.test(d.sourceUrl)) {
    fail('sourceUrl must be an http(s) URL', { field: 'sourceUrl' });
  }
  checkInterval(imp.version);
  const flat = flattenProvisions(imp.provisions);
  if (flat.length === 0) fail('the document has no provisions', { field: 'provisions' });
  if (flat.length > maxProvisions) {
    fail(`the document has ${flat.length} provisions; at most ${maxProvisions} are allowed`, {
      field: 'provisions',
    });
  }
  const seen = new Set<string>();
  for (const { node, depth } of flat) {
    const where = `provision ${node.citation || `#${seen.size + 1}`}`;
    if (depth >= lawLimits.depth)
      fail(`${where} is nested deeper than ${lawLimits.depth} levels`, { field: 'provisions' });
    if (!isProvisionKind(node.kind))
      fail(`${where}: unknown kind "${node.kind}"`, { citation: node.citation });
    checkText(node.citation, `${where}: citation`, lawLimits.citationChars, true);
    if (node.heading !== null) checkText(node.heading, `${where}: heading`, lawLimits.headingChars, false);
    checkText(node.text, `${where}: text`, lawLimits.provisionTextChars, false);
    if (seen.has(node.citation))
      fail(`citation "${node.citation}" appears twice`, { citation: node.citation });
    seen.add(node.citation);
  }
}
