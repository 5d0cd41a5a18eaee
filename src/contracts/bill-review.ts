/** API shapes for analysts' bill corrections: action class overrides and bill ↔ indicator links (docs/bills.md). */
import { z } from 'zod';
import { actionClasses } from '../core/bills/classification.ts';
import { billLinkDecisions, billLinkDirections, billLinkStatuses } from '../core/bills/links.ts';
import { overrideReasonMax, overrideStatuses } from '../core/bills/overrides.ts';
import { billStages } from '../core/bills/types.ts';

export const billActionParams = z.strictObject({
  id: z.string().min(1).max(100).describe('lawgap bill id or OCD bill id (ocd-bill/<uuid>)'),
  order: z.coerce.number().int().min(0).max(1_000_000).describe('the action’s order in the bill (from 0)'),
});

export const billLinkParams = z.strictObject({
  id: z.string().min(1).max(100).describe('lawgap bill id or OCD bill id (ocd-bill/<uuid>)'),
  indicatorId: z.string().min(1).max(40).describe('framework indicator id, e.g. CR-01'),
});

const reason = z
  .string()
  .max(overrideReasonMax)
  .describe(`why (required, at most ${overrideReasonMax} characters)`);

export const actionOverrideBody = z.strictObject({
  classification: z
    .array(z.enum(actionClasses))
    .min(1)
    .max(actionClasses.length)
    .describe('Open States action classes replacing the imported ones'),
  reason,
});

export const actionOverrideRemoveQuery = z.strictObject({
  reason: z.string().max(overrideReasonMax).optional().describe('why the override is removed (optional)'),
});

export const actionOverride = z
  .object({
    id: z.string(),
    billId: z.string(),
    actionOrder: z.number().int().nullable().describe('the action’s order now; null when orphaned'),
    key: z.object({ order: z.number().int(), date: z.string(), descriptionHash: z.string() }),
    actionDate: z.string(),
    actionDescription: z.string(),
    classification: z.array(z.string()).describe('the classes the override puts in force'),
    importedClassification: z.array(z.string()).describe('the imported classes when the override was made'),
    status: z.enum(overrideStatuses),
    orphaned: z
      .boolean()
      .describe('true when a re-import no longer has the action (kept, applied to nothing)'),
    reason: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    endedBy: z.string().nullable(),
    endedAt: z.string().nullable(),
    endReason: z.string().nullable(),
  })
  .meta({ id: 'ActionOverride' });

export const actionOverrideResult = z
  .object({
    override: actionOverride.nullable().describe('the override now in force (null after a removal)'),
    stage: z.enum(billStages).describe('the bill’s stage re-derived with the overrides'),
    previousStage: z.enum(billStages),
  })
  .meta({ id: 'ActionOverrideResult' });

export const actionOverrideHistory = z
  .object({
    billId: z.string(),
    stage: z.enum(billStages),
    active: z.array(actionOverride).describe('overrides in force, orphaned ones included'),
    orphaned: z.number().int().describe('active overrides whose action is gone'),
    history: z.array(actionOverride).describe('every override ever made, oldest first'),
  })
  .meta({ id: 'ActionOverrideHistory' });

export const billLink = z
  .object({
    billId: z.string(),
    indicatorId: z.string(),
    status: z.enum(billLinkStatuses),
    machineSuggested: z.boolean().describe('true while the link is the analyzer’s unreviewed suggestion'),
    label: z.string().nullable().describe('the machine-suggested label, while it applies'),
    origin: z.enum(['analyzer', 'person']),
    projectedAnswer: z.string().nullable(),
    currentAnswer: z.string().nullable(),
    direction: z.enum(billLinkDirections).nullable(),
    evidence: z.array(z.object({ citation: z.string(), quote: z.string() })),
    note: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    analyzerVersion: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'BillIndicatorLink' });

export const billLinkBody = z.strictObject({
  status: z.enum(billLinkDecisions),
  note: z.string().max(2000).optional(),
});

export const billLinkRefreshQuery = z.strictObject({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('read the current law on this date (default: today)'),
});

export const billLinkRefreshResult = z
  .object({
    billId: z.string(),
    analyzerVersion: z.string(),
    suggested: z.number().int().describe('links the analyzer suggests now'),
    added: z.number().int(),
    updated: z.number().int(),
    removed: z.number().int().describe('stale suggestions no person had decided'),
    keptDecided: z.number().int().describe('links a person decided, left untouched'),
    links: z.array(billLink),
  })
  .meta({ id: 'BillLinkRefresh' });

export const gapLiveBill = z.object({
  billId: z.string(),
  identifier: z.string(),
  title: z.string(),
  sessionIdentifier: z.string(),
  stage: z.enum(billStages),
  latestAction: z.string().nullable(),
  latestActionDate: z.string().nullable(),
  linkStatus: z.enum(['confirmed', 'suggested']),
  machineSuggested: z.boolean(),
});
