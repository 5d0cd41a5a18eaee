/** Reading the indicator framework. Published versions are immutable, so they are cached once read. */
import { DomainError } from '../core/errors.ts';
import type { Framework, FrameworkSummary } from '../core/framework/types.ts';
import { getFrameworkVersion, listFrameworkVersions } from '../store/framework.repo.ts';
import type { ServiceContext } from './context.ts';

const cache = new WeakMap<object, Map<string, Framework>>();

/** Lists framework versions, newest first. */
export function listFrameworks(ctx: Pick<ServiceContext, 'db'>): Promise<FrameworkSummary[]> {
  return listFrameworkVersions(ctx.db);
}

/** The framework at a version (latest when omitted); throws FRAMEWORK_NOT_FOUND. */
export async function getFramework(ctx: Pick<ServiceContext, 'db'>, version?: number): Promise<Framework> {
  let perDb = cache.get(ctx.db);
  if (!perDb) {
    perDb = new Map();
    cache.set(ctx.db, perDb);
  }
  // "latest" may change when a new version is published, so only explicit versions are cached.
  const key = version === undefined ? null : String(version);
  const hit = key === null ? undefined : perDb.get(key);
  if (hit) return hit;
  const framework = await getFrameworkVersion(ctx.db, version);
  if (!framework) {
    throw new DomainError(
      'FRAMEWORK_NOT_FOUND',
      version === undefined ? 'no framework is loaded' : `framework version ${version} does not exist`,
    );
  }
  perDb.set(String(framework.version), framework);
  return framework;
}
