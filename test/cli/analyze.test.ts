/**
 * `lawgap analyze`: the JSON contract outside evaluators rely on, bad input (exit 2, message naming the file),
 * and that it runs without touching a database (no data directory is created).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, stderrLines } from './run-cli.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/analyzer');
const act = path.join(fixtures, 'trafficking-act.txt');
const tax = path.join(fixtures, 'tax-code.txt');

interface Output {
  document: {
    title: string;
    format: string;
    provisions: Array<{ citation: string; heading: string; text: string }>;
  };
  suggestions: Array<{
    indicator: string;
    answer: string;
    confidence: number;
    evidence: Array<{ citation: string; quote: string; start: number; end: number }>;
    rationale: string;
  }>;
}

describe('lawgap analyze', () => {
  it('prints one JSON object with the document and one suggestion per indicator, without a database', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-analyze-'));
    const dataDir = path.join(base, 'data');
    const emptyFile = path.join(base, 'empty.txt');
    fs.writeFileSync(emptyFile, '');
    // Two at a time: each spawn loads TypeScript, and the machine is shared.
    const [json, table] = await Promise.all([
      runCli(['analyze', act, '--json'], { dataDir }),
      runCli(['analyze', act], { dataDir }),
    ]);
    const [unrelated, missing] = await Promise.all([
      runCli(['analyze', tax, '--format', 'text', '--json'], { dataDir }),
      runCli(['analyze', path.join(base, 'nope.txt'), '--json'], { dataDir }),
    ]);
    const [empty, badFormat] = await Promise.all([
      runCli(['analyze', emptyFile], { dataDir }),
      runCli(['analyze', act, '--format', 'rtf'], { dataDir }),
    ]);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as Output;
    expect(out.document.format).toBe('text');
    expect(typeof out.document.title).toBe('string');
    for (const p of out.document.provisions) {
      expect(Object.keys(p).sort()).toEqual(['citation', 'heading', 'text']);
      expect(typeof p.heading).toBe('string');
    }
    expect(out.suggestions).toHaveLength(66);
    expect(out.suggestions[0]?.indicator).toBe('CR-01');
    const texts = new Map(out.document.provisions.map((p) => [p.citation, p.text]));
    for (const s of out.suggestions) {
      expect(['yes', 'partial', 'no']).toContain(s.answer);
      expect(typeof s.confidence).toBe('number');
      expect(typeof s.rationale).toBe('string');
      for (const e of s.evidence) {
        expect(texts.get(e.citation)?.includes(e.quote), `${s.indicator} ${e.citation}`).toBe(true);
        expect(texts.get(e.citation)?.slice(e.start, e.end)).toBe(e.quote);
      }
    }
    const byId = new Map(out.suggestions.map((s) => [s.indicator, s]));
    expect(byId.get('CR-01')?.answer).toBe('yes');
    expect(byId.get('CR-01')?.evidence[0]?.citation).toBe('s. 3(1)');
    expect(byId.get('CR-06')?.answer).toBe('yes');
    expect(byId.get('PN-01')?.answer).toBe('yes');
    expect(byId.get('PN-03')?.answer).toBe('yes');

    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/machine-suggested, not reviewed/);
    expect(table.stdout).toMatch(/CR-01\s+yes/);

    expect(unrelated.code, unrelated.stderr).toBe(0);
    const unrelatedOut = JSON.parse(unrelated.stdout) as Output;
    expect(unrelatedOut.suggestions.filter((s) => s.answer !== 'no')).toEqual([]);

    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(stderrLines(missing)).toHaveLength(1);
    expect(missing.stderr).toContain('nope.txt');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('empty.txt');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format');

    expect(fs.existsSync(dataDir)).toBe(false);
  }, 60_000);

  it('reads several files as one document set with unique citations', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-analyze-')), 'data');
    const result = await runCli(['analyze', act, tax, '--json'], { dataDir });
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as Output;
    const citations = out.document.provisions.map((p) => p.citation);
    expect(new Set(citations).size).toBe(citations.length);
    // Both files have "s. 1" and "s. 2": those are prefixed by their file; "s. 4" exists once and stays as it is.
    expect(citations).toContain('trafficking-act.txt s. 1');
    expect(citations).toContain('tax-code.txt s. 1');
    expect(citations).toContain('s. 4');
    expect(out.suggestions.find((s) => s.indicator === 'CR-01')?.answer).toBe('yes');
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 60_000);
});
