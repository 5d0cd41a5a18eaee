/** French text of campaign export and import (the campaign page's download links and the board's import form). */
export const frCampaignInterop = {
  'app.campaignInterop.export': 'Exporter',
  'app.campaignInterop.exportIntro':
    'Téléchargez cette campagne avec ses cibles, positions, démarches et étiquettes, pour la synchroniser avec Action Network ou un CRM.',
  'app.campaignInterop.osdi': 'OSDI (HAL+JSON)',
  'app.campaignInterop.csv': 'Fichiers CSV avec dictionnaire de données (zip)',
  'app.campaignInterop.import': 'Importer une campagne',
  'app.campaignInterop.importIntro':
    'Un fichier OSDI ou un zip CSV exporté de lawgap ou par un partenaire. Une campagne que votre organisation possède déjà (mêmes identifiants) est mise à jour ; sinon une nouvelle est créée.',
  'app.campaignInterop.file': 'Fichier (.json ou .zip)',
  'app.campaignInterop.submit': 'Importer',
} as const;
