/** API shapes for district boundaries, the postcode table and the public lawmaker lookup (docs/districts.md). */
import { z } from 'zod';

/** The largest district import request body: a boundary file of a large state at full detail. */
export const districtImportBodyLimit = 40 * 1024 * 1024;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const districtImportBody = z
  .strictObject({
    name: z.string().min(1).max(300).describe('file name, for reports and errors'),
    content: z.string().min(1).max(districtImportBodyLimit).describe('the file text (GeoJSON or CSV)'),
  })
  .meta({ id: 'DistrictImportBody' });

const plan = z.object({
  jurisdictionId: z.string(),
  chamber: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable().describe('exclusive; null while open-ended'),
});

export const boundaryImportReport = z
  .object({
    file: z.string(),
    importId: z.string(),
    boundaries: z.number().int(),
    plans: z.array(plan.extend({ districts: z.number().int() })),
    closed: z.array(plan.extend({ importId: z.string().optional(), closedOn: z.string() })),
  })
  .meta({ id: 'BoundaryImportReport' });

export const postcodeImportReport = z
  .object({
    file: z.string(),
    importId: z.string(),
    rows: z.number().int(),
    postcodes: z.number().int(),
    ambiguous: z.number().int().describe('postcodes in more than one district of a chamber'),
    jurisdictions: z.array(z.string()),
  })
  .meta({ id: 'PostcodeImportReport' });

export const districtLookupQuery = z.strictObject({
  jurisdiction: z.string().min(1).max(200).describe('OCD division id'),
  postcode: z.string().min(1).max(32).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  chamber: z.string().min(1).max(40).optional(),
  district: z.string().min(1).max(200).optional(),
  date: isoDate.optional().describe('whose boundaries and seats count (default: today)'),
});

const ref = z.object({ jurisdictionId: z.string(), chamber: z.string(), district: z.string() });
const candidate = ref.extend({
  name: z.string().nullable(),
  share: z.number().nullable().describe('part of the postcode in this district, when the table gives it'),
});

export const districtLookupResult = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('match'), districts: z.array(ref) }),
    z.object({
      kind: z.literal('ask'),
      reason: z.enum(['boundary', 'ambiguous-postcode']),
      candidates: z.array(candidate),
      matched: z.array(ref).describe('chambers already settled'),
    }),
    z.object({
      kind: z.literal('none'),
      reason: z.enum(['no-boundaries', 'outside', 'unknown-postcode', 'unknown-district', 'no-postcodes']),
    }),
  ])
  .meta({ id: 'DistrictLookupResult' });

export const districtLawmaker = z
  .object({
    personId: z.string(),
    name: z.string(),
    party: z.string().nullable(),
    chamber: z.string(),
    district: z.string(),
    offices: z.array(
      z.object({
        classification: z.string(),
        name: z.string().nullable(),
        address: z.string().nullable(),
        voice: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'DistrictLawmaker' });

export const districtLookup = z
  .object({ result: districtLookupResult, lawmakers: z.array(districtLawmaker) })
  .meta({ id: 'DistrictLookup' });
