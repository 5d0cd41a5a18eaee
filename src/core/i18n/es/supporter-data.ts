/** Texto en español de las páginas de derechos sobre los datos (`/my-data`), su correo y el consentimiento adicional de las cartas. */
export const esSupporterData = {
  'letters.consent.updates': 'Enviarme también noticias de {sender}.',
  'mydata.title': 'Sus datos',
  'mydata.intro':
    'Escriba la dirección de correo con la que firmó una petición, envió una carta o se suscribió a alertas. Si tenemos datos sobre ella, le enviamos un enlace, válido 24 horas, para descargarlos o pedir que se borren. No necesita una cuenta.',
  'mydata.email': 'Correo electrónico',
  'mydata.submit': 'Enviarme el enlace',
  'mydata.errorsIntro': 'Corrija esto, por favor:',
  'mydata.error.email.required': 'Escriba su dirección de correo.',
  'mydata.error.email.invalid': 'Escriba una dirección como nombre@ejemplo.org.',
  'mydata.error.origin': 'Este formulario debe enviarse desde este sitio. Inténtelo de nuevo.',
  'mydata.sent.title': 'Revise su correo',
  'mydata.sent.body':
    'Si tenemos datos sobre esta dirección, le hemos enviado un enlace. El enlace funciona 24 horas. Si no llega ningún correo, no tenemos nada sobre esta dirección.',
  'mydata.link.intro': 'Este enlace es para {email}.',
  'mydata.download.title': 'Descargar sus datos',
  'mydata.download.body':
    'Un archivo JSON con todo lo que tenemos sobre esta dirección: firmas de peticiones, cartas y sus envíos, consentimientos y suscripciones a alertas.',
  'mydata.download.submit': 'Descargar mis datos (JSON)',
  'mydata.erase.title': 'Borrar sus datos',
  'mydata.erase.body':
    'Borramos o anonimizamos de forma irreversible cada registro sobre esta dirección. Las firmas que se contaron siguen en los totales, sin nada sobre usted. Solo guardamos un hash con clave de la dirección para no volver a enviarle noticias. No se puede deshacer.',
  'mydata.erase.confirm': 'Entiendo que el borrado no se puede deshacer.',
  'mydata.erase.submit': 'Borrar mis datos',
  'mydata.erase.error.confirm': 'Marque la casilla para confirmar el borrado.',
  'mydata.erased.title': 'Sus datos se han borrado',
  'mydata.erased.body':
    'No guardamos nada más sobre esta dirección salvo el hash con clave que detiene nuestras noticias. Puede volver a firmar o escribir en el futuro; se le pedirá de nuevo su consentimiento.',
  'mydata.invalid.title': 'Este enlace no funciona',
  'mydata.invalid.body':
    'El enlace es incorrecto, ha caducado (duran 24 horas) o ya se usó para borrar los datos. Puede pedir uno nuevo.',
  'mydata.again': 'Pedir un enlace nuevo',
  'mydata.mail.subject': 'Sus datos: el enlace que pidió',
  'mydata.mail.body':
    'Alguien, esperamos que usted, pidió ver o borrar los datos que tenemos sobre esta dirección.\n\nAbra este enlace en las próximas 24 horas:\n{link}\n\nSi no lo pidió, ignore este correo: no pasará nada.',
  'mydata.link': 'Ver o borrar los datos que tenemos sobre usted',
};
