/** The language of each cited provision, for marking quotes of the law with `lang` (the API's citations lack it). */
import { useSession } from './session.tsx';
import { useLoad } from './use-action.ts';

/**
 * Maps provision id → document language over the answers and law library of the given jurisdictions; a
 * provision whose document cannot be found is absent (its quote is then left unmarked).
 */
export function useProvisionLanguages(jurisdictionIds: readonly string[], asOf: string): Map<string, string> {
  const { api } = useSession();
  const distinct = [...new Set(jurisdictionIds)].filter(Boolean).sort();
  const key = distinct.join('|');
  const loaded = useLoad(async () => {
    const byProvision = new Map<string, string>();
    await Promise.all(
      distinct.map(async (jurisdiction) => {
        const [answers, laws] = await Promise.all([
          api.answers({ jurisdiction, ...(asOf ? { asOf } : {}) }),
          api.laws({ jurisdiction }),
        ]).catch(() => [[], []] as const);
        const byDocument = new Map(laws.map((l) => [l.document.id, l.document.language]));
        for (const a of answers)
          for (const c of a.citations) {
            const lang = byDocument.get(c.documentId);
            if (lang) byProvision.set(c.provisionId, lang);
          }
      }),
    );
    return byProvision;
  }, [api, key, asOf]);
  return loaded.data ?? new Map();
}
