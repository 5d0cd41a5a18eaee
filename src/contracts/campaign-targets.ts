/** API shapes for campaign targets, positions (whip count) and the interaction log. */
import { z } from 'zod';
import { interactionKinds, targetGroups, targetPositions } from '../core/campaigns/targets.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const targetKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(person|custom):.+$/, 'person:<ocd person id> or custom:<id>')
  .describe('person:<ocd person id> or custom:<custom target id>');

export const campaignTargetsQuery = z.strictObject({
  bill: z.string().min(1).max(64).optional().describe('one of the campaign’s bills (default: the first)'),
  date: isoDate.optional().describe('whose seats count (default: today)'),
});

export const customTargetBody = z.strictObject({
  personId: z.string().min(1).max(200).nullable().optional().describe('an imported person (OCD person id)'),
  name: z.string().min(1).max(200).nullable().optional().describe('an office or person not imported'),
  office: z.string().max(200).nullable().optional(),
});

export const positionBody = z.strictObject({
  target: targetKey,
  position: z.enum(targetPositions),
  date: isoDate,
  source: z.string().max(500).nullable().optional().describe('where the position comes from'),
  note: z.string().max(2000).nullable().optional(),
});

export const interactionBody = z.strictObject({
  target: targetKey,
  kind: z.enum(interactionKinds),
  date: isoDate,
  note: z.string().max(2000).nullable().optional(),
});

export const interactionQuery = z.strictObject({ target: targetKey.optional() });

const target = z.object({
  key: z.string(),
  personId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(['derived', 'custom']),
  reason: z.enum(['committee', 'chamber', 'executive', 'custom', 'position']),
  detail: z.string(),
  group: z.enum(targetGroups),
  position: z.enum(targetPositions),
  positionDate: z.string().nullable(),
  positionSource: z.string().nullable(),
  interactions: z.number().int(),
});

export const campaignTargets = z
  .object({
    billId: z.string().nullable(),
    billIdentifier: z.string().nullable(),
    stage: z.string().nullable(),
    venue: z
      .union([
        z.object({
          kind: z.literal('committee'),
          chamber: z.string().nullable(),
          committee: z.string().nullable(),
        }),
        z.object({ kind: z.literal('floor'), chambers: z.array(z.string()) }),
        z.object({ kind: z.literal('executive') }),
        z.object({ kind: z.literal('none'), reason: z.string() }),
      ])
      .nullable()
      .describe('where the bill is: who decides its next step'),
    unresolved: z.string().nullable(),
    targets: z.array(target),
    others: z.array(target).describe('people with a recorded position who are not targets at this stage'),
    whip: z.object({ support: z.number(), oppose: z.number(), undecided: z.number(), unknown: z.number() }),
  })
  .meta({ id: 'CampaignTargets' });

export const campaignInteraction = z
  .object({
    id: z.string(),
    kind: z.string(),
    date: z.string(),
    note: z.string().nullable(),
    targetKey: z.string(),
    organizationId: z.string(),
    recordedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CampaignInteraction' });
