/**
 * Framework citations checked against the treaty texts in the shared corpus: every Palermo Protocol, CETS 197
 * and ILO P029 citation must name an article (and first-level paragraph or item) that exists. The corpus is
 * read in place and never copied; only `treaties/` is used (`national/` and `states/` are a blind set).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinFrameworks } from '../src/core/framework/builtin.ts';
import { parseFramework } from '../src/core/framework/parse-framework.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, process.env.LAWGAP_CORPUS ?? '../shared/corpus');
const present = fs.existsSync(path.join(corpus, 'treaties'));
const required = process.env.REQUIRE_CORPUS === '1';
if (!present && !required) console.warn(`corpus not found at ${corpus}: skipping the citation checks`);

const treaties = [
  {
    instrument: 'palermo',
    prefix: /^Palermo\s+/,
    articleCount: 20,
    file: 'BWBV0001749-un-trafficking-in-persons-protocol-2000.md',
  },
  {
    instrument: 'coe-cets-197',
    prefix: /^CETS 197\s+/,
    articleCount: 47,
    file: 'BWBV0004138-coe-convention-action-against-trafficking-2005.md',
  },
  {
    instrument: 'ilo-p029',
    prefix: /^P029\s+/,
    articleCount: 12,
    file: 'BWBV0006447-ilo-p029-protocol-2014-forced-labour.md',
  },
] as const;

/** The English articles of a treaty file: article number -> the lines of its section. */
function articles(file: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let current: string[] | null = null;
  for (const line of fs.readFileSync(path.join(corpus, 'treaties', file), 'utf8').split('\n')) {
    // Articles are level-3 headings "### Article  5" (the Dutch text that follows uses "Artikel").
    const heading = /^###\s+Article\s+(\d+)\s*$/.exec(line);
    if (heading) {
      current = [];
      out.set(Number(heading[1]), current);
    } else if (/^###(?!#)/.test(line)) {
      current = null;
    } else {
      current?.push(line);
    }
  }
  return out;
}

/** Whether an article section has a numbered paragraph ("2.") or a lettered item ("c)"). */
function hasPart(section: string[], part: string): boolean {
  const pattern = /^\d+$/.test(part)
    ? new RegExp(`^\\s*${part}\\.\\s`)
    : new RegExp(`^\\s*\\(?${part}\\)\\s`);
  return section.some((line) => pattern.test(line));
}

/** Splits "art. 3(a), 5(1)" or "6(2), 6(3)(b)" or "3(c)–(d)" into article numbers and first-level parts. */
function references(citation: string): Array<{ article: number; parts: string[] } | { unreadable: string }> {
  return citation
    .replace(/^arts?\.\s*/, '')
    .split(/,\s*/)
    .map((item) => {
      const m = /^(\d+)(?:\(([0-9a-z]+)\))?(?:\([0-9a-z]+\))*(?:[–-]\(([0-9a-z]+)\))?$/.exec(item.trim());
      if (!m) return { unreadable: item };
      return { article: Number(m[1]), parts: [m[2], m[3]].filter((p): p is string => p !== undefined) };
    });
}

const framework = parseFramework(builtinFrameworks[0]);

describe.skipIf(!present && !required)('framework citations against the treaty texts', () => {
  it('finds the corpus', () => {
    expect(present, `corpus not found at ${corpus} (REQUIRE_CORPUS=1)`).toBe(true);
  });

  it.runIf(present).each(treaties)('every $instrument citation names an existing article', (treaty) => {
    const text = articles(treaty.file);
    expect([...text.keys()]).toEqual(Array.from({ length: treaty.articleCount }, (_, i) => i + 1));
    const problems: string[] = [];
    let checked = 0;
    for (const ind of framework.indicators) {
      for (const source of ind.sources.filter((s) => s.instrument === treaty.instrument)) {
        const where = `${ind.id} "${source.citation}"`;
        if (!treaty.prefix.test(source.citation)) {
          problems.push(`${where}: does not start like ${treaty.prefix}`);
          continue;
        }
        for (const ref of references(source.citation.replace(treaty.prefix, ''))) {
          checked++;
          if ('unreadable' in ref) {
            problems.push(`${where}: cannot read "${ref.unreadable}"`);
            continue;
          }
          const section = text.get(ref.article);
          if (!section) {
            problems.push(`${where}: no article ${ref.article}`);
            continue;
          }
          for (const part of ref.parts) {
            if (!hasPart(section, part))
              problems.push(`${where}: article ${ref.article} has no part (${part})`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it.runIf(present)('notices a citation that does not exist', () => {
    const palermo = articles(treaties[0].file);
    expect(references('art. 6(7), 21')).toEqual([
      { article: 6, parts: ['7'] },
      { article: 21, parts: [] },
    ]);
    expect(hasPart(palermo.get(6) ?? [], '6')).toBe(true);
    expect(hasPart(palermo.get(6) ?? [], '7')).toBe(false);
    expect(hasPart(palermo.get(3) ?? [], 'd')).toBe(true);
    expect(hasPart(palermo.get(3) ?? [], 'e')).toBe(false);
    expect(palermo.has(21)).toBe(false);
    expect(references('art. 3 bis')).toEqual([{ unreadable: '3 bis' }]);
  });
});
