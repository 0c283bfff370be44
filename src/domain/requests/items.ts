// The categories of data an authority may ask the CPAS for, and what art. 46bis/1 CIC allows
// for each when the request is valid. Art. 46bis/1 only reaches the person's "renseignements
// administratifs": the Constitutional Court (C.C. 44/2019, B.11 and B.23.1) read them as the
// person's administrative situation, not everything the CPAS holds. Everything a social
// worker learns in confidence stays under art. 458 Code pénal, so those categories are
// withheld here, and no CPAS configuration can change that (see assessment-config.ts).

export const ITEM_CATEGORIES = [
  'identity',
  'domicile-address',
  'known-addresses',
  'application-data',
  'aid-decisions',
  'household-composition',
  'payment-account',
  'contact-details',
  'bcss-data',
  'decision-motivation',
  'social-report',
  'social-notes',
  'medical-data',
  'piis',
  'opinions',
] as const;

export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export type ItemDecision = 'disclose' | 'legal-review' | 'withhold';

export interface ItemTreatment {
  readonly decision: ItemDecision;
  /** Why, in French, in words a social worker understands. */
  readonly reason: string;
  /** The rule of the legal model and its sources. */
  readonly ref: string;
}

const ADMINISTRATIVE_REF = 'R9: art. 46bis/1 §1 CIC; C.C. 44/2019, B.11 et B.23.1 (liste publiée par le RWLP)';
const NOT_IN_COURT_LIST_REF = 'R8, R9: C.C. 44/2019, B.11 et B.23.1 (liste publiée par le RWLP, qui ne le cite pas)';

/** What a valid 46bis/1 request obtains for each category, before any CPAS configuration. */
export const DEFAULT_ITEM_TREATMENT: Readonly<Record<ItemCategory, ItemTreatment>> = {
  identity: {
    decision: 'disclose',
    reason:
      "Les données d’identité (nom, date et lieu de naissance, sexe, nationalité, numéro national) décrivent la situation administrative de la personne : la loi oblige le CPAS à les communiquer.",
    ref: ADMINISTRATIVE_REF,
  },
  'domicile-address': {
    decision: 'disclose',
    reason: "L’adresse du domicile est un renseignement administratif : la loi oblige le CPAS à la communiquer.",
    ref: ADMINISTRATIVE_REF,
  },
  'known-addresses': {
    decision: 'disclose',
    reason:
      "Les autres adresses connues (résidence, adresse de référence, anciennes adresses) sont des renseignements administratifs : la loi oblige le CPAS à les communiquer.",
    ref: ADMINISTRATIVE_REF,
  },
  'application-data': {
    decision: 'disclose',
    reason:
      "Ce que la personne a déclaré au CPAS dans sa demande d’aide (formulaire, ressources déclarées) est un renseignement administratif. Rien de ce qui a été dit en entretien n’en fait partie.",
    ref: ADMINISTRATIVE_REF,
  },
  'aid-decisions': {
    decision: 'disclose',
    reason:
      "L’aide accordée ou refusée (type, date, organe qui a décidé, période, montant) est un renseignement administratif. Les motifs écrits de la décision n’en font pas partie.",
    ref: ADMINISTRATIVE_REF,
  },
  'household-composition': {
    decision: 'legal-review',
    reason:
      "La composition du ménage parle aussi d’autres personnes que celle nommée dans la demande, et les sources ne disent pas clairement si c’est un renseignement administratif : le service juridique du CPAS doit décider avant tout envoi.",
    ref: 'R11, R37: droitsquotidiens.be (la cite) et liste du RWLP sur C.C. 44/2019 (ne la cite pas); NJW 402',
  },
  'payment-account': {
    decision: 'legal-review',
    reason:
      "Le compte sur lequel l’aide est versée n’est pas dans la liste des renseignements administratifs retenue par la Cour constitutionnelle : le service juridique du CPAS doit décider avant tout envoi.",
    ref: NOT_IN_COURT_LIST_REF,
  },
  'contact-details': {
    decision: 'legal-review',
    reason:
      "Le téléphone et l’adresse e-mail ne sont pas dans la liste des renseignements administratifs retenue par la Cour constitutionnelle : le service juridique du CPAS doit décider avant tout envoi.",
    ref: NOT_IN_COURT_LIST_REF,
  },
  'bcss-data': {
    decision: 'legal-review',
    reason:
      "Ces données viennent d’autres institutions par la Banque Carrefour (BCSS) : elles ne décrivent pas la situation de la personne au CPAS. Le service juridique du CPAS doit décider avant tout envoi.",
    ref: 'R12: C.C. 44/2019, B.11 (situation administrative de la personne); famipedia CO 1302 (flux BCSS)',
  },
  'decision-motivation': {
    decision: 'legal-review',
    reason:
      "Les motifs écrits d’une décision reprennent souvent des éléments de l’enquête sociale, couverts par le secret professionnel : le service juridique du CPAS doit décider avant tout envoi.",
    ref: 'R9, R10: C.C. 44/2019, B.23.1; RWLP et Intermag/RTA 2019 (rapports sociaux exclus)',
  },
  'social-report': {
    decision: 'withhold',
    reason:
      "Un rapport social n’est pas un renseignement administratif : la Cour constitutionnelle l’exclut. Il reste couvert par le secret professionnel et n’est jamais envoyé.",
    ref: 'R10, R33: C.C. 44/2019, B.11 et B.23.1; RWLP; Intermag/RTA 2019; art. 458 C. pén.',
  },
  'social-notes': {
    decision: 'withhold',
    reason:
      "Les notes d’entretien et les confidences ne sont pas des renseignements administratifs : elles restent couvertes par le secret professionnel et ne sont jamais envoyées.",
    ref: 'R10: droitsquotidiens.be; C.C. 44/2019, B.11; art. 458 C. pén.',
  },
  'medical-data': {
    decision: 'withhold',
    reason:
      "Les certificats médicaux et les informations de santé ne sont jamais communiqués sur la base de l’article 46bis/1.",
    ref: 'R10, R34: droitsquotidiens.be; RGPD art. 9; art. 458 C. pén.',
  },
  piis: {
    decision: 'withhold',
    reason:
      "Le PIIS et ses évaluations font partie du travail social, pas de la situation administrative : ils restent couverts par le secret professionnel.",
    ref: 'R10: C.C. 44/2019, B.11; C.C. 86/2018 (PIIS); art. 458 C. pén.',
  },
  opinions: {
    decision: 'withhold',
    reason:
      "L’état d’esprit, l’attitude, les convictions ou l’évaluation psychologique de la personne ne sont pas des renseignements administratifs : rien n’est communiqué.",
    ref: 'R10: droitsquotidiens.be; C.C. 44/2019, B.11; art. 458 C. pén.',
  },
};

export function isItemCategory(value: unknown): value is ItemCategory {
  return typeof value === 'string' && (ITEM_CATEGORIES as readonly string[]).includes(value);
}
