/** English interface text: law vs practice (published enforcement figures beside the indicators). */
export const enPractice = {
  'practice.title': 'Practice data — not part of the law score',
  'practice.intro':
    'Published enforcement figures that show how the law works in practice, beside the indicators they bear on. They are practice, not law: they never count in the score, grade or gaps above.',
  'practice.none': 'No published practice figures for this jurisdiction yet.',
  'practice.reason': 'Why it bears on the indicator: {reason}',
  'practice.lawAnswer': 'The law’s answer to {id}',
  'practice.chart': 'Practice data for {id}, by year: {measures}',
  'practice.table': 'Practice data for {id}: figures of the chart, each with its source',
  'practice.year': 'Year',
  'practice.measure': 'Measure',
  'practice.value': 'Value',
  'practice.count': 'Count',
  'practice.unit': 'Unit',
  'practice.unit.cases': 'cases',
  'practice.unit.persons': 'persons',
  'practice.source': 'Source',
  'practice.sourceDate': 'Source date',
  'practice.publishedBy': 'Published by',
  'practice.panel': 'Practice data (not part of the law score)',
  'practice.panelIntro':
    'Published enforcement figures beside the indicator you choose, for each jurisdiction. They never count in the scores above.',
  'practice.indicator': 'Indicator',
  'practice.case.series': 'Victims in case records (privacy-protected)',
  'practice.case.suppressed':
    'Derived from case records (HTCDS) published by this organization; counts below {k} are hidden and the rest rounded down to a multiple of {k}; no ε spent',
  'practice.case.noisy':
    'Derived from case records (HTCDS) published by this organization; random noise added (ε {epsilon} spent), then counts below {k} hidden and the rest rounded down to a multiple of {k}',
  'practice.noneFor': 'No published practice figures for {id}.',
} as const;
