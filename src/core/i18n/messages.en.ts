/** English interface text (the source language). */
export const en = {
  'site.name': 'lawgap',
  'site.tagline': 'Change the law that fails trafficking survivors.',
  'landing.intro':
    'lawgap helps advocates, legislative staff, researchers and survivor-led groups know the anti-trafficking law of every jurisdiction, measure it against an open framework of international standards, find the gaps, and track the bills that would close them.',
  'landing.loop.know': 'Know the law: statutes split into provisions, with citations and effective dates.',
  'landing.loop.measure':
    'Measure it: 66 indicators from the Palermo Protocol, the UNODC Model Law, the Council of Europe Convention, ILO P029 and the TVPA minimum standards.',
  'landing.loop.gaps':
    'Find the gaps: transparent, reproducible scores with the evidence behind every answer.',
  'landing.loop.close': 'Close them: track bills, run campaigns, and measure the outcome.',
  'landing.signin': 'Sign in to the workspace',
  'landing.api': 'API reference',
  'landing.framework': 'Browse the indicator framework',
  'nav.language': 'Language',
  'nav.skip': 'Skip to main content',
  'docs.title': 'lawgap API reference',
  'docs.intro':
    'Every route of the lawgap API, generated from the same schemas that validate requests. Machine-readable:',
  'docs.access': 'Access',
  'docs.access.public': 'public',
  'docs.access.authenticated': 'any signed-in user or token',
  'docs.request': 'Request body',
  'docs.response': 'Response',
  'docs.parameters': 'Parameters',
} as const;
