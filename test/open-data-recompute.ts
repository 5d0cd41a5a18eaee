/**
 * What a reader of the open-data codebook does: recompute each jurisdiction's total from answers.csv (area
 * score = Σ weight × value ÷ Σ weight over scored rows; total = Σ area score × share ÷ Σ counted share × 100,
 * rounded to one decimal), written apart from src/ so the tests check the file, not the code that wrote it.
 */
import { parseCsv } from '../src/core/csv.ts';

/** Recomputes each jurisdiction's total from the CSV text as the codebook says (independently of src/). */
export function totalsFromCsv(csv: string): Map<string, number> {
  const { records } = parseCsv(csv);
  const [header, ...rows] = records;
  const at = (name: string) => header?.cells.indexOf(name) ?? -1;
  const byJurisdiction = new Map<string, Map<string, { share: number; weight: number; earned: number }>>();
  for (const { cells } of rows) {
    if (cells[at('status')] !== 'scored') continue;
    const id = cells[at('jurisdiction_id')] ?? '';
    const areas = byJurisdiction.get(id) ?? new Map();
    byJurisdiction.set(id, areas);
    const areaId = cells[at('area_id')] ?? '';
    const area = areas.get(areaId) ?? { share: Number(cells[at('area_share')]), weight: 0, earned: 0 };
    area.weight += Number(cells[at('weight')]);
    area.earned += Number(cells[at('weight')]) * Number(cells[at('normalized_value')]);
    areas.set(areaId, area);
  }
  const totals = new Map<string, number>();
  for (const [id, areas] of byJurisdiction) {
    let sum = 0;
    let counted = 0;
    for (const a of areas.values()) {
      sum += (a.earned / a.weight) * a.share;
      counted += a.share;
    }
    totals.set(id, Math.round((sum / counted) * 100 * 10) / 10);
  }
  return totals;
}
