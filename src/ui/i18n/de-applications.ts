// German texts of the application form (issue 10).
import type { DictionaryPart } from './dictionary.ts';
import type { frApplications } from './fr-applications.ts';

export const deApplications: DictionaryPart<typeof frApplications> = {
  'application.title': 'Einen Hilfeantrag erfassen',
  'application.add': 'Einen Antrag erfassen',
  'application.kind': 'Art der beantragten Hilfe',
  'application.continue': 'Weiter',
  'application.submittedOn': 'Datum der Einreichung',
  'application.declarations': 'Was die Person angibt',
  'application.declarationsHint': 'Lassen Sie leer, was nicht angegeben wurde.',
  'application.euros': 'In Euro, zum Beispiel 1.250,50',
  'application.whole': 'Eine ganze Zahl',
  'application.notSaid': 'Nicht angegeben',
  'application.submit': 'Antrag erfassen',
  'application.error.number': 'Das Feld „{field}“ muss eine Zahl sein',
  'common.yes': 'Ja',
  'common.no': 'Nein',
  'file.saved.application': 'Der Antrag wurde erfasst.',
};
