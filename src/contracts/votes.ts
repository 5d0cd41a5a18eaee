/** API shapes for votes on bills: a bill's votes and the vote import report (docs/bills.md, "Votes"). */
import { z } from 'zod';
import { voteOptions } from '../core/bills/votes.ts';
import { billImportReport } from './bills.ts';

const option = z.enum(voteOptions);

export const vote = z
  .object({
    id: z.string(),
    billId: z.string(),
    source: z.enum(['openstates', 'legiscan']),
    sourceId: z
      .string()
      .describe('ocd-vote/<uuid>, the scrape dedupe_key, or legiscan-roll-call:<roll_call_id>'),
    motionText: z.string(),
    classification: z.array(z.string()).describe('Open States motion classes; empty for LegiScan'),
    result: z.enum(['pass', 'fail']),
    chamber: z.string().nullable().describe('upper, lower or legislature when the source says'),
    startDate: z.string(),
    counts: z.array(z.object({ option, value: z.number().int() })),
    members: z.array(
      z.object({
        option,
        voterName: z.string().nullable(),
        voterRef: z.string().nullable().describe('the source’s voter id (ocd-person/… or legiscan-person:N)'),
        personId: z.string().nullable().describe('the stored person, linked by id or by a unique name'),
      }),
    ),
  })
  .meta({ id: 'Vote' });

const fileReport = billImportReport.shape.files.element.extend({
  membersLinked: z.number().int(),
  membersUnlinked: z.number().int(),
});

export const voteImportReport = z
  .object({ files: z.array(fileReport), totals: billImportReport.shape.totals })
  .meta({ id: 'VoteImportReport' });
