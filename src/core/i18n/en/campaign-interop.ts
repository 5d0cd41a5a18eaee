/** English text of campaign export and import (the campaign page's download links and the board's import form). */
export const enCampaignInterop = {
  'app.campaignInterop.export': 'Export',
  'app.campaignInterop.exportIntro':
    'Download this campaign with its targets, positions, outreaches and tags, to sync with Action Network or a CRM.',
  'app.campaignInterop.osdi': 'OSDI (HAL+JSON)',
  'app.campaignInterop.csv': 'CSV files with a data dictionary (zip)',
  'app.campaignInterop.import': 'Import a campaign',
  'app.campaignInterop.importIntro':
    'An OSDI file or a CSV zip exported from lawgap or a partner. A campaign your organization already has (same identifiers) is updated; otherwise a new one is created.',
  'app.campaignInterop.file': 'File (.json or .zip)',
  'app.campaignInterop.submit': 'Import',
} as const;
