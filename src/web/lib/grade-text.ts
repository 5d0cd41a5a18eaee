/**
 * How a grade is written in the score tables and map tooltips: a dash when there is no grade, and the
 * "capped" note only beside a grade (a missing grade has nothing to cap).
 */

/** A grade ready to show: its text and whether the capped note goes after it. */
export interface GradeText {
  grade: string;
  capped: boolean;
}

/** The grade's text ('—' when null) and whether to show it as capped by a negative-modifier finding. */
export function gradeText(grade: string | null, capped: boolean): GradeText {
  return { grade: grade ?? '—', capped: grade !== null && capped };
}

/** The grade as one plain string for places without markup (tooltips): "B", "B (capped)" or '—'. */
export function gradeLine(grade: string | null, capped: boolean, cappedNote: string): string {
  const shown = gradeText(grade, capped);
  return shown.capped ? `${shown.grade} ${cappedNote}` : shown.grade;
}
