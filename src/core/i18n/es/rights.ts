/**
 * Texto en español: las páginas públicas "conozca sus derechos / obtenga ayuda", los recursos de ayuda y el
 * formulario "informar de un error". Las frases `rights.protection.*` explican lo que significa un indicador
 * cuando una respuesta publicada lo cumple; son nuestras, no la ley (la ley se cita de la respuesta publicada).
 */
import type { enRights } from '../en/rights.ts';

export const esRights: Record<keyof typeof enRights, string> = {
  'rights.title': '{name}: conozca sus derechos, obtenga ayuda',
  'rights.intro':
    'Lo que la ley publicada de {name} ofrece a las víctimas de trata, en palabras sencillas, y dónde obtener ayuda. Cada punto enlaza con la ley de la que procede.',
  'rights.quickExit': 'Salida rápida',
  'rights.quickExitHint':
    'Sale de este sitio de inmediato. Con JavaScript activado, la tecla Escape hace lo mismo.',
  'rights.protections': 'Lo que establece la ley',
  'rights.noProtections':
    'Aún no se ha publicado ninguna protección para las víctimas en esta jurisdicción. Eso no significa que no exista: puede que aún no se haya medido.',
  'rights.partly': 'En parte: {text}',
  'rights.source': 'La ley:',
  'rights.verified': 'Verificado por última vez el {date}',
  'rights.summaryNote':
    'Estos resúmenes en lenguaje sencillo los escribe lawgap para explicar cada punto que medimos; no son la ley. La ley se cita debajo de cada uno, con un enlace a la disposición.',
  'rights.help': 'Obtenga ayuda',
  'rights.noResources': 'Aún no se han publicado recursos de ayuda para esta jurisdicción.',
  'rights.noResourcesLang': 'Ningún recurso de ayuda de aquí se ofrece en este idioma.',
  'rights.filter.label': 'Idioma de atención',
  'rights.filter.any': 'Cualquier idioma',
  'rights.filter.submit': 'Mostrar',
  'rights.kind.hotline': 'Línea de ayuda',
  'rights.kind.legal_aid': 'Asistencia jurídica',
  'rights.kind.shelter': 'Refugio',
  'rights.kind.other': 'Otra ayuda',
  'rights.phone': 'Teléfono',
  'rights.website': 'Sitio web',
  'rights.languages': 'Idiomas',
  'rights.hours': 'Horario',
  'rights.reportCard': 'Boletín de calificaciones de {name}',
  'rights.link': 'Conozca sus derechos y obtenga ayuda en {name}',
  'rights.protection.VI-01':
    'No deberían detenerle, procesarle ni castigarle por delitos que le obligaron a cometer por ser víctima de trata.',
  'rights.protection.VI-02':
    'Las condenas que se deben a haber sido víctima de trata pueden borrarse de sus antecedentes.',
  'rights.protection.VI-03':
    'Si le acusan de un delito, puede defenderse demostrando que lo cometió porque era víctima de trata.',
  'rights.protection.VI-04':
    'Existe un procedimiento oficial para reconocer a las víctimas y derivarlas a ayuda, y los funcionarios deben derivar o informar.',
  'rights.protection.VI-06':
    'Una víctima extranjera tiene un periodo de recuperación y reflexión de al menos 30 días, con protección frente a la expulsión.',
  'rights.protection.VI-07': 'Puede recibir ayuda sin tener que colaborar con la policía ni con la fiscalía.',
  'rights.protection.VI-08': 'Si su edad no es segura, se le trata como a un niño o niña.',
  'rights.protection.VP-01':
    'Tiene derecho a ayuda: alojamiento, atención médica y psicológica, y apoyo material.',
  'rights.protection.VP-02': 'Puede obtener asesoramiento jurídico o un abogado gratis.',
  'rights.protection.VP-03':
    'Su identidad y su intimidad están protegidas, y revelar quién es usted puede ser un delito.',
  'rights.protection.VP-04': 'Como testigo puede recibir protección y formas especiales de declarar.',
  'rights.protection.VP-05':
    'Tiene derecho a recibir información y a ser oído en el proceso, en un idioma que entienda.',
  'rights.protection.VP-06': 'Puede solicitar una indemnización del Estado o de un fondo para víctimas.',
  'rights.protection.VP-07':
    'Si no es ciudadano o ciudadana, puede solicitar permiso para quedarse (residencia).',
  'rights.protection.VP-08':
    'Si vuelve a su país, el regreso debe ser seguro y voluntario, tras evaluar los riesgos.',
  'rights.protection.VP-09':
    'La ayuda y los recursos están disponibles sea cual sea su situación migratoria, incluso si estuvo en el comercio sexual.',
  'rights.protection.CH-03':
    'Los niños y niñas están protegidos frente a la detención o el procesamiento por prostitución.',
  'rights.protection.CH-04':
    'Los niños y niñas víctimas de trata quedan a cargo de los servicios de protección de la infancia, no de la justicia juvenil.',
  'rights.protection.CH-05':
    'Los niños y niñas víctimas de trata o no acompañados reciben un tutor o un defensor independiente.',
  'rights.protection.CH-06':
    'Los niños y niñas pueden declarar de forma adaptada, por ejemplo con entrevistas grabadas y límites al contrainterrogatorio.',
  'rights.protection.PN-04': 'El tribunal debe ordenar al autor que le restituya lo que usted perdió.',
  'rights.protection.PN-06':
    'Puede demandar a los tratantes, y a quienes se beneficiaron a sabiendas, por daños y perjuicios.',
  'rights.protection.PN-07':
    'Tiene mucho tiempo para presentar una demanda, y para los niños y niñas víctimas el plazo se suspende.',
  'rights.protection.PJ-03':
    'Las normas del juicio le protegen como víctima, por ejemplo limitando las preguntas sobre su vida sexual.',
  'rights.answerVerified': 'Verificado por última vez el {date}',
  'rights.reportError': 'Informar de un error',
  'rights.reportErrorIn': 'Informar de un error en {indicator}',
  'rights.report.title': 'Informar de un error en una respuesta',
  'rights.report.about':
    'Sobre {indicator}: {question} Respuesta: {value}. Verificado por última vez el {date}.',
  'rights.report.message': '¿Qué está mal? (obligatorio)',
  'rights.report.contact': 'Su correo electrónico (opcional, solo si quiere una respuesta)',
  'rights.report.contactHint':
    'Se guarda cifrado y solo lo ve la organización que publicó esta respuesta. No incluya datos sobre usted que no quiera compartir.',
  'rights.report.website': 'Deje este campo vacío',
  'rights.report.submit': 'Enviar',
  'rights.report.sent.title': 'Gracias',
  'rights.report.sent.body': 'Su informe se envió a la organización que publicó esta respuesta.',
  'rights.report.back': 'Volver al boletín de calificaciones',
  'rights.report.notFound': 'Esta respuesta no está publicada para esta jurisdicción.',
  'rights.report.error.message': 'Diga qué está mal (hasta 2000 caracteres).',
  'rights.report.error.contact': 'Indique un correo como nombre@ejemplo.org, o déjelo vacío.',
  'rights.report.error.origin': 'Este formulario debe enviarse desde este sitio.',
  'rights.report.errorsTitle': 'Corrija lo siguiente:',
  'app.helpResources.title': 'Recursos de ayuda',
  'app.helpResources.intro':
    'Líneas de ayuda, asistencia jurídica y refugios que su organización mantiene para las páginas públicas “conozca sus derechos”. Solo se muestran los publicados, cada uno con su fecha de última verificación.',
  'app.helpResources.jurisdiction': 'Jurisdicción (id OCD)',
  'app.helpResources.kind': 'Tipo',
  'app.helpResources.name': 'Nombre',
  'app.helpResources.lastVerified': 'Última verificación',
  'app.helpResources.publish': 'Publicar en la página de derechos',
  'app.helpResources.add': 'Añadir un recurso de ayuda',
  'app.helpResources.added': 'Recurso de ayuda añadido.',
  'app.helpResources.status': 'Estado',
  'app.helpResources.actions': 'Acciones',
  'app.helpResources.published': 'Publicado',
  'app.helpResources.unpublished': 'No publicado',
  'app.helpResources.publishOne': 'Publicar {name}',
  'app.helpResources.unpublishOne': 'Retirar {name}',
  'app.helpResources.verify': '{name} verificado hoy',
  'app.helpResources.saved': 'Guardado.',
  'app.helpResources.none': 'Aún no hay recursos de ayuda.',
};
