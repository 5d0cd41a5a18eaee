/**
 * Texte français : les pages publiques « connaître vos droits / obtenir de l'aide », les ressources d'aide et
 * le formulaire « signaler une erreur ». Les phrases `rights.protection.*` expliquent ce que signifie un
 * indicateur lorsqu'une réponse publiée le remplit ; elles sont de nous, pas de la loi (citée de la réponse).
 */
import type { enRights } from '../en/rights.ts';

export const frRights: Record<keyof typeof enRights, string> = {
  'rights.title': '{name} : connaître vos droits, obtenir de l’aide',
  'rights.intro':
    'Ce que la loi publiée de {name} accorde aux victimes de la traite, en mots simples, et où trouver de l’aide. Chaque point renvoie à la loi dont il vient.',
  'rights.quickExit': 'Sortie rapide',
  'rights.quickExitHint': 'Quitte ce site immédiatement. Avec JavaScript, la touche Échap fait de même.',
  'rights.protections': 'Ce que prévoit la loi',
  'rights.noProtections':
    'Aucune protection des victimes n’a encore été publiée pour cette juridiction. Cela ne veut pas dire qu’il n’y en a pas : elle n’a peut-être pas encore été mesurée.',
  'rights.partly': 'En partie : {text}',
  'rights.source': 'La loi :',
  'rights.verified': 'Vérifié pour la dernière fois le {date}',
  'rights.summaryNote':
    'Ces résumés en langage simple sont écrits par lawgap pour expliquer chaque point mesuré ; ils ne sont pas la loi. La loi est citée sous chacun, avec un lien vers la disposition.',
  'rights.help': 'Obtenir de l’aide',
  'rights.noResources': 'Aucune ressource d’aide n’a encore été publiée pour cette juridiction.',
  'rights.noResourcesLang': 'Aucune ressource d’aide d’ici n’est proposée dans cette langue.',
  'rights.filter.label': 'Langue proposée',
  'rights.filter.any': 'Toutes les langues',
  'rights.filter.submit': 'Afficher',
  'rights.kind.hotline': 'Ligne d’écoute',
  'rights.kind.legal_aid': 'Aide juridique',
  'rights.kind.shelter': 'Hébergement',
  'rights.kind.other': 'Autre aide',
  'rights.phone': 'Téléphone',
  'rights.website': 'Site web',
  'rights.languages': 'Langues',
  'rights.hours': 'Horaires',
  'rights.reportCard': 'Bulletin de {name}',
  'rights.link': 'Connaître vos droits et obtenir de l’aide : {name}',
  'rights.protection.VI-01':
    'Vous ne devriez pas être arrêté, poursuivi ou puni pour des infractions que l’on vous a forcé à commettre parce que vous étiez victime de la traite.',
  'rights.protection.VI-02':
    'Les condamnations dues au fait d’avoir été victime de la traite peuvent être effacées de votre casier.',
  'rights.protection.VI-03':
    'Si vous êtes accusé d’un crime, vous pouvez vous défendre en montrant que vous l’avez commis parce que vous étiez victime de la traite.',
  'rights.protection.VI-04':
    'Il existe une procédure officielle pour reconnaître les victimes et les orienter vers de l’aide, et les agents doivent orienter ou signaler.',
  'rights.protection.VI-06':
    'Une victime étrangère a un délai de rétablissement et de réflexion d’au moins 30 jours, protégée de l’éloignement.',
  'rights.protection.VI-07': 'Vous pouvez être aidé sans devoir coopérer avec la police ou le parquet.',
  'rights.protection.VI-08': 'Si votre âge est incertain, vous êtes traité comme un enfant.',
  'rights.protection.VP-01':
    'Vous avez droit à de l’aide : hébergement, soins médicaux et psychologiques, et soutien matériel.',
  'rights.protection.VP-02': 'Vous pouvez obtenir gratuitement des conseils juridiques ou un avocat.',
  'rights.protection.VP-03':
    'Votre identité et votre vie privée sont protégées, et révéler qui vous êtes peut être une infraction.',
  'rights.protection.VP-04': 'Comme témoin, vous pouvez être protégé et témoigner de façon adaptée.',
  'rights.protection.VP-05':
    'Vous avez droit à l’information et à être entendu dans la procédure, dans une langue que vous comprenez.',
  'rights.protection.VP-06':
    'Vous pouvez demander une indemnisation à l’État ou à un fonds pour les victimes.',
  'rights.protection.VP-07': 'Si vous n’êtes pas citoyen, vous pouvez demander à rester (titre de séjour).',
  'rights.protection.VP-08':
    'Si vous rentrez dans votre pays, le retour doit être sûr et volontaire, après une évaluation des risques.',
  'rights.protection.VP-09':
    'L’aide et les recours sont accessibles quel que soit votre statut migratoire, même si vous étiez dans le commerce du sexe.',
  'rights.protection.CH-03':
    'Les enfants sont protégés contre l’arrestation, la détention ou les poursuites pour prostitution.',
  'rights.protection.CH-04':
    'Les enfants victimes de la traite sont pris en charge par la protection de l’enfance, pas par la justice des mineurs.',
  'rights.protection.CH-05':
    'Les enfants victimes ou non accompagnés ont un tuteur ou un défenseur indépendant.',
  'rights.protection.CH-06':
    'Les enfants peuvent témoigner de façon adaptée, par exemple par des auditions enregistrées et un contre-interrogatoire limité.',
  'rights.protection.PN-04':
    'Le tribunal doit ordonner à l’auteur de vous rembourser ce que vous avez perdu.',
  'rights.protection.PN-06':
    'Vous pouvez poursuivre les trafiquants, et ceux qui en ont sciemment profité, en dommages-intérêts.',
  'rights.protection.PN-07':
    'Vous avez longtemps pour agir en justice, et pour les enfants victimes le délai est suspendu.',
  'rights.protection.PJ-03':
    'Les règles du procès vous protègent comme victime, par exemple en limitant les questions sur votre vie sexuelle.',
  'rights.answerVerified': 'Vérifié pour la dernière fois le {date}',
  'rights.reportError': 'Signaler une erreur',
  'rights.reportErrorIn': 'Signaler une erreur dans {indicator}',
  'rights.report.title': 'Signaler une erreur dans une réponse',
  'rights.report.about':
    'À propos de {indicator} : {question} Réponse : {value}. Vérifié pour la dernière fois le {date}.',
  'rights.report.message': 'Qu’est-ce qui ne va pas ? (obligatoire)',
  'rights.report.contact': 'Votre courriel (facultatif, seulement si vous voulez une réponse)',
  'rights.report.contactHint':
    'Conservé chiffré et vu seulement par l’organisation qui a publié cette réponse. N’indiquez pas de détails sur vous que vous ne voulez pas partager.',
  'rights.report.website': 'Laissez ce champ vide',
  'rights.report.submit': 'Envoyer',
  'rights.report.sent.title': 'Merci',
  'rights.report.sent.body': 'Votre signalement a été envoyé à l’organisation qui a publié cette réponse.',
  'rights.report.back': 'Retour au bulletin',
  'rights.report.notFound': 'Cette réponse n’est pas publiée pour cette juridiction.',
  'rights.report.error.message': 'Dites ce qui ne va pas (jusqu’à 2 000 caractères).',
  'rights.report.error.contact': 'Indiquez un courriel comme nom@exemple.org, ou laissez vide.',
  'rights.report.error.origin': 'Ce formulaire doit être envoyé depuis ce site.',
  'rights.report.errorsTitle': 'Veuillez corriger ce qui suit :',
  'app.helpResources.title': 'Ressources d’aide',
  'app.helpResources.intro':
    'Lignes d’écoute, aide juridique et hébergements que votre organisation tient à jour pour les pages publiques « connaître vos droits ». Seules les ressources publiées sont affichées, chacune avec sa date de dernière vérification.',
  'app.helpResources.jurisdiction': 'Juridiction (id OCD)',
  'app.helpResources.kind': 'Type',
  'app.helpResources.name': 'Nom',
  'app.helpResources.lastVerified': 'Dernière vérification',
  'app.helpResources.publish': 'Publier sur la page des droits',
  'app.helpResources.add': 'Ajouter une ressource d’aide',
  'app.helpResources.added': 'Ressource d’aide ajoutée.',
  'app.helpResources.status': 'Statut',
  'app.helpResources.actions': 'Actions',
  'app.helpResources.published': 'Publiée',
  'app.helpResources.unpublished': 'Non publiée',
  'app.helpResources.publishOne': 'Publier {name}',
  'app.helpResources.unpublishOne': 'Retirer {name}',
  'app.helpResources.verify': '{name} vérifiée aujourd’hui',
  'app.helpResources.saved': 'Enregistré.',
  'app.helpResources.none': 'Aucune ressource d’aide pour l’instant.',
};
