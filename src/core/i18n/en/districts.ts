/** English interface text: finding your lawmakers by postcode, location or district (no outside services). */
export const enDistricts = {
  'districts.title': 'Find your lawmakers',
  'districts.intro': 'Enter your postcode or choose your district. The lookup runs on this site only.',
  'districts.postcode.label': 'Postcode',
  'districts.postcode.submit': 'Find by postcode',
  'districts.choose.label': 'Your district',
  'districts.choose.empty': 'Choose a district',
  'districts.choose.submit': 'Show lawmakers',
  'districts.location.summary': 'Use a location (latitude and longitude)',
  'districts.location.lat': 'Latitude',
  'districts.location.lon': 'Longitude',
  'districts.location.submit': 'Find by location',
  'districts.ask.boundary':
    'This place is close to a district boundary, so we will not guess. Please choose your district.',
  'districts.ask.postcode':
    'This postcode is split between districts, so we will not guess. Please choose your district.',
  'districts.ask.legend': '{chamber}: which district is yours?',
  'districts.ask.share': 'about {percent}% of this postcode',
  'districts.ask.submit': 'Show my lawmakers',
  'districts.none.no-boundaries': 'No district maps are available here yet. Please choose your district.',
  'districts.none.outside':
    'That location is not in any district we know. Check it, or choose your district.',
  'districts.none.unknown-postcode': 'We do not know that postcode. Check it, or choose your district.',
  'districts.none.no-postcodes': 'No postcode table is available here yet. Please choose your district.',
  'districts.none.unknown-district': 'We do not know that district. Please choose one from the list.',
  'districts.results.title': 'Your lawmakers',
  'districts.results.none': 'No sitting lawmaker is recorded for these districts.',
  'districts.results.district': '{chamber}, district {district}',
  'districts.results.phone': 'Phone',
  'districts.chamber.upper': 'Upper chamber',
  'districts.chamber.lower': 'Lower chamber',
  'districts.chamber.legislature': 'Legislature',
  'districts.error.jurisdiction': 'This page needs a known jurisdiction (?jurisdiction=…).',
  'districts.error.input':
    'Please check what you entered: a postcode of up to 16 characters, or a latitude and longitude in degrees.',
} as const;
