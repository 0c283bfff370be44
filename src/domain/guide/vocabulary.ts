// The words of the professional-secrecy guide ("Puis-je parler ?"), exactly as its contract names
// them (docs/legal-model.md, section 4): who asks, how, with what act, the danger, the categories
// of information and the answers. The input has no field saying whether the person is known to
// the CPAS, and must never get one: the guide's answer, and above all its standard reply, would
// then differ with the one fact that professional secrecy hides first.

export const COUNTERPARTS = [
  'police',
  'procureur-du-roi',
  'procureur-federal',
  'juge-instruction',
  'court',
  'lawyer',
  'family-member',
  'another-cpas',
  'social-service',
  'doctor',
  'school',
  'employer',
  'landlord',
  'journalist',
  'municipality',
  'immigration-office',
  'social-inspection',
  'intelligence-service',
  'emergency-services',
  'the-person',
  'case-consultation',
  'cpas-colleague',
  'cpas-council-member',
  'other',
] as const;
export type Counterpart = (typeof COUNTERPARTS)[number];

export const INITIATIVES = ['asked', 'own-initiative'] as const;
export type Initiative = (typeof INITIATIVES)[number];

export const GUIDE_CHANNELS = ['phone', 'in-person', 'letter', 'email', 'secure-platform', 'summons', 'consultation-meeting'] as const;
export type GuideChannel = (typeof GUIDE_CHANNELS)[number];

export const INSTRUMENTS = [
  'none',
  'written-reasoned-request',
  'seizure-or-search-warrant',
  'witness-summons',
  '458ter-consultation-invitation',
  'other-law',
] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const CONSENTS = ['none', 'oral', 'written'] as const;
export type Consent = (typeof CONSENTS)[number];

export const DANGERS = ['none', 'grave-and-current', 'grave-and-imminent', 'serious-indications-other-victims'] as const;
export type Danger = (typeof DANGERS)[number];

export const ENDANGERED = ['the-person', 'minor', 'vulnerable-adult', 'third-party'] as const;
export type Endangered = (typeof ENDANGERED)[number];

export const CAN_PROTECT = ['alone', 'with-help', 'no'] as const;
export type CanProtect = (typeof CAN_PROTECT)[number];

export const OFFENCES = ['none', 'terrorist', '458bis-offence', 'other'] as const;
export type Offence = (typeof OFFENCES)[number];

/** The classes decide which exception can release a category; every category is secret towards outsiders. */
export type ItemClass = 'ADMIN' | 'RESCUE' | 'REVIEW' | 'SECRET' | 'SEALED';

export const GUIDE_ITEM_CLASSES = {
  identity: ['ADMIN', 'RESCUE'],
  'domicile-address': ['ADMIN', 'RESCUE'],
  'known-addresses': ['ADMIN', 'RESCUE'],
  'application-data': ['ADMIN'],
  'aid-decisions': ['ADMIN'],
  'client-status': ['ADMIN'],
  'household-composition': ['REVIEW'],
  'payment-account': ['REVIEW'],
  'contact-details': ['REVIEW', 'RESCUE'],
  'bcss-data': ['REVIEW'],
  'decision-motivation': ['REVIEW'],
  'social-report': ['SECRET'],
  'social-notes': ['SECRET'],
  'medical-data': ['SECRET', 'RESCUE'],
  piis: ['SECRET'],
  opinions: ['SECRET'],
  'sealed-register': ['SEALED'],
} as const satisfies Record<string, readonly ItemClass[]>;

export type GuideItem = keyof typeof GUIDE_ITEM_CLASSES;
export const GUIDE_ITEMS = Object.keys(GUIDE_ITEM_CLASSES) as GuideItem[];

export const hasClass = (item: GuideItem, cls: ItemClass): boolean =>
  (GUIDE_ITEM_CLASSES[item] as readonly ItemClass[]).includes(cls);

/** Named sets of the contract. */
export const PROSECUTORS: readonly Counterpart[] = ['procureur-du-roi', 'procureur-federal'];
export const AUTH46: readonly Counterpart[] = [
  'police',
  'procureur-du-roi',
  'procureur-federal',
  'intelligence-service',
  'immigration-office',
  'social-inspection',
  'municipality',
];
export const AUTH: readonly Counterpart[] = [...AUTH46, 'juge-instruction', 'court'];
export const BOUND: readonly Counterpart[] = ['another-cpas', 'social-service', 'doctor'];
export const WRITTEN: readonly GuideChannel[] = ['letter', 'email', 'secure-platform'];

/** A situation as parseGuideInput (parse-guide.ts) returns it. */
export interface GuideInput {
  readonly counterpart: Counterpart;
  readonly initiative: Initiative;
  readonly channel: GuideChannel;
  readonly instrument: Instrument;
  readonly consent: Consent;
  readonly danger: Danger;
  /** Present whenever danger is not none; ignored when it is. */
  readonly endangered?: Endangered | null;
  readonly canProtect?: CanProtect | null;
  readonly offence: Offence;
  /** At least one, each at most once. */
  readonly items: readonly GuideItem[];
}

export const ANSWERS = ['must-not-disclose', 'may-disclose', 'must-assist', 'use-register', 'refer-to-person', 'legal-review'] as const;
export type GuideAnswerKind = (typeof ANSWERS)[number];

export const RECIPIENTS = [
  'none',
  'procureur-du-roi',
  'emergency-services',
  'whoever-can-avert-the-danger',
  'court',
  'consultation-participants',
  'counterpart',
  'the-person',
] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** The closed list of R23 the guide returns (legal-obligation is the register's, never the guide's). */
export const JUSTIFICATIONS = [
  '422bis',
  '458bis',
  'necessity',
  '458ter-consultation',
  'testimony',
  'shared-secrecy',
  'internal-shared-secrecy',
] as const;
export type Justification = (typeof JUSTIFICATIONS)[number];

export const RECORD_LOGS = ['disclosure', 'authority-register', 'access-request', 'file-note', 'none'] as const;
export type RecordLog = (typeof RECORD_LOGS)[number];
