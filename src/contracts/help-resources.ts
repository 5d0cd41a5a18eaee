/**
 * API shapes for help resources and answer error reports. Only lengths and types are checked here; the
 * meaning (E.164 phone, https URL, language codes, verified date not in the future) is checked once in
 * core/help-resources so the API, the CLI and the workspace give the same errors, each naming its field.
 */
import { z } from 'zod';
import { helpResourceKinds } from '../core/help-resources/help-resources.ts';

export const helpResourceParams = z.strictObject({ id: z.string().min(1).max(64) });

export const helpResourceListQuery = z.strictObject({
  jurisdiction: z.string().min(1).max(200).optional(),
});

const editable = {
  kind: z
    .string()
    .max(40)
    .describe(`one of ${helpResourceKinds.join(', ')}`),
  name: z.string().max(400),
  phone: z.string().max(60).nullable().optional().describe('E.164, such as +34 900 123 456'),
  url: z.string().max(2_000).nullable().optional().describe('https:// only'),
  languages: z.array(z.string().max(40)).max(40).optional().describe('ISO 639-1 codes, such as es or pt-BR'),
  hours: z.string().max(1_000).nullable().optional(),
  description: z.string().max(4_000).nullable().optional(),
  lastVerified: z.string().max(40).describe('YYYY-MM-DD, not in the future'),
  published: z.boolean().optional(),
};

export const helpResourceCreateBody = z.strictObject({
  jurisdictionId: z.string().min(1).max(200),
  ...editable,
});

export const helpResourcePatchBody = z.strictObject({
  kind: editable.kind.optional(),
  name: editable.name.optional(),
  phone: editable.phone,
  url: editable.url,
  languages: editable.languages,
  hours: editable.hours,
  description: editable.description,
  lastVerified: editable.lastVerified.optional(),
  published: editable.published,
});

export const helpResourceVerifyBody = z.strictObject({
  on: z.string().max(40).optional().describe('the date it was checked (default today)'),
});

export const helpResource = z.object({
  id: z.string(),
  organizationId: z.string(),
  jurisdictionId: z.string(),
  kind: z.enum(helpResourceKinds),
  name: z.string(),
  phone: z.string().nullable(),
  url: z.string().nullable(),
  languages: z.array(z.string()),
  hours: z.string().nullable(),
  description: z.string().nullable(),
  lastVerified: z.string(),
  published: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const errorReportListQuery = z.strictObject({ status: z.enum(['open', 'resolved']).optional() });

export const errorReportResolveBody = z.strictObject({ resolution: z.string().min(1).max(2_000) });

export const errorReport = z.object({
  id: z.string(),
  answerId: z.string(),
  jurisdictionId: z.string(),
  indicatorId: z.string(),
  message: z.string(),
  contact: z.string().nullable(),
  locale: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
