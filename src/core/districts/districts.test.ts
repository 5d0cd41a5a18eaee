/**
 * Districts in core: point in polygon (holes, MultiPolygon), near a boundary → ask, validity dates across a
 * redistricting, plan overlaps, ambiguous postcodes, and every kind of invalid GeoJSON and CSV named clearly.
 * Invented squares near 0°N 0°E in the "Example" districts; no real boundary.
 */
import { describe, expect, it } from 'vitest';
import { readDistrictGeoJson } from './geojson.ts';
import { distanceToBoundary, geometryContains } from './geometry.ts';
import { boundariesOn, lookupPoint, lookupPostcode, placePlans } from './lookup.ts';
import { normalisePostcode, readPostcodeCsv } from './postcodes.ts';
import type { DistrictBoundary } from './types.ts';

const tx = 'ocd-division/country:us/state:tx';
type Ring = Array<[number, number]>;
const square = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

function feature(
  district: string,
  coordinates: unknown,
  extra: Record<string, unknown> = {},
  type = 'Polygon',
) {
  return {
    type: 'Feature',
    properties: { jurisdiction: tx, chamber: 'lower', district, valid_from: '2090-01-01', ...extra },
    geometry: { type, coordinates },
  };
}

function read(features: unknown[]): DistrictBoundary[] {
  const { boundaries, problems } = readDistrictGeoJson({ type: 'FeatureCollection', features });
  expect(problems).toEqual([]);
  return boundaries;
}

const plan = read([
  feature('Alder', [square(0, 0, 1, 1), square(0.4, 0.4, 0.6, 0.6)]),
  feature('Isle', [square(0.4, 0.4, 0.6, 0.6)]),
  feature('Birch', [square(1, 0, 2, 1)]),
  feature('Cedar', [[square(3, 0, 4, 1)], [[...square(5, 0, 6, 1)]]], {}, 'MultiPolygon'),
  feature('North', [square(0, 0, 2, 1)], { chamber: 'upper' }),
]);

describe('point in polygon', () => {
  it('honours holes and every part of a MultiPolygon', () => {
    const [alder, isle, , cedar] = plan as [
      DistrictBoundary,
      DistrictBoundary,
      DistrictBoundary,
      DistrictBoundary,
    ];
    expect(geometryContains(alder.geometry, [0.2, 0.2])).toBe(true);
    expect(geometryContains(alder.geometry, [0.5, 0.5])).toBe(false);
    expect(geometryContains(isle.geometry, [0.5, 0.5])).toBe(true);
    expect(geometryContains(cedar.geometry, [3.5, 0.5])).toBe(true);
    expect(geometryContains(cedar.geometry, [5.5, 0.5])).toBe(true);
    expect(geometryContains(cedar.geometry, [4.5, 0.5])).toBe(false);
    expect(geometryContains(alder.geometry, [-0.1, 0.5])).toBe(false);
  });

  it('measures the distance to the nearest edge in metres, holes included', () => {
    const [alder] = plan as [DistrictBoundary];
    expect(distanceToBoundary(alder.geometry, [0.5, 0.2])).toBeCloseTo(0.2 * 111_320, -2);
    // 0.001° of longitude at the equator is about 111 m; the hole's edge is nearer than the outer ring.
    expect(distanceToBoundary(alder.geometry, [0.399, 0.5])).toBeCloseTo(111, 0);
    expect(distanceToBoundary(alder.geometry, [1, 0.5])).toBe(0);
  });
});

describe('lookup by point', () => {
  it('matches one district per chamber well inside', () => {
    expect(lookupPoint(plan, [0.2, 0.2])).toEqual({
      kind: 'match',
      districts: [
        { jurisdictionId: tx, chamber: 'lower', district: 'Alder' },
        { jurisdictionId: tx, chamber: 'upper', district: 'North' },
      ],
    });
    expect(lookupPoint(plan, [0.5, 0.5])).toMatchObject({
      kind: 'match',
      districts: [{ district: 'Isle' }, { district: 'North' }],
    });
  });

  it('asks between the districts near a boundary, and on it, keeping the settled chamber', () => {
    for (const point of [
      [1, 0.5],
      [1.001, 0.5],
      [0.999, 0.5],
    ] as Array<[number, number]>) {
      const result = lookupPoint(plan, point);
      expect(result.kind).toBe('ask');
      if (result.kind !== 'ask') continue;
      expect(result.reason).toBe('boundary');
      expect(result.candidates.map((c) => c.district).sort()).toEqual(['Alder', 'Birch']);
      expect(result.matched).toEqual([{ jurisdictionId: tx, chamber: 'upper', district: 'North' }]);
    }
    // 300 m from the line is beyond the 200 m margin; a wider margin asks again.
    expect(lookupPoint(plan, [1.0027, 0.5])).toMatchObject({ kind: 'match' });
    expect(lookupPoint(plan, [1.0027, 0.5], 400)).toMatchObject({ kind: 'ask' });
  });

  it('asks rather than matching a district the point is only near, and says when it is outside all', () => {
    expect(lookupPoint(plan, [-0.0005, 0.5])).toMatchObject({
      kind: 'ask',
      candidates: [{ district: 'Alder' }, { district: 'North' }],
      matched: [],
    });
    expect(lookupPoint(plan, [10, 10])).toEqual({ kind: 'none', reason: 'outside' });
    expect(lookupPoint([], [0.5, 0.5])).toEqual({ kind: 'none', reason: 'no-boundaries' });
  });
});

describe('validity dates', () => {
  const old = read([feature('Old One', [square(0, 0, 2, 1)], { valid_to: '2092-01-01' })]);
  const next = read([
    feature('New West', [square(0, 0, 1, 1)], { valid_from: '2092-01-01' }),
    feature('New East', [square(1, 0, 2, 1)], { valid_from: '2092-01-01' }),
  ]);
  const all = [...old, ...next];

  it('gives the old district before a redistricting and the new one from its first day, never the other', () => {
    const at = (date: string) => lookupPoint(boundariesOn(all, date), [1.5, 0.5]);
    expect(at('2091-12-31')).toMatchObject({ kind: 'match', districts: [{ district: 'Old One' }] });
    expect(at('2092-01-01')).toMatchObject({ kind: 'match', districts: [{ district: 'New East' }] });
    expect(at('2089-06-01')).toEqual({ kind: 'none', reason: 'no-boundaries' });
  });

  it('closes a stored open-ended plan where a later one begins and refuses any other overlap', () => {
    const p = (validFrom: string, validTo: string | null) => ({
      jurisdictionId: tx,
      chamber: 'lower',
      validFrom,
      validTo,
    });
    expect(placePlans([p('2092-01-01', null)], [p('2090-01-01', null)])).toEqual({
      close: [{ plan: p('2090-01-01', null), validTo: '2092-01-01' }],
      problems: [],
    });
    expect(
      placePlans([p('2092-01-01', null)], [{ ...p('2090-01-01', '2093-01-01'), importId: 'i1' }]).problems,
    ).toEqual([
      `${tx}: the lower plan valid from 2092-01-01 (open-ended) overlaps the stored lower plan valid from 2090-01-01 to 2093-01-01 (import i1)`,
    ]);
    expect(placePlans([p('2090-01-01', null)], [p('2092-01-01', null)]).problems).toHaveLength(1);
    expect(placePlans([p('2090-01-01', '2092-01-01'), p('2091-01-01', null)], []).problems).toHaveLength(1);
    expect(placePlans([{ ...p('2090-01-01', null), chamber: 'upper' }], [p('2080-01-01', null)])).toEqual({
      close: [],
      problems: [],
    });
  });
});

describe('postcodes', () => {
  const csv = [
    'Postcode,jurisdiction,chamber,district,share',
    '99001,ocd-jurisdiction/country:us/state:tx/government,lower,Alder,',
    '99001,ocd-division/country:us/state:tx,upper,North,',
    '99002,ocd-division/country:us/state:tx,lower,Alder,0.3',
    '99002,ocd-division/country:us/state:tx,lower,Birch,0.7',
    '99002,ocd-division/country:us/state:tx,upper,North,1',
  ].join('\n');

  it('reads the table and asks for a postcode split between districts, largest share first', () => {
    const { rows, problems } = readPostcodeCsv(csv);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(5);
    expect(lookupPostcode(rows.filter((r) => r.postcode === '99001'))).toMatchObject({
      kind: 'match',
      districts: [{ district: 'Alder' }, { district: 'North' }],
    });
    expect(lookupPostcode(rows.filter((r) => r.postcode === '99002'))).toEqual({
      kind: 'ask',
      reason: 'ambiguous-postcode',
      candidates: [
        { jurisdictionId: tx, chamber: 'lower', district: 'Birch', name: null, share: 0.7 },
        { jurisdictionId: tx, chamber: 'lower', district: 'Alder', name: null, share: 0.3 },
      ],
      matched: [{ jurisdictionId: tx, chamber: 'upper', district: 'North' }],
    });
    expect(lookupPostcode([])).toEqual({ kind: 'none', reason: 'unknown-postcode' });
    expect(normalisePostcode(' sw1a 1aa ')).toBe('SW1A1AA');
  });

  it('names the line and column of every bad cell', () => {
    const bad = [
      'postcode,jurisdiction,chamber,district,share',
      ',ocd-division/country:us/state:tx,lower,A,',
      '99003,texas,Lower House,A,',
      '99004,ocd-division/country:us/state:tx,lower,,2',
      '99005,ocd-division/country:us/state:tx,lower,A,',
      '99005,ocd-division/country:us/state:tx,lower,A,',
    ].join('\n');
    expect(readPostcodeCsv(bad)).toEqual({
      rows: [],
      problems: [
        'line 2, column postcode: is required',
        'line 3, column jurisdiction: "texas" is not an OCD division or jurisdiction id',
        'line 3, column chamber: "Lower House" must be a lower-case word such as upper or lower',
        'line 4, column district: is required',
        'line 4, column share: must be a number above 0 and at most 1, or empty, got "2"',
        'line 6: repeats line 5 (99005, lower A)',
      ],
    });
    expect(readPostcodeCsv('zip,district\n1,2').problems).toEqual([
      'line 1: the header lacks postcode, jurisdiction, chamber',
    ]);
    expect(readPostcodeCsv('').problems).toEqual(['the file is empty: a header row is required']);
    expect(readPostcodeCsv('postcode,"jurisdiction').problems[0]).toMatch(/never closed/);
  });
});

describe('invalid GeoJSON', () => {
  const problemsOf = (features: unknown[]) =>
    readDistrictGeoJson({ type: 'FeatureCollection', features }).problems;

  it('refuses what is not a FeatureCollection of features', () => {
    expect(readDistrictGeoJson({ type: 'Feature' }).problems).toEqual([
      'type: the file must be a GeoJSON FeatureCollection',
    ]);
    expect(readDistrictGeoJson([]).problems).toHaveLength(1);
    expect(problemsOf([])).toEqual(['features: at least one feature is required']);
    expect(problemsOf([{ type: 'Point' }])).toEqual(['features[0]: must be a GeoJSON Feature']);
  });

  it('names each bad property by feature index', () => {
    const ok = square(0, 0, 1, 1);
    expect(
      problemsOf([
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ok] } },
        feature('A', [ok], { jurisdiction: 'Texas' }),
        feature('A', [ok], { chamber: 'House' }),
        feature('', [ok]),
        feature('A', [ok], { valid_from: '2090-02-30' }),
        feature('A', [ok], { valid_to: '2089-01-01' }),
        feature('B', [ok], { name: 7 }),
      ]),
    ).toEqual([
      'features[0].properties: jurisdiction, chamber, district and valid_from are required',
      'features[1].properties.jurisdiction: "Texas" is not an OCD division or jurisdiction id',
      'features[2].properties.chamber: "House" must be a lower-case word such as upper or lower',
      'features[3].properties.district: is required',
      'features[4].properties.valid_from: must be a date YYYY-MM-DD, got "2090-02-30"',
      'features[5].properties.valid_to: must be after valid_from (valid_to is the first day it no longer applies)',
    ]);
  });

  it('names each bad geometry by feature index and coordinate path', () => {
    const ok = square(0, 0, 1, 1);
    expect(
      problemsOf([
        feature('A', [ok], {}, 'Point'),
        feature('B', [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ]),
        feature('C', [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ]),
        feature('D', [
          [
            [0, 0],
            [190, 0],
            [1, 1],
            [0, 0],
          ],
        ]),
        feature('E', [
          [
            [0, 0],
            [1, 95],
            [1, 1],
            [0, 0],
          ],
        ]),
        feature('F', [
          [
            [0, 0],
            ['1', 0],
            [1, 1],
            [0, 0],
          ],
        ]),
        feature('G', [], {}, 'MultiPolygon'),
        { type: 'Feature', properties: feature('H', []).properties, geometry: null },
        feature('A', [ok]),
        feature('A', [ok]),
      ]),
    ).toEqual([
      'features[0].geometry.type: must be Polygon or MultiPolygon, got "Point"',
      'features[1].geometry.coordinates[0]: the ring is not closed (its last position must repeat the first)',
      'features[2].geometry.coordinates[0]: a ring needs at least 4 positions, got 3',
      'features[3].geometry.coordinates[0][1]: longitude 190 is outside -180..180',
      'features[4].geometry.coordinates[0][1]: latitude 95 is outside -90..90 (are longitude and latitude swapped?)',
      'features[5].geometry.coordinates[0][1]: a position must be [longitude, latitude] numbers',
      'features[6].geometry.coordinates: a MultiPolygon must be a non-empty array of polygons',
      'features[7].geometry: a Polygon or MultiPolygon geometry is required',
      'features[9].properties.district: "A" (lower) is already features[8] for the same dates',
    ]);
  });
});
