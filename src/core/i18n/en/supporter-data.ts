/** English text of the supporter data-rights pages (`/my-data`), their mail, and the letter form's extra consent. */
export const enSupporterData = {
  'letters.consent.updates': 'Also send me news from {sender}.',
  'mydata.title': 'Your data',
  'mydata.intro':
    'Enter the email address you used to sign a petition, send a letter or subscribe to alerts. If we hold data about it, we email a link, valid for 24 hours, to download that data or have it erased. You do not need an account.',
  'mydata.email': 'Email address',
  'mydata.submit': 'Email me the link',
  'mydata.errorsIntro': 'Please correct this:',
  'mydata.error.email.required': 'Enter your email address.',
  'mydata.error.email.invalid': 'Enter an email address like name@example.org.',
  'mydata.error.origin': 'This form must be sent from this site. Please try again.',
  'mydata.sent.title': 'Check your email',
  'mydata.sent.body':
    'If we hold data about this address, we have sent a link to it. The link works for 24 hours. If no mail arrives, we hold nothing about this address.',
  'mydata.link.intro': 'This link is for {email}.',
  'mydata.download.title': 'Download your data',
  'mydata.download.body':
    'A JSON file with everything we hold about this address: petition signatures, letters and their deliveries, consents and alert subscriptions.',
  'mydata.download.submit': 'Download my data (JSON)',
  'mydata.erase.title': 'Erase your data',
  'mydata.erase.body':
    'We delete or irreversibly anonymise every record about this address. Signatures that were counted stay in the totals, with nothing about you. We keep only a keyed hash of the address so that we never send it news again. This cannot be undone.',
  'mydata.erase.confirm': 'I understand that erasing cannot be undone.',
  'mydata.erase.submit': 'Erase my data',
  'mydata.erase.error.confirm': 'Tick the box to confirm the erasure.',
  'mydata.erased.title': 'Your data has been erased',
  'mydata.erased.body':
    'We hold nothing more about this address except the keyed hash that stops our news. You may sign or write again in future; that asks for your consent again.',
  'mydata.invalid.title': 'This link does not work',
  'mydata.invalid.body':
    'The link is wrong, has expired (links last 24 hours) or has already been used to erase the data. You can ask for a new one.',
  'mydata.again': 'Ask for a new link',
  'mydata.mail.subject': 'Your data: the link you asked for',
  'mydata.mail.body':
    'Someone, we hope you, asked to see or erase the data we hold about this address.\n\nOpen this link within 24 hours:\n{link}\n\nIf you did not ask, ignore this mail: nothing happens.',
  'mydata.link': 'See or erase the data we hold about you',
};
