/** The OSDI and CSV readers against the writers: a bundle survives both round trips; bad input names its place. */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CampaignBundle } from '../../core/campaigns/interop.ts';
import { campaignToCsv } from '../../core/campaigns/interop-csv.ts';
import { campaignToOsdi } from '../../core/campaigns/osdi.ts';
import { readCampaignCsvZip } from '../campaign-csv.ts';
import { jsonPointer, readOsdiCampaign } from './advocacy-campaign.ts';

const bundle: CampaignBundle = {
  identifiers: ['lawgap:c1', 'action_network:x-1'],
  title: 'Invented campaign',
  summary: 'An invented summary, with "quotes", commas\nand a line break',
  status: 'active',
  jurisdictionId: 'ocd-division/country:us/state:tx',
  gaps: ['AA-01', 'AA-02'],
  bills: [{ identifiers: ['lawgap:b1'], session: '2091R', identifier: 'HB 1' }],
  startDate: '2091-01-01',
  endDate: null,
  createdDate: null,
  modifiedDate: null,
  targets: [
    {
      identifiers: ['lawgap:t1', 'crm:42'],
      kind: 'custom',
      personId: null,
      name: 'Clerk of Invented Affairs',
      office: 'Clerk',
      positions: [{ position: 'undecided', date: '2091-02-01', source: null, note: 'said | maybe' }],
    },
    {
      identifiers: ['lawgap:ocd-person/p1'],
      kind: 'person',
      personId: 'ocd-person/p1',
      name: 'Avery Quill',
      office: null,
      positions: [],
    },
  ],
  outreaches: [
    {
      identifiers: ['lawgap:o1'],
      targetIdentifier: 'lawgap:ocd-person/p1',
      kind: 'meeting',
      date: '2091-02-02',
      note: null,
    },
  ],
};

const csvZip = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([p, t]) => [p, new TextEncoder().encode(t)])));

describe('campaign readers', () => {
  it('reads back what the OSDI writer wrote', () => {
    const { read, problems } = readOsdiCampaign(JSON.stringify(campaignToOsdi(bundle, '/x')));
    expect(problems).toEqual([]);
    expect(read?.bundle).toEqual(bundle);
  });

  it('reads back what the CSV writer wrote (bill identifiers aside: the CSV names bills by session)', () => {
    const { read, problems } = readCampaignCsvZip('c.zip', csvZip(campaignToCsv(bundle)));
    expect(problems).toEqual([]);
    expect(read?.bundle).toEqual({ ...bundle, bills: [{ ...bundle.bills[0], identifiers: [] }] });
  });

  it('names the JSON pointer of each OSDI problem, all at once', () => {
    const doc = campaignToOsdi(bundle, '/x') as Record<string, unknown> & {
      targets: Array<Record<string, unknown>>;
    };
    doc.title = 7;
    doc.targets[0]!['lawgap:kind'] = 'boss';
    doc.identifiers = ['no colon'];
    const { read, problems } = readOsdiCampaign(JSON.stringify(doc));
    expect(read).toBeNull();
    expect(problems.map((p) => p.pointer)).toEqual(['/identifiers/0', '/title', '/targets/0/lawgap:kind']);
    expect(readOsdiCampaign('[]').problems[0]?.message).toContain('must be a JSON object');
    expect(readOsdiCampaign('{"_embedded":{"osdi:advocacy_campaigns":[]}}').problems[0]?.message).toContain(
      'collection',
    );
    expect(jsonPointer(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
  });

  it('names the file, row and column of each CSV problem', () => {
    const files = campaignToCsv(bundle);
    files['positions.csv'] = files['positions.csv']!.replace('undecided', 'maybe').replace(
      'lawgap:t1',
      'lawgap:nobody',
    );
    files['targets.csv'] = files['targets.csv']!.replace('identifiers,kind', 'identifiers,flavour');
    const { problems } = readCampaignCsvZip('c.zip', csvZip(files));
    expect(problems).toEqual([
      { file: 'targets.csv', row: 1, column: 'flavour', message: expect.stringContaining('unknown column') },
      { file: 'targets.csv', row: 1, column: 'kind', message: 'missing column' },
    ]);
    const fixed = campaignToCsv(bundle);
    fixed['positions.csv'] = fixed['positions.csv']!.replace('undecided', 'maybe').replace(
      'lawgap:t1',
      'lawgap:nobody',
    );
    expect(readCampaignCsvZip('c.zip', csvZip(fixed)).problems).toEqual([
      {
        file: 'positions.csv',
        row: 2,
        column: 'target_identifier',
        message: expect.stringContaining('no identifier of a target'),
      },
      {
        file: 'positions.csv',
        row: 2,
        column: 'position',
        message: expect.stringContaining('must be one of'),
      },
    ]);
  });
});
