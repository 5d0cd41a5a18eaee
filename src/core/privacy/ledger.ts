/**
 * The privacy ledger (PUB-6): one per dataset per calendar year (UTC), naming its privacy unit (a person). Each
 * noisy release debits its (ε, δ); releases compose by basic sequential composition, so the ledger's spend is
 * the plain sum of its releases. A release that would take either sum past its cap is refused, never trimmed.
 * The ε cap defaults to 4 and cannot be set higher here; the δ cap defaults to 0 (pure ε-DP only, which is all the
 * geometric mechanism needs) and, when set, may not exceed 1/(n·ln n) for a dataset of n people. Amounts are whole
 * millionths of ε and whole 10⁻¹² of δ, so totals are exact and "the ledger equals the sum of its releases" holds
 * to the last unit.
 */
import { DomainError } from '../errors.ts';
import { deltaCapPicosFor, maxEpsilonCapMicros, microsToEpsilon, picosToDelta } from './policy.ts';

/** A ledger's caps and spend. */
export interface LedgerState {
  dataset: string;
  year: number;
  privacyUnit: string;
  epsilonCapMicros: number;
  deltaCapPicos: number;
  spentEpsilonMicros: number;
  spentDeltaPicos: number;
  releases: number;
}

/** What one release costs, and about whom. */
export interface Charge {
  epsilonMicros: number;
  deltaPicos: number;
  privacyUnit: string;
  year: number;
}

/** Settings for a new ledger; caps default to ε = 4 and δ = 0. */
export interface LedgerSettings {
  dataset: string;
  year: number;
  privacyUnit: string;
  epsilonCapMicros?: number;
  deltaCapPicos?: number;
  /** Number of privacy units in the dataset; required to set a δ cap above 0. */
  population?: number;
}

/** A fresh ledger with nothing spent; throws on a cap above the policy's. */
export function openLedger(settings: LedgerSettings): LedgerState {
  const dataset = settings.dataset.trim();
  const privacyUnit = settings.privacyUnit.trim();
  if (dataset === '' || dataset.length > 200) invalid('dataset', 'dataset must be 1 to 200 characters');
  if (privacyUnit === '' || privacyUnit.length > 100) {
    invalid('privacyUnit', 'privacyUnit must be 1 to 100 characters');
  }
  checkYear(settings.year);
  const epsilonCapMicros = settings.epsilonCapMicros ?? maxEpsilonCapMicros;
  if (
    !Number.isSafeInteger(epsilonCapMicros) ||
    epsilonCapMicros < 1 ||
    epsilonCapMicros > maxEpsilonCapMicros
  ) {
    invalid('epsilonCap', `epsilonCap must be above 0 and at most ${microsToEpsilon(maxEpsilonCapMicros)}`);
  }
  const deltaCapPicos = settings.deltaCapPicos ?? 0;
  if (!Number.isSafeInteger(deltaCapPicos) || deltaCapPicos < 0) invalid('deltaCap', 'deltaCap must be ≥ 0');
  if (deltaCapPicos > 0) {
    const ceiling = settings.population === undefined ? 0 : deltaCapPicosFor(settings.population);
    if (deltaCapPicos > ceiling) {
      invalid(
        'deltaCap',
        `deltaCap may be at most 1/(n·ln n) = ${picosToDelta(ceiling)} for this population`,
      );
    }
  }
  return {
    dataset,
    year: settings.year,
    privacyUnit,
    epsilonCapMicros,
    deltaCapPicos,
    spentEpsilonMicros: 0,
    spentDeltaPicos: 0,
    releases: 0,
  };
}

/** The budget left: cap minus spend, for ε and δ. */
export function remaining(state: LedgerState): { epsilonMicros: number; deltaPicos: number } {
  return {
    epsilonMicros: state.epsilonCapMicros - state.spentEpsilonMicros,
    deltaPicos: state.deltaCapPicos - state.spentDeltaPicos,
  };
}

/** The ledger after one more release; throws PRIVACY_BUDGET_EXCEEDED (naming what is left) past a cap. */
export function debit(state: LedgerState, charge: Charge): LedgerState {
  if (!Number.isSafeInteger(charge.epsilonMicros) || charge.epsilonMicros < 1) {
    invalid('epsilon', 'a release must spend a positive ε');
  }
  if (!Number.isSafeInteger(charge.deltaPicos) || charge.deltaPicos < 0) invalid('delta', 'δ must be ≥ 0');
  if (charge.privacyUnit.trim() !== state.privacyUnit) {
    throw new DomainError(
      'PRIVACY_UNIT_MISMATCH',
      `this ledger counts "${state.privacyUnit}", not "${charge.privacyUnit.trim()}"`,
      { field: 'privacyUnit' },
    );
  }
  if (charge.year !== state.year) {
    throw new DomainError('PRIVACY_UNIT_MISMATCH', `this ledger is for ${state.year}, not ${charge.year}`, {
      field: 'year',
    });
  }
  const left = remaining(state);
  if (charge.epsilonMicros > left.epsilonMicros || charge.deltaPicos > left.deltaPicos) {
    const over = charge.epsilonMicros > left.epsilonMicros ? 'ε' : 'δ';
    throw new DomainError(
      'PRIVACY_BUDGET_EXCEEDED',
      `refused: this release needs ${over} beyond the cap of ${state.dataset} for ${state.year}; ` +
        `remaining ε ${microsToEpsilon(left.epsilonMicros)}, δ ${picosToDelta(left.deltaPicos)}`,
      {
        dataset: state.dataset,
        year: state.year,
        remainingEpsilon: microsToEpsilon(left.epsilonMicros),
        remainingDelta: picosToDelta(left.deltaPicos),
        requestedEpsilon: microsToEpsilon(charge.epsilonMicros),
        requestedDelta: picosToDelta(charge.deltaPicos),
      },
    );
  }
  return {
    ...state,
    spentEpsilonMicros: state.spentEpsilonMicros + charge.epsilonMicros,
    spentDeltaPicos: state.spentDeltaPicos + charge.deltaPicos,
    releases: state.releases + 1,
  };
}

/** The calendar year (UTC) a release made at `at` is charged to. */
export function ledgerYear(at: Date): number {
  return at.getUTCFullYear();
}

function checkYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < 2000 || year > 9999) invalid('year', 'year must be 2000 to 9999');
}

function invalid(field: string, message: string): never {
  throw new DomainError('PRIVACY_PARAMETER_INVALID', message, { field });
}
