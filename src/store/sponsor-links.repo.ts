/**
 * Links bill sponsorships to stored people. Sponsorships that carry an OCD person id already name the
 * person; the others (null person id: pseudo ids and name-only sponsors) are linked when their name matches
 * exactly one person of the bill's jurisdiction (own or any role's, by name or other name). Ambiguous names
 * stay unlinked, since a wrong link is worse than none.
 */
import type { Kysely } from 'kysely';
import { nameKey, peopleByName } from './people-index.repo.ts';
import type { Database } from './schema.ts';

/** What the linking step did. */
export interface SponsorLinkReport {
  /** Sponsorships whose stored person id names a stored person. */
  matchedById: number;
  /** Sponsorships linked now by name and jurisdiction. */
  linkedByName: number;
  /** Person sponsorships left without a person because two or more people share the name. */
  ambiguous: number;
}

/** Links unlinked person sponsorships by name and jurisdiction; counts those already linked by id. */
export async function linkSponsorships(db: Kysely<Database>): Promise<SponsorLinkReport> {
  const { known, byName } = await peopleByName(db);
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
    const found = byName.get(nameKey(s.jurisdiction_id, s.name));
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
