/**
 * API shapes of the bill import with bulk files (docs/bills.md, "Bulk files"): a file is text (`content`) or,
 * for zips, base64 bytes (`contentBase64`); the report adds the votes (of bulk files and LegiScan datasets) and what was
 * read but skipped.
 */
import { z } from 'zod';
import { billImportBody, billImportReport } from './bills.ts';
import { voteImportReport } from './votes.ts';

/** The largest bill import request body: a session zip or a weekly dataset, base64 encoded. */
export const billBulkImportBodyLimit = 64 * 1024 * 1024;

const file = z
  .strictObject({
    name: z.string().min(1).max(300).describe('file name; `.zip` or a zip’s bytes are read as a zip'),
    content: z.string().max(billBulkImportBodyLimit).optional().describe('the file’s text (JSON)'),
    contentBase64: z
      .string()
      .max(billBulkImportBodyLimit)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
      .optional()
      .describe('the file’s bytes in base64 (zips: Open States session JSON/CSV zips, LegiScan datasets)'),
  })
  .refine((f) => (f.content === undefined) !== (f.contentBase64 === undefined), {
    message: 'give exactly one of content and contentBase64',
  });

export const billBulkImportBody = billImportBody.extend({
  files: z.array(file).min(1).max(100),
});

export const billBulkImportReport = billImportReport
  .extend({
    votes: voteImportReport
      .nullable()
      .describe('votes of bulk files and LegiScan datasets, imported after their bills'),
    skipped: z
      .array(
        z.object({
          file: z.string(),
          votes: z.number().int(),
          people: z.number().int(),
          reason: z.string(),
        }),
      )
      .describe('what a file held that was read but not imported'),
  })
  .meta({ id: 'BillBulkImportReport' });
