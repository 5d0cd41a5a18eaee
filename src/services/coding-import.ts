/**
 * Importing a coding spreadsheet (CSV, see core/coding/csv.ts). Policy: all or nothing. Every row is checked
 * (its shape first, then exactly as a single answer would be, including overlaps with the rows above it), every
 * problem is reported with its spreadsheet row number, and nothing is written unless every row passes.
 */
import { actorCan } from '../core/auth/permissions.ts';
import { type RowProblem, readCodingCsv } from '../core/coding/csv.ts';
import type { CodedAnswer } from '../core/coding/types.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import { createAnswerIn } from './coding.ts';
import type { ServiceContext } from './context.ts';

/** One row's problem, with the error code when the row failed a coding rule. */
export interface ImportRowProblem extends RowProblem {
  code?: string;
}

function importFailed(problems: ImportRowProblem[]): never {
  const shown = problems.slice(0, 5).map((p) => (p.row > 0 ? `row ${p.row}: ${p.message}` : p.message));
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  throw new DomainError('CODING_IMPORT_INVALID', `nothing was imported: ${shown.join('; ')}${more}`, {
    rows: problems,
  });
}

/** Imports every row of a coding CSV as a new answer, or none; throws CODING_IMPORT_INVALID listing each row's problems. */
export async function importCodingCsv(
  ctx: ServiceContext,
  text: string,
): Promise<{ created: CodedAnswer[] }> {
  if (!actorCan(ctx.actor, 'coding:write')) throw new DomainError('FORBIDDEN', 'you may not code answers');
  const { rows, problems } = readCodingCsv(text);
  if (problems.length) importFailed(problems);
  return ctx.db.transaction().execute(async (trx) => {
    const created: CodedAnswer[] = [];
    const failed: ImportRowProblem[] = [];
    for (const row of rows) {
      try {
        created.push(
          await createAnswerIn(
            { ...ctx, db: trx },
            {
              jurisdictionId: row.jurisdictionId,
              indicatorId: row.indicatorId,
              value: row.value,
              citations: [{ provisionId: row.provisionId, quote: row.quote }],
              ...(row.validFrom ? { validFrom: row.validFrom } : {}),
              ...(row.validTo ? { validTo: row.validTo } : {}),
              ...(row.note ? { cautionNote: row.note } : {}),
              ...(row.status ? { status: row.status } : {}),
            },
          ),
        );
      } catch (err) {
        // Coding rules fail before anything is written, so the transaction stays usable for the next row.
        if (!isDomainError(err) || err.kind === 'internal') throw err;
        failed.push({ row: row.row, code: err.code, message: err.message });
      }
    }
    if (failed.length) importFailed(failed);
    return { created };
  });
}
