/**
 * Matching us-atlas shapes to our jurisdictions. us-atlas identifies states by 2-digit FIPS codes, which we
 * do not store, so the match is made on names: the atlas's `properties.name` against our English names,
 * compared as sorted sets of significant words ("Virgin Islands, U.S." = "United States Virgin Islands").
 */

const filler = new Set(['the', 'of', 'commonwealth', 'united', 'states', 'u', 's']);

/** A comparison key for a state or territory name. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z]+/)
    .filter((w) => w && !filler.has(w))
    .sort()
    .join(' ');
}

/** Maps each atlas feature id (FIPS) to the jurisdiction of the same name; unmatched ids are left out. */
export function matchByName<J extends { name: { en: string } }>(
  features: ReadonlyArray<{ id?: string | number | undefined; properties: { name: string } | null }>,
  jurisdictions: readonly J[],
): Map<string, J> {
  const byKey = new Map(jurisdictions.map((j) => [nameKey(j.name.en), j] as const));
  const out = new Map<string, J>();
  for (const f of features) {
    if (f.id === undefined || !f.properties) continue;
    const j = byKey.get(nameKey(f.properties.name));
    if (j) out.set(String(f.id), j);
  }
  return out;
}
