/**
 * The data dictionary of the campaign CSV export: the single description of every column. The zip ships it as
 * `data-dictionary.csv`, docs/campaign-data-dictionary.md is made from it (`dictionaryMarkdown`, checked by the
 * interop test), and the reader in ingest/campaign-csv.ts checks the headers against it. Pure.
 */
import { csvCell } from '../export/dataset.ts';

/** One column of one file. */
export interface DictionaryColumn {
  file: string;
  column: string;
  type: string;
  required: boolean;
  meaning: string;
  example: string;
}

const ids = (meaning: string, example: string) => ({ type: 'identifier list', meaning, example });

/** Every column of the CSV export, file by file, in the order written. */
export const campaignDictionary: readonly DictionaryColumn[] = [
  {
    file: 'campaigns.csv',
    column: 'identifiers',
    required: true,
    ...ids(
      "The campaign's identifiers, `lawgap:<id>` first, then other systems' (`system:id`), separated by `|`",
      'lawgap:01JD8Z|action_network:1efc3644',
    ),
  },
  {
    file: 'campaigns.csv',
    column: 'title',
    type: 'text (≤ 200)',
    required: true,
    meaning: "The campaign's title",
    example: 'Close the consent gap',
  },
  {
    file: 'campaigns.csv',
    column: 'description',
    type: 'text (≤ 5000)',
    required: false,
    meaning: "The campaign's summary",
    example: 'Pass HB 77 this session',
  },
  {
    file: 'campaigns.csv',
    column: 'status',
    type: 'planning, active, paused, won or lost',
    required: true,
    meaning: 'Where the campaign stands',
    example: 'active',
  },
  {
    file: 'campaigns.csv',
    column: 'jurisdiction_id',
    type: 'OCD division id',
    required: true,
    meaning: 'The jurisdiction whose law the campaign means to change',
    example: 'ocd-division/country:us/state:tx',
  },
  {
    file: 'campaigns.csv',
    column: 'start_date',
    type: 'date YYYY-MM-DD',
    required: false,
    meaning: 'When the campaign starts',
    example: '2091-01-15',
  },
  {
    file: 'campaigns.csv',
    column: 'end_date',
    type: 'date YYYY-MM-DD',
    required: false,
    meaning: 'When it ends (not before the start)',
    example: '2091-06-30',
  },
  {
    file: 'campaigns.csv',
    column: 'bills',
    type: 'list of session/identifier',
    required: false,
    meaning:
      "The campaign's bills, each as `<session>/<bill identifier>`, separated by `|`; each must be an imported bill of the jurisdiction",
    example: '2091R/HB 77',
  },
  {
    file: 'campaigns.csv',
    column: 'created_date',
    type: 'timestamp',
    required: false,
    meaning: 'When the campaign was created (ignored on import)',
    example: '2091-01-10T09:00:00.000Z',
  },
  {
    file: 'campaigns.csv',
    column: 'modified_date',
    type: 'timestamp',
    required: false,
    meaning: 'When it last changed (ignored on import)',
    example: '2091-02-01T09:00:00.000Z',
  },
  {
    file: 'targets.csv',
    column: 'identifiers',
    required: true,
    ...ids(
      "The target's identifiers: `lawgap:<custom target id>` or `lawgap:<OCD person id>`, then other systems'",
      'lawgap:ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30',
    ),
  },
  {
    file: 'targets.csv',
    column: 'kind',
    type: 'custom or person',
    required: true,
    meaning:
      '`custom`: a target the campaign added (an office, or an imported person); `person`: an imported person the campaign recorded a position or outreach for',
    example: 'person',
  },
  {
    file: 'targets.csv',
    column: 'ocdid',
    type: 'OCD person id',
    required: false,
    meaning: 'The imported person (required for kind person; must exist)',
    example: 'ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30',
  },
  {
    file: 'targets.csv',
    column: 'name',
    type: 'text (≤ 200)',
    required: true,
    meaning: "The target's full name (or the office's name)",
    example: 'Avery Quill',
  },
  {
    file: 'targets.csv',
    column: 'title',
    type: 'text',
    required: false,
    meaning: 'The office (OSDI target `title`)',
    example: 'Chair, Invented Affairs',
  },
  {
    file: 'positions.csv',
    column: 'target_identifier',
    type: 'identifier',
    required: true,
    meaning: 'One identifier of a target in targets.csv',
    example: 'lawgap:ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30',
  },
  {
    file: 'positions.csv',
    column: 'position',
    type: 'support, oppose, undecided or unknown',
    required: true,
    meaning: "The target's position on that date (the latest by date counts)",
    example: 'support',
  },
  {
    file: 'positions.csv',
    column: 'date',
    type: 'date YYYY-MM-DD',
    required: true,
    meaning: 'When the position was taken or learned',
    example: '2091-02-10',
  },
  {
    file: 'positions.csv',
    column: 'source',
    type: 'text',
    required: false,
    meaning: 'Where the position comes from',
    example: 'Floor speech',
  },
  {
    file: 'positions.csv',
    column: 'note',
    type: 'text',
    required: false,
    meaning: 'A note',
    example: 'Said so in committee',
  },
  {
    file: 'outreaches.csv',
    column: 'identifiers',
    required: true,
    ...ids("The outreach's identifiers, `lawgap:<interaction id>` first", 'lawgap:01JD9A'),
  },
  {
    file: 'outreaches.csv',
    column: 'target_identifier',
    type: 'identifier',
    required: true,
    meaning: 'One identifier of a target in targets.csv',
    example: 'lawgap:ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30',
  },
  {
    file: 'outreaches.csv',
    column: 'kind',
    type: 'meeting, call, letter, testimony, email or other',
    required: true,
    meaning: 'What the outreach was',
    example: 'meeting',
  },
  {
    file: 'outreaches.csv',
    column: 'type',
    type: 'OSDI outreach type',
    required: false,
    meaning:
      'The same as OSDI names it (in-person, phone, postal mail, email, testimony, other; ignored on import)',
    example: 'in-person',
  },
  {
    file: 'outreaches.csv',
    column: 'action_date',
    type: 'date YYYY-MM-DD',
    required: true,
    meaning: 'When it happened',
    example: '2091-02-12',
  },
  {
    file: 'outreaches.csv',
    column: 'message',
    type: 'text',
    required: false,
    meaning: 'The note recorded with it',
    example: 'Met the chief of staff',
  },
  {
    file: 'people.csv',
    column: 'identifiers',
    required: true,
    ...ids(
      'The same identifiers as the target (people are the targets; this file is for CRMs and is not read on import)',
      'lawgap:ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30',
    ),
  },
  {
    file: 'people.csv',
    column: 'given_name',
    type: 'text',
    required: false,
    meaning: 'All but the last word of the name',
    example: 'Avery',
  },
  {
    file: 'people.csv',
    column: 'family_name',
    type: 'text',
    required: false,
    meaning: 'The last word of the name',
    example: 'Quill',
  },
  {
    file: 'people.csv',
    column: 'name',
    type: 'text',
    required: true,
    meaning: 'The full name',
    example: 'Avery Quill',
  },
  {
    file: 'people.csv',
    column: 'ocdid',
    type: 'OCD person id',
    required: false,
    meaning: 'The imported person, if any',
    example: 'ocd-person/0f3a7c2e-5b1d-4e8a-9c6f-2d4b8e1a7f30',
  },
  {
    file: 'tags.csv',
    column: 'identifiers',
    required: true,
    ...ids("The tag's identifier, `lawgap:tag:<name>`", 'lawgap:tag:gap:CR-01'),
  },
  {
    file: 'tags.csv',
    column: 'name',
    type: '`gap:<indicator id>` or `status:<status>`',
    required: true,
    meaning:
      'A gap the campaign means to close (an indicator of the current framework), or its status; other tags are ignored on import',
    example: 'gap:CR-01',
  },
];

/** The CSV files of the export, in order. */
export const campaignCsvFiles = [
  'campaigns.csv',
  'targets.csv',
  'positions.csv',
  'outreaches.csv',
  'people.csv',
  'tags.csv',
] as const;

/** The columns of one file, in order. */
export function columnsOf(file: string): string[] {
  return campaignDictionary.filter((c) => c.file === file).map((c) => c.column);
}

/** The data dictionary as CSV (file, column, type, required, meaning, example). */
export function dictionaryCsv(): string {
  const lines = ['file,column,type,required,meaning,example'];
  for (const c of campaignDictionary)
    lines.push(
      [c.file, c.column, c.type, c.required ? 'yes' : 'no', c.meaning, c.example].map(csvCell).join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** The data dictionary as Markdown tables, one per file (the body of docs/campaign-data-dictionary.md). */
export function dictionaryMarkdown(): string {
  const out: string[] = [];
  for (const file of campaignCsvFiles) {
    out.push(
      `## ${file}`,
      '',
      '| column | type | required | meaning | example |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const c of campaignDictionary.filter((d) => d.file === file))
      out.push(
        `| \`${c.column}\` | ${c.type} | ${c.required ? 'yes' : 'no'} | ${c.meaning.replace(/\|/g, '\\|')} | \`${c.example.replace(/\|/g, '\\|')}\` |`,
      );
    out.push('');
  }
  return out.join('\n');
}
