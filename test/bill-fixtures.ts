/** What the bill, people, vote and event tests share: our invented fixture files and the ids they use. */
import fs from 'node:fs';
import path from 'node:path';

const fixtures = path.resolve(import.meta.dirname, 'fixtures');

/** A fixture under test/fixtures as an import file named by its relative path (or with the given text). */
export function fixtureFile(rel: string, content?: string): { name: string; content: string } {
  return { name: rel, content: content ?? fs.readFileSync(path.join(fixtures, rel), 'utf8') };
}

/** Texas, the jurisdiction of the Open States fixtures. */
export const tx = 'ocd-division/country:us/state:tx';
/** The OCD id of HB 4021 in bills/openstates/scrape-hb-4021.json. */
export const hb4021 = 'ocd-bill/6f0c3a52-1e7b-4c59-9d3e-2b8a41c7e901';
/** The import body of HB 4021 (Open States scrape), which the vote and event fixtures name. */
export const hb4021Import = {
  format: 'openstates' as const,
  files: [fixtureFile('bills/openstates/scrape-hb-4021.json')],
  jurisdiction: tx,
};
