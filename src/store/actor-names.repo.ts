/**
 * The names behind actor labels (`user:<id>`, `token:<id>`, see core/auth/permissions.ts actorLabel), so a
 * history can say who rather than which id: a person's display name, an API token's name. System and public
 * actors, and ids that no longer exist, have no name here.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

function idsWith(labels: readonly string[], prefix: string): string[] {
  return [...new Set(labels.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length)))];
}

/** Maps each actor label that names a stored user or token to its name; others are absent from the map. */
export async function actorNames(
  db: Kysely<Database>,
  labels: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const userIds = idsWith(labels, 'user:');
  const tokenIds = idsWith(labels, 'token:');
  if (userIds.length) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', userIds)
      .execute();
    for (const r of rows) names.set(`user:${r.id}`, r.display_name);
  }
  if (tokenIds.length) {
    const rows = await db
      .selectFrom('api_tokens')
      .select(['id', 'name'])
      .where('id', 'in', tokenIds)
      .execute();
    for (const r of rows) names.set(`token:${r.id}`, r.name);
  }
  return names;
}
