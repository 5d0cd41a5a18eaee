/** French text of the embed pages and widgets, the report card's "Embed this" and the workspace's embed panel. */
import type { enEmbeds } from '../en/embeds.ts';

export const frEmbeds: Record<keyof typeof enEmbeds, string> = {
  'embed.poweredBy': 'Propulsé par {site}',
  'embed.badge.notScored': 'Pas encore de score publié',
  'embed.readReport': 'Lire le bulletin complet',
  'embed.gaps.title': 'Lacunes de la loi : {name}',
  'embed.map.title': 'Scores par juridiction',
  'embed.map.values': 'Tous les scores en texte',
  'embed.map.more': 'Voir tous les bulletins',
  'embed.this.link': 'Intégrer ce bulletin sur votre site',
  'embed.this.pageTitle': 'Intégrer le bulletin de {name}',
  'embed.this.title': 'Intégrer sur votre site',
  'embed.this.intro':
    'Copiez l’un de ces extraits dans votre site. Les widgets ne montrent que des données publiées et se mettent à jour quand elles changent.',
  'embed.snippet.badge': 'Badge du bulletin (iframe)',
  'embed.snippet.badgeSvg': 'Badge du bulletin (image, sans cadre)',
  'embed.snippet.gaps': 'Liste des lacunes (iframe)',
  'embed.snippet.map': 'Carte des scores (iframe)',
  'app.embeds.title': 'Intégrations et partenaires',
  'app.embeds.intro':
    'Placez une action sur le site d’un partenaire : copiez l’extrait. Les actions faites par son biais sont comptées pour ce partenaire.',
  'app.embeds.action': 'Action',
  'app.embeds.partner': 'Partenaire',
  'app.embeds.noPartner': 'Aucun partenaire',
  'app.embeds.snippet': 'Extrait à copier',
  'app.embeds.counts': 'Actions par partenaire',
  'app.embeds.signatures': 'Signatures',
  'app.embeds.letters': 'Lettres',
  'app.embeds.calls': 'Comptes rendus d’appel',
  'app.embeds.none': 'Cette campagne n’a encore ni pétition, ni lettre, ni appel à intégrer.',
  'app.embeds.kind.petition': 'Pétition',
  'app.embeds.kind.letter': 'Lettre',
  'app.embeds.kind.call': 'Appel',
};
