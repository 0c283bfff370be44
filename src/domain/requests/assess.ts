// The legal assessment of an information request from an authority under art. 46bis/1 CIC.
// Pure: no database, no clock, no I/O; the same input and configuration always give the same answer.
// Deny by default: nothing is disclosed unless every check passes, and even then only the
// categories the law opens (items.ts) or the CPAS legal service has decided (assessment-config.ts).
import { checkAssessmentConfig, type AssessmentConfig } from './assessment-config.ts';
import { DEFAULT_ITEM_TREATMENT, type ItemCategory, type ItemDecision } from './items.ts';
import {
  ARTICLE_46BIS1_IN_FORCE,
  catalogueOf,
  CP_1867_CATALOGUE,
  editionOf,
  formatOffenceReference,
  parseOffenceReference,
  type OffenceCode,
} from './offences.ts';
import { refOf, type RuleId } from './rules.ts';

export { DEFAULT_ASSESSMENT_CONFIG, type AssessmentConfig } from './assessment-config.ts';
export { RULES, type LegalRule } from './rules.ts';

export const WRITTEN_CHANNELS = ['letter', 'email', 'fax', 'secure-platform'] as const;
export const ORAL_CHANNELS = ['phone', 'in-person'] as const;
export const CHANNELS = [...WRITTEN_CHANNELS, ...ORAL_CHANNELS] as const;
export type Channel = (typeof CHANNELS)[number];

export const AUTHOR_ROLES = [
  'procureur-du-roi',
  'procureur-federal',
  'juge-instruction',
  'court',
  'police',
  'intelligence-service',
  'bourgmestre',
  'social-inspection',
  'immigration-office',
  'other',
] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export interface RequestSubject {
  readonly niss?: string;
  readonly name?: string;
  readonly birthDate?: string;
}

/** A request as parseAssessmentInput (parse-request.ts) returns it: dates are real YYYY-MM-DD dates. */
export interface AssessmentInput {
  readonly dated: string;
  readonly received?: string;
  readonly channel: Channel;
  readonly author: { readonly role: AuthorRole; readonly name?: string; readonly office?: string };
  readonly reasoned: boolean;
  /** The edition of the Code pénal the request declares for the references that do not name one. */
  readonly offenceCode?: OffenceCode;
  /** Offences as the request writes them ("140", "art. 140 Sw. 1867"); parsed here. */
  readonly offences: readonly string[];
  readonly subjects?: readonly RequestSubject[];
  readonly items: readonly ItemCategory[];
}

export const OUTCOMES = ['answer', 'refuse', 'return-for-completion', 'legal-review'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SIGNATORIES = ['directeur-general', 'president'] as const;
export type Signatory = (typeof SIGNATORIES)[number];

export interface ItemAssessment {
  readonly item: ItemCategory;
  readonly decision: ItemDecision;
  readonly reason: string;
  readonly ref: string;
}

export interface Problem {
  readonly code: ProblemCode;
  readonly message: string;
}

/** How one cited offence was read: its article, the edition it was read in, and what that edition's catalogue says. */
export interface OffenceAssessment {
  readonly reference: string;
  readonly article: string;
  /** Null when the reference is ambiguous: a bare number in a request dated from the new Book II. */
  readonly code: OffenceCode | null;
  readonly catalogue: string | null;
  /** Null when nobody can tell yet: ambiguous reference, or a 2024 catalogue the legal service has not confirmed. */
  readonly terrorist: boolean | null;
}

export interface Assessment {
  readonly qualifies: boolean;
  readonly outcome: Outcome;
  readonly items: readonly ItemAssessment[];
  /** In precedence order: the first problem is the one that decided the outcome. */
  readonly problems: readonly Problem[];
  readonly signatories: readonly Signatory[];
  readonly secrecyOfMeasure: boolean;
  /** Each cited offence, in the request's order, as the assessment read it. */
  readonly offences: readonly OffenceAssessment[];
  /** Which configuration decided: the CPAS configuration and the offence catalogue that decided the offence test. */
  readonly configuration: { readonly id: string; readonly offenceCatalogue: string | null };
}

// Every defect found is reported; the outcome is that of the defect of lowest rank (the
// precedence, exported for docs/legal-model.md; `label` names the defect in item reasons).
//  1. Oral, or an author who is not a prosecutor: no review or completion can make it a 46bis/1
//     request, and the standard reply asks for the right request from the right authority.
//  2. An author whose use of the article is unsettled: the legal service examines the whole
//     request, including other legal bases (a juge d’instruction's seizure), so the 46bis/1 scope
//     checks below must not refuse in its place.
//  3. Outside the scope of 46bis/1 (dated before it applied, no terrorist offence): completing
//     the request would not bring it in.
//  4. The offence catalogue of the request's date is unreviewed: only the legal service can tell
//     whether the offence is terrorist, and completing the request would not settle that.
//  5. Defects the prosecutor can cure (no reasons, no data or person named).
export const PROBLEMS = {
  'not-written': { rank: 1, outcome: 'refuse', label: 'demande orale' },
  'author-not-authorised': { rank: 1, outcome: 'refuse', label: 'auteur non habilité' },
  'author-needs-legal-review': { rank: 2, outcome: 'legal-review', label: "auteur dont le pouvoir n’est pas établi" },
  'before-entry-into-force': { rank: 3, outcome: 'refuse', label: "demande antérieure à l’article 46bis/1" },
  'no-terrorist-offence': { rank: 3, outcome: 'refuse', label: 'aucune infraction terroriste' },
  'offence-reference-ambiguous': { rank: 4, outcome: 'legal-review', label: 'édition du Code pénal à préciser' },
  'offence-catalogue-unreviewed': { rank: 4, outcome: 'legal-review', label: 'catalogue des infractions à confirmer' },
  'not-reasoned': { rank: 5, outcome: 'return-for-completion', label: 'demande non motivée' },
  'no-items': { rank: 5, outcome: 'return-for-completion', label: 'données demandées non précisées' },
  'no-subject': { rank: 5, outcome: 'return-for-completion', label: 'aucune personne nommée' },
} as const satisfies Record<string, { rank: number; outcome: Exclude<Outcome, 'answer'>; label: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

/** A problem and the rule it applies: the rule becomes the ref of every item it withholds. */
interface Finding extends Problem {
  readonly rule: RuleId;
}

const finding = (code: ProblemCode, rule: RuleId, message: string): Finding => ({ code, rule, message });

const AUTHOR_ROUTE: Readonly<Record<AuthorRole, 'qualifies' | 'legal-review' | 'not-authorised'>> = {
  'procureur-du-roi': 'qualifies',
  'procureur-federal': 'legal-review',
  'juge-instruction': 'legal-review',
  court: 'legal-review',
  police: 'not-authorised',
  'intelligence-service': 'not-authorised',
  bourgmestre: 'not-authorised',
  'social-inspection': 'not-authorised',
  'immigration-office': 'not-authorised',
  other: 'not-authorised',
};

const AUTHOR_FROM: Readonly<Record<AuthorRole, string>> = {
  'procureur-du-roi': 'du procureur du Roi',
  'procureur-federal': 'du procureur fédéral',
  'juge-instruction': "d’un juge d’instruction",
  court: "d’une juridiction (tribunal ou cour)",
  police: 'de la police',
  'intelligence-service': "d’un service de renseignement",
  bourgmestre: 'du bourgmestre',
  'social-inspection': "de l’inspection sociale",
  'immigration-office': "de l’Office des étrangers",
  other: "d’une autre autorité",
};

const frenchDate = (date: string) => date.split('-').reverse().join('/');

function checkChannel(input: AssessmentInput): Finding[] {
  if ((WRITTEN_CHANNELS as readonly string[]).includes(input.channel)) return [];
  const how = input.channel === 'phone' ? 'par téléphone' : 'de vive voix';
  // Whatever is said on the phone cannot be checked or kept in the register: answering it
  // would be disclosing a secret to a voice.
  return [
    finding(
      'not-written',
      'R4',
      `La demande a été faite ${how}. Ne donnez aucune information. Réponse type : « Le CPAS ne peut répondre qu’à une demande écrite et motivée du procureur du Roi (article 46bis/1 du Code d’instruction criminelle). Merci de nous l’adresser par écrit. »`,
    ),
  ];
}

function checkAuthor(input: AssessmentInput): Finding[] {
  const role = input.author.role;
  const from = AUTHOR_FROM[role];
  switch (AUTHOR_ROUTE[role]) {
    case 'qualifies':
      return [];
    case 'not-authorised':
      return [
        finding(
          'author-not-authorised',
          'R1',
          `La demande vient ${from}. Seul le procureur du Roi, ou un magistrat de son parquet, peut demander des renseignements sur la base de l’article 46bis/1 : le secret professionnel s’applique.`,
        ),
      ];
    case 'legal-review':
      return [
        finding(
          'author-needs-legal-review',
          role === 'procureur-federal' ? 'R2' : 'R3',
          `La demande vient ${from}. L’article 46bis/1 ne nomme que le procureur du Roi : le service juridique du CPAS doit dire sur quelle base la demande peut être traitée. Ne répondez pas en attendant.`,
        ),
      ];
  }
}

function checkDate(input: AssessmentInput): Finding[] {
  if (input.dated >= ARTICLE_46BIS1_IN_FORCE) return [];
  return [
    finding(
      'before-entry-into-force',
      'R38',
      `La demande est datée du ${frenchDate(input.dated)}, avant le ${frenchDate(ARTICLE_46BIS1_IN_FORCE)} : l’article 46bis/1 ne s’appliquait pas encore.`,
    ),
  ];
}

/** Reads each cited offence in its edition and looks it up in that edition's catalogue. */
function readOffences(input: AssessmentInput, config: AssessmentConfig): OffenceAssessment[] {
  return input.offences.map((text) => {
    const reference = parseOffenceReference(text);
    const code = editionOf(reference, input.offenceCode, input.dated, config.offenceCatalogue);
    const catalogue = code === null ? null : catalogueOf(code, config.offenceCatalogue);
    return {
      reference: formatOffenceReference({ article: reference.article, code }),
      article: reference.article,
      code,
      catalogue: catalogue?.id ?? null,
      terrorist: catalogue?.reviewed ? catalogue.articles.includes(reference.article) : null,
    };
  });
}

function checkOffences(offences: readonly OffenceAssessment[], input: AssessmentInput, config: AssessmentConfig): Finding[] {
  if (offences.length === 0) {
    return [
      finding(
        'no-terrorist-offence',
        'R6',
        "La demande ne cite aucune infraction. Des « signes de radicalisation » ne suffisent pas : l’article 46bis/1 ne vaut que pour une enquête sur une infraction terroriste précise.",
      ),
    ];
  }
  // Before art. 46bis/1 applied no offence can bring the request in: before-entry-into-force says why.
  if (input.dated < ARTICLE_46BIS1_IN_FORCE) return [];
  if (offences.some((o) => o.terrorist === true)) return [];
  // Nothing is refused while one cited offence may still be terrorist: only the legal service can tell.
  const unsure = [...checkAmbiguous(offences, input, config), ...checkUnreviewed(offences, config)];
  if (unsure.length > 0) return unsure;
  return [notTerrorist(offences, config)];
}

function checkAmbiguous(offences: readonly OffenceAssessment[], input: AssessmentInput, config: AssessmentConfig): Finding[] {
  const bare = offences.filter((o) => o.code === null).map((o) => o.article);
  if (bare.length === 0) return [];
  const from = frenchDate(config.offenceCatalogue.newBookIIFrom);
  return [
    finding(
      'offence-reference-ambiguous',
      'R41',
      `La demande est datée du ${frenchDate(input.dated)}, à partir du ${from}, date où le nouveau Code pénal (2024) s’applique. Elle cite ${bare.join(', ')} sans dire de quel Code pénal : l’ancien (1867) ou le nouveau (2024), qui donne ces numéros à d’autres infractions. Le service juridique du CPAS doit le préciser avec le parquet. Rien n’est communiqué en attendant.`,
    ),
  ];
}

function checkUnreviewed(offences: readonly OffenceAssessment[], config: AssessmentConfig): Finding[] {
  const cited = offences.filter((o) => o.code === '2024' && o.terrorist === null).map((o) => o.article);
  if (cited.length === 0 || catalogueOf('2024', config.offenceCatalogue).reviewed) return [];
  return [
    finding(
      'offence-catalogue-unreviewed',
      'R39',
      `La demande cite le nouveau Code pénal (2024), qui renumérote les infractions. Le service juridique du CPAS n’a pas encore confirmé quels articles de ce code l’article 46bis/1 vise : il doit dire si les articles cités (${cited.join(', ')}) sont des infractions terroristes. Rien n’est communiqué en attendant.`,
    ),
  ];
}

function notTerrorist(offences: readonly OffenceAssessment[], config: AssessmentConfig): Finding {
  const byCode = (code: OffenceCode) => offences.filter((o) => o.code === code);
  const describe = (code: OffenceCode) =>
    `articles ${catalogueOf(code, config.offenceCatalogue).articles.join(', ')} du Code pénal de ${code}`;
  const consulted = (['1867', '2024'] as const).filter((code) => byCode(code).length > 0);
  const notOffences = [...new Set(byCode('1867').map((o) => o.article).filter((a) => CP_1867_CATALOGUE.notOffences.includes(a)))];
  const note =
    notOffences.length === 0
      ? ''
      : notOffences.length === 1
        ? ` L’article ${notOffences[0]} fait partie du même titre mais ne définit aucune infraction.`
        : ` Les articles ${notOffences.join(' et ')} font partie du même titre mais ne définissent aucune infraction.`;
  const catalogues = consulted.map(describe).join(' ; ');
  return finding(
    'no-terrorist-offence',
    'R6',
    `Les articles cités (${offences.map((o) => o.article).join(', ')}) ne sont pas des infractions terroristes (${catalogues}) : l’article 46bis/1 ne s’applique pas.${note}`,
  );
}

function checkCompleteness(input: AssessmentInput): Finding[] {
  const found: Finding[] = [];
  if (!input.reasoned) {
    found.push(
      finding(
        'not-reasoned',
        'R5',
        "La demande n’est pas motivée : le procureur du Roi doit expliquer pourquoi ces informations sont nécessaires à son enquête. Renvoyez-la pour qu’il la complète.",
      ),
    );
  }
  if (input.items.length === 0) {
    found.push(
      finding(
        'no-items',
        'R7',
        "La demande ne dit pas quelles données elle veut. Une demande « de tout le dossier » ou « de toute information utile » doit être précisée par le procureur du Roi.",
      ),
    );
  }
  if ((input.subjects ?? []).length === 0) {
    found.push(
      finding(
        'no-subject',
        'R37',
        'La demande ne nomme aucune personne. Le CPAS ne répond que sur les personnes nommées dans la demande : renvoyez-la pour qu’elle soit complétée.',
      ),
    );
  }
  return found;
}

const ONLY_NAMED_PERSONS = 'Ne communiquez que les données des personnes nommées dans la demande.';

function answeredItem(item: ItemCategory, config: AssessmentConfig): ItemAssessment {
  const decided = config.itemOverrides[item];
  const treatment = decided
    ? {
        decision: decided.decision,
        reason: `${decided.reason} (Décision du service juridique du CPAS, configuration « ${config.id} ».)`,
        ref: `${decided.ref}; configuration ${config.id}`,
      }
    : DEFAULT_ITEM_TREATMENT[item];
  const reason = treatment.decision === 'disclose' ? `${treatment.reason} ${ONLY_NAMED_PERSONS}` : treatment.reason;
  return { item, decision: treatment.decision, reason, ref: treatment.ref };
}

const NOTHING_DISCLOSED: Readonly<Record<Exclude<Outcome, 'answer'>, string>> = {
  refuse: "Rien n’est communiqué : ce n’est pas une demande de l’article 46bis/1 ({why}). Le secret professionnel reste entier.",
  'legal-review': "Rien n’est communiqué tant que le service juridique du CPAS n’a pas examiné la demande ({why}).",
  'return-for-completion': "Rien n’est communiqué tant que le procureur du Roi n’a pas complété sa demande ({why}).",
};

function withheldItem(item: ItemCategory, decisive: Finding): ItemAssessment {
  const kind = PROBLEMS[decisive.code];
  return {
    item,
    decision: 'withhold',
    reason: NOTHING_DISCLOSED[kind.outcome].replace('{why}', kind.label),
    ref: refOf(decisive.rule),
  };
}

/**
 * Assesses a request under art. 46bis/1 CIC.
 * @throws AssessmentConfigError when the configuration would reopen professional secrecy or is untraceable.
 * @throws InvalidArticleError when an offence is not an article number (parseAssessmentInput rejects those first).
 */
export function assessRequest(input: AssessmentInput, config: AssessmentConfig): Assessment {
  checkAssessmentConfig(config);
  const offences = readOffences(input, config);
  const findings = [
    ...checkChannel(input),
    ...checkAuthor(input),
    ...checkDate(input),
    ...checkOffences(offences, input, config),
    ...checkCompleteness(input),
  ].sort((a, b) => PROBLEMS[a.code].rank - PROBLEMS[b.code].rank);
  const decisive = findings[0];
  const outcome: Outcome = decisive ? PROBLEMS[decisive.code].outcome : 'answer';
  const qualifies = outcome === 'answer';
  return {
    qualifies,
    outcome,
    items: input.items.map((item) => (decisive ? withheldItem(item, decisive) : answeredItem(item, config))),
    problems: findings.map(({ code, message }) => ({ code, message })),
    signatories: [...SIGNATORIES],
    secrecyOfMeasure: qualifies,
    offences,
    // Before art. 46bis/1 applied no catalogue decides anything: before-entry-into-force does.
    configuration: { id: config.id, offenceCatalogue: input.dated < ARTICLE_46BIS1_IN_FORCE ? null : decidingCatalogue(offences) },
  };
}

/** The catalogue that decided the offence test: the one that found a terrorist offence, else the first one consulted. */
function decidingCatalogue(offences: readonly OffenceAssessment[]): string | null {
  return (offences.find((o) => o.terrorist === true) ?? offences.find((o) => o.catalogue !== null))?.catalogue ?? null;
}
