/** French interface text: law vs practice (published enforcement figures beside the indicators). */
import type { enPractice } from '../en/practice.ts';

export const frPractice: Record<keyof typeof enPractice, string> = {
  'practice.title': 'Données de pratique : hors de la note de la loi',
  'practice.intro':
    'Chiffres publiés de l’application de la loi, qui montrent comment elle fonctionne en pratique, à côté des indicateurs qu’ils concernent. C’est la pratique, pas la loi : ils ne comptent jamais dans la note, le grade ni les lacunes ci-dessus.',
  'practice.none': 'Aucun chiffre de pratique publié pour cette juridiction pour l’instant.',
  'practice.reason': 'Pourquoi il concerne l’indicateur : {reason}',
  'practice.lawAnswer': 'La réponse de la loi à {id}',
  'practice.chart': 'Données de pratique pour {id}, par année : {measures}',
  'practice.table': 'Données de pratique pour {id} : chiffres du graphique, chacun avec sa source',
  'practice.year': 'Année',
  'practice.measure': 'Mesure',
  'practice.value': 'Valeur',
  'practice.count': 'Nombre',
  'practice.unit': 'Unité',
  'practice.unit.cases': 'affaires',
  'practice.unit.persons': 'personnes',
  'practice.source': 'Source',
  'practice.sourceDate': 'Date de la source',
  'practice.publishedBy': 'Publié par',
  'practice.panel': 'Données de pratique (hors de la note de la loi)',
  'practice.panelIntro':
    'Chiffres publiés de l’application de la loi à côté de l’indicateur choisi, pour chaque juridiction. Ils ne comptent jamais dans les notes ci-dessus.',
  'practice.indicator': 'Indicateur',
  'practice.case.series': 'Victimes dans les dossiers (protection de la vie privée)',
  'practice.case.suppressed':
    'Tiré de dossiers (HTCDS) publiés par cette organisation ; les effectifs inférieurs à {k} sont masqués et les autres arrondis à un multiple de {k} inférieur ; aucun ε dépensé',
  'practice.case.noisy':
    'Tiré de dossiers (HTCDS) publiés par cette organisation ; un bruit aléatoire est ajouté (ε {epsilon} dépensé), puis les effectifs inférieurs à {k} sont masqués et les autres arrondis à un multiple de {k} inférieur',
  'practice.noneFor': 'Aucun chiffre de pratique publié pour {id}.',
};
