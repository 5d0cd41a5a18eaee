/**
 * A grade in a score table: the letter, then a visible "(capped)" when a negative-modifier finding capped it,
 * with the reason spelled out for screen readers.
 */
import { gradeText } from '../lib/grade-text.ts';
import { useI18n } from '../lib/i18n.tsx';

/** Renders a grade ('—' when null) with its capped note. */
export function Grade({ grade, capped }: { grade: string | null; capped: boolean }) {
  const { t } = useI18n();
  const shown = gradeText(grade, capped);
  if (!shown.capped) return <>{shown.grade}</>;
  return (
    <>
      {shown.grade} <span className="grade-capped">{t('app.grade.capped')}</span>
      <span className="visually-hidden">{t('app.grade.cappedExplanation')}</span>
    </>
  );
}
