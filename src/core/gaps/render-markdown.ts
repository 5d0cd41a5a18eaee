/**
 * The gap report as Markdown, for people. Policy: text that comes from the coded data (names, citations,
 * quotes) is escaped so it can never open a link, a heading, a table cell or HTML; quotes are shown verbatim
 * as block quotes. Points are shown to one decimal; the JSON keeps them unrounded.
 */
import type { ResolvedRecommendation } from '../recommendations/types.ts';
import type { Exemplar, GapReport, GapStandard } from './gap-report.ts';

/** Escapes Markdown and HTML metacharacters so data prints as plain text; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()<>#+\-.!|~&])/g, '\\$1');
}

const pts = (n: number) => n.toFixed(1);

function standardLine(s: GapStandard): string {
  const verify = s.verify ? ' (to be verified)' : '';
  return `${escapeMarkdown(s.instrumentName)}: ${escapeMarkdown(s.citation)}${verify}`;
}

function exemplarLines(e: Exemplar): string[] {
  const until = e.validTo ? ` to ${e.validTo}` : '';
  const lines = [
    `- ${escapeMarkdown(e.jurisdictionName)} (answered ${escapeMarkdown(e.value)}, from ${e.validFrom}${until})`,
  ];
  for (const c of e.citations) {
    lines.push(`  - ${escapeMarkdown(c.citation)}`);
    if (c.quote) lines.push(`    > ${escapeMarkdown(c.quote)}`);
  }
  return lines;
}

function recommendationLines(rec: ResolvedRecommendation): string[] {
  const fallback = rec.fallback ? ', in English: none in this language yet' : '';
  const lines = [`Recommendation (version ${rec.version}${fallback}): ${escapeMarkdown(rec.text)}`];
  if (rec.modelLanguage) lines.push('', 'Model language:', '', `> ${escapeMarkdown(rec.modelLanguage)}`);
  return lines;
}

/** Renders a gap report as Markdown (pure). */
export function renderGapReportMarkdown(r: GapReport): string {
  const out: string[] = [];
  out.push(`# Gaps in the law of ${escapeMarkdown(r.jurisdictionName)}`, '');
  out.push(
    `${escapeMarkdown(r.jurisdictionId)}, as of ${r.asOf}, counting ${r.include} answers; framework ` +
      `${escapeMarkdown(r.frameworkId)} version ${r.frameworkVersion} (${r.method}).`,
    '',
  );
  const total = r.totalRounded === null ? 'no score yet' : `score ${r.totalRounded.toFixed(1)} of 100`;
  out.push(
    `${total}; ${r.coverage.scored} of ${r.coverage.applicable} applicable indicators coded; ` +
      `${r.gaps.length} gaps worth ${pts(r.pointsAvailable)} points.`,
    '',
  );
  out.push('## Gaps, by points available', '');
  if (r.gaps.length === 0) out.push('No coded indicator falls short of full marks.', '');
  r.gaps.forEach((g, i) => {
    out.push(`### ${i + 1}. ${g.indicatorId} (${g.status}, ${pts(g.pointsAvailable)} points)`, '');
    out.push(escapeMarkdown(g.question), '');
    out.push(`- Missing: ${escapeMarkdown(g.missing)}`);
    out.push(`- Weight ${g.weight}, worth ${pts(g.maxPoints)} points of the total`);
    for (const c of g.citations) out.push(`- Current law: ${escapeMarkdown(c.citation)}`);
    out.push(`- Standards: ${g.standards.map(standardLine).join('; ') || 'none listed'}`, '');
    if (g.recommendation) out.push(...recommendationLines(g.recommendation), '');
    if (g.exemplars.length) {
      out.push('Jurisdictions that meet it:', '', ...g.exemplars.flatMap(exemplarLines), '');
    } else {
      out.push('No other coded jurisdiction meets it yet.', '');
    }
  });
  out.push('## Not coded yet', '');
  if (r.notCoded.length === 0) out.push('Every applicable indicator is coded.', '');
  for (const n of r.notCoded) {
    out.push(`- ${n.indicatorId} (weight ${n.weight}): ${escapeMarkdown(n.question)}`);
  }
  if (r.notCoded.length) out.push('');
  if (!r.gaps.some((g) => g.recommendation)) {
    out.push('Recommendations written by organizations are not part of this report yet.', '');
  }
  return out.join('\n');
}
