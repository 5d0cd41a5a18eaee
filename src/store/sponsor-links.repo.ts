/**
 * Links bill sponsorships to stored people. Sponsorships that carry an OCD person id already name the
 * person; the others (null person id: pseudo ids and name-only sponsors) are linked when their name matches
 * exactly one person of the bill's jurisdiction (own or any role's, by name or other name). Ambiguous names
 * stay unlinked, since a wrong link is worse than none.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { fromJson } from './util.ts';

/** What the linking step did. */
export interface SponsorLinkReport {
  /** Sponsorships whose stored person id names a stored person. */
  matchedById: number;
  /** Sponsorships linked now by name and jurisdiction. */
  linkedByName: number;
  /** Person sponsorships left without a person because two or more people share the name. */
  ambiguous: number;
}

function key(jurisdiction: string, name: string): string {
  return `${jurisdiction}\u0000${name.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim()}`;
}

/** Links unlinked person sponsorships by name and jurisdiction; counts those already linked by id. */
export async function linkSponsorships(db: Kysely<Database>): Promise<SponsorLinkReport> {
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
        const k = key(j, name);
        byName.set(k, (byName.get(k) ?? new Set()).add(p.id));
      }
    }
  }
  const known = new Set(people.map((p) => p.id));
  const rows = await db
    .selectFrom('bill_sponsorships as s')
    .innerJoin('bills as b', 'b.id', 's.bill_id')
    .select(['s.bill_id', 's.position', 's.name', 's.person_id', 'b.jurisdiction_id'])
    .where('s.entity_type', '=', 'person')
    .execute();
  const report: SponsorLinkReport = { matchedById: 0, linkedByName: 0, ambiguous: 0 };
  for (const s of rows) {
    if (s.person_id !== null) {
      if (known.has(s.person_id)) report.matchedById++;
      continue;
    }
    const found = byName.get(key(s.jurisdiction_id, s.name));
    if (!found) continue;
    if (found.size > 1) {
      report.ambiguous++;
      continue;
    }
    const [personId] = [...found];
    await db
      .updateTable('bill_sponsorships')
      .set({ person_id: personId ?? null })
      .where('bill_id', '=', s.bill_id)
      .where('position', '=', s.position)
      .execute();
    report.linkedByName++;
  }
  return report;
}
