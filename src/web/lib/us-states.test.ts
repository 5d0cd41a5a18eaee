import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'us-atlas/states-10m.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { builtinJurisdictions } from '../../ingest/iso-jurisdictions.ts';
import { matchByName, nameKey } from './us-states.ts';

const topology = atlas as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
const features = feature(topology, topology.objects.states).features;
const usDivisions = builtinJurisdictions().filter((j) => j.parentId === 'ocd-division/country:us');

describe('matching us-atlas states to our jurisdictions by name', () => {
  it('treats word order, punctuation and "United States"/"Commonwealth of the" as the same name', () => {
    expect(nameKey('Virgin Islands, U.S.')).toBe(nameKey('United States Virgin Islands'));
    expect(nameKey('Commonwealth of the Northern Mariana Islands')).toBe(nameKey('Northern Mariana Islands'));
    expect(nameKey('West Virginia')).not.toBe(nameKey('Virginia'));
  });

  it('matches every atlas shape to a distinct jurisdiction', () => {
    const matched = matchByName(features, usDivisions);
    expect(matched.size).toBe(features.length);
    expect(new Set([...matched.values()].map((j) => j.id)).size).toBe(features.length);
    expect(matched.get('48')?.id).toBe('ocd-division/country:us/state:tx');
    expect(matched.get('11')?.id).toBe('ocd-division/country:us/district:dc');
    expect(matched.get('78')?.isoCode).toBe('US-VI');
  });
});
