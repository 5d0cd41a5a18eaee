/** API shapes of a petition's moderation view: per-hour trends of address domains and client-address hashes. */
import { z } from 'zod';

const hour = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}$/, 'must be an hour as YYYY-MM-DDTHH (UTC)')
  .describe('an hour, YYYY-MM-DDTHH (UTC)');

export const moderationQuery = z.strictObject({
  hours: z.coerce.number().int().min(1).max(720).optional().describe('how many past hours (default 24)'),
});

const bucket = z.object({ value: z.string(), count: z.number() });

export const moderationReport = z.object({
  hours: z.array(
    z.object({
      hour: z.string(),
      total: z.number().describe('signatures in the hour, not invalidated'),
      marked: z.number().describe('of those, over a limit (never counted)'),
      unsolved: z.number().describe('of those, sent without a solved challenge (no JavaScript)'),
      domains: z.array(bucket).describe('top address domains'),
      ips: z.array(bucket).describe('top client-address hashes (never the address)'),
    }),
  ),
  invalidations: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['domain', 'ip']),
      value: z.string(),
      fromHour: z.string(),
      toHour: z.string(),
      affected: z.number(),
      createdBy: z.string(),
      createdAt: z.string(),
      restoredAt: z.string().nullable(),
    }),
  ),
});

export const invalidateBody = z.strictObject({
  kind: z.enum(['domain', 'ip']).describe('by address domain or by client-address hash'),
  value: z.string().min(1).max(254),
  fromHour: hour,
  toHour: hour,
});

export const restoreBody = z.strictObject({ invalidationId: z.string().min(1).max(64) });

export const invalidationResult = z.object({ id: z.string(), affected: z.number() });

export type ModerationReportDto = z.infer<typeof moderationReport>;
