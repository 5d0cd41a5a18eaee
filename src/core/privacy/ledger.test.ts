import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debit, ledgerYear, openLedger, remaining } from './ledger.ts';
import { deltaCapPicosFor, deltaToPicos, epsilonToMicros } from './policy.ts';

const base = { dataset: 'cases-by-region', year: 2026, privacyUnit: 'person' };
const charge = (epsilon: string) => ({
  epsilonMicros: epsilonToMicros(epsilon),
  deltaPicos: 0,
  privacyUnit: 'person',
  year: 2026,
});

describe('privacy ledger (PUB-6)', () => {
  it('opens with a cap of ε = 4 and δ = 0 and nothing spent', () => {
    const ledger = openLedger(base);
    expect(ledger).toEqual({
      ...base,
      epsilonCapMicros: 4_000_000,
      deltaCapPicos: 0,
      spentEpsilonMicros: 0,
      spentDeltaPicos: 0,
      releases: 0,
    });
  });

  it('adds releases exactly: 0.1 + 0.2 + … reaches the cap of 4 with no rounding drift', () => {
    let ledger = openLedger(base);
    for (let i = 0; i < 40; i++) ledger = debit(ledger, charge('0.1'));
    expect(ledger.spentEpsilonMicros).toBe(4_000_000);
    expect(ledger.releases).toBe(40);
    expect(remaining(ledger).epsilonMicros).toBe(0);
  });

  it('refuses the release that would pass the cap, naming the budget left', () => {
    let ledger = openLedger(base);
    ledger = debit(ledger, charge('1.5'));
    ledger = debit(ledger, charge('2'));
    let caught: unknown;
    try {
      debit(ledger, charge('0.500001'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'PRIVACY_BUDGET_EXCEEDED',
      details: { remainingEpsilon: 0.5, requestedEpsilon: 0.500001, dataset: 'cases-by-region', year: 2026 },
    });
    expect((caught as Error).message).toContain('remaining ε 0.5');
    expect(debit(ledger, charge('0.5')).spentEpsilonMicros).toBe(4_000_000);
  });

  it('keeps the total equal to the sum of accepted releases (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_500_000 }), { maxLength: 30 }), (amounts) => {
        let ledger = openLedger({ ...base, epsilonCapMicros: 3_000_000 });
        let accepted = 0;
        for (const epsilonMicros of amounts) {
          try {
            ledger = debit(ledger, { ...charge('1'), epsilonMicros });
            accepted += epsilonMicros;
          } catch (error) {
            expect(error).toMatchObject({ code: 'PRIVACY_BUDGET_EXCEEDED' });
            expect(accepted + epsilonMicros).toBeGreaterThan(3_000_000);
          }
        }
        expect(ledger.spentEpsilonMicros).toBe(accepted);
        expect(accepted).toBeLessThanOrEqual(3_000_000);
      }),
    );
  });

  it('refuses δ past its cap, and a δ cap above 1/(n·ln n)', () => {
    const cap = deltaCapPicosFor(1000);
    expect(cap).toBe(Math.floor(1e12 / (1000 * Math.log(1000))));
    const ledger = openLedger({ ...base, deltaCapPicos: cap, population: 1000 });
    expect(() => debit(ledger, { ...charge('0.1'), deltaPicos: cap + 1 })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_BUDGET_EXCEEDED' }),
    );
    expect(debit(ledger, { ...charge('0.1'), deltaPicos: cap }).spentDeltaPicos).toBe(cap);
    expect(() => openLedger({ ...base, deltaCapPicos: cap + 1, population: 1000 })).toThrow(/1\/\(n·ln n\)/);
    expect(() => openLedger({ ...base, deltaCapPicos: 1 })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
    );
  });

  it('refuses a cap above 4, another privacy unit, another year and an empty release', () => {
    expect(() => openLedger({ ...base, epsilonCapMicros: 4_000_001 })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID', details: { field: 'epsilonCap' } }),
    );
    const ledger = openLedger(base);
    expect(() => debit(ledger, { ...charge('1'), privacyUnit: 'household' })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_UNIT_MISMATCH' }),
    );
    expect(() => debit(ledger, { ...charge('1'), year: 2027 })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_UNIT_MISMATCH' }),
    );
    expect(() => debit(ledger, { ...charge('1'), epsilonMicros: 0 })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
    );
    expect(() => openLedger({ ...base, dataset: ' ' })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID', details: { field: 'dataset' } }),
    );
    expect(() => openLedger({ ...base, year: 1999 })).toThrow(
      expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID', details: { field: 'year' } }),
    );
  });

  it('charges a release to its UTC calendar year', () => {
    expect(ledgerYear(new Date('2026-12-31T23:59:59Z'))).toBe(2026);
    expect(ledgerYear(new Date('2027-01-01T00:00:00Z'))).toBe(2027);
  });
});

describe('ε and δ as exact whole units', () => {
  it('parses decimals into millionths of ε and 10⁻¹² of δ', () => {
    expect(epsilonToMicros('0.5')).toBe(500_000);
    expect(epsilonToMicros(0.1)).toBe(100_000);
    expect(epsilonToMicros('4')).toBe(4_000_000);
    expect(epsilonToMicros(0.1 + 0.2)).toBe(300_000);
    expect(deltaToPicos('0.000001')).toBe(1_000_000);
    expect(deltaToPicos(1e-9)).toBe(1000);
    expect(deltaToPicos(0)).toBe(0);
  });

  it('refuses negatives, too many decimals and text', () => {
    for (const bad of ['-1', '0.0000001', 'abc', '', '1.', Number.NaN, -0.5]) {
      expect(() => epsilonToMicros(bad)).toThrow(
        expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }),
      );
    }
    expect(() => deltaToPicos(1e-13)).toThrow(expect.objectContaining({ code: 'PRIVACY_PARAMETER_INVALID' }));
  });
});
