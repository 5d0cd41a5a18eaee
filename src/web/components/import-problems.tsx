/**
 * A refused file import (statistics tables, case records): every problem by row and column, never a cell's value
 * (the server never sends one), and how many more there were when the list was cut.
 */
import { ApiError } from '../api/client.ts';
import { useI18n } from '../lib/i18n.tsx';
import { ScrollTable } from './scroll-table.tsx';

export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
}

export interface RefusedImport {
  problems: ImportProblem[];
  total: number;
}

/** The problems of an import the server refused with `code`; null for any other error. */
export function refusedImport(err: unknown, code: string): RefusedImport | null {
  if (!(err instanceof ApiError) || err.code !== code) return null;
  const details = err.details as { problems?: ImportProblem[]; total?: number } | undefined;
  const problems = Array.isArray(details?.problems) ? details.problems : [];
  return { problems, total: details?.total ?? problems.length };
}

/** The problem table, worded with the screen's own messages (`app.cases.*` or `app.statistics.*`). */
export function ImportProblems({
  refused: { problems, total },
  screen,
}: {
  refused: RefusedImport;
  screen: 'app.cases' | 'app.statistics';
}) {
  const { t, locale } = useI18n();
  return (
    <div className="message message-error">
      <p>{t(`${screen}.problems`)}</p>
      <ScrollTable id={`${screen.slice(4)}-problems`} caption={t(`${screen}.problemsCaption`)}>
        <thead>
          <tr>
            <th scope="col">{t(`${screen}.problem.row`)}</th>
            <th scope="col">{t(`${screen}.problem.column`)}</th>
            <th scope="col">{t(`${screen}.problem.message`)}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr key={`${p.row}-${p.column}-${p.message}`}>
              <th scope="row">{p.row === 0 ? t(`${screen}.wholeFile`) : p.row}</th>
              <td>{p.column ?? t(`${screen}.wholeRow`)}</td>
              <td lang={locale === 'en' ? undefined : 'en'}>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {total > problems.length ? (
        <p>{t(`${screen}.problemsMore`, { count: total - problems.length })}</p>
      ) : null}
    </div>
  );
}
