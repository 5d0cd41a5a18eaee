/** Spanish interface text: recommendations on gap reports and a coder's own QC work list. */
import type { enRecommendations } from '../en/recommendations.ts';

export const esRecommendations: Record<keyof typeof enRecommendations, string> = {
  'app.rec.heading': 'Recomendación',
  'app.rec.none': 'Todavía no se ha escrito ninguna recomendación.',
  'app.rec.fallback': 'Se muestra en inglés: todavía no hay traducción.',
  'app.rec.version': 'versión {version}',
  'app.rec.modelLanguage': 'Texto legal modelo',
  'app.rec.edit': 'Editar la recomendación',
  'app.rec.locale': 'Idioma del texto',
  'app.rec.text': 'Texto de la recomendación',
  'app.rec.textRequired': 'Escriba la recomendación.',
  'app.rec.modelLanguageField': 'Texto legal modelo (opcional)',
  'app.rec.modelLanguageHint':
    'Texto sin formato; cada guardado añade una versión nueva y conserva las anteriores.',
  'app.rec.save': 'Guardar una versión nueva',
  'app.rec.saved': 'Versión {version} guardada en {locale}.',
  'app.rec.history': 'Todas las versiones',
  'app.rec.historyEmpty': 'Todavía no hay ninguna versión.',
  'app.rec.historyEntry': 'Versión {version}, {locale}, {date}',
  'app.qc.codedByYou': 'codificada por usted',
  'app.qc.mineLeft': 'Le quedan {left} de sus {total} variables por codificar.',
  'app.qc.allCoded': 'Ha codificado todas las variables que se le asignaron.',
  'app.qc.mineNone': 'No se le ha asignado ninguna variable de este lote.',
};
