/** French interface text. */
import type { en } from './messages.en.ts';

export const fr: Partial<Record<keyof typeof en, string>> = {
  'site.name': 'lawgap',
  'site.tagline': 'Changer les lois qui laissent tomber les survivantes de la traite.',
  'landing.intro':
    'lawgap aide les militantes, le personnel législatif, les chercheurs et les groupes dirigés par des survivantes à connaître le droit contre la traite de chaque juridiction, à le mesurer à l’aune d’un cadre ouvert de normes internationales, à en trouver les lacunes et à suivre les projets de loi qui les combleraient.',
  'landing.loop.know':
    'Connaître le droit : des textes découpés en dispositions, avec citations et dates d’entrée en vigueur.',
  'landing.loop.measure':
    'Le mesurer : 66 indicateurs issus du Protocole de Palerme, de la loi type de l’ONUDC, de la Convention du Conseil de l’Europe, du P029 de l’OIT et des normes minimales de la TVPA.',
  'landing.loop.gaps':
    'Trouver les lacunes : des scores transparents et reproductibles, avec la preuve de chaque réponse.',
  'landing.loop.close':
    'Les combler : suivre les projets de loi, mener des campagnes et mesurer le résultat.',
  'landing.signin': 'Se connecter à l’espace de travail',
  'landing.api': 'Référence de l’API',
  'landing.framework': 'Parcourir le cadre d’indicateurs',
  'nav.language': 'Langue',
  'nav.skip': 'Aller au contenu principal',
  'docs.title': 'Référence de l’API lawgap',
  'docs.intro':
    'Toutes les routes de l’API lawgap, générées à partir des schémas qui valident les requêtes. Version lisible par machine :',
  'docs.access': 'Accès',
  'docs.access.public': 'public',
  'docs.access.authenticated': 'tout utilisateur ou jeton authentifié',
  'docs.request': 'Corps de la requête',
  'docs.response': 'Réponse',
  'docs.parameters': 'Paramètres',
};
