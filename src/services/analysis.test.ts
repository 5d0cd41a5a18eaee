import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/errors.ts';
import { analyzeFiles, currentFramework, guessLanguage, languageCode } from './analysis.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('analyzeFiles', () => {
  it('uses the current built-in framework', () => {
    expect(currentFramework().indicators).toHaveLength(66);
  });

  it('normalises declared language tags', () => {
    expect(languageCode('en-US')).toBe('en');
    expect(languageCode('spa')).toBe('es');
    expect(languageCode('FRA')).toBe('fr');
  });

  it('guesses en, es and fr from common words', () => {
    expect(guessLanguage('The person shall be liable to a fine of the amount.')).toBe('en');
    expect(guessLanguage('El delito será castigado con la pena de prisión de los autores.')).toBe('es');
    expect(guessLanguage('Le délit est puni des peines prévues par la loi et les règlements.')).toBe('fr');
  });

  it('reads a text file into flat provisions and one suggestion per indicator', async () => {
    const text =
      'Section 1. Offence\nA person who recruits or harbours another person by means of coercion for the purpose of forced labour commits the offence of trafficking in persons and is liable to imprisonment for 15 years.\n';
    const result = await analyzeFiles([{ fileName: 'act.txt', bytes: encode(text) }]);
    expect(result.document.format).toBe('text');
    expect(result.document.language).toBe('en');
    expect(result.document.provisions.map((p) => p.citation)).toContain('s. 1');
    expect(result.suggestions).toHaveLength(66);
    expect(result.suggestions.find((s) => s.indicator === 'CR-01')?.answer).toBe('yes');
  });

  it('refuses an empty file with an error naming it', async () => {
    await expect(analyzeFiles([{ fileName: 'empty.txt', bytes: new Uint8Array() }])).rejects.toThrow(
      DomainError,
    );
    await expect(analyzeFiles([{ fileName: 'empty.txt', bytes: new Uint8Array() }])).rejects.toThrow(
      /empty\.txt/,
    );
  });

  it('reads a state-code style chapter: a defined verb, child branches, safe harbor, defences', async () => {
    const file = path.resolve(import.meta.dirname, '../../test/fixtures/analyzer/state-code.txt');
    const result = await analyzeFiles([{ fileName: 'state-code.txt', bytes: fs.readFileSync(file) }]);
    const answer = (id: string) => result.suggestions.find((s) => s.indicator === id);
    // "traffic" is defined in Sec. 20.01 with its acts; the offence uses the defined verb.
    expect(answer('CR-02')?.answer).toBe('yes');
    expect(answer('CR-02')?.evidence.map((e) => e.citation)).toContain('s. 20.01(3)');
    expect(answer('CH-01')?.answer).toBe('yes');
    expect(answer('CH-03')?.evidence[0]?.citation).toBe('s. 20.05');
    expect(answer('VI-03')?.evidence[0]?.citation).toBe('s. 20.04');
    expect(answer('PN-08')?.answer).not.toBe('no');
    expect(answer('PV-02')?.answer).toBe('yes');
    expect(answer('DC-04')?.answer).toBe('yes');
    // Forced labour appears only as the purpose of trafficking, not as an offence of its own.
    expect(answer('CR-07')?.answer).toBe('no');
    // Nothing about residence permits or supply chains is in the chapter.
    expect(answer('VP-07')?.answer).toBe('no');
    expect(answer('PV-05')?.answer).toBe('no');
  });
});
