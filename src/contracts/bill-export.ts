/** The bill export: its query and the Open States bulk JSON bill it answers with (docs/bills.md, "Export"). */
import { z } from 'zod';

/** `?jurisdiction=…&session=…` of both export routes. */
export const billExportQuery = z.strictObject({
  jurisdiction: z
    .string()
    .min(1)
    .max(300)
    .describe('OCD division id (ocd-division/country:us/state:tx) or Open States jurisdiction id'),
  session: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('one session identifier; every session when absent'),
});

const document = z.object({
  note: z.string(),
  date: z.string().nullable(),
  classification: z.string().nullable(),
  links: z.array(z.object({ url: z.string(), media_type: z.string().nullable() })),
  text: z.string().optional(),
});

/** One bill as Open States' per-session bulk JSON has it, with the fields lawgap adds. */
export const openStatesBulkBill = z.object({
  id: z.string().nullable().describe('OCD bill id; null for bills whose source has none (LegiScan)'),
  legislative_session: z.string(),
  jurisdiction_name: z.string(),
  identifier: z.string(),
  title: z.string(),
  chamber: z.string().nullable(),
  classification: z.array(z.string()),
  subject: z.array(z.string()),
  abstracts: z.array(
    z.object({ abstract: z.string(), note: z.string().nullable(), date: z.string().nullable() }),
  ),
  other_titles: z.array(z.never()),
  other_identifiers: z.array(z.never()),
  actions: z.array(
    z.object({
      organization__name: z.string().nullable(),
      organization__classification: z.enum(['upper', 'lower', 'legislature', 'executive']).nullable(),
      description: z.string(),
      date: z.string(),
      classification: z.array(z.string()),
      order: z.number().int(),
    }),
  ),
  related_bills: z.array(
    z.object({
      identifier: z.string(),
      legislative_session: z.string().nullable(),
      relation_type: z.string(),
    }),
  ),
  sponsors: z.array(
    z.object({
      name: z.string(),
      primary: z.boolean(),
      classification: z.string(),
      entity_type: z.string(),
      person_id: z.string().nullable(),
      organization_id: z.string().nullable(),
    }),
  ),
  documents: z.array(document),
  versions: z.array(document),
  sources: z.array(z.object({ url: z.string() })),
  citations: z.array(
    z.object({
      publication: z.string(),
      citation: z.string(),
      citation_type: z.string(),
      effective: z.string().nullable(),
      expires: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
});
