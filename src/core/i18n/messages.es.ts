/** Spanish interface text. */
import type { en } from './messages.en.ts';

export const es: Partial<Record<keyof typeof en, string>> = {
  'site.name': 'lawgap',
  'site.tagline': 'Cambiar las leyes que fallan a las sobrevivientes de la trata.',
  'landing.intro':
    'lawgap ayuda a defensoras, personal legislativo, investigadores y grupos liderados por sobrevivientes a conocer la ley contra la trata de cada jurisdicción, medirla con un marco abierto de normas internacionales, encontrar las brechas y seguir los proyectos de ley que las cerrarían.',
  'landing.loop.know': 'Conocer la ley: normas divididas en disposiciones, con citas y fechas de vigencia.',
  'landing.loop.measure':
    'Medirla: 66 indicadores del Protocolo de Palermo, la Ley Modelo de la UNODC, el Convenio del Consejo de Europa, el P029 de la OIT y las normas mínimas de la TVPA.',
  'landing.loop.gaps':
    'Encontrar las brechas: puntuaciones transparentes y reproducibles con la evidencia de cada respuesta.',
  'landing.loop.close': 'Cerrarlas: seguir proyectos de ley, organizar campañas y medir el resultado.',
  'landing.signin': 'Entrar al espacio de trabajo',
  'landing.api': 'Referencia de la API',
  'landing.framework': 'Explorar el marco de indicadores',
  'nav.language': 'Idioma',
  'nav.skip': 'Saltar al contenido principal',
  'docs.title': 'Referencia de la API de lawgap',
  'docs.intro':
    'Todas las rutas de la API de lawgap, generadas a partir de los mismos esquemas que validan las solicitudes. Versión legible por máquina:',
  'docs.access': 'Acceso',
  'docs.access.public': 'público',
  'docs.access.authenticated': 'cualquier usuario o token autenticado',
  'docs.request': 'Cuerpo de la solicitud',
  'docs.response': 'Respuesta',
  'docs.parameters': 'Parámetros',
};
