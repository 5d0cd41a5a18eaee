/** API shapes for bills: list, show and import (docs/bills.md). */
import { z } from 'zod';
import { billSources, billStages, chambers } from '../core/bills/types.ts';
import { ocdDivisionId } from './common.ts';

/** The largest bill import request body: a few Open States pages or LegiScan bills at once. */
export const billImportBodyLimit = 20 * 1024 * 1024;

const stage = z.enum(billStages).describe('normalised stage derived from the actions');

const listingShape = {
  id: z.string(),
  ocdId: z.string().nullable().describe('ocd-bill/<uuid> when the source has one'),
  source: z.enum(billSources),
  sourceId: z.string().nullable().describe('the source’s own id (LegiScan bill_id)'),
  changeHash: z.string().nullable().describe('LegiScan change_hash'),
  jurisdictionId: z.string(),
  sessionIdentifier: z.string(),
  identifier: z.string().describe('normalised bill identifier, e.g. "HB 74"'),
  title: z.string(),
  fromOrganization: z.string().nullable(),
  classification: z.array(z.string()),
  subjects: z.array(z.string()),
  stage,
  latestAction: z.string().nullable().describe('raw text of the latest action, shown beside the stage'),
  latestActionDate: z.string().nullable(),
  flaggedActions: z.number().int().describe('actions with a class outside the Open States vocabulary'),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const billListing = z.object(listingShape).meta({ id: 'BillListing' });

const document = z.object({
  note: z.string(),
  date: z.string().nullable(),
  classification: z.string().nullable(),
  links: z.array(z.object({ url: z.string(), mediaType: z.string().nullable() })),
  text: z.string().nullable(),
});

export const bill = z
  .object({
    ...listingShape,
    abstracts: z.array(
      z.object({ abstract: z.string(), note: z.string().nullable(), date: z.string().nullable() }),
    ),
    sponsorships: z.array(
      z.object({
        name: z.string(),
        primary: z.boolean(),
        classification: z.string(),
        entityType: z.enum(['person', 'organization']),
        personId: z.string().nullable(),
        organizationId: z.string().nullable(),
      }),
    ),
    actions: z.array(
      z.object({
        order: z.number().int(),
        date: z.string(),
        description: z.string(),
        organization: z.string().nullable(),
        chamber: z.enum(chambers).nullable(),
        classification: z.array(z.string()).describe('Open States action classes'),
        unknownClassification: z
          .array(z.string())
          .describe('classes outside the vocabulary, kept raw (flagged)'),
      }),
    ),
    versions: z.array(document),
    documents: z.array(document),
    relatedBills: z.array(
      z.object({
        identifier: z.string(),
        legislativeSession: z.string().nullable(),
        relationType: z.string(),
      }),
    ),
    citations: z.array(
      z.object({
        publication: z.string(),
        citation: z.string(),
        citationType: z.enum(['proposed', 'chapter', 'final', 'other']),
        effective: z.string().nullable(),
        expires: z.string().nullable(),
        url: z.string().nullable(),
      }),
    ),
    sources: z.array(z.string()),
  })
  .meta({ id: 'Bill' });

export const billListQuery = z.strictObject({
  jurisdiction: ocdDivisionId.optional(),
  session: z.string().min(1).max(100).optional(),
  stage: stage.optional(),
  subject: z.string().min(1).max(200).optional().describe('only bills with this subject (case-insensitive)'),
  indicator: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .describe('only bills linked to this indicator (confirmed or suggested, not rejected)'),
  limit: z.coerce.number().int().min(1).max(1000).default(1000).describe('at most this many bills (1–1000)'),
});

export const billParams = z.strictObject({
  id: z.string().min(1).max(100).describe('lawgap bill id or OCD bill id (ocd-bill/<uuid>)'),
});

export const billImportBody = z.strictObject({
  format: z.enum(['openstates', 'legiscan']),
  files: z
    .array(z.strictObject({ name: z.string().min(1).max(300), content: z.string().max(billImportBodyLimit) }))
    .min(1)
    .max(100),
  jurisdiction: z
    .string()
    .max(300)
    .optional()
    .describe('for Open States scrape files without one: ocd-jurisdiction/… or ocd-division/… id'),
});

const counts = { new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() };

export const billImportReport = z
  .object({
    files: z.array(
      z.object({
        file: z.string(),
        status: z.enum(['imported', 'refused']),
        error: z.string().nullable(),
        ...counts,
        rejected: z.array(z.object({ index: z.number().int(), record: z.string(), reason: z.string() })),
      }),
    ),
    totals: z.object({ ...counts, rejected: z.number().int(), refusedFiles: z.number().int() }),
  })
  .meta({ id: 'BillImportReport' });
