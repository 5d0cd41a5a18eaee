/** The indicator framework: versioned, immutable once published. Plain data, no IO. */
export type Locale = 'en' | 'es' | 'fr';
/** Text in one or more locales; English is always present. */
export type LocalizedText = { en: string } & Partial<Record<Exclude<Locale, 'en'>, string>>;

export const responseTypes = ['YPN', 'YN', 'G02'] as const;
export type ResponseType = (typeof responseTypes)[number];
export const levels = ['B', 'N', 'S'] as const;
/** B = any jurisdiction, N = national or federal only, S = mainly subnational. */
export type Level = (typeof levels)[number];

export interface ResponseTypeDef {
  label: string;
  /** Answer code -> normalized value 0..1. N/A is always allowed and removes the indicator from the denominator. */
  values: Record<string, number>;
}

export interface Instrument {
  name: string;
  /** True when the instrument is an external framework that a scorecard can be produced for. */
  crosswalk: boolean;
}

export interface IndicatorSource {
  instrument: string;
  citation: string;
  /** True when the reference marks the citation as needing verification before it is shown as settled. */
  verify?: boolean;
}

export interface Area {
  id: string;
  name: LocalizedText;
  /** Share of the total score, out of 100; the shares of a framework sum to exactly 100. */
  share: number;
}

export interface Indicator {
  id: string;
  area: string;
  question: LocalizedText;
  type: ResponseType;
  /** 1..3, where 3 marks a core obligation. */
  weight: number;
  level: Level;
  sources: IndicatorSource[];
}

export interface NegativeModifier {
  id: string;
  description: LocalizedText;
}

export interface Framework {
  id: string;
  version: number;
  title: LocalizedText;
  published: string;
  responseTypes: Record<ResponseType, ResponseTypeDef>;
  instruments: Record<string, Instrument>;
  areas: Area[];
  indicators: Indicator[];
  negativeModifiers: NegativeModifier[];
}

/** A framework version as listed, without its body. */
export interface FrameworkSummary {
  id: string;
  version: number;
  title: LocalizedText;
  published: string;
  indicatorCount: number;
}

/** The external frameworks an indicator maps to: its sources whose instrument is marked as a crosswalk. */
export function crosswalk(framework: Framework, indicator: Indicator): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const source of indicator.sources) {
    if (framework.instruments[source.instrument]?.crosswalk) {
      const list = out[source.instrument] ?? [];
      list.push(source.citation);
      out[source.instrument] = list;
    }
  }
  return out;
}
