/**
 * Gap reports and open exports on every engine: the worked example (three published answers of the fixture
 * jurisdiction, hand-computed points), unpublished answers only for members, a jurisdiction with nothing coded,
 * bad input, and exports that are complete when empty and leave no file behind when they fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/auth/permissions.ts';
import { parseCsv } from '../../src/core/coding/csv.ts';
import { datasetColumns } from '../../src/core/export/dataset.ts';
import { createAnswer, type NewAnswerArgs, setAnswerStatus } from '../../src/services/coding.ts';
import {
  codebookMarkdown,
  datasetCsvText,
  protocolMarkdown,
  validateExportFile,
  writeExport,
} from '../../src/services/export.ts';
import { gapReport } from '../../src/services/gaps.ts';
import type { Store } from '../../src/store/db.ts';
import { type CodingFixtures, iceland, importCodingFixtures, pid, texas } from '../coding-fixtures.ts';
import { describeEachEngine } from '../engines.ts';
import { codeOf, publicActor, system } from './actors.ts';

const viewer: Actor = {
  kind: 'user',
  userId: 'u-v',
  organizationId: 'o1',
  role: 'viewer',
  instanceAdmin: false,
};

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-export-'));

describeEachEngine('gap reports and exports', (get) => {
  let store: Store;
  let fx: CodingFixtures;
  const ctx = (actor: Actor = system) => ({ db: store.db, actor });
  const publish = async (args: NewAnswerArgs) => {
    const a = await createAnswer(ctx(), args);
    await setAnswerStatus(ctx(), a.id, 'reviewed');
    return setAnswerStatus(ctx(), a.id, 'published');
  };

  beforeAll(async () => {
    store = get();
    fx = await importCodingFixtures(store);
  });

  it('exports a header-only dataset and a complete codebook when nothing is published', async () => {
    expect(await datasetCsvText(ctx(publicActor))).toBe(`${datasetColumns.join(',')}\r\n`);
    const book = await codebookMarkdown(ctx(publicActor));
    expect(book).toContain('| CR-01 | CR | YPN | 3 |');
    expect(book).toContain('`normalized_value`');
    const dir = tmp();
    const manifest = await writeExport(ctx(), { dir, format: 'csv' });
    expect(manifest.counts).toEqual({ rows: 0, jurisdictions: 0, indicators: 66 });
    expect(fs.readdirSync(dir).sort()).toEqual([
      'lawgap-codebook.json',
      'lawgap-codebook.md',
      'lawgap-dataset.csv',
      'lawgap-protocol.md',
      'manifest.json',
    ]);
    const protocol = fs.readFileSync(path.join(dir, 'lawgap-protocol.md'), 'utf8');
    expect(protocol).toBe(await protocolMarkdown(ctx(publicActor)));
    expect(protocol).toContain('(default **5%**)');
    expect(protocol).toContain('| CR | ');
    expect(manifest.files.map((f) => f.name)).toContain('lawgap-protocol.md');
  });

  it('reports a jurisdiction with nothing coded as not coded, and refuses bad input', async () => {
    const r = await gapReport(ctx(publicActor), 'ocd-division/country:fr', '2031-01-01');
    expect(r).toMatchObject({ gaps: [], totalRounded: null, pointsAvailable: 0, recommendations: null });
    expect(r.notCoded).toHaveLength(66);
    expect(r.notCoded[0]).toMatchObject({ indicatorId: 'CR-01', weight: 3 });
    expect(r.notCoded[0]?.standards[0]).toMatchObject({
      instrument: 'palermo',
      instrumentName: 'UN Trafficking in Persons Protocol (Palermo, 2000)',
    });
    expect(await codeOf(gapReport(ctx(), 'ocd-division/country:zz', '2031-01-01'))).toBe(
      'JURISDICTION_NOT_FOUND',
    );
    expect(await codeOf(gapReport(ctx(), iceland, '2031-02-30'))).toBe('VALIDATION_FAILED');
    expect(await codeOf(gapReport(ctx(publicActor), iceland, '2031-01-01', { include: 'coded' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('ranks the worked example’s gaps by hand-computed points, with exemplars from elsewhere', async () => {
    const offence = pid(fx.v1, 's. 1(1)');
    const quote = 'recruits, transports or harbours another person';
    await publish({
      jurisdictionId: iceland,
      indicatorId: 'CR-01',
      value: 'P',
      citations: [{ provisionId: offence, quote }],
    });
    await publish({
      jurisdictionId: iceland,
      indicatorId: 'CR-02',
      value: '2',
      citations: [{ provisionId: offence, quote }],
    });
    await publish({
      jurisdictionId: iceland,
      indicatorId: 'PN-01',
      value: '0',
      citations: [],
      validFrom: '2030-01-01',
    });
    await publish({
      jurisdictionId: texas,
      indicatorId: 'CR-01',
      value: 'Y',
      citations: [{ provisionId: pid(fx.texas, 's. 1'), quote: 'traffics another person for exploitation' }],
    });
    await createAnswer(ctx(), {
      jurisdictionId: iceland,
      indicatorId: 'PN-02',
      value: '1',
      citations: [{ provisionId: pid(fx.v1, 's. 2'), quote: 'imprisonment for up to 5 years' }],
    });

    // CR (share 18): CR-01 w3 P, CR-02 w2 full → applicable 5. PN (share 10): PN-01 w2 at 0 → applicable 2.
    // Counted share 28. PN-01: 2/2 × 10 × 100/28 = 35.714…; CR-01: 3/5 × 18 × 100/28 × 0.5 = 19.285…
    // Total 45.0, and 45 + 35.714 + 19.286 = 100.
    const r = await gapReport(ctx(publicActor), iceland, '2031-01-01', { locale: 'fr' });
    expect(r.totalRounded).toBe(45);
    expect(r.gaps.map((g) => [g.indicatorId, g.status, g.value])).toEqual([
      ['PN-01', 'unmet', '0'],
      ['CR-01', 'partial', 'P'],
    ]);
    expect(r.gaps[0]?.pointsAvailable).toBeCloseTo(1000 / 28, 9);
    expect(r.gaps[1]?.pointsAvailable).toBeCloseTo(540 / 28, 9);
    expect(r.gaps[1]?.maxPoints).toBeCloseTo(1080 / 28, 9);
    expect(r.pointsAvailable + 45).toBeCloseTo(100, 9);
    expect(r.gaps[1]).toMatchObject({
      fullMarks: ['Y'],
      missing: 'answered P (0.5 of 1); full marks need Y',
      question: expect.stringContaining('Existe-t-il une infraction'),
      citations: [{ citation: 'EPA 2030 s. 1(1)', quote }],
      exemplars: [
        {
          jurisdictionId: texas,
          jurisdictionName: 'Texas',
          value: 'Y',
          citations: [{ citation: 'TFC s. 1', quote: 'traffics another person for exploitation' }],
        },
      ],
    });
    expect(r.gaps[0]?.exemplars).toEqual([]);
    expect(r.notCoded).toHaveLength(63);
    // The coded (unpublished) PN-02 is not coded as far as the public report knows.
    expect(r.notCoded.map((n) => n.indicatorId)).toContain('PN-02');

    // Members may count the coded PN-02 (w2, 1 → 0.5): PN applicable 4, so PN-01 is worth 17.857… and PN-02 8.928….
    const members = await gapReport(ctx(viewer), iceland, '2031-01-01', { include: 'coded' });
    expect(members.gaps.map((g) => [g.indicatorId, Number(g.pointsAvailable.toFixed(3))])).toEqual([
      ['CR-01', 19.286],
      ['PN-01', 17.857],
      ['PN-02', 8.929],
    ]);
    // Before the law took effect nothing applies.
    expect((await gapReport(ctx(publicActor), iceland, '2029-12-31')).gaps).toEqual([]);
  });

  it('exports published answers only, quoted by RFC 4180, and round-trips the CSV', async () => {
    const csv = await datasetCsvText(ctx(publicActor));
    const { records, problem } = parseCsv(csv);
    expect(problem).toBeNull();
    const [header, ...rows] = records.map((r) => r.cells);
    expect(header).toEqual([...datasetColumns]);
    expect(rows.map((r) => [r[1], r[2], r[5], r[6]])).toEqual([
      [iceland, 'CR-01', 'P', '0.5'],
      [iceland, 'CR-02', '2', '1'],
      [iceland, 'PN-01', '0', '0'],
      [texas, 'CR-01', 'Y', '1'],
    ]);
    expect(rows[0]?.slice(3, 5)).toEqual(['lawgap-v1', '1']);
    expect(rows[0]?.slice(7)).toEqual([
      '2030-01-01',
      '',
      'EPA 2030 s. 1(1)',
      'recruits, transports or harbours another person',
    ]);
    expect(csv).toContain('"recruits, transports or harbours another person"\r\n');

    const dir = tmp();
    const manifest = await writeExport(ctx(), { dir, format: 'json' });
    expect(manifest).toMatchObject({ format: 'lawgap-dataset/1', counts: { rows: 4, jurisdictions: 2 } });
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'lawgap-dataset.json'), 'utf8')) as {
      rows: unknown[];
    };
    expect(json.rows).toHaveLength(4);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
  });

  it('leaves no file behind when validation fails or the directory cannot be written', async () => {
    const dir = tmp();
    const failing = writeExport(ctx(), {
      dir,
      format: 'csv',
      validate: (name) => {
        if (name === 'lawgap-codebook.json') throw new Error('forced');
      },
    });
    expect(await codeOf(failing)).toBe('EXPORT_INVALID');
    expect(fs.readdirSync(dir)).toEqual([]);
    // The protocol is validated too: one that lost its format string fails, and nothing is left.
    const noFormat = writeExport(ctx(), {
      dir,
      format: 'json',
      validate: (name, text, rows) =>
        validateExportFile(
          name,
          name === 'lawgap-protocol.md' ? text.replaceAll('lawgap-dataset/1', '') : text,
          rows,
        ),
    });
    expect(await codeOf(noFormat)).toBe('EXPORT_INVALID');
    expect(fs.readdirSync(dir)).toEqual([]);
    const file = path.join(tmp(), 'a-file');
    fs.writeFileSync(file, 'x');
    expect(await codeOf(writeExport(ctx(), { dir: path.join(file, 'out'), format: 'csv' }))).toBe(
      'EXPORT_DIR_INVALID',
    );
  });
});
