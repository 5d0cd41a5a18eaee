/** Texte français : la page des données ouvertes du portail (/data). */
export const frOpenData = {
  'data.title': 'Données ouvertes',
  'data.home': 'Télécharger les données ouvertes',
  'data.intro':
    'Téléchargez le jeu de données publié : chaque réponse et chaque score publiés, avec un livre de codes qui explique chaque colonne et comment recalculer chaque score. Seules les réponses publiées sont incluses ; les fichiers sont vérifiés avant d’être proposés.',
  'data.version': 'Version {version} du cadre : {title}',
  'data.counts': '{jurisdictions} juridictions avec un score publié, {rows} lignes dans answers.csv.',
  'data.col.file': 'Fichier',
  'data.col.what': 'Contenu',
  'data.col.size': 'Taille (octets)',
  'data.col.sha256': 'SHA-256',
  'data.file.answers': 'Réponses avec pondérations et points (CSV)',
  'data.file.codebook':
    'Livre de codes : chaque colonne, comment recalculer un score, valeurs de réponse, indicateurs et pondérations',
  'data.file.dataset': 'Scores, notes et réponses (JSON)',
  'data.file.changelog': 'Journal des modifications : changements du cadre et publications par date',
  'data.file.license': 'Licence et comment citer',
  'data.file.sums': 'Sommes de contrôle des fichiers ci-dessus (sha256sum -c SHA256SUMS)',
  'data.license': 'Licence',
  'data.licenseText': 'Les données sont publiées sous {name}.',
  'data.cite': 'Comment citer',
  'data.api': 'API publique',
  'data.apiText':
    'Ces fichiers et l’API publique en lecture seule (/api/v1/export/… et /api/v1/public/…) peuvent être lus depuis n’importe quel site (CORS) sans compte ; les requêtes sont limitées par adresse.',
  'data.stable':
    'Les URL sont stables : /data/{version}/answers.csv contient toujours la version actuelle des données du cadre {version}, et les identifiants (juridiction, indicateur, réponse) ne changent pas.',
  'data.none': 'Aucun cadre n’est encore chargé.',
} as const;
