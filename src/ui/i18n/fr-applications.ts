// French texts of the application form (issue 10). The labels of the declared facts themselves are
// in src/domain/application-forms.ts, shared with the API's schema.
export const frApplications = {
  'application.title': 'Enregistrer une demande d’aide',
  'application.add': 'Enregistrer une demande',
  'application.kind': 'Type d’aide demandée',
  'application.continue': 'Continuer',
  'application.submittedOn': 'Date d’introduction',
  'application.declarations': 'Ce que la personne déclare',
  'application.declarationsHint': 'Laissez vide ce qui n’a pas été déclaré.',
  'application.euros': 'En euros, par exemple 1 250,50',
  'application.whole': 'Un nombre entier',
  'application.notSaid': 'Non déclaré',
  'application.submit': 'Enregistrer la demande',
  'application.error.number': 'Le champ « {field} » doit être un nombre',
  'common.yes': 'Oui',
  'common.no': 'Non',
  'file.saved.application': 'La demande a été enregistrée.',
} as const;
