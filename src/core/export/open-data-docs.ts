/**
 * The texts that travel with an open-data release: the codebook of the score sheet (every column with its type
 * and meaning, how to recompute a score, answer values, areas and every indicator's weight), the changelog
 * (derived from publication dates: what was published on each day, and what changed in the framework since
 * the previous version), the licence and how to cite. Pure; generated from the data, never written by hand.
 */
import type { Framework } from '../framework/types.ts';
import { gradeThresholds } from '../scoring/grades.ts';
import { buildCodebook } from './codebook.ts';
import { openAnswerColumns, openAnswersFormat } from './open-data.ts';

/** The licences a deployment may publish its dataset under (config `DATA_LICENSE`). */
export const dataLicenses = {
  'CC-BY-4.0': {
    name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    terms:
      'You may share and adapt the data for any purpose, provided you give appropriate credit (see how to cite), link to the licence and indicate if changes were made.',
  },
  'CC0-1.0': {
    name: 'Creative Commons Zero v1.0 Universal (CC0 1.0)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    terms:
      'The publisher waives all rights to the data worldwide; citing it is appreciated but not required.',
  },
  'ODbL-1.0': {
    name: 'Open Data Commons Open Database License (ODbL) v1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    terms:
      'You may share, create and adapt the database provided you attribute it, share adapted databases under the ODbL and keep them open.',
  },
} as const;

/** A licence id from the allowed list. */
export type DataLicenseId = keyof typeof dataLicenses;

/** Release facts the texts mention. */
export interface ReleaseInfo {
  framework: Pick<Framework, 'id' | 'version' | 'title' | 'published'>;
  asOf: string;
  /** The last publication date of anything in the release; null when nothing is published. */
  publishedOn: string | null;
  license: DataLicenseId;
  /** The release's stable URL, e.g. https://lawgap.example.org/data/1/. */
  url: string;
}

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The codebook of answers.csv as Markdown: columns, recomputation, answer values, areas, indicators. */
export function openCodebookMarkdown(framework: Framework, info: ReleaseInfo): string {
  const book = buildCodebook(framework);
  return [
    `# Codebook: ${book.title}, framework version ${book.frameworkVersion}`,
    '',
    `\`answers.csv\` (format \`${openAnswersFormat}\`): one row per indicator of every jurisdiction with a published answer valid on ${info.asOf}. RFC 4180 CSV, UTF-8, CRLF line ends. Only published answers are included.`,
    '',
    '## Columns',
    '',
    '| column | type | meaning |',
    '| --- | --- | --- |',
    ...openAnswerColumns.map(([name, type, meaning]) => `| \`${name}\` | ${type} | ${cell(meaning)} |`),
    '',
    '## Recomputing a score',
    '',
    '1. Take the rows of one `jurisdiction_id` whose `status` is `scored`.',
    '2. For each area: area score = Σ(`weight` × `normalized_value`) ÷ Σ `weight` over those rows of the area.',
    '3. Total = Σ(area score × `area_share`) ÷ Σ `area_share` of the areas with a scored row × 100.',
    '4. Round half up to one decimal: that is the published score. Equivalently, the total is Σ `points`.',
    '',
    `The grade follows from the rounded total (${gradeThresholds.map((g) => `${g.grade} ≥ ${g.min}`).join(', ')}, else F; see /methodology); a negative-modifier finding may cap the grade but never changes the total. Grades and caps are in \`dataset.json\`.`,
    '',
    '## Answer values',
    '',
    'Every indicator may also be answered `NA` (not applicable), which leaves it out of the score.',
    '',
    ...book.responseTypes.map(
      (t) => `- \`${t.id}\` (${t.label}): ${t.values.map((v) => `\`${v.code}\` = ${v.value}`).join(', ')}`,
    ),
    '',
    '## Areas',
    '',
    '| area | name | share of total |',
    '| --- | --- | ---: |',
    ...book.areas.map((a) => `| ${a.id} | ${cell(a.name)} | ${a.share} |`),
    '',
    '## Indicators',
    '',
    '| id | area | answer type | weight | level | question |',
    '| --- | --- | --- | ---: | --- | --- |',
    ...book.indicators.map(
      (i) => `| ${i.id} | ${i.area} | ${i.type} | ${i.weight} | ${i.level} | ${cell(i.question)} |`,
    ),
    '',
  ].join('\n');
}

/** A published answer as the changelog lists it. */
export interface ChangelogEntry {
  publishedOn: string;
  jurisdictionId: string;
  indicatorId: string;
  value: string;
}

function frameworkChanges(previous: Framework | null, current: Framework): string[] {
  if (!previous) return ['- First framework version.'];
  const before = new Map(previous.indicators.map((i) => [i.id, i] as const));
  const now = new Map(current.indicators.map((i) => [i.id, i] as const));
  const lines: string[] = [];
  for (const i of current.indicators) {
    const old = before.get(i.id);
    if (!old) lines.push(`- Indicator ${i.id} added (area ${i.area}, weight ${i.weight}).`);
    else if (old.weight !== i.weight || old.area !== i.area) {
      lines.push(`- Indicator ${i.id}: weight ${old.weight} → ${i.weight}, area ${old.area} → ${i.area}.`);
    }
  }
  for (const i of previous.indicators) if (!now.has(i.id)) lines.push(`- Indicator ${i.id} removed.`);
  const shares = new Map(previous.areas.map((a) => [a.id, a.share] as const));
  for (const a of current.areas) {
    if (shares.get(a.id) !== a.share)
      lines.push(`- Area ${a.id} share ${shares.get(a.id) ?? '–'} → ${a.share}.`);
  }
  return lines.length ? lines : ['- No change to indicators, weights or area shares.'];
}

/**
 * The changelog as Markdown: framework changes since the previous version, then the published answers grouped
 * by the day they were published, newest first (withdrawn answers are no longer listed).
 */
export function openChangelogMarkdown(
  info: ReleaseInfo,
  previous: Framework | null,
  current: Framework,
  entries: readonly ChangelogEntry[],
): string {
  const byDay = new Map<string, ChangelogEntry[]>();
  for (const e of [...entries].sort((a, b) => (a.publishedOn < b.publishedOn ? 1 : -1))) {
    const day = byDay.get(e.publishedOn) ?? [];
    day.push(e);
    byDay.set(e.publishedOn, day);
  }
  const days = [...byDay].flatMap(([day, list]) => [
    `### ${day}`,
    '',
    ...list
      .sort(
        (a, b) =>
          a.jurisdictionId.localeCompare(b.jurisdictionId) || a.indicatorId.localeCompare(b.indicatorId),
      )
      .map((e) => `- ${e.jurisdictionId} ${e.indicatorId} = ${e.value}`),
    '',
  ]);
  return [
    `# Changelog: framework version ${info.framework.version}`,
    '',
    `Release as of ${info.asOf}; last publication ${info.publishedOn ?? 'none'}.`,
    '',
    `## Framework changes since version ${previous ? previous.version : '–'}`,
    '',
    ...frameworkChanges(previous, current),
    '',
    '## Published answers, by publication date',
    '',
    ...(days.length ? days : ['Nothing published yet.', '']),
  ].join('\n');
}

/** How to cite the release (one paragraph, plain text). */
export function citationText(info: ReleaseInfo, publisher: string): string {
  return `${publisher}. ${info.framework.title.en}, framework version ${info.framework.version}: published answers and scores as of ${info.asOf} [data set]. ${dataLicenses[info.license].name}. ${info.url}`;
}

/** The LICENSE text of a release. */
export function licenseText(info: ReleaseInfo, publisher: string): string {
  const l = dataLicenses[info.license];
  return [
    `${info.framework.title.en}, framework version ${info.framework.version}: open data`,
    '',
    `Licence: ${l.name} (${info.license})`,
    l.url,
    '',
    l.terms,
    '',
    'How to cite:',
    citationText(info, publisher),
    '',
  ].join('\n');
}
