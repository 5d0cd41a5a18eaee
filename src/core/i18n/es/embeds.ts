/** Spanish text of the embed pages and widgets, the report card's "Embed this" and the workspace's embed panel. */
import type { enEmbeds } from '../en/embeds.ts';

export const esEmbeds: Record<keyof typeof enEmbeds, string> = {
  'embed.poweredBy': 'Con la tecnología de {site}',
  'embed.badge.notScored': 'Aún sin puntuación publicada',
  'embed.readReport': 'Leer el informe completo',
  'embed.gaps.title': 'Vacíos en la ley: {name}',
  'embed.map.title': 'Puntuaciones por jurisdicción',
  'embed.map.values': 'Todas las puntuaciones en texto',
  'embed.map.more': 'Ver todos los informes',
  'embed.this.link': 'Insertar este informe en su sitio',
  'embed.this.pageTitle': 'Insertar el informe de {name}',
  'embed.this.title': 'Insertar en su sitio',
  'embed.this.intro':
    'Copie uno de estos fragmentos en su sitio. Los widgets muestran solo datos publicados y se actualizan cuando cambian.',
  'embed.snippet.badge': 'Distintivo del informe (iframe)',
  'embed.snippet.badgeSvg': 'Distintivo del informe (imagen, sin marco)',
  'embed.snippet.gaps': 'Lista de vacíos (iframe)',
  'embed.snippet.map': 'Mapa de puntuaciones (iframe)',
  'app.embeds.title': 'Inserciones y socios',
  'app.embeds.intro':
    'Ponga una acción en el sitio de un socio: copie el fragmento. Las acciones hechas a través de él se cuentan para ese socio.',
  'app.embeds.action': 'Acción',
  'app.embeds.partner': 'Socio',
  'app.embeds.noPartner': 'Sin socio',
  'app.embeds.snippet': 'Fragmento para copiar',
  'app.embeds.counts': 'Acciones por socio',
  'app.embeds.signatures': 'Firmas',
  'app.embeds.letters': 'Cartas',
  'app.embeds.calls': 'Informes de llamadas',
  'app.embeds.none': 'Esta campaña aún no tiene petición, carta ni llamada que insertar.',
  'app.embeds.kind.petition': 'Petición',
  'app.embeds.kind.letter': 'Carta',
  'app.embeds.kind.call': 'Llamada',
};
