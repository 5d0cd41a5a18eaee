/** Spanish text of campaign export and import (the campaign page's download links and the board's import form). */
export const esCampaignInterop = {
  'app.campaignInterop.export': 'Exportar',
  'app.campaignInterop.exportIntro':
    'Descargue esta campaña con sus destinatarios, posiciones, contactos y etiquetas, para sincronizarla con Action Network o un CRM.',
  'app.campaignInterop.osdi': 'OSDI (HAL+JSON)',
  'app.campaignInterop.csv': 'Archivos CSV con diccionario de datos (zip)',
  'app.campaignInterop.import': 'Importar una campaña',
  'app.campaignInterop.importIntro':
    'Un archivo OSDI o un zip CSV exportado desde lawgap o por una organización aliada. Si su organización ya tiene la campaña (mismos identificadores), se actualiza; si no, se crea una nueva.',
  'app.campaignInterop.file': 'Archivo (.json o .zip)',
  'app.campaignInterop.submit': 'Importar',
} as const;
