// Why someone opens personal data. Every use case that touches a person's data takes one, and the
// access log records it: "who read what" is only half of accountability without "what for".
export const PURPOSES = {
  'case-follow-up': { fr: 'Suivi du dossier', nl: 'Opvolging van het dossier', secret: true },
  'committee-preparation': { fr: "Préparation d'une décision du comité", nl: 'Voorbereiding van een beslissing van het comité', secret: true },
  supervision: { fr: 'Supervision', nl: 'Supervisie', secret: true },
  'administrative-processing': { fr: 'Traitement administratif', nl: 'Administratieve behandeling', secret: false },
  intake: { fr: 'Accueil et nouvelle demande', nl: 'Onthaal en nieuwe aanvraag', secret: false },
  'council-decision': { fr: 'Décision du conseil ou du comité', nl: 'Beslissing van de raad of het comité', secret: false },
  'authority-request': { fr: "Traitement d'une demande d'une autorité", nl: 'Behandeling van een vraag van een overheid', secret: false },
  'data-subject-access': { fr: "Droit d'accès de la personne", nl: 'Inzagerecht van de persoon', secret: false },
  'data-protection-audit': { fr: 'Contrôle par le DPO', nl: 'Controle door de DPO', secret: false },
  'bulk-import': { fr: 'Import de données', nl: 'Import van gegevens', secret: false },
} as const;
export type Purpose = keyof typeof PURPOSES;
export const PURPOSE_IDS = Object.keys(PURPOSES) as Purpose[];

export const isPurpose = (value: string): value is Purpose => Object.hasOwn(PURPOSES, value);

/** Opening secret data needs a purpose of the case work itself, not an administrative one. */
export const allowsSecretAccess = (purpose: Purpose): boolean => PURPOSES[purpose].secret;
