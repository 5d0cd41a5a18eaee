/**
 * Bills as lawgap keeps them, following the Open States bill model (docs/bills.md): a bill is keyed by its
 * OCD bill id when the source has one and always by (jurisdiction, session, identifier). Actions carry the
 * Open States classification list; classes outside the vocabulary are kept raw in `unknownClassification`
 * and flag the action instead of being dropped.
 */

/** Where a bill record was read from. */
export const billSources = ['openstates', 'legiscan'] as const;
export type BillSource = (typeof billSources)[number];

/** The chamber or body an action or bill belongs to, when the source says. */
export const chambers = ['upper', 'lower', 'legislature', 'executive'] as const;
export type Chamber = (typeof chambers)[number];

/** A legislative session of one jurisdiction (`2023R1`, `119`, `2019 Regular Session`). */
export interface LegislativeSession {
  jurisdictionId: string;
  identifier: string;
  name: string;
  classification: 'primary' | 'special' | null;
  startDate: string | null;
  endDate: string | null;
}

export interface BillAbstract {
  abstract: string;
  note: string | null;
  date: string | null;
}

export interface Sponsorship {
  name: string;
  primary: boolean;
  /** Free text in Open States (primary, cosponsor, …); LegiScan's sponsor type mapped to the same words. */
  classification: string;
  entityType: 'person' | 'organization';
  personId: string | null;
  organizationId: string | null;
}

export interface BillAction {
  /** Position in the bill's history, from 0; the source's `order` when it has one. */
  order: number;
  /** Fuzzy date as the source gives it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally with a time. */
  date: string;
  description: string;
  organization: string | null;
  chamber: Chamber | null;
  /** Classes from the Open States vocabulary. */
  classification: string[];
  /** Classes the source gave that are not in the vocabulary: kept, and the action is flagged. */
  unknownClassification: string[];
}

export interface Link {
  url: string;
  mediaType: string | null;
}

/** A bill version or a document about the bill (fiscal note, committee report, …). */
export interface BillDocument {
  note: string;
  date: string | null;
  classification: string | null;
  links: Link[];
  /** The full text when the source carries it. */
  text: string | null;
}

export interface RelatedBill {
  identifier: string;
  legislativeSession: string | null;
  relationType: string;
}

/** A statute section the bill changes, or its chapter law. */
export interface BillCitation {
  publication: string;
  citation: string;
  citationType: 'proposed' | 'chapter' | 'final' | 'other';
  effective: string | null;
  expires: string | null;
  url: string | null;
}

/** One bill as read from a source, before it is stored. */
export interface BillRecord {
  source: BillSource;
  /** `ocd-bill/<uuid>`, or null when the source has none (LegiScan). */
  ocdId: string | null;
  /** The source's own id (LegiScan bill_id), when it has one. */
  sourceId: string | null;
  /** LegiScan's change_hash: an unchanged hash means an unchanged bill. */
  changeHash: string | null;
  /** OCD division id of the jurisdiction (`ocd-division/country:us/state:tx`). */
  jurisdictionId: string;
  session: LegislativeSession;
  identifier: string;
  title: string;
  fromOrganization: string | null;
  classification: string[];
  subjects: string[];
  abstracts: BillAbstract[];
  sponsorships: Sponsorship[];
  actions: BillAction[];
  versions: BillDocument[];
  documents: BillDocument[];
  relatedBills: RelatedBill[];
  citations: BillCitation[];
  sources: string[];
}

/** A stored bill: the record plus its id, derived stage and bookkeeping. */
export interface Bill extends Omit<BillRecord, 'session'> {
  id: string;
  sessionIdentifier: string;
  stage: BillStage;
  /** The latest action's description, shown beside the stage. */
  latestAction: string | null;
  latestActionDate: string | null;
  /** Number of actions with classes outside the vocabulary. */
  flaggedActions: number;
  createdAt: string;
  updatedAt: string;
}

/** One row of a bill list. */
export type BillListing = Omit<
  Bill,
  | 'abstracts'
  | 'sponsorships'
  | 'actions'
  | 'versions'
  | 'documents'
  | 'relatedBills'
  | 'citations'
  | 'sources'
>;

/** Normalised stages, in the order a bill usually moves through them; the last three end it. */
export const billStages = [
  'introduced',
  'in_committee',
  'passed_one_chamber',
  'passed_both',
  'sent_to_executive',
  'enacted',
  'vetoed',
  'failed',
] as const;
export type BillStage = (typeof billStages)[number];

/** True when the value names a stage. */
export function isBillStage(value: string): value is BillStage {
  return (billStages as readonly string[]).includes(value);
}

/** Normalises a bill identifier so both sources agree: `sb181` and `SB  181` become `SB 181`. */
export function normalizeIdentifier(raw: string): string {
  const s = raw.trim().replace(/\s+/g, ' ').toUpperCase();
  return s.replace(/^([A-Z.]+)\s?(\d)/, (_m, prefix: string, digit: string) => `${prefix} ${digit}`);
}
