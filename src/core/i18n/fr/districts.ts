/** French interface text: finding your lawmakers. */
import type { enDistricts } from '../en/districts.ts';

export const frDistricts: Record<keyof typeof enDistricts, string> = {
  'districts.title': 'Trouver vos élus',
  'districts.intro':
    'Saisissez votre code postal ou choisissez votre circonscription. La recherche se fait uniquement sur ce site.',
  'districts.postcode.label': 'Code postal',
  'districts.postcode.submit': 'Chercher par code postal',
  'districts.choose.label': 'Votre circonscription',
  'districts.choose.empty': 'Choisissez une circonscription',
  'districts.choose.submit': 'Voir les élus',
  'districts.location.summary': 'Utiliser un lieu (latitude et longitude)',
  'districts.location.lat': 'Latitude',
  'districts.location.lon': 'Longitude',
  'districts.location.submit': 'Chercher par lieu',
  'districts.ask.boundary':
    'Ce lieu est proche d’une limite de circonscription : nous ne devinerons pas. Choisissez votre circonscription.',
  'districts.ask.postcode':
    'Ce code postal couvre plusieurs circonscriptions : nous ne devinerons pas. Choisissez votre circonscription.',
  'districts.ask.legend': '{chamber} : quelle est votre circonscription ?',
  'districts.ask.share': 'environ {percent} % de ce code postal',
  'districts.ask.submit': 'Voir mes élus',
  'districts.none.no-boundaries':
    'Aucune carte des circonscriptions n’est encore disponible ici. Choisissez votre circonscription.',
  'districts.none.outside':
    'Ce lieu n’est dans aucune circonscription connue. Vérifiez-le ou choisissez votre circonscription.',
  'districts.none.unknown-postcode':
    'Nous ne connaissons pas ce code postal. Vérifiez-le ou choisissez votre circonscription.',
  'districts.none.no-postcodes':
    'Aucune table des codes postaux n’est encore disponible ici. Choisissez votre circonscription.',
  'districts.none.unknown-district':
    'Nous ne connaissons pas cette circonscription. Choisissez-en une dans la liste.',
  'districts.results.title': 'Vos élus',
  'districts.results.none': 'Aucun élu en fonction n’est enregistré pour ces circonscriptions.',
  'districts.results.district': '{chamber}, circonscription {district}',
  'districts.results.phone': 'Téléphone',
  'districts.chamber.upper': 'Chambre haute',
  'districts.chamber.lower': 'Chambre basse',
  'districts.chamber.legislature': 'Assemblée',
  'districts.error.jurisdiction': 'Cette page a besoin d’une juridiction connue (?jurisdiction=…).',
  'districts.error.input':
    'Vérifiez votre saisie : un code postal de 16 caractères au plus, ou une latitude et une longitude en degrés.',
};
