/** API shapes for people and committees: list, show and import (docs/bills.md, "People and committees"). */
import { z } from 'zod';
import { ocdDivisionId } from './common.ts';

/** The largest people import request body: a folder of people YAML files at once. */
export const peopleImportBodyLimit = 20 * 1024 * 1024;

const link = z.object({ url: z.string(), note: z.string().nullable() });

const role = z.object({
  type: z.string().describe('lower, upper, legislature, governor…'),
  district: z.string().nullable(),
  jurisdictionId: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
});

export const personListing = z
  .object({
    id: z.string().describe('ocd-person/<uuid>'),
    name: z.string(),
    party: z.string().nullable().describe('current party'),
    jurisdictionId: z.string().nullable(),
    role: role.nullable().describe('the latest open role (else the latest)'),
  })
  .meta({ id: 'PersonListing' });

export const person = z
  .object({
    id: z.string(),
    name: z.string(),
    givenName: z.string().nullable(),
    familyName: z.string().nullable(),
    email: z.string().nullable(),
    image: z.string().nullable(),
    jurisdictionId: z.string().nullable(),
    roles: z.array(role),
    party: z.array(
      z.object({ name: z.string(), startDate: z.string().nullable(), endDate: z.string().nullable() }),
    ),
    offices: z.array(
      z.object({
        classification: z.string(),
        name: z.string().nullable(),
        address: z.string().nullable(),
        voice: z.string().nullable(),
        fax: z.string().nullable(),
        email: z.string().nullable(),
      }),
    ),
    links: z.array(link),
    sources: z.array(link),
    otherNames: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });

export const committeeListing = z
  .object({
    id: z.string().describe('ocd-organization/<uuid>'),
    name: z.string(),
    classification: z.string(),
    jurisdictionId: z.string().nullable(),
    parent: z.string().nullable().describe('parent chamber (upper, lower, legislature) or organization id'),
    members: z.number().int(),
  })
  .meta({ id: 'CommitteeListing' });

export const committee = z
  .object({
    id: z.string(),
    name: z.string(),
    classification: z.string(),
    jurisdictionId: z.string().nullable(),
    parent: z.string().nullable(),
    links: z.array(link),
    sources: z.array(link),
    members: z.array(
      z.object({
        personId: z.string().nullable(),
        name: z.string(),
        role: z.string(),
        startDate: z.string().nullable(),
        endDate: z.string().nullable(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Committee' });

export const peopleListQuery = z.strictObject({
  jurisdiction: ocdDivisionId.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(1000).describe('at most this many (1–1000)'),
});

export const personParams = z.strictObject({
  id: z.string().min(1).max(100).describe('OCD person id (ocd-person/<uuid>) or its UUID'),
});

export const committeeParams = z.strictObject({
  id: z.string().min(1).max(100).describe('OCD organization id (ocd-organization/<uuid>) or its UUID'),
});

export const peopleImportBody = z.strictObject({
  files: z
    .array(
      z.strictObject({
        name: z
          .string()
          .min(1)
          .max(300)
          .describe('file name; .yml/.yaml is read as YAML, anything else as JSON'),
        content: z.string().max(peopleImportBodyLimit),
      }),
    )
    .min(1)
    .max(1000),
  jurisdiction: z
    .string()
    .max(300)
    .optional()
    .describe('for person scrape files without one: ocd-jurisdiction/… or ocd-division/… id'),
});

const counts = { new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() };

export const peopleImportReport = z
  .object({
    files: z.array(
      z.object({
        file: z.string(),
        status: z.enum(['imported', 'refused']),
        error: z.string().nullable(),
        people: z.number().int(),
        committees: z.number().int(),
        ...counts,
        rejected: z.array(z.object({ index: z.number().int(), record: z.string(), reason: z.string() })),
      }),
    ),
    totals: z.object({ ...counts, rejected: z.number().int(), refusedFiles: z.number().int() }),
    sponsorships: z.object({
      matchedById: z.number().int(),
      linkedByName: z.number().int(),
      ambiguous: z.number().int(),
    }),
  })
  .meta({ id: 'PeopleImportReport' });
