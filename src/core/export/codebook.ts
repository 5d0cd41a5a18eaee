/**
 * The codebook that travels with the open dataset: every variable, every response value, every indicator with
 * its weight, area share and sources, built from the framework alone, so it is complete even when nothing is
 * coded. JSON for programs and Markdown for people.
 */
import type { Framework } from '../framework/types.ts';
import { datasetColumns, datasetFormat } from './dataset.ts';

/** What each dataset column holds. */
export const variableDescriptions: Record<(typeof datasetColumns)[number], string> = {
  answer_id: 'stable id of the coded answer (UUID)',
  jurisdiction_id: 'Open Civic Data division id of the jurisdiction',
  indicator_id: 'indicator id in the framework (see Indicators)',
  framework_id: 'framework id',
  framework_version: 'framework version number',
  value: 'answer code of the indicator’s response type, or NA (not applicable)',
  normalized_value: 'the code’s value from 0 to 1 (empty for NA)',
  valid_from: 'first day the answer applies (YYYY-MM-DD, inclusive)',
  valid_to: 'first day it no longer applies (YYYY-MM-DD, exclusive; empty when open-ended)',
  citations: 'cited provisions (document and provision citation), joined with " | "',
  quotes: 'verbatim quotes of the cited provisions, same order, joined with " | "',
};

/** The codebook as data. */
export interface Codebook {
  format: typeof datasetFormat;
  frameworkId: string;
  frameworkVersion: number;
  title: string;
  variables: Array<{ name: string; description: string }>;
  responseTypes: Array<{ id: string; label: string; values: Array<{ code: string; value: number }> }>;
  areas: Array<{ id: string; name: string; share: number; indicatorWeight: number }>;
  indicators: Array<{
    id: string;
    area: string;
    question: string;
    type: string;
    weight: number;
    /** weight ÷ Σ weight of the area × area share: the indicator's share of the total when all is coded. */
    shareOfTotal: number;
    level: string;
    sources: Array<{ instrument: string; instrumentName: string; citation: string }>;
  }>;
}

/** Builds the codebook of a framework (pure). */
export function buildCodebook(framework: Framework): Codebook {
  const areaWeight = new Map<string, number>();
  for (const i of framework.indicators) areaWeight.set(i.area, (areaWeight.get(i.area) ?? 0) + i.weight);
  const share = new Map(framework.areas.map((a) => [a.id, a.share]));
  return {
    format: datasetFormat,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    title: framework.title.en,
    variables: datasetColumns.map((name) => ({ name, description: variableDescriptions[name] })),
    responseTypes: Object.entries(framework.responseTypes).map(([id, t]) => ({
      id,
      label: t.label,
      values: Object.entries(t.values).map(([code, value]) => ({ code, value })),
    })),
    areas: framework.areas.map((a) => ({
      id: a.id,
      name: a.name.en,
      share: a.share,
      indicatorWeight: areaWeight.get(a.id) ?? 0,
    })),
    indicators: framework.indicators.map((i) => ({
      id: i.id,
      area: i.area,
      question: i.question.en,
      type: i.type,
      weight: i.weight,
      shareOfTotal: (i.weight / (areaWeight.get(i.area) ?? i.weight)) * (share.get(i.area) ?? 0),
      level: i.level,
      sources: i.sources.map((s) => ({
        instrument: s.instrument,
        instrumentName: framework.instruments[s.instrument]?.name ?? s.instrument,
        citation: s.citation,
      })),
    })),
  };
}

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/**
 * Why no row is a machine suggestion: the dataset holds coded answers only; analyzer suggestions live apart and
 * are exported only once a person has accepted one, which makes it a coded answer like any other.
 */
export const suggestionsNote =
  'Machine suggestions are not in this dataset. lawgap’s analyzer proposes answers ("machine-suggested, not reviewed"); they are stored apart from coded answers and appear here only after a person has accepted one, which creates a coded answer recording the analyzer version and who confirmed it (see each answer’s history).';

/** Renders the codebook as Markdown (pure). */
export function renderCodebookMarkdown(c: Codebook): string {
  const out = [
    `# Codebook: ${c.title} (${c.frameworkId} version ${c.frameworkVersion})`,
    '',
    `Dataset format \`${c.format}\`: one row per published answer (jurisdiction × indicator × validity interval).`,
    '',
    suggestionsNote,
    '',
    '## Variables',
    '',
    '| variable | meaning |',
    '| --- | --- |',
    ...c.variables.map((v) => `| \`${v.name}\` | ${cell(v.description)} |`),
    '',
    '## Response values',
    '',
    'Every indicator may also be answered `NA` (not applicable), which leaves it out of the score.',
    '',
    ...c.responseTypes.flatMap((t) => [
      `- \`${t.id}\` (${t.label}): ${t.values.map((v) => `\`${v.code}\` = ${v.value}`).join(', ')}`,
    ]),
    '',
    '## Areas',
    '',
    '| area | name | share of total | Σ indicator weight |',
    '| --- | --- | ---: | ---: |',
    ...c.areas.map((a) => `| ${a.id} | ${cell(a.name)} | ${a.share} | ${a.indicatorWeight} |`),
    '',
    '## Indicators',
    '',
    '| id | area | type | weight | share of total | level | question | sources |',
    '| --- | --- | --- | ---: | ---: | --- | --- | --- |',
    ...c.indicators.map(
      (i) =>
        `| ${i.id} | ${i.area} | ${i.type} | ${i.weight} | ${i.shareOfTotal.toFixed(3)} | ${i.level} | ${cell(i.question)} | ` +
        `${cell(i.sources.map((s) => `${s.instrumentName}: ${s.citation}`).join('; '))} |`,
    ),
    '',
  ];
  return out.join('\n');
}
