/** Names of a few jurisdictions by OCD id, for pages that list ids from other data (laws, search hits). */
import type { LocalizedText } from '../../core/framework/types.ts';
import { useSession } from './session.tsx';
import { useLoad } from './use-action.ts';

/** Loads the names of the distinct ids; an id that cannot be loaded is simply absent from the map. */
export function useJurisdictionNames(ids: readonly string[]): Map<string, LocalizedText> {
  const { api } = useSession();
  const distinct = [...new Set(ids)].sort();
  const key = distinct.join('|');
  const loaded = useLoad(
    () =>
      Promise.all(
        distinct.map((id) =>
          api.jurisdiction(id).then(
            (j) => [id, j.name] as const,
            () => null,
          ),
        ),
      ),
    [api, key],
  );
  return new Map((loaded.data ?? []).filter((e) => e !== null));
}
