/**
 * Stored people by (jurisdiction, name), for linking names in imported bills and votes to people: each person
 * under every jurisdiction they have a seat in (or are filed under), by their name and other names.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { fromJson } from './util.ts';

/** The look-up key of a name in a jurisdiction: case, dots and runs of spaces ignored. */
export function nameKey(jurisdiction: string, name: string): string {
  return `${jurisdiction}\u0000${name.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim()}`;
}

/** Every stored person id, and the ids of the people each (jurisdiction, name) key names. */
export async function peopleByName(
  db: Kysely<Database>,
): Promise<{ known: Set<string>; byName: Map<string, Set<string>> }> {
  const people = await db
    .selectFrom('people')
    .select(['id', 'name', 'jurisdiction_id', 'other_names_json'])
    .execute();
  const roles = await db.selectFrom('person_roles').select(['person_id', 'jurisdiction_id']).execute();
  const jurisdictions = new Map<string, Set<string>>();
  for (const p of people) jurisdictions.set(p.id, new Set(p.jurisdiction_id ? [p.jurisdiction_id] : []));
  for (const r of roles) if (r.jurisdiction_id) jurisdictions.get(r.person_id)?.add(r.jurisdiction_id);
  const byName = new Map<string, Set<string>>();
  for (const p of people) {
    for (const j of jurisdictions.get(p.id) ?? []) {
      for (const name of [p.name, ...fromJson<string[]>(p.other_names_json)]) {
        const k = nameKey(j, name);
        byName.set(k, (byName.get(k) ?? new Set()).add(p.id));
      }
    }
  }
  return { known: new Set(people.map((p) => p.id)), byName };
}
