/**
 * English interface text: the public "know your rights / get help" pages, help resources and the "report an
 * error" form. The `rights.protection.*` sentences say what an indicator means when a published answer meets
 * it; they are ours, not the law (the law is quoted from the published answer with its citation).
 */
export const enRights = {
  'rights.title': '{name}: know your rights, get help',
  'rights.intro':
    'What the published law of {name} gives victims of trafficking, in plain words, and where to get help. Each point links to the law it comes from.',
  'rights.quickExit': 'Quick exit',
  'rights.quickExitHint': 'Leaves this site at once. With JavaScript on, the Escape key does the same.',
  'rights.protections': 'What the law provides',
  'rights.noProtections':
    'No protection for victims has been published for this jurisdiction yet. That does not mean there is none: it may not have been measured.',
  'rights.partly': 'In part: {text}',
  'rights.source': 'The law:',
  'rights.verified': 'Last verified {date}',
  'rights.summaryNote':
    'These plain-language summaries are written by lawgap to explain each point we measure; they are not the law. The law itself is quoted below each one, with a link to the provision.',
  'rights.help': 'Get help',
  'rights.noResources': 'No help resources have been published for this jurisdiction yet.',
  'rights.noResourcesLang': 'No help resource here is offered in this language.',
  'rights.filter.label': 'Language offered',
  'rights.filter.any': 'Any language',
  'rights.filter.submit': 'Show',
  'rights.kind.hotline': 'Hotline',
  'rights.kind.legal_aid': 'Legal aid',
  'rights.kind.shelter': 'Shelter',
  'rights.kind.other': 'Other help',
  'rights.phone': 'Phone',
  'rights.website': 'Website',
  'rights.languages': 'Languages',
  'rights.hours': 'Hours',
  'rights.reportCard': 'Report card of {name}',
  'rights.link': 'Know your rights and get help in {name}',
  'rights.protection.VI-01':
    'You should not be arrested, prosecuted or punished for offences you were forced to commit because you were trafficked.',
  'rights.protection.VI-02': 'Convictions that came from being trafficked can be cleared from your record.',
  'rights.protection.VI-03':
    'If you are charged with a crime, you can defend yourself by showing you committed it because you were trafficked.',
  'rights.protection.VI-04':
    'There is an official way to recognise victims and send them to help, and officials must refer or report.',
  'rights.protection.VI-06':
    'A foreign victim gets a recovery and reflection period of at least 30 days, with protection from removal.',
  'rights.protection.VI-07': 'You can get help without having to cooperate with the police or prosecutors.',
  'rights.protection.VI-08': 'If your age is uncertain, you are treated as a child.',
  'rights.protection.VP-01':
    'You have a right to help: shelter, medical and psychological care, and material support.',
  'rights.protection.VP-02': 'You can get free legal advice or a lawyer.',
  'rights.protection.VP-03':
    'Your identity and privacy are protected, and revealing who you are can be an offence.',
  'rights.protection.VP-04': 'As a witness you can get protection and special ways to give evidence.',
  'rights.protection.VP-05':
    'You have a right to information and to be heard in proceedings, in a language you understand.',
  'rights.protection.VP-06': 'You can apply for compensation from the state or a victims’ fund.',
  'rights.protection.VP-07': 'If you are not a citizen, you can apply for permission to stay (residence).',
  'rights.protection.VP-08':
    'If you go back to your country, the return must be safe and voluntary, after a check of the risks.',
  'rights.protection.VP-09':
    'Help and remedies are available whatever your immigration status, and even if you were in the sex trade.',
  'rights.protection.CH-03': 'Children are protected from arrest, detention or prosecution for prostitution.',
  'rights.protection.CH-04':
    'Trafficked children are looked after by child protection services, not the juvenile justice system.',
  'rights.protection.CH-05':
    'Trafficked or unaccompanied children get a guardian or an independent advocate.',
  'rights.protection.CH-06':
    'Children can give evidence in child-friendly ways, such as recorded interviews and limits on cross-examination.',
  'rights.protection.PN-04': 'The court must order the offender to pay you back for what you lost.',
  'rights.protection.PN-06': 'You can sue the traffickers, and people who knowingly profited, for damages.',
  'rights.protection.PN-07':
    'You have a long time to bring a case, and for child victims the time limit is paused.',
  'rights.protection.PJ-03':
    'Court rules protect you as a victim, for example by limiting questions about your sexual history.',
  'rights.answerVerified': 'Last verified {date}',
  'rights.reportError': 'Report an error',
  'rights.reportErrorIn': 'Report an error in {indicator}',
  'rights.report.title': 'Report an error in an answer',
  'rights.report.about': 'About {indicator}: {question} Answer: {value}. Last verified {date}.',
  'rights.report.message': 'What is wrong? (required)',
  'rights.report.contact': 'Your email (optional, only if you want a reply)',
  'rights.report.contactHint':
    'Stored encrypted and seen only by the organisation that published this answer. Do not include details about yourself you do not want to share.',
  'rights.report.website': 'Leave this field empty',
  'rights.report.submit': 'Send report',
  'rights.report.sent.title': 'Thank you',
  'rights.report.sent.body': 'Your report was sent to the organisation that published this answer.',
  'rights.report.back': 'Back to the report card',
  'rights.report.notFound': 'This answer is not published for this jurisdiction.',
  'rights.report.error.message': 'Say what is wrong (up to 2,000 characters).',
  'rights.report.error.contact': 'Give an email address such as name@example.org, or leave it empty.',
  'rights.report.error.origin': 'This form must be sent from this site.',
  'rights.report.errorsTitle': 'Please correct the following:',
  'app.helpResources.title': 'Help resources',
  'app.helpResources.intro':
    'Hotlines, legal aid and shelters your organization keeps for the public “know your rights” pages. Only published ones are shown, each with its last-verified date.',
  'app.helpResources.jurisdiction': 'Jurisdiction (OCD id)',
  'app.helpResources.kind': 'Kind',
  'app.helpResources.name': 'Name',
  'app.helpResources.lastVerified': 'Last verified',
  'app.helpResources.publish': 'Publish on the rights page',
  'app.helpResources.add': 'Add a help resource',
  'app.helpResources.added': 'Help resource added.',
  'app.helpResources.status': 'Status',
  'app.helpResources.actions': 'Actions',
  'app.helpResources.published': 'Published',
  'app.helpResources.unpublished': 'Not published',
  'app.helpResources.publishOne': 'Publish {name}',
  'app.helpResources.unpublishOne': 'Unpublish {name}',
  'app.helpResources.verify': 'Checked {name} today',
  'app.helpResources.saved': 'Saved.',
  'app.helpResources.none': 'No help resources yet.',
} as const;
