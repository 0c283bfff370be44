// The professional-secrecy guide as a table: rules G1-G19 in the order they are tried, the
// additional grounds E1-E10, the grounds, the conditions, the standard replies and what to record.
// Each entry carries its source and whether the sources settle it (`settled`) or the CPAS legal
// service must confirm it (`CHECK`). docs/legal-model.md generates its section 4 from this module,
// and decide.ts applies nothing that is not here. The texts (French, Dutch, German) are in texts-*.ts.
import type { GuideConfig } from './config.ts';
import {
  AUTH,
  AUTH46,
  BOUND,
  PROSECUTORS,
  WRITTEN,
  hasClass,
  type Counterpart,
  type GuideAnswerKind,
  type GuideInput,
  type GuideItem,
  type Justification,
  type Recipient,
  type RecordLog,
} from './vocabulary.ts';

export type Status = 'settled' | 'CHECK';

export const GROUNDS = {
  'professional-secrecy': { status: 'settled', ref: 'art. 458 Code pénal (1867) ; loi organique des CPAS, art. 36 et 50 (numérotation régionale, R40)' },
  'secrecy-of-measure': { status: 'settled', ref: 'art. 46bis/1 § 2 CIC ; C.C. 44/2019, B.12 ; R20, R21' },
  'duty-to-assist': { status: 'settled', ref: 'art. 422bis Code pénal (1867) ; R25' },
  'art-458bis': { status: 'settled', ref: 'art. 458bis Code pénal (1867) (liste d’articles à vérifier, R39) ; R24' },
  necessity: { status: 'settled', ref: 'état de nécessité : Cass. 13 mai 1987, 28 avril 1999, 24 janvier 2007 ; R26' },
  'shared-secrecy': { status: 'CHECK', ref: 'secret professionnel partagé (doctrine ; research.md § 4.6)' },
  'art-46bis1': { status: 'settled', ref: 'art. 46bis/1 CIC ; C.C. 44/2019 ; R1-R7, R14, R15' },
  testimony: { status: 'CHECK', ref: 'art. 458 Code pénal (1867) ; R29' },
  'hearing-not-testimony': { status: 'CHECK', ref: 'art. 458 Code pénal (1867) ; R29' },
  'case-consultation-458ter': { status: 'CHECK', ref: 'art. 458ter Code pénal (1867) ; loi du 30 juillet 2018 (CSIL-R) ; C.C. 52/2021 ; R27, R28' },
  'not-a-458ter-consultation': { status: 'CHECK', ref: 'art. 458ter Code pénal (1867) ; R27' },
  'search-or-seizure': { status: 'CHECK', ref: 'R3' },
  'other-law': { status: 'settled', ref: 'art. 458 Code pénal (1867) (« la loi … les oblige ») ; R23' },
  'judge-or-court': { status: 'CHECK', ref: 'R3' },
  'right-of-access': { status: 'settled', ref: 'RGPD art. 15 ; décisions CADA (Wallonie) ; R21' },
  'council-closed-session': { status: 'settled', ref: 'loi organique des CPAS, art. 36 al. 2 ; circulaire wallonne du 2 juin 2022 ; R31' },
  'internal-shared-secrecy': { status: 'CHECK', ref: 'loi organique des CPAS, art. 50 ; R30, R32' },
  'permission-not-duty': { status: 'settled', ref: 'art. 458bis ; état de nécessité ; art. 458 ; C.C. 52/2021' },
  'no-duty-to-report': {
    status: 'settled',
    ref: 'C.C. 44/2019 (art. 46bis/1 § 3 annulé) ; R22, R36 ; art. 29 CIC : ne prime pas le secret selon l’avis dominant [CHECK]',
  },
  'protect-otherwise': { status: 'settled', ref: 'art. 458bis ; état de nécessité (aucun autre moyen) ; R24, R26' },
  'danger-exception-not-met': { status: 'settled', ref: 'art. 458bis ; état de nécessité ; R24, R26' },
  'not-46bis1': { status: 'settled', ref: 'art. 46bis/1 CIC ; R1, R4, R6' },
  'consent-missing': { status: 'CHECK', ref: 'secret professionnel partagé (research.md § 4.6)' },
} as const satisfies Record<string, { status: Status; ref: string }>;
export type GroundCode = keyof typeof GROUNDS;

/** The conditions of each rule that gives a permission or a duty, in the order the contract lists them, with their ref. */
export const CONDITIONS = {
  G2: [
    ['grave-current-peril', 'art. 422bis al. 1 Code pénal (1867)'],
    ['no-serious-risk', 'art. 422bis al. 2 Code pénal (1867)'],
    ['rescue-needs-only', 'art. 422bis Code pénal (1867) ; R25'],
  ],
  G3: ['learned-through-profession', 'listed-offence', 'minor-or-vulnerable-victim', 'grave-danger-or-other-victims', 'cannot-protect', 'procureur-only', 'necessary-only'].map(
    (code) => [code, 'art. 458bis Code pénal (1867)'] as const,
  ),
  G4: ['value-protected-at-least-equal', 'grave-imminent-peril', 'no-other-means', 'not-self-created', 'necessary-only'].map(
    (code) => [code, 'état de nécessité : Cass. 13 mai 1987, 28 avril 1999, 24 janvier 2007 ; R26'] as const,
  ),
  G5: ['recipient-bound-by-secrecy', 'protection-purpose', 'necessary-only', 'person-informed-if-safe'].map(
    (code) => [code, 'art. 458bis Code pénal (1867) (« seul ou avec l’aide de tiers ») ; secret professionnel partagé (research.md § 4.6)'] as const,
  ),
  G7: ['heard-by-a-judge', 'may-remain-silent', 'necessary-only', 'no-file-handover'].map((code) => [code, 'art. 458 Code pénal (1867) ; R29'] as const),
  G9: [
    'lawful-consultation',
    'limited-purpose',
    'voluntary-no-duty-to-speak',
    'during-consultation-only',
    'participants-bound',
    'nothing-in-feedback-sheet',
    'no-reuse',
  ].map((code) => [code, 'art. 458ter Code pénal (1867) ; C.C. 52/2021, B.14.1 ; R27, R28'] as const),
  G16: ['colleague-bound', 'same-mission', 'need-to-know', 'person-informed'].map((code) => [code, 'loi organique des CPAS, art. 50 ; R30'] as const),
  G17: ['recipient-bound-by-secrecy', 'same-mission', 'necessary-only', 'informed-consent'].map(
    (code) => [code, 'secret professionnel partagé (research.md § 4.6) ; R13'] as const,
  ),
} as const satisfies Record<string, readonly (readonly [string, string])[]>;
export type RuleWithConditions = keyof typeof CONDITIONS;
/** A condition's text is keyed by its rule and code: `necessary-only` says something different under each rule. */
export type ConditionKey = `${RuleWithConditions}.${string}`;

/** What a rule lets leave: nothing, S (the items without sealed-register), or S within a class. */
export type Share = 'nothing' | 'S' | 'S-rescue' | 'S-admin';

interface Situation {
  readonly input: GuideInput;
  readonly config: GuideConfig;
}

export interface GuideRule {
  readonly id: `G${number}`;
  readonly when: string;
  readonly applies: (s: Situation) => boolean;
  readonly answer: GuideAnswerKind;
  readonly recipient: Recipient;
  readonly share: Share;
  readonly justification: Justification | null;
  /** The rule's own ground, given right after professional-secrecy. */
  readonly ground: GroundCode | null;
  readonly status: Status;
  readonly statusNote?: string;
  readonly sources: string;
}

const among = <T>(set: readonly T[], value: T) => set.includes(value);
const PRESSING = ['grave-and-imminent', 'serious-indications-other-victims'] as const;
const pressing = ({ input }: Situation) => among<string>(PRESSING, input.danger);
export const onlySealed = (items: readonly GuideItem[]) => items.length === 1 && items[0] === 'sealed-register';
const hasConsent = ({ input }: Situation) => input.consent !== 'none';
const bound = ({ input }: Situation) => among(BOUND, input.counterpart);
const sharing = ({ config }: Situation) => config.externalSharedSecrecy === 'on';
const is = (counterpart: Counterpart) => ({ input }: Situation) => input.counterpart === counterpart;

const rule = (
  id: GuideRule['id'],
  when: string,
  applies: GuideRule['applies'],
  outcome: [GuideAnswerKind, Recipient, Share, Justification | null, GroundCode | null],
  status: Status,
  sources: string,
  statusNote?: string,
): GuideRule => {
  const [answer, recipient, share, justification, ground] = outcome;
  return { id, when, applies, answer, recipient, share, justification, ground, status, sources, ...(statusNote ? { statusNote } : {}) };
};

export const GUIDE_RULES: readonly GuideRule[] = [
  rule('G1', '`items` is exactly `["sealed-register"]`', ({ input }) => onlySealed(input.items),
    ['must-not-disclose', 'none', 'nothing', null, 'secrecy-of-measure'], 'settled', 'R16, R20, R21; art. 46bis/1 § 2 CIC; C.C. 44/2019 B.12 (ufas.be, NJW) [S]'),
  rule('G2', '`danger` = grave-and-current', ({ input }) => input.danger === 'grave-and-current',
    ['must-assist', 'emergency-services', 'S-rescue', '422bis', 'duty-to-assist'], 'settled', 'R25; art. 422bis (§4.4, myonline) [S]; sos-ecole [S]'),
  rule('G3', '`danger` ∈ {grave-and-imminent, serious-indications-other-victims}, `canProtect` = no, `offence` = 458bis-offence, `endangered` ∈ {minor, vulnerable-adult}',
    (s) => pressing(s) && s.input.canProtect === 'no' && s.input.offence === '458bis-offence' && among<unknown>(['minor', 'vulnerable-adult'], s.input.endangered),
    ['may-disclose', 'procureur-du-roi', 'S', '458bis', 'art-458bis'], 'settled', 'R24; art. 458bis (§4.2, blogavocat) [S]; psychologencommissie, Ordre des pharmaciens [S]',
    'permission and conditions settled; the article list is CHECK (R39)'),
  rule('G4', '`danger` = grave-and-imminent, `canProtect` = no', ({ input }) => input.danger === 'grave-and-imminent' && input.canProtect === 'no',
    ['may-disclose', 'whoever-can-avert-the-danger', 'S', 'necessity', 'necessity'], 'settled', 'R26; Cass. 13/05/1987, 28/04/1999, 24/01/2007 (§4.5, wordscope) [S]; commissionpsychologues [S]'),
  rule('G5', '`danger` ∈ {grave-and-imminent, serious-indications-other-victims}, `canProtect` = with-help, `counterpart` ∈ BOUND (skipped when `externalSharedSecrecy` is off)',
    (s) => sharing(s) && pressing(s) && s.input.canProtect === 'with-help' && bound(s),
    ['may-disclose', 'counterpart', 'S', 'shared-secrecy', 'shared-secrecy'], 'CHECK', "art. 458bis « seul ou avec l’aide de tiers » (§4.2) [S]; shared secrecy (§4.6) [M]"),
  rule('G6', '`counterpart` ∈ PROSECUTORS, `initiative` = asked, `offence` = terrorist, `channel` ∈ WRITTEN, `instrument` ∈ {written-reasoned-request, none}',
    ({ input }) => among(PROSECUTORS, input.counterpart) && input.initiative === 'asked' && input.offence === 'terrorist' && among(WRITTEN, input.channel) && among<string>(['written-reasoned-request', 'none'], input.instrument),
    ['use-register', 'none', 'nothing', null, 'art-46bis1'], 'settled', 'R1, R2, R4-R7, R14-R16; assessment-contract.md', 'routing'),
  rule('G7', '`instrument` = witness-summons, `counterpart` ∈ {court, juge-instruction}',
    ({ input }) => input.instrument === 'witness-summons' && among<Counterpart>(['court', 'juge-instruction'], input.counterpart),
    ['may-disclose', 'court', 'S', 'testimony', 'testimony'], 'CHECK', 'R29; art. 458 (§4.1, e2.law) [S]',
    'the exception is [S]; "a right, not a duty" and the juge d’instruction hearing are [M]'),
  rule('G8', '`instrument` = witness-summons, any other counterpart', ({ input }) => input.instrument === 'witness-summons',
    ['legal-review', 'none', 'nothing', null, 'hearing-not-testimony'], 'CHECK', 'art. 458 « témoignage en justice » [S]; a police hearing [NF]'),
  rule('G9', '`counterpart` = case-consultation, `instrument` = 458ter-consultation-invitation, `channel` = consultation-meeting',
    ({ input }) => input.counterpart === 'case-consultation' && input.instrument === '458ter-consultation-invitation' && input.channel === 'consultation-meeting',
    ['may-disclose', 'consultation-participants', 'S', '458ter-consultation', 'case-consultation-458ter'], 'CHECK', 'R27, R28; §4.3; CE opinion 74.664/16 [S]',
    '458ter wording [M]; the CSIL-R law [P] and C.C. 52/2021 guarantees [S] are settled'),
  rule('G10', '`counterpart` = case-consultation (G9 not met)', is('case-consultation'),
    ['must-not-disclose', 'none', 'nothing', null, 'not-a-458ter-consultation'], 'settled', 'R27 (sharing only within the consultation)'),
  rule('G11', '`instrument` = seizure-or-search-warrant', ({ input }) => input.instrument === 'seizure-or-search-warrant',
    ['legal-review', 'none', 'nothing', null, 'search-or-seizure'], 'CHECK', 'R3 [NF]/[M]'),
  rule('G12', '`instrument` = other-law', ({ input }) => input.instrument === 'other-law',
    ['legal-review', 'none', 'nothing', null, 'other-law'], 'settled', 'art. 458 « la loi … les oblige » [S]; R23', 'routing'),
  rule('G13', '`counterpart` ∈ {juge-instruction, court}', ({ input }) => among<Counterpart>(['juge-instruction', 'court'], input.counterpart),
    ['legal-review', 'none', 'nothing', null, 'judge-or-court'], 'CHECK', 'R3 [NF]/[M]'),
  rule('G14', '`counterpart` = the-person', is('the-person'),
    ['refer-to-person', 'the-person', 'nothing', null, 'right-of-access'], 'settled', 'GDPR art. 15; CADA decisions 555/559 of 2025 (§5.1) [P]; R20, R21'),
  rule('G15', '`counterpart` = cpas-council-member', is('cpas-council-member'),
    ['must-not-disclose', 'none', 'nothing', null, 'council-closed-session'], 'settled', 'R31; organic law art. 36 al. 2 (Walloon Minister 04/08/2010) [S]; Walloon circular 2 June 2022 [S]'),
  rule('G16', '`counterpart` = cpas-colleague', is('cpas-colleague'),
    ['may-disclose', 'counterpart', 'S', 'internal-shared-secrecy', 'internal-shared-secrecy'], 'CHECK', 'R30, R32; organic law art. 50 [M]; shared secrecy (§4.6) [M]'),
  rule('G17', '`consent` ∈ {oral, written}, `counterpart` ∈ BOUND, S ∩ ADMIN not empty (skipped when `externalSharedSecrecy` is off)',
    (s) => sharing(s) && hasConsent(s) && bound(s) && s.input.items.some((item) => hasClass(item, 'ADMIN')),
    ['may-disclose', 'counterpart', 'S-admin', 'shared-secrecy', 'shared-secrecy'], 'CHECK', 'shared secrecy (§4.6) [M]; revueobservatoire [S]; R13 (minimisation)'),
  rule('G18', '`consent` ∈ {oral, written}', hasConsent,
    ['refer-to-person', 'the-person', 'nothing', null, 'right-of-access'], 'settled', '§4.6; R21, R23',
    'SETTLED that the person may access their data (§5.1); CHECK that consent alone does not let the CPAS disclose [M]'),
  rule('G19', 'otherwise', () => true,
    ['must-not-disclose', 'none', 'nothing', null, null], 'settled', 'art. 458 (§4.1) [S]; arts 36/50 (§4.7) [S]; R1, R4, R6, R22, R23, R36'),
];

interface Decided extends Situation {
  readonly rule: GuideRule;
}

const CONSULTATION_RULES = ['G1', 'G2', 'G3', 'G4', 'G5', 'G9'];

/** The additional grounds, added in this order after the rule's own ground (E1 always first). */
export const EXTRA_GROUNDS: readonly { id: string; when: string; ground: GroundCode; applies: (d: Decided) => boolean }[] = [
  { id: 'E1', when: '`counterpart` ≠ the-person (always first)', ground: 'professional-secrecy', applies: ({ input }) => input.counterpart !== 'the-person' },
  { id: 'E2', when: '`items` contains `sealed-register`', ground: 'secrecy-of-measure', applies: ({ input }) => input.items.includes('sealed-register') },
  { id: 'E3', when: '`answer` = may-disclose', ground: 'permission-not-duty', applies: ({ rule }) => rule.answer === 'may-disclose' },
  { id: 'E4', when: '`initiative` = own-initiative and `answer` ∈ {must-not-disclose, refer-to-person}', ground: 'no-duty-to-report',
    applies: ({ input, rule }) => input.initiative === 'own-initiative' && among<string>(['must-not-disclose', 'refer-to-person'], rule.answer) },
  { id: 'E5', when: '`danger` ∈ {grave-and-imminent, serious-indications-other-victims} and `canProtect` ∈ {alone, with-help}', ground: 'protect-otherwise',
    applies: (d) => pressing(d) && among<unknown>(['alone', 'with-help'], d.input.canProtect) },
  { id: 'E6', when: '`danger` = serious-indications-other-victims, `canProtect` = no, and G3 did not decide', ground: 'danger-exception-not-met',
    applies: ({ input, rule }) => input.danger === 'serious-indications-other-victims' && input.canProtect === 'no' && rule.id !== 'G3' },
  { id: 'E7', when: '`counterpart` = case-consultation, or `instrument` = 458ter-consultation-invitation, or `channel` = consultation-meeting; and the deciding rule is not G1-G5 or G9',
    ground: 'not-a-458ter-consultation',
    applies: ({ input, rule }) => (input.counterpart === 'case-consultation' || input.instrument === '458ter-consultation-invitation' || input.channel === 'consultation-meeting') && !CONSULTATION_RULES.includes(rule.id) },
  { id: 'E8', when: '`answer` = must-not-disclose, `initiative` = asked, `counterpart` ∈ AUTH46', ground: 'not-46bis1',
    applies: ({ input, rule }) => rule.answer === 'must-not-disclose' && input.initiative === 'asked' && among(AUTH46, input.counterpart) },
  { id: 'E9', when: '`answer` = must-not-disclose, `counterpart` ∈ BOUND, `consent` = none', ground: 'consent-missing',
    applies: (d) => d.rule.answer === 'must-not-disclose' && bound(d) && d.input.consent === 'none' },
  { id: 'E10', when: 'G17 decided and S contains a category outside ADMIN', ground: 'right-of-access',
    applies: ({ input, rule }) => rule.id === 'G17' && input.items.some((item) => item !== 'sealed-register' && !hasClass(item, 'ADMIN')) },
];

/** Why an authority's request is not a 46bis/1 request: the first that holds (ground not-46bis1). */
export const NOT_46BIS1_WHY = ['not-procureur', 'not-written', 'not-terrorist', 'not-a-46bis1-request'] as const;
export type Not46bis1Why = (typeof NOT_46BIS1_WHY)[number];
export function not46bis1Why(input: GuideInput): Not46bis1Why {
  if (input.counterpart !== 'procureur-du-roi') return 'not-procureur';
  if (!among(WRITTEN, input.channel)) return 'not-written';
  if (input.offence !== 'terrorist') return 'not-terrorist';
  // A written request of the procureur du Roi about a terrorist offence that is not a 46bis/1
  // request (it relies on a 458ter invitation): the contract's three reasons do not hold.
  return 'not-a-46bis1-request';
}

export const REPLY_IDS = [
  'access-procedure',
  'ask-the-person',
  'forwarded-to-management',
  'no-comment',
  'council',
  'only-in-consultation',
  'no-legal-consultation',
  'written-request-of-procureur',
  'written-request-with-legal-basis',
  'consent-needed',
  'secrecy',
] as const;
export type ReplyId = (typeof REPLY_IDS)[number];

/** Standard replies, first matching line; only when someone asked and nothing leaves. */
export const STANDARD_REPLIES: readonly { id: ReplyId; when: string; applies: (d: Decided) => boolean }[] = [
  { id: 'access-procedure', when: 'refer-to-person, counterpart = the-person', applies: ({ input, rule }) => rule.answer === 'refer-to-person' && input.counterpart === 'the-person' },
  { id: 'ask-the-person', when: 'refer-to-person', applies: ({ rule }) => rule.answer === 'refer-to-person' },
  { id: 'forwarded-to-management', when: 'legal-review', applies: ({ rule }) => rule.answer === 'legal-review' },
  { id: 'no-comment', when: 'items is exactly ["sealed-register"]', applies: ({ input }) => onlySealed(input.items) },
  { id: 'council', when: 'counterpart = cpas-council-member', applies: is('cpas-council-member') },
  { id: 'only-in-consultation', when: 'counterpart = case-consultation', applies: is('case-consultation') },
  { id: 'no-legal-consultation', when: 'channel = consultation-meeting', applies: ({ input }) => input.channel === 'consultation-meeting' },
  { id: 'written-request-of-procureur', when: 'counterpart ∈ AUTH46 and offence = terrorist', applies: ({ input }) => among(AUTH46, input.counterpart) && input.offence === 'terrorist' },
  { id: 'written-request-with-legal-basis', when: 'counterpart ∈ AUTH46', applies: ({ input }) => among(AUTH46, input.counterpart) },
  { id: 'consent-needed', when: 'counterpart ∈ BOUND', applies: bound },
  { id: 'secrecy', when: 'otherwise', applies: () => true },
];
export const REPLY_ANSWERS: readonly GuideAnswerKind[] = ['must-not-disclose', 'legal-review', 'refer-to-person'];

/** What to record, first matching line. */
export const RECORD_RULES: readonly { log: RecordLog; when: string; applies: (d: Decided) => boolean }[] = [
  { log: 'disclosure', when: 'answer ∈ {must-assist, may-disclose}', applies: ({ rule }) => rule.answer === 'must-assist' || rule.answer === 'may-disclose' },
  { log: 'none', when: 'G1 decided, or initiative = own-initiative', applies: ({ input, rule }) => rule.id === 'G1' || input.initiative === 'own-initiative' },
  { log: 'access-request', when: 'counterpart = the-person', applies: is('the-person') },
  { log: 'authority-register', when: 'counterpart ∈ AUTH', applies: ({ input }) => among(AUTH, input.counterpart) },
  { log: 'file-note', when: 'otherwise', applies: () => true },
];
