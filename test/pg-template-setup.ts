/**
 * Vitest global setup: prepares one PostgreSQL database per run (migrated, with the built-in framework and
 * jurisdictions) that test databases are then copied from with `CREATE DATABASE … TEMPLATE`, which takes a
 * fraction of a second where migrating and loading each one took seconds. Dropped when the run ends; without
 * PostgreSQL it provides nothing and tests prepare their databases themselves (or skip, see engines.ts).
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/services/bootstrap.ts';
import { createStore } from '../src/store/db.ts';
import { adminQuery, adminUrl, postgresReachable } from './engines-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!(await postgresReachable())) {
    project.provide('pgTemplate', null);
    return async () => undefined;
  }
  const name = `lawgap_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = createStore({ databaseUrl: url.toString(), dataDir: ':memory:' });
  try {
    await prepareDatabase(store.db);
  } finally {
    await store.destroy();
  }
  project.provide('pgTemplate', name);
  return async () => {
    await adminQuery(`drop database if exists ${name} with (force)`);
  };
}
