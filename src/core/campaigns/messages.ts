/**
 * The messaging and evidence library of a campaign (issue 6, scope 3): facts that always carry their source,
 * talking points drafted from the gap report (what is missing, the standard it breaks, laws elsewhere that meet
 * it, with citations), and letter and call-script templates with fields filled per target. Pure.
 */
import { isIsoDate } from '../laws/intervals.ts';

export const messageKinds = ['talking_points', 'letter', 'call_script'] as const;
export type MessageKind = (typeof messageKinds)[number];

/** Fields a template may use, written `{{name}}`. */
export const templateFields = [
  'campaign.title',
  'campaign.summary',
  'organization.name',
  'jurisdiction.name',
  'bill.identifier',
  'bill.title',
  'target.name',
  'target.detail',
  'gaps',
] as const;
export type TemplateField = (typeof templateFields)[number];

export const messageLimits = {
  titleChars: 200,
  bodyChars: 20_000,
  statementChars: 2000,
  sourceChars: 500,
} as const;

export interface FieldProblem {
  field: string;
  message: string;
}

const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Problems with a template body: unknown fields (naming the allowed ones) and stray braces. */
export function checkTemplate(body: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (body.trim() === '') problems.push({ field: 'body', message: 'the text is empty' });
  if (body.length > messageLimits.bodyChars)
    problems.push({ field: 'body', message: `at most ${messageLimits.bodyChars} characters` });
  const unknown = new Set<string>();
  for (const m of body.matchAll(placeholder)) {
    if (!(templateFields as readonly string[]).includes(m[1] ?? '')) unknown.add(m[1] ?? '');
  }
  if (unknown.size > 0) {
    problems.push({
      field: 'body',
      message: `unknown field(s) ${[...unknown].map((u) => `{{${u}}}`).join(', ')}; use ${templateFields.map((f) => `{{${f}}}`).join(', ')}`,
    });
  }
  const rest = body.replace(placeholder, '');
  if (rest.includes('{{') || rest.includes('}}'))
    problems.push({ field: 'body', message: 'a {{ has no matching }} (or the other way round)' });
  return problems;
}

/** Fills a checked template; a field without a value is left visible as `[name]` so nothing is sent blank. */
export function renderTemplate(body: string, values: Partial<Record<TemplateField, string>>): string {
  return body.replace(placeholder, (_m, name: string) => {
    const v = values[name as TemplateField];
    return v !== undefined && v !== '' ? v : `[${name}]`;
  });
}

/** A fact of the evidence library. */
export interface FactInput {
  statement: string;
  source: string;
  sourceUrl: string | null;
  date: string;
  jurisdictionId: string | null;
}

/** Checks a fact: a statement, a source (always), a date, and an http(s) link when one is given. */
export function checkFact(f: FactInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.statement.trim() === '') problems.push({ field: 'statement', message: 'a fact needs a statement' });
  if (f.statement.length > messageLimits.statementChars)
    problems.push({ field: 'statement', message: `at most ${messageLimits.statementChars} characters` });
  if (f.source.trim() === '')
    problems.push({ field: 'source', message: 'every fact shows its source: name it' });
  if (f.source.length > messageLimits.sourceChars)
    problems.push({ field: 'source', message: `at most ${messageLimits.sourceChars} characters` });
  if (!isIsoDate(f.date)) problems.push({ field: 'date', message: 'must be a date YYYY-MM-DD' });
  if (f.sourceUrl !== null && !/^https?:\/\/[^\s]+$/i.test(f.sourceUrl))
    problems.push({ field: 'sourceUrl', message: 'must be an http(s) address' });
  return problems;
}

/** What talking points are drafted from: one gap of the jurisdiction's report (published answers). */
export interface TalkingPointGap {
  indicatorId: string;
  question: string;
  missing: string;
  standards: Array<{ instrumentName: string; citation: string }>;
  exemplars: Array<{
    jurisdictionName: string;
    citations: Array<{ citation: string; documentCitation?: string }>;
  }>;
  liveBills?: Array<{ identifier: string; title: string }>;
}

/**
 * Talking points for a gap, in plain text: the question, what is missing, the standards it breaks (with their
 * citations), and laws elsewhere that meet it (with their citations). Built only from the gap report, so every
 * legal statement carries the citation it rests on; editable afterwards.
 */
export function draftTalkingPoints(jurisdictionName: string, gap: TalkingPointGap): string {
  const lines = [`${gap.indicatorId}: ${gap.question}`, '', `- In ${jurisdictionName}: ${gap.missing}`];
  for (const s of gap.standards) lines.push(`- The standard: ${s.instrumentName}, ${s.citation}.`);
  for (const e of gap.exemplars) {
    const cites = e.citations.map((c) =>
      c.documentCitation ? `${c.documentCitation}, ${c.citation}` : c.citation,
    );
    lines.push(`- ${e.jurisdictionName} meets it: ${cites.join('; ') || 'citation on file'}.`);
  }
  for (const b of gap.liveBills ?? []) lines.push(`- ${b.identifier} (${b.title}) would address it.`);
  return lines.join('\n');
}
