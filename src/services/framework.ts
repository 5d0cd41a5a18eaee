/** Reading the indicator framework. Published versions are immutable, so they are cached once read. */
import { DomainError } from '../core/errors.ts';
import type { Framework, FrameworkSummary } from '../core/framework/types.ts';
import { getFrameworkVersion, listFrameworkVersions } from '../store/framework.repo.ts';
import type { ServiceContext } from './context.ts';

interface FrameworkCache {
  byVersion: Map<number, Framework>;
  latest: { version: number; checkedAt: number } | null;
}

const caches = new WeakMap<object, FrameworkCache>();
/** How long "the latest version" is trusted before asking the database again (a new version may be published). */
const latestTtlMs = 30_000;

function cacheFor(db: object): FrameworkCache {
  let c = caches.get(db);
  if (!c) {
    c = { byVersion: new Map(), latest: null };
    caches.set(db, c);
  }
  return c;
}

/** Lists framework versions, newest first. */
export function listFrameworks(ctx: Pick<ServiceContext, 'db'>): Promise<FrameworkSummary[]> {
  return listFrameworkVersions(ctx.db);
}

/**
 * The framework at a version (latest when omitted); throws FRAMEWORK_NOT_FOUND. A published version never
 * changes, so each is read once per database handle; which version is latest is re-checked every 30 s.
 */
export async function getFramework(
  ctx: Pick<ServiceContext, 'db'>,
  version?: number,
  now: number = Date.now(),
): Promise<Framework> {
  const c = cacheFor(ctx.db);
  const wanted =
    version ?? (c.latest && now - c.latest.checkedAt < latestTtlMs ? c.latest.version : undefined);
  const hit = wanted === undefined ? undefined : c.byVersion.get(wanted);
  if (hit) return hit;
  const framework = await getFrameworkVersion(ctx.db, wanted);
  if (!framework) {
    if (version === undefined) throw new DomainError('FRAMEWORK_NOT_FOUND', 'no framework is loaded');
    const known = (await listFrameworkVersions(ctx.db)).map((f) => f.version);
    throw new DomainError(
      'FRAMEWORK_NOT_FOUND',
      `framework version ${version} does not exist (known versions: ${known.join(', ') || 'none'})`,
      { version, known },
    );
  }
  c.byVersion.set(framework.version, framework);
  if (version === undefined) c.latest = { version: framework.version, checkedAt: now };
  return framework;
}
