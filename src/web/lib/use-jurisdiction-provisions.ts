/** The provisions of the laws in force in a few jurisdictions, for choosing and showing the evidence of a coding. */
import type { LawListing, Provision } from '../api/types.ts';
import { useSession } from './session.tsx';
import { useLoad } from './use-action.ts';

/** A provision with the document it belongs to. */
export interface ProvisionEntry {
  provision: Provision;
  document: LawListing['document'];
}

/** Loads every provision with text of the current version of each law of the jurisdictions, in document order. */
export function useJurisdictionProvisions(jurisdictionIds: readonly string[]): {
  byJurisdiction: Map<string, ProvisionEntry[]>;
  byId: Map<string, ProvisionEntry>;
} {
  const { api } = useSession();
  const distinct = [...new Set(jurisdictionIds)].sort();
  const loaded = useLoad(
    () =>
      Promise.all(
        distinct.map(async (jurisdiction) => {
          const laws = await api.laws({ jurisdiction });
          const texts = await Promise.all(laws.map((l) => api.lawVersion(l.document.id, l.version.id)));
          const entries = texts.flatMap((text) =>
            text.provisions
              .filter((p) => p.text)
              .map((provision) => ({ provision, document: text.document })),
          );
          return [jurisdiction, entries] as const;
        }),
      ),
    [api, distinct.join('|')],
  );
  const byJurisdiction = new Map(loaded.data ?? []);
  const byId = new Map([...byJurisdiction.values()].flat().map((e) => [e.provision.id, e]));
  return { byJurisdiction, byId };
}
