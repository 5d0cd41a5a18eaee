/** Texto en español: la página de datos abiertos del portal (/data). */
export const esOpenData = {
  'data.title': 'Datos abiertos',
  'data.home': 'Descargar los datos abiertos',
  'data.intro':
    'Descargue el conjunto de datos publicado: cada respuesta y puntuación publicadas, con un libro de códigos que explica cada columna y cómo recalcular cada puntuación. Solo se incluyen respuestas publicadas; los archivos se comprueban antes de ofrecerse.',
  'data.version': 'Versión {version} del marco: {title}',
  'data.counts': '{jurisdictions} jurisdicciones con puntuación publicada, {rows} filas en answers.csv.',
  'data.col.file': 'Archivo',
  'data.col.what': 'Contenido',
  'data.col.size': 'Tamaño (bytes)',
  'data.col.sha256': 'SHA-256',
  'data.file.answers': 'Respuestas con pesos y puntos (CSV)',
  'data.file.codebook':
    'Libro de códigos: cada columna, cómo recalcular una puntuación, valores de respuesta, indicadores y pesos',
  'data.file.dataset': 'Puntuaciones, calificaciones y respuestas (JSON)',
  'data.file.changelog': 'Registro de cambios: cambios del marco y qué se publicó y cuándo',
  'data.file.license': 'Licencia y cómo citar',
  'data.file.sums': 'Sumas de verificación de los archivos anteriores (sha256sum -c SHA256SUMS)',
  'data.license': 'Licencia',
  'data.licenseText': 'Los datos se publican bajo {name}.',
  'data.cite': 'Cómo citar',
  'data.api': 'API pública',
  'data.apiText':
    'Estos archivos y la API pública de solo lectura (/api/v1/export/… y /api/v1/public/…) pueden leerse desde cualquier sitio web (CORS) sin cuenta; las solicitudes tienen un límite por dirección.',
  'data.stable':
    'Las URL son estables: /data/{version}/answers.csv siempre contiene la versión actual de los datos del marco {version}, y los identificadores (jurisdicción, indicador, respuesta) no cambian.',
  'data.none': 'Aún no hay ningún marco cargado.',
} as const;
