/** Spanish interface text: law vs practice (published enforcement figures beside the indicators). */
import type { enPractice } from '../en/practice.ts';

export const esPractice: Record<keyof typeof enPractice, string> = {
  'practice.title': 'Datos de la práctica: no forman parte de la puntuación de la ley',
  'practice.intro':
    'Cifras publicadas de aplicación de la ley que muestran cómo funciona en la práctica, junto a los indicadores a los que se refieren. Son práctica, no ley: nunca cuentan en la puntuación, la calificación ni las brechas de arriba.',
  'practice.none': 'Aún no hay cifras de práctica publicadas para esta jurisdicción.',
  'practice.reason': 'Por qué se refiere al indicador: {reason}',
  'practice.lawAnswer': 'La respuesta de la ley a {id}',
  'practice.chart': 'Datos de la práctica para {id}, por año: {measures}',
  'practice.table': 'Datos de la práctica para {id}: cifras del gráfico, cada una con su fuente',
  'practice.year': 'Año',
  'practice.measure': 'Medida',
  'practice.value': 'Valor',
  'practice.count': 'Número',
  'practice.unit': 'Unidad',
  'practice.unit.cases': 'casos',
  'practice.unit.persons': 'personas',
  'practice.source': 'Fuente',
  'practice.sourceDate': 'Fecha de la fuente',
  'practice.publishedBy': 'Publicado por',
  'practice.panel': 'Datos de la práctica (no forman parte de la puntuación de la ley)',
  'practice.panelIntro':
    'Cifras publicadas de aplicación de la ley junto al indicador que elija, para cada jurisdicción. Nunca cuentan en las puntuaciones de arriba.',
  'practice.indicator': 'Indicador',
  'practice.case.series': 'Víctimas en registros de casos (con protección de la privacidad)',
  'practice.case.suppressed':
    'Derivado de registros de casos (HTCDS) publicados por esta organización; los recuentos inferiores a {k} se ocultan y los demás se redondean hacia abajo a un múltiplo de {k}; sin gasto de ε',
  'practice.case.noisy':
    'Derivado de registros de casos (HTCDS) publicados por esta organización; se añade ruido aleatorio (ε {epsilon} gastado) y luego los recuentos inferiores a {k} se ocultan y los demás se redondean hacia abajo a un múltiplo de {k}',
  'practice.noneFor': 'No hay cifras de práctica publicadas para {id}.',
};
