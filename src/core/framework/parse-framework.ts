/**
 * Validation of a framework file. A framework is legal measurement, so a malformed file is refused whole,
 * with a message that names the indicator (or area) and the field at fault, never partially loaded.
 */
import { DomainError } from '../errors.ts';
import {
  type Area,
  type Framework,
  type Indicator,
  type IndicatorSource,
  type Instrument,
  type Level,
  type LocalizedText,
  levels,
  type NegativeModifier,
  type ResponseType,
  type ResponseTypeDef,
  responseTypes,
} from './types.ts';

type Obj = Record<string, unknown>;

function fail(where: string, field: string, problem: string): never {
  throw new DomainError('FRAMEWORK_INVALID', `framework: ${where}: field "${field}" ${problem}`, {
    where,
    field,
  });
}

function obj(value: unknown, where: string, field: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(where, field, 'must be an object');
  return value as Obj;
}

function str(o: Obj, where: string, field: string): string {
  const v = o[field];
  if (typeof v !== 'string' || v.trim() === '') fail(where, field, 'must be a non-empty string');
  return v;
}

function text(o: Obj, where: string, field: string): LocalizedText {
  const t = obj(o[field], where, field);
  if (typeof t.en !== 'string' || t.en.trim() === '')
    fail(where, `${field}.en`, 'must be a non-empty string');
  const out: LocalizedText = { en: t.en };
  for (const loc of ['es', 'fr'] as const) {
    if (t[loc] !== undefined) {
      if (typeof t[loc] !== 'string') fail(where, `${field}.${loc}`, 'must be a string');
      out[loc] = t[loc] as string;
    }
  }
  return out;
}

function arr(o: Obj, where: string, field: string): unknown[] {
  const v = o[field];
  if (!Array.isArray(v)) fail(where, field, 'must be a list');
  return v;
}

function parseArea(raw: unknown, i: number): Area {
  const o = obj(raw, `area #${i + 1}`, 'area');
  const id = str(o, `area #${i + 1}`, 'id');
  const where = `area ${id}`;
  const share = o.share;
  if (typeof share !== 'number' || !Number.isInteger(share) || share <= 0 || share > 100) {
    fail(where, 'share', 'must be a whole number from 1 to 100');
  }
  return { id, name: text(o, where, 'name'), share };
}

function parseSource(raw: unknown, where: string, i: number, instruments: Record<string, Instrument>) {
  const field = `sources[${i}]`;
  const o = obj(raw, where, field);
  const { instrument, citation, verify } = o;
  if (typeof instrument !== 'string' || !instruments[instrument]) {
    fail(where, `${field}.instrument`, `names unknown instrument "${String(instrument)}"`);
  }
  if (typeof citation !== 'string' || citation.trim() === '') {
    fail(where, `${field}.citation`, 'must be a non-empty string');
  }
  if (verify !== undefined && typeof verify !== 'boolean')
    fail(where, `${field}.verify`, 'must be true or false');
  const source: IndicatorSource = { instrument, citation };
  if (verify) source.verify = true;
  return source;
}

function parseIndicator(
  raw: unknown,
  i: number,
  areaIds: Set<string>,
  instruments: Record<string, Instrument>,
): Indicator {
  const o = obj(raw, `indicator #${i + 1}`, 'indicator');
  const id = str(o, `indicator #${i + 1}`, 'id');
  const where = `indicator ${id}`;
  if (!/^[A-Z]{2}-\d{2}$/.test(id)) fail(where, 'id', 'must look like "CR-01"');
  const area = str(o, where, 'area');
  if (!areaIds.has(area)) fail(where, 'area', `names unknown area "${area}"`);
  if (!id.startsWith(`${area}-`)) fail(where, 'id', `must start with its area "${area}-"`);
  const type = o.type;
  if (typeof type !== 'string' || !(responseTypes as readonly string[]).includes(type)) {
    fail(where, 'type', `must be one of ${responseTypes.join(', ')}`);
  }
  const weight = o.weight;
  if (typeof weight !== 'number' || ![1, 2, 3].includes(weight)) fail(where, 'weight', 'must be 1, 2 or 3');
  const level = o.level;
  if (typeof level !== 'string' || !(levels as readonly string[]).includes(level)) {
    fail(where, 'level', `must be one of ${levels.join(', ')}`);
  }
  const rawSources = arr(o, where, 'sources');
  if (rawSources.length === 0) fail(where, 'sources', 'must cite at least one source');
  const sources = rawSources.map((s, j) => parseSource(s, where, j, instruments));
  return {
    id,
    area,
    question: text(o, where, 'question'),
    type: type as ResponseType,
    weight,
    level: level as Level,
    sources,
  };
}

function parseResponseTypes(o: Obj): Record<ResponseType, ResponseTypeDef> {
  const rt = obj(o.responseTypes, 'framework', 'responseTypes');
  const out = {} as Record<ResponseType, ResponseTypeDef>;
  for (const t of responseTypes) {
    const def = obj(rt[t], `response type ${t}`, t);
    const values = obj(def.values, `response type ${t}`, 'values');
    for (const [code, v] of Object.entries(values)) {
      if (typeof v !== 'number' || v < 0 || v > 1)
        fail(`response type ${t}`, `values.${code}`, 'must be 0..1');
    }
    out[t] = { label: str(def, `response type ${t}`, 'label'), values: values as Record<string, number> };
  }
  return out;
}

function parseInstruments(o: Obj): Record<string, Instrument> {
  const raw = obj(o.instruments, 'framework', 'instruments');
  const out: Record<string, Instrument> = {};
  for (const [key, value] of Object.entries(raw)) {
    const inst = obj(value, `instrument ${key}`, key);
    if (typeof inst.crosswalk !== 'boolean') fail(`instrument ${key}`, 'crosswalk', 'must be true or false');
    out[key] = { name: str(inst, `instrument ${key}`, 'name'), crosswalk: inst.crosswalk };
  }
  return out;
}

function unique<T extends { id: string }>(items: T[], kind: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) fail(`${kind} ${item.id}`, 'id', 'is not unique');
    seen.add(item.id);
  }
}

/** Parses and validates a framework file; throws FRAMEWORK_INVALID naming the indicator and field at fault. */
export function parseFramework(raw: unknown): Framework {
  const o = obj(raw, 'framework', 'root');
  const id = str(o, 'framework', 'id');
  const version = o.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail('framework', 'version', 'must be a whole number from 1');
  }
  const published = str(o, 'framework', 'published');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published)) fail('framework', 'published', 'must be a date YYYY-MM-DD');
  const instruments = parseInstruments(o);
  const areas = arr(o, 'framework', 'areas').map(parseArea);
  unique(areas, 'area');
  const total = areas.reduce((sum, a) => sum + a.share, 0);
  if (total !== 100) fail('framework', 'areas[].share', `must sum to exactly 100 (they sum to ${total})`);
  const areaIds = new Set(areas.map((a) => a.id));
  const indicators = arr(o, 'framework', 'indicators').map((x, i) =>
    parseIndicator(x, i, areaIds, instruments),
  );
  unique(indicators, 'indicator');
  for (const area of areas) {
    if (!indicators.some((ind) => ind.area === area.id)) fail(`area ${area.id}`, 'indicators', 'has none');
  }
  const negativeModifiers: NegativeModifier[] = arr(o, 'framework', 'negativeModifiers').map((x, i) => {
    const n = obj(x, `negative modifier #${i + 1}`, 'negativeModifiers');
    const nid = str(n, `negative modifier #${i + 1}`, 'id');
    return { id: nid, description: text(n, `negative modifier ${nid}`, 'description') };
  });
  unique(negativeModifiers, 'negative modifier');
  return {
    id,
    version,
    title: text(o, 'framework', 'title'),
    published,
    responseTypes: parseResponseTypes(o),
    instruments,
    areas,
    indicators,
    negativeModifiers,
  };
}
