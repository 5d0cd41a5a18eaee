/** Spanish interface text: finding your lawmakers. */
import type { enDistricts } from '../en/districts.ts';

export const esDistricts: Record<keyof typeof enDistricts, string> = {
  'districts.title': 'Encuentre a sus legisladores',
  'districts.intro': 'Escriba su código postal o elija su distrito. La búsqueda se hace solo en este sitio.',
  'districts.postcode.label': 'Código postal',
  'districts.postcode.submit': 'Buscar por código postal',
  'districts.choose.label': 'Su distrito',
  'districts.choose.empty': 'Elija un distrito',
  'districts.choose.submit': 'Ver legisladores',
  'districts.location.summary': 'Usar una ubicación (latitud y longitud)',
  'districts.location.lat': 'Latitud',
  'districts.location.lon': 'Longitud',
  'districts.location.submit': 'Buscar por ubicación',
  'districts.ask.boundary':
    'Este lugar está cerca del límite de un distrito, así que no vamos a adivinar. Elija su distrito.',
  'districts.ask.postcode':
    'Este código postal abarca varios distritos, así que no vamos a adivinar. Elija su distrito.',
  'districts.ask.legend': '{chamber}: ¿cuál es su distrito?',
  'districts.ask.share': 'alrededor del {percent} % de este código postal',
  'districts.ask.submit': 'Ver mis legisladores',
  'districts.none.no-boundaries': 'Todavía no hay mapas de distritos aquí. Elija su distrito.',
  'districts.none.outside':
    'Esa ubicación no está en ningún distrito conocido. Revísela o elija su distrito.',
  'districts.none.unknown-postcode': 'No conocemos ese código postal. Revíselo o elija su distrito.',
  'districts.none.no-postcodes': 'Todavía no hay una tabla de códigos postales aquí. Elija su distrito.',
  'districts.none.unknown-district': 'No conocemos ese distrito. Elija uno de la lista.',
  'districts.results.title': 'Sus legisladores',
  'districts.results.none': 'No hay ningún legislador en funciones registrado para estos distritos.',
  'districts.results.district': '{chamber}, distrito {district}',
  'districts.results.phone': 'Teléfono',
  'districts.chamber.upper': 'Cámara alta',
  'districts.chamber.lower': 'Cámara baja',
  'districts.chamber.legislature': 'Legislatura',
  'districts.error.jurisdiction': 'Esta página necesita una jurisdicción conocida (?jurisdiction=…).',
  'districts.error.input':
    'Revise lo que escribió: un código postal de hasta 16 caracteres, o una latitud y longitud en grados.',
};
