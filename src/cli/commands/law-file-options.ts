/** Shared by the file-import commands (`laws import`, `demo`): the line saying what an analysis stored. */
import { machineLabel } from '../../core/analyzer/review.ts';
import type { AnalysisResult } from '../../services/suggestions.ts';

/** One line saying what an analysis stored, with the label its suggestions carry. */
export function analysisLine(a: AnalysisResult): string {
  return (
    `analyzer ${a.analyzerVersion}: ${a.created} new, ${a.replaced} replaced, ${a.unchanged} unchanged, ` +
    `${a.kept} already reviewed suggestions (${machineLabel}); ${a.dropped} non-verbatim quotes dropped`
  );
}
