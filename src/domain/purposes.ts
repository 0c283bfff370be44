// Why someone opens personal data. Every use case that touches a person's data takes one, and the
// access log records it: "who read what" is only half of accountability without "what for".
export const PURPOSES = {
  'case-follow-up': { fr: 'Suivi du dossier', nl: 'Opvolging van het dossier' },
  'committee-preparation': { fr: "Préparation d’une décision du comité", nl: 'Voorbereiding van een beslissing van het comité' },
  supervision: { fr: 'Supervision', nl: 'Supervisie' },
  'administrative-processing': { fr: 'Traitement administratif', nl: 'Administratieve behandeling' },
  intake: { fr: 'Accueil et nouvelle demande', nl: 'Onthaal en nieuwe aanvraag' },
  'council-decision': { fr: 'Décision du conseil ou du comité', nl: 'Beslissing van de raad of het comité' },
  'authority-request': { fr: "Traitement d’une demande d’une autorité", nl: 'Behandeling van een vraag van een overheid' },
  'data-subject-access': { fr: "Droit d’accès de la personne", nl: 'Inzagerecht van de persoon' },
  'data-protection-audit': { fr: 'Contrôle par le DPO', nl: 'Controle door de DPO' },
  'bulk-import': { fr: 'Import de données', nl: 'Import van gegevens' },
} as const;
export type Purpose = keyof typeof PURPOSES;
export const PURPOSE_IDS = Object.keys(PURPOSES) as Purpose[];

export const isPurpose = (value: string): value is Purpose => Object.hasOwn(PURPOSES, value);

// Which purposes open secret classes is the policy's to say: allowsSecretAccess in access-policy.ts.
