/**
 * Stable names for provisions on public pages. Policy: a provision's identity across versions is its
 * canonical citation (as in diff.ts), so its key is derived from the citation alone: lowercased, `§` read as
 * `s`, every run of other characters than letters and digits turned into one `-`, prefixed with `p-` (so a
 * key never collides with another id on the page or with a fixed path such as `changes`). The same citation
 * gives the same key in every version, so `/law/<document>/<key>` and `#<key>` stay valid as the law changes.
 * Two citations of one version that give the same key (`s. 1(1)` and `s. 1.1`) are told apart by a `-2`,
 * `-3`… suffix in document order.
 */

/** The key of one citation, without the de-duplication `provisionKeys` adds. */
export function provisionKey(citation: string): string {
  const slug = citation
    .normalize('NFKC')
    .toLowerCase()
    .replace(/§/g, 's')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return `p-${slug || 'provision'}`;
}

/** The keys of a version's provisions (document order), unique within the version. */
export function provisionKeys(citations: readonly string[]): string[] {
  const used = new Set<string>();
  return citations.map((citation) => {
    const base = provisionKey(citation);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}

/** True for a string shaped like a provision key (what a URL segment must be before it is looked up). */
export function isProvisionKey(value: string): boolean {
  return /^p-[\p{L}\p{N}-]{1,130}$/u.test(value);
}
