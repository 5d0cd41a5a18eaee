/**
 * API shapes of campaign export and import (docs/campaigns.md, "Export and import (OSDI, CSV)"): the import body
 * names the format and carries the OSDI document (as JSON, or its text) or the CSV zip's bytes in base64.
 */
import { z } from 'zod';

/** The largest import request body (a base64 CSV zip or an OSDI document). */
export const campaignImportBodyLimit = 16 * 1024 * 1024;

export const campaignImportBody = z
  .strictObject({
    format: z.enum(['osdi', 'csv']).describe('osdi: an osdi:advocacy_campaign (HAL+JSON); csv: the CSV zip'),
    content: z
      .union([z.string().max(campaignImportBodyLimit), z.record(z.string(), z.unknown())])
      .optional()
      .describe('osdi: the document, as JSON or as its text'),
    contentBase64: z
      .string()
      .max(campaignImportBodyLimit)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
      .optional()
      .describe('csv: the zip’s bytes in base64'),
    name: z.string().min(1).max(300).optional().describe('the file’s name, for messages'),
  })
  .refine((b) => (b.format === 'osdi' ? b.content !== undefined : b.contentBase64 !== undefined), {
    message: 'osdi needs content; csv needs contentBase64',
  });

export const campaignImportResult = z.object({
  campaignId: z.string(),
  created: z.boolean().describe('true when a new campaign was made; false when identifiers matched one'),
  targets: z.object({ created: z.number().int(), updated: z.number().int() }),
  positions: z.object({ created: z.number().int(), skipped: z.number().int() }),
  outreaches: z.object({ created: z.number().int(), updated: z.number().int() }),
});
