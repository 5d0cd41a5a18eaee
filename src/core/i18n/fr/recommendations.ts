/** French interface text: recommendations on gap reports and a coder's own QC work list. */
import type { enRecommendations } from '../en/recommendations.ts';

export const frRecommendations: Record<keyof typeof enRecommendations, string> = {
  'app.rec.heading': 'Recommandation',
  'app.rec.none': 'Aucune recommandation n’a encore été rédigée.',
  'app.rec.fallback': 'Affichée en anglais : pas encore de traduction.',
  'app.rec.version': 'version {version}',
  'app.rec.modelLanguage': 'Texte législatif type',
  'app.rec.edit': 'Modifier la recommandation',
  'app.rec.locale': 'Langue du texte',
  'app.rec.text': 'Texte de la recommandation',
  'app.rec.textRequired': 'Rédigez la recommandation.',
  'app.rec.modelLanguageField': 'Texte législatif type (facultatif)',
  'app.rec.modelLanguageHint':
    'Texte brut ; chaque enregistrement ajoute une nouvelle version et conserve les précédentes.',
  'app.rec.save': 'Enregistrer une nouvelle version',
  'app.rec.saved': 'Version {version} enregistrée en {locale}.',
  'app.rec.history': 'Toutes les versions',
  'app.rec.historyEmpty': 'Aucune version pour le moment.',
  'app.rec.historyEntry': 'Version {version}, {locale}, {date}',
  'app.qc.codedByYou': 'codée par vous',
  'app.qc.mineLeft': 'Il vous reste {left} de vos {total} variables à coder.',
  'app.qc.allCoded': 'Vous avez codé toutes les variables qui vous sont attribuées.',
  'app.qc.mineNone': 'Aucune variable de ce lot ne vous est attribuée.',
};
