/** API shapes for treaty parties: each jurisdiction's standing under a treaty document. */
import { z } from 'zod';
import { partyActions, treatyPartyLimits } from '../core/treaties/types.ts';
import { ocdDivisionId } from './common.ts';
import { isoDate } from './laws.ts';

const partyAction = z
  .enum(partyActions)
  .describe('signature, or how consent to be bound was given (ratification, accession, …)');
const standing = z
  .enum(['party', 'consented', 'signatory', 'none'])
  .describe(
    'on the date asked: party (bound, in force), consented (not yet in force), signatory (signed only), none',
  );

const fields = {
  jurisdictionId: z.string(),
  action: partyAction,
  signedOn: z.string().nullable().describe('date of signature (YYYY-MM-DD)'),
  consentedOn: z.string().nullable().describe('date of consent to be bound: deposit of the instrument'),
  inForceOn: z.string().nullable().describe('date the treaty entered into force for this jurisdiction'),
  note: z.string().nullable().describe('reservations, declarations or objections'),
  source: z.string().describe('an http(s) URL or a citation of where these facts come from'),
};

export const treatyParty = z
  .object({
    id: z.string(),
    treatyId: z.string().describe('the law document (of type treaty)'),
    ...fields,
    recordedBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TreatyParty' });

export const treatyPartyStatus = treatyParty.extend({ standing }).meta({ id: 'TreatyPartyStatus' });

export const jurisdictionTreaty = treatyPartyStatus
  .extend({ treatyTitle: z.string(), treatyCitation: z.string() })
  .meta({ id: 'JurisdictionTreaty' });

const snapshot = z.object({ treatyId: z.string(), ...fields });

export const treatyPartyHistoryEntry = z
  .object({
    id: z.string(),
    partyId: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.enum(['create', 'update']),
    before: snapshot.nullable(),
    after: snapshot,
  })
  .meta({ id: 'TreatyPartyHistoryEntry' });

const source = z.string().min(1).max(treatyPartyLimits.sourceChars);
const note = z.string().max(treatyPartyLimits.noteChars);

export const newTreatyParty = z.strictObject({
  jurisdictionId: ocdDivisionId,
  action: partyAction,
  signedOn: isoDate.optional(),
  consentedOn: isoDate.optional(),
  inForceOn: isoDate.optional(),
  note: note.optional(),
  source,
});

export const treatyPartyPatch = z.strictObject({
  action: partyAction.optional(),
  signedOn: isoDate.nullable().optional(),
  consentedOn: isoDate.nullable().optional(),
  inForceOn: isoDate.nullable().optional(),
  note: note.nullable().optional(),
  source: source.optional(),
});

export const treatyParams = z.strictObject({ id: z.string().min(1).max(100) });
export const treatyPartyParams = z.strictObject({ id: z.string().min(1).max(100) });
export const jurisdictionTreatiesParams = z.strictObject({ id: ocdDivisionId });
export const asOfQuery = z.strictObject({
  asOf: isoDate
    .optional()
    .describe('standing on that day; only signed or consented by then (default: today, all)'),
});
