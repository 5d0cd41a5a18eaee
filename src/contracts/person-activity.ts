/** API shapes for a person's activity on tracked bills and a committee's hearings (docs/bills.md, "Bill pages"). */
import { z } from 'zod';
import { billStages } from '../core/bills/types.ts';
import { voteOptions } from '../core/bills/votes.ts';

const billRef = z.object({
  id: z.string(),
  identifier: z.string(),
  title: z.string(),
  jurisdictionId: z.string(),
  sessionIdentifier: z.string(),
  stage: z.enum(billStages),
});

export const personActivity = z
  .object({
    personId: z.string(),
    sponsorships: z.array(billRef.extend({ primary: z.boolean(), classification: z.string() })),
    votes: z
      .array(
        z.object({
          voteId: z.string(),
          bill: billRef,
          motionText: z.string(),
          startDate: z.string(),
          result: z.enum(['pass', 'fail']),
          chamber: z.string().nullable(),
          option: z.enum(voteOptions),
        }),
      )
      .describe('the person’s member votes, newest first'),
    committees: z.array(
      z.object({
        committeeId: z.string(),
        name: z.string(),
        role: z.string(),
        startDate: z.string().nullable(),
        endDate: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PersonActivity' });

export const committeeHearing = z
  .object({
    id: z.string(),
    name: z.string(),
    startDate: z.string(),
    status: z.string(),
    location: z.string().nullable(),
    bills: z.array(billRef).describe('the stored bills on the agenda'),
  })
  .meta({ id: 'CommitteeHearing' });
