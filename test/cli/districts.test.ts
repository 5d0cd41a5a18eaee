import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOk, runCli, scratchDataDir } from './run-cli.ts';

const dir = scratchDataDir();
const fixtures = path.resolve(import.meta.dirname, '../fixtures/districts');
const tx = 'ocd-division/country:us/state:tx';

describe('lawgap districts', () => {
  it('imports boundaries and postcodes, looks up by postcode, point and district, and refuses bad files', async () => {
    expectOk(await runCli(['people', 'import', path.join(fixtures, 'people')], { dataDir: dir }));
    const boundaries = expectOk(
      await runCli(['districts', 'import-boundaries', path.join(fixtures, 'plan-2020.geojson'), '--json'], {
        dataDir: dir,
      }),
    );
    expect(JSON.parse(boundaries.stdout)).toMatchObject({ boundaries: 3, closed: [] });
    const postcodes = expectOk(
      await runCli(['districts', 'import-postcodes', path.join(fixtures, 'postcodes.csv')], { dataDir: dir }),
    );
    expect(postcodes.stderr).toContain('postcodes.csv: 6 rows, 3 postcodes (1 in more than one district)');

    // One at a time: each spawn loads TypeScript, and on a busy machine parallel spawns time out.
    const lookup = (...args: string[]) =>
      runCli(['districts', 'lookup', '--jurisdiction', tx, ...args], { dataDir: dir });
    const byPostcode = await lookup('--postcode', '99001', '--json');
    const ambiguous = await lookup('--postcode', '99002');
    const byPoint = await lookup('--point', '0.5,1.0005');
    const byDistrict = await lookup('--district', 'lower:Birch');
    const json = JSON.parse(expectOk(byPostcode).stdout);
    expect(json.result.kind).toBe('match');
    expect(json.lawmakers.map((l: { name: string }) => l.name)).toEqual(['Quinn Harrow', 'Jordan Fell']);
    expect(expectOk(ambiguous).stderr).toContain('the postcode is in more than one district: choose one of');
    expect(ambiguous.stdout).toMatch(/lower\s+Birch\s+Birch District\s+0\.6/);
    expect(ambiguous.stdout).toMatch(/upper\s+North\s+Jordan Fell/);
    expect(expectOk(byPoint).stderr).toContain('near a district boundary: choose one of');
    expect(expectOk(byDistrict).stdout).toMatch(/lower\s+Birch\s+Morgan Vale\s+Republican/);

    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lawgap-districts-')), 'broken.geojson');
    fs.writeFileSync(
      broken,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { jurisdiction: tx, chamber: 'lower', district: 'X', valid_from: '2020-01-01' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 1],
                ],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: null },
        ],
      }),
    );
    const refused = await runCli(['districts', 'import-boundaries', broken], { dataDir: dir });
    const badPoint = await lookup('--point', 'here');
    const missing = await runCli(['districts', 'import-postcodes', path.join(fixtures, 'nope.csv')], {
      dataDir: dir,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'features[0].geometry.coordinates[0]: the ring is not closed (its last position must repeat the first)',
    );
    expect(refused.stderr).toContain('features[1].properties.jurisdiction: is required');
    expect(refused.stderr).toContain('broken.geojson: 6 problems; nothing was imported');
    expect(badPoint.code).toBe(2);
    expect(badPoint.stderr).toContain('--point must be LAT,LON');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  }, 300_000);
});
