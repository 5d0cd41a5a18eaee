/** Looks up what the search's indicator filter names. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Whether any framework version has an indicator with this id. */
export async function indicatorExists(db: Kysely<Database>, indicatorId: string): Promise<boolean> {
  const row = await db
    .selectFrom('framework_indicators')
    .select('id')
    .where('id', '=', indicatorId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
