/** Texte français des pages de droits sur les données (`/my-data`), de leur e-mail et du consentement supplémentaire des lettres. */
export const frSupporterData = {
  'letters.consent.updates': 'M’envoyer aussi des nouvelles de {sender}.',
  'mydata.title': 'Vos données',
  'mydata.intro':
    'Saisissez l’adresse e-mail avec laquelle vous avez signé une pétition, envoyé une lettre ou demandé des alertes. Si nous détenons des données à son sujet, nous y envoyons un lien, valable 24 heures, pour les télécharger ou les faire effacer. Aucun compte n’est nécessaire.',
  'mydata.email': 'Adresse e-mail',
  'mydata.submit': 'M’envoyer le lien',
  'mydata.errorsIntro': 'Veuillez corriger ceci :',
  'mydata.error.email.required': 'Saisissez votre adresse e-mail.',
  'mydata.error.email.invalid': 'Saisissez une adresse comme nom@exemple.org.',
  'mydata.error.origin': 'Ce formulaire doit être envoyé depuis ce site. Veuillez réessayer.',
  'mydata.sent.title': 'Consultez vos e-mails',
  'mydata.sent.body':
    'Si nous détenons des données sur cette adresse, nous y avons envoyé un lien. Le lien fonctionne 24 heures. Si aucun e-mail n’arrive, nous ne détenons rien sur cette adresse.',
  'mydata.link.intro': 'Ce lien concerne {email}.',
  'mydata.download.title': 'Télécharger vos données',
  'mydata.download.body':
    'Un fichier JSON avec tout ce que nous détenons sur cette adresse : signatures de pétitions, lettres et leurs envois, consentements et abonnements aux alertes.',
  'mydata.download.submit': 'Télécharger mes données (JSON)',
  'mydata.erase.title': 'Effacer vos données',
  'mydata.erase.body':
    'Nous supprimons ou anonymisons de manière irréversible chaque enregistrement concernant cette adresse. Les signatures comptées restent dans les totaux, sans rien sur vous. Nous gardons seulement un hachage à clé de l’adresse pour ne plus jamais lui envoyer de nouvelles. C’est irréversible.',
  'mydata.erase.confirm': 'Je comprends que l’effacement est irréversible.',
  'mydata.erase.submit': 'Effacer mes données',
  'mydata.erase.error.confirm': 'Cochez la case pour confirmer l’effacement.',
  'mydata.erased.title': 'Vos données ont été effacées',
  'mydata.erased.body':
    'Nous ne détenons plus rien sur cette adresse, sauf le hachage à clé qui arrête nos nouvelles. Vous pourrez signer ou écrire à nouveau ; votre consentement vous sera redemandé.',
  'mydata.invalid.title': 'Ce lien ne fonctionne pas',
  'mydata.invalid.body':
    'Le lien est erroné, a expiré (les liens durent 24 heures) ou a déjà servi à effacer les données. Vous pouvez en demander un nouveau.',
  'mydata.again': 'Demander un nouveau lien',
  'mydata.mail.subject': 'Vos données : le lien demandé',
  'mydata.mail.body':
    'Quelqu’un, nous l’espérons vous, a demandé à voir ou effacer les données que nous détenons sur cette adresse.\n\nOuvrez ce lien dans les 24 heures :\n{link}\n\nSi vous n’avez rien demandé, ignorez cet e-mail : rien ne se passera.',
  'mydata.link': 'Voir ou effacer les données que nous détenons sur vous',
};
