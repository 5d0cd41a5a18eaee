/**
 * Stored bills out in Open States' bulk shapes (openstates.org `bulk_export.py`; docs/bills.md, "Export").
 * Pure. Policy:
 * - JSON: one object per bill as the per-session JSON export writes it (`id, legislative_session,
 *   jurisdiction_name, identifier, title, chamber, classification, subject, abstracts, other_titles,
 *   other_identifiers, actions, related_bills, sponsors, documents, versions, sources`), plus the fields
 *   lawgap keeps that the Open States readers also accept (an action's `organization__classification`, a
 *   sponsor's `entity_type`/`person_id`/`organization_id`, a document's `classification` and `text`, full
 *   related-bill rows, `citations`), so an export read back gives the same bills;
 * - an action's classes are its known and unknown classes together, as they were imported;
 * - CSV v2.1: one table per kind per session (`{st}/{session}/{st}_{session}_bills.csv`, …), columns as
 *   Open States' tables, list cells as Open States writes them (Python's list repr `['bill']`), booleans
 *   `True`/`False`, empty cells for nulls, RFC 4180 quoting, CRLF line ends; child rows get ids derived from
 *   their bill's id and position, so an export of the same bills is byte-identical;
 * - a bill without an OCD id (LegiScan) has `id: null` in JSON and `ocd-bill/<lawgap id>` in CSV, whose
 *   tables need a key.
 */
import type { Bill, BillDocument, Chamber } from './types.ts';
import { chambers } from './types.ts';

/** One bill as Open States' per-session bulk JSON has it (with the extra fields above). */
export interface OpenStatesBulkBill {
  id: string | null;
  legislative_session: string;
  jurisdiction_name: string;
  identifier: string;
  title: string;
  chamber: string | null;
  classification: string[];
  subject: string[];
  abstracts: Array<{ abstract: string; note: string | null; date: string | null }>;
  other_titles: never[];
  other_identifiers: never[];
  actions: Array<{
    organization__name: string | null;
    organization__classification: Chamber | null;
    description: string;
    date: string;
    classification: string[];
    order: number;
  }>;
  related_bills: Array<{ identifier: string; legislative_session: string | null; relation_type: string }>;
  sponsors: Array<{
    name: string;
    primary: boolean;
    classification: string;
    entity_type: string;
    person_id: string | null;
    organization_id: string | null;
  }>;
  documents: BulkDocument[];
  versions: BulkDocument[];
  sources: Array<{ url: string }>;
  citations: Array<{
    publication: string;
    citation: string;
    citation_type: string;
    effective: string | null;
    expires: string | null;
    url: string | null;
  }>;
}

interface BulkDocument {
  note: string;
  date: string | null;
  classification: string | null;
  links: Array<{ url: string; media_type: string | null }>;
  text?: string;
}

const isChamber = (v: string | null): v is Chamber =>
  v !== null && (chambers as readonly string[]).includes(v);

/** The bill's chamber word: its organization when that is one, else the chamber of actions by it, else as stored. */
export function billChamber(bill: Bill): string | null {
  const from = bill.fromOrganization;
  if (from === null || isChamber(from)) return from;
  return bill.actions.find((a) => a.organization === from && a.chamber !== null)?.chamber ?? from;
}

function bulkDocument(d: BillDocument): BulkDocument {
  return {
    note: d.note,
    date: d.date,
    classification: d.classification,
    links: d.links.map((l) => ({ url: l.url, media_type: l.mediaType })),
    ...(d.text !== null ? { text: d.text } : {}),
  };
}

/** One stored bill as an Open States bulk JSON object; `jurisdictionName` as Open States names it ("Texas"). */
export function billToOpenStatesJson(bill: Bill, jurisdictionName: string): OpenStatesBulkBill {
  return {
    id: bill.ocdId,
    legislative_session: bill.sessionIdentifier,
    jurisdiction_name: jurisdictionName,
    identifier: bill.identifier,
    title: bill.title,
    chamber: billChamber(bill),
    classification: bill.classification,
    subject: bill.subjects,
    abstracts: bill.abstracts.map((a) => ({ abstract: a.abstract, note: a.note, date: a.date })),
    other_titles: [],
    other_identifiers: [],
    actions: bill.actions.map((a) => ({
      organization__name: a.organization,
      organization__classification: a.chamber,
      description: a.description,
      date: a.date,
      classification: [...a.classification, ...a.unknownClassification],
      order: a.order,
    })),
    related_bills: bill.relatedBills.map((r) => ({
      identifier: r.identifier,
      legislative_session: r.legislativeSession,
      relation_type: r.relationType,
    })),
    sponsors: bill.sponsorships.map((s) => ({
      name: s.name,
      primary: s.primary,
      classification: s.classification,
      entity_type: s.entityType,
      person_id: s.personId,
      organization_id: s.organizationId,
    })),
    documents: bill.documents.map(bulkDocument),
    versions: bill.versions.map(bulkDocument),
    sources: bill.sources.map((url) => ({ url })),
    citations: bill.citations.map((c) => ({
      publication: c.publication,
      citation: c.citation,
      citation_type: c.citationType,
      effective: c.effective,
      expires: c.expires,
      url: c.url,
    })),
  };
}
