/**
 * The checks made on every coded answer before it is stored (policy in services/coding.ts): the framework (a
 * known indicator, a code of its type or NA), the law library (existing provisions of the answer's own
 * jurisdiction, in force during the answer's validity, each with a quote found verbatim), and the other
 * answers for the indicator (no overlapping validity). A provision of a treaty document filed elsewhere may be
 * cited too when the answer's jurisdiction is a party to that treaty in force on the answer's first day (a
 * monist state applies ratified treaties as domestic law); see core/treaties for who counts as a party.
 */
import type { Kysely } from 'kysely';
import { quoteProblem } from '../core/coding/evidence.ts';
import { codingLimits } from '../core/coding/types.ts';
import {
  describeInterval,
  findOverlap,
  intervalProblem,
  intervalsOverlap,
  type ValidityInterval,
} from '../core/coding/validity.ts';
import { DomainError } from '../core/errors.ts';
import type { Framework } from '../core/framework/types.ts';
import { isIsoDate } from '../core/laws/intervals.ts';
import { standingOn } from '../core/treaties/rules.ts';
import { getProvisionRefs, listAnswerIntervals, type ProvisionRef } from '../store/coding.repo.ts';
import type { Database } from '../store/schema.ts';
import { listPartiesOfJurisdiction } from '../store/treaty-parties.repo.ts';

/** A citation as given: a provision id and the verbatim words relied on. */
export interface CitationInput {
  provisionId: string;
  quote: string;
}

function invalid(message: string, details?: Record<string, unknown>): never {
  throw new DomainError('ANSWER_INVALID', message, details);
}

/** An answer that passed every check, with its validity start settled. */
export interface Checked {
  value: string;
  validFrom: string;
  validTo: string | null;
  cautionNote: string | null;
  citations: CitationInput[];
}

/** Checks a whole answer against the framework, the library and the other answers (see services/coding.ts). */
export async function checkAnswer(
  db: Kysely<Database>,
  framework: Framework,
  key: { jurisdictionId: string; indicatorId: string; selfId?: string; skipOverlap?: boolean },
  a: {
    value: string;
    citations: CitationInput[];
    validFrom?: string;
    validTo: string | null;
    cautionNote: string | null;
  },
): Promise<Checked> {
  const indicator = framework.indicators.find((i) => i.id === key.indicatorId);
  if (!indicator) {
    throw new DomainError('INDICATOR_NOT_FOUND', `indicator ${key.indicatorId} is not in ${framework.id}`, {
      indicator: key.indicatorId,
    });
  }
  const values = framework.responseTypes[indicator.type].values;
  const allowed = [...Object.keys(values), 'NA'];
  if (!allowed.includes(a.value)) {
    invalid(
      `"${a.value}" is not a ${indicator.type} answer for ${indicator.id} (allowed: ${allowed.join(', ')})`,
      {
        field: 'value',
        allowed,
      },
    );
  }
  if (a.cautionNote !== null && a.cautionNote.length > codingLimits.noteChars)
    invalid('the caution note is too long', { field: 'cautionNote' });
  if ((values[a.value] ?? 0) > 0 && a.citations.length === 0) {
    invalid(`a ${a.value} answer needs at least one citation with a quote`, { field: 'citations' });
  }
  const refs = await checkCitations(db, key.jurisdictionId, a.citations, { deferTreaties: true });
  const interval = settleInterval(refs, a.validFrom, a.validTo, 'the answer');
  await checkTreatyStanding(db, key.jurisdictionId, refs, interval.validFrom, a.citations);
  // An independent QC coding is compared with its twin, not stored as an answer, so it may overlap one.
  const others = key.skipOverlap
    ? []
    : await listAnswerIntervals(db, {
        jurisdictionId: key.jurisdictionId,
        frameworkId: framework.id,
        indicatorId: key.indicatorId,
      });
  const clash = findOverlap(interval, others, key.selfId);
  if (clash) {
    throw new DomainError(
      'ANSWER_OVERLAP',
      `${key.indicatorId} is already answered for ${key.jurisdictionId} ${describeInterval(clash)} (answer ${clash.id}); close that answer first`,
      { answerId: clash.id },
    );
  }
  return {
    value: a.value,
    validFrom: interval.validFrom,
    validTo: a.validTo,
    cautionNote: a.cautionNote,
    citations: a.citations,
  };
}

/**
 * Checks citations against the library: each an existing provision of the jurisdiction, cited once, with a quote
 * found verbatim in its text. With `deferTreaties`, a treaty provision filed elsewhere passes here and the
 * caller must then run `checkTreatyStanding` once the answer's dates are settled. Returns the cited provisions;
 * throws PROVISION_NOT_FOUND, CITATION_JURISDICTION_MISMATCH, EVIDENCE_NOT_FOUND or ANSWER_INVALID.
 */
export async function checkCitations(
  db: Kysely<Database>,
  jurisdictionId: string,
  citations: readonly CitationInput[],
  options: { deferTreaties?: boolean } = {},
): Promise<Map<string, ProvisionRef>> {
  if (citations.length > codingLimits.citations)
    invalid(`at most ${codingLimits.citations} citations`, { field: 'citations' });
  const refs = await getProvisionRefs(
    db,
    citations.map((c) => c.provisionId),
  );
  const seen = new Set<string>();
  for (const [position, c] of citations.entries()) {
    const ref = refs.get(c.provisionId);
    if (!ref)
      throw new DomainError('PROVISION_NOT_FOUND', `provision ${c.provisionId} does not exist`, {
        provisionId: c.provisionId,
        position,
      });
    if (seen.has(c.provisionId))
      invalid(`provision ${ref.citation} is cited twice`, { provisionId: c.provisionId, position });
    seen.add(c.provisionId);
    if (ref.jurisdictionId !== jurisdictionId && !(options.deferTreaties && ref.documentType === 'treaty')) {
      throw new DomainError(
        'CITATION_JURISDICTION_MISMATCH',
        `provision ${ref.citation} (${c.provisionId}) belongs to ${ref.jurisdictionId}, not ${jurisdictionId}`,
        { provisionId: c.provisionId, position, jurisdictionId: ref.jurisdictionId },
      );
    }
    if (c.quote.length > codingLimits.quoteChars)
      invalid('a quote is too long', { provisionId: c.provisionId, position });
    const problem = quoteProblem(c.quote, ref.text);
    if (problem) {
      throw new DomainError(
        'EVIDENCE_NOT_FOUND',
        `${problem}: ${ref.citation} (provision ${c.provisionId})`,
        {
          provisionId: c.provisionId,
          citation: ref.citation,
          position,
        },
      );
    }
  }
  return refs;
}

/**
 * Settles a validity interval: `validFrom` defaults to the latest start of the cited versions, both dates must
 * be ISO dates in order, and every cited version must be in force at some time during it. Throws ANSWER_INVALID.
 */
export function settleInterval(
  refs: ReadonlyMap<string, ProvisionRef>,
  validFrom: string | undefined,
  validTo: string | null,
  what: string,
): ValidityInterval & { validFrom: string } {
  const starts = [...refs.values()].map((r) => r.effectiveFrom).sort();
  const from = validFrom ?? starts[starts.length - 1];
  if (from === undefined)
    invalid(`valid-from is required when ${what} cites nothing`, { field: 'validFrom' });
  for (const [field, d] of [
    ['validFrom', from],
    ['validTo', validTo],
  ] as const) {
    if (d !== null && !isIsoDate(d)) invalid(`${field} must be a date YYYY-MM-DD, got "${d}"`, { field });
  }
  const interval = { validFrom: from, validTo };
  const bad = intervalProblem(interval);
  if (bad) invalid(bad, { field: 'validTo' });
  for (const ref of refs.values()) {
    if (!intervalsOverlap(interval, { validFrom: ref.effectiveFrom, validTo: ref.effectiveTo })) {
      invalid(`${ref.citation} is not in force at any time ${describeInterval(interval)}`, {
        provisionId: ref.id,
      });
    }
  }
  return interval;
}

const standingWords = {
  party: 'a party',
  consented: 'bound only once the treaty enters into force for it',
  signatory: 'a signatory only',
  none: 'not yet a signatory or party',
} as const;

/**
 * Refuses, with CITATION_JURISDICTION_MISMATCH, a cited treaty provision filed under another jurisdiction
 * unless the answer's jurisdiction is a party to that treaty, in force on `onDate` (the answer's first day).
 */
export async function checkTreatyStanding(
  db: Kysely<Database>,
  jurisdictionId: string,
  refs: ReadonlyMap<string, ProvisionRef>,
  onDate: string,
  citations: readonly CitationInput[],
): Promise<void> {
  const foreign = [...refs.values()].filter((r) => r.jurisdictionId !== jurisdictionId);
  if (foreign.length === 0) return;
  const parties = new Map(
    (
      await listPartiesOfJurisdiction(
        db,
        jurisdictionId,
        foreign.map((r) => r.documentId),
      )
    ).map((p) => [p.treatyId, p]),
  );
  for (const ref of foreign) {
    const party = parties.get(ref.documentId);
    const standing = party ? standingOn(party, onDate) : null;
    if (standing === 'party') continue;
    const position = citations.findIndex((c) => c.provisionId === ref.id);
    throw new DomainError(
      'CITATION_JURISDICTION_MISMATCH',
      `provision ${ref.citation} (${ref.id}) is of a treaty filed under ${ref.jurisdictionId}; ${jurisdictionId} may cite it only as a party in force on ${onDate}, and ${
        standing === null
          ? 'no party record exists for it (record its ratification or accession first)'
          : `on that day it is ${standingWords[standing]}`
      }`,
      {
        provisionId: ref.id,
        position,
        jurisdictionId: ref.jurisdictionId,
        treatyId: ref.documentId,
        standing: standing ?? 'unrecorded',
      },
    );
  }
}
