// Dutch texts of the application form (issue 10).
import type { DictionaryPart } from './dictionary.ts';
import type { frApplications } from './fr-applications.ts';

export const nlApplications: DictionaryPart<typeof frApplications> = {
  'application.title': 'Een hulpaanvraag registreren',
  'application.add': 'Een aanvraag registreren',
  'application.kind': 'Soort gevraagde hulp',
  'application.continue': 'Doorgaan',
  'application.submittedOn': 'Datum van indiening',
  'application.declarations': 'Wat de persoon verklaart',
  'application.declarationsHint': 'Laat leeg wat niet verklaard werd.',
  'application.euros': 'In euro, bijvoorbeeld 1.250,50',
  'application.whole': 'Een geheel getal',
  'application.notSaid': 'Niet verklaard',
  'application.submit': 'De aanvraag registreren',
  'application.error.number': 'Het veld "{field}" moet een getal zijn',
  'common.yes': 'Ja',
  'common.no': 'Nee',
  'file.saved.application': 'De aanvraag is geregistreerd.',
};
