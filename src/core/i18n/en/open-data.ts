/** English interface text: the portal's open-data page (/data). */
export const enOpenData = {
  'data.title': 'Open data',
  'data.home': 'Download the open data',
  'data.intro':
    'Download the published dataset: every published answer and score, with a codebook that explains every column and how to recompute each score. Only published answers are included; files are checked before they are offered.',
  'data.version': 'Framework version {version}: {title}',
  'data.counts': '{jurisdictions} jurisdictions with a published score, {rows} rows in answers.csv.',
  'data.col.file': 'File',
  'data.col.what': 'What it holds',
  'data.col.size': 'Size (bytes)',
  'data.col.sha256': 'SHA-256',
  'data.file.answers': 'Answers with weights and score points (CSV)',
  'data.file.codebook':
    'Codebook: every column, how to recompute a score, answer values, indicators and weights',
  'data.file.dataset': 'Scores, grades and answers (JSON)',
  'data.file.changelog': 'Changelog: framework changes and what was published when',
  'data.file.license': 'Licence and how to cite',
  'data.file.sums': 'Checksums of the files above (sha256sum -c SHA256SUMS)',
  'data.license': 'Licence',
  'data.licenseText': 'The data is published under {name}.',
  'data.cite': 'How to cite',
  'data.api': 'Public API',
  'data.apiText':
    'These files and the read-only public API (/api/v1/export/… and /api/v1/public/…) may be read from any website (CORS) without an account; requests are rate-limited per address.',
  'data.stable':
    'The URLs are stable: /data/{version}/answers.csv always holds the current release of framework version {version}, and ids (jurisdiction, indicator, answer) never change.',
  'data.none': 'No framework is loaded yet.',
} as const;
