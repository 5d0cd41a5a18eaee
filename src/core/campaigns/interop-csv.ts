/**
 * A campaign as CSV tables (one per record type) with the data dictionary (interop-dictionary.ts) that
 * describes every column. Lists inside a cell (identifiers) are separated by `|`. Pure.
 */
import { csvCell } from '../export/dataset.ts';
import {
  type CampaignBundle,
  campaignTags,
  lawgapIdentifier,
  osdiOutreachType as osdiTypeOf,
  splitName,
} from './interop.ts';
import { columnsOf, dictionaryCsv } from './interop-dictionary.ts';

function table(file: string, rows: ReadonlyArray<ReadonlyArray<string | null>>): string {
  const lines = [columnsOf(file).join(',')];
  for (const row of rows) lines.push(row.map((v) => csvCell(v)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const list = (values: readonly string[]) => values.join('|');

/** The CSV files of a campaign plus `data-dictionary.csv`, as path → text. */
export function campaignToCsv(bundle: CampaignBundle): Record<string, string> {
  const files: Record<string, string> = {};
  files['campaigns.csv'] = table('campaigns.csv', [
    [
      list(bundle.identifiers),
      bundle.title,
      bundle.summary,
      bundle.status,
      bundle.jurisdictionId,
      bundle.startDate,
      bundle.endDate,
      list(bundle.bills.map((b) => `${b.session}/${b.identifier}`)),
      bundle.createdDate,
      bundle.modifiedDate,
    ],
  ]);
  files['targets.csv'] = table(
    'targets.csv',
    bundle.targets.map((t) => [list(t.identifiers), t.kind, t.personId, t.name, t.office]),
  );
  files['positions.csv'] = table(
    'positions.csv',
    bundle.targets.flatMap((t) =>
      t.positions.map((p) => [t.identifiers[0] ?? '', p.position, p.date, p.source, p.note]),
    ),
  );
  files['outreaches.csv'] = table(
    'outreaches.csv',
    bundle.outreaches.map((o) => [
      list(o.identifiers),
      o.targetIdentifier,
      o.kind,
      osdiTypeOf(o.kind),
      o.date,
      o.note,
    ]),
  );
  files['people.csv'] = table(
    'people.csv',
    bundle.targets.map((t) => {
      const { given, family } = splitName(t.name);
      return [list(t.identifiers), given, family, t.name, t.personId];
    }),
  );
  files['tags.csv'] = table(
    'tags.csv',
    campaignTags(bundle).map((name) => [lawgapIdentifier(`tag:${name}`), name]),
  );
  files['data-dictionary.csv'] = dictionaryCsv();
  return files;
}
