// French fragments for synthetic case texts (Namur, and French-language files in Schaerbeek).
// They describe situations and needs factually; they never rate or label a person.
import { formatAmount, belgianDate } from './format.ts';
import { intBetween, pick } from './random.ts';
import type { Rng } from './random.ts';
import { always, buildBank } from './text-bank.ts';
import type { Conditional, Fragment, PiisGoal } from './text-bank.ts';
import type { AidPurpose, ApplicationKind, CaseProfile, MotivationFacts, Outcome, RateCategory, Region, TextBank } from './types.ts';

const g = (p: CaseProfile, masculine: string, feminine: string) => (p.sex === 'F' ? feminine : masculine);
const e = (p: CaseProfile) => g(p, '', 'e');
const il = (p: CaseProfile) => g(p, 'il', 'elle');
const Il = (p: CaseProfile) => g(p, 'Il', 'Elle');
const who = (p: CaseProfile) => `${g(p, 'Monsieur', 'Madame')} ${p.familyName}`;
const eur = (cents: number) => `${formatAmount(cents)} €`;
const NUMBERS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six'];

const office: Record<Region, string> = { wallonie: 'du Forem', bruxelles: "d’Actiris", vlaanderen: 'du VDAB' };
const meter: Record<Region, string> = {
  wallonie: 'compteur à budget',
  bruxelles: 'limiteur de puissance',
  vlaanderen: 'compteur à prépaiement',
};
const housingCompany: Record<Region, string> = {
  wallonie: 'la société de logement de service public',
  bruxelles: 'la société immobilière de service public',
  vlaanderen: 'la société de logement',
};

function household(p: CaseProfile): string {
  const kids = p.children === 1 ? 'un enfant' : `${NUMBERS[p.children] ?? p.children} enfants`;
  switch (p.household) {
    case 'alone': return p.housing === 'hosted' ? "n’a personne à charge" : `vit seul${e(p)}`;
    case 'couple': return 'vit en couple, sans enfant à charge';
    case 'single-parent': return `élève seul${e(p)} ${kids}`;
    case 'couple-children': return `vit en couple avec ${kids}`;
  }
}

const referrers = [
  'sa mutualité', 'la maison médicale de son quartier', 'le service logement de la commune',
  'une association de quartier', 'son organisme syndical', "un service d’aide juridique de première ligne",
  'un membre de sa famille', "le service social de l’hôpital", 'une assistante sociale scolaire',
];

const intros: Fragment[] = [
  (p) => `${who(p)}, ${p.age} ans, ${household(p)}.`,
  (p) => `${who(p)} se présente à la permanence sociale. ${Il(p)} a ${p.age} ans et ${household(p)}.`,
  (p) => `Premier entretien avec ${who(p)}, ${p.age} ans, qui ${household(p)}.`,
  (p, r) => `${who(p)} (${p.age} ans) est orienté${e(p)} vers le CPAS par ${pick(r, referrers)}. ${Il(p)} ${household(p)}.`,
  (p) => `Demande introduite au guichet par ${who(p)}, ${p.age} ans. ${Il(p)} ${household(p)}.`,
  (p, r) => `${who(p)} reprend contact avec le service après ${intBetween(r, 6, 30)} mois sans suivi. ${Il(p)} ${household(p)}.`,
  (p) => `Entretien à la demande de ${who(p)}, ${p.age} ans, qui ${household(p)}.`,
  (p) => `${who(p)} a pris rendez-vous après un premier contact téléphonique. Âgé${e(p)} de ${p.age} ans, ${il(p)} ${household(p)}.`,
];

const followUpIntros: Fragment[] = [
  (p) => `Rapport d’évolution concernant ${who(p)}, ${p.age} ans, qui ${household(p)}.`,
  (p) => `Mise à jour de la situation de ${who(p)}. ${Il(p)} ${household(p)}.`,
  (p) => `Suivi de la situation de ${who(p)} depuis la dernière décision. ${Il(p)} a ${p.age} ans et ${household(p)}.`,
];

const housingTexts: Record<CaseProfile['housing'], Fragment[]> = {
  'private-rental': [
    (p) => `${Il(p)} loue un appartement sur le marché privé pour ${p.rent} € par mois, charges non comprises.`,
    (p, r) => `Le loyer s’élève à ${p.rent} € par mois, auxquels s’ajoutent environ ${intBetween(r, 4, 12) * 10} € de charges.`,
    (p) => `Le logement, loué ${p.rent} € par mois, présente des problèmes d’humidité signalés au propriétaire.`,
    (p) => (p.yearsAtAddress >= 2
      ? `${Il(p)} occupe depuis ${p.yearsAtAddress} ans un logement privé dont le loyer (${p.rent} €) a été indexé cette année.`
      : `${Il(p)} a emménagé récemment dans un logement privé loué ${p.rent} € par mois.`),
    (p, r) => `Le bail arrive à échéance dans ${intBetween(r, 2, 8)} mois; ${il(p)} cherche un logement moins cher que l’actuel (${p.rent} €).`,
  ],
  'social-housing': [
    (p) => `${Il(p)} est locataire d’un logement social (loyer de ${p.rent} € par mois).`,
    (p) => `Le loyer du logement social, ${p.rent} € par mois, est calculé sur les revenus; ${housingCompany[p.region]} a été informée du changement de situation.`,
    (p) => `Le ménage occupe un logement social depuis ${p.yearsAtAddress >= 2 ? `${p.yearsAtAddress} ans` : 'peu'}; le loyer est de ${p.rent} €.`,
  ],
  hosted: [
    (p) => `${Il(p)} est hébergé${e(p)} temporairement par un membre de sa famille.`,
    (p) => `${Il(p)} loge chez une connaissance et cherche un logement à son nom.`,
    (p) => (p.age < 30
      ? `${Il(p)} vit chez ses parents, qui ne peuvent plus assumer seuls l’ensemble des frais.`
      : `${Il(p)} est hébergé${e(p)} chez un proche depuis la fin de son bail.`),
  ],
  owner: [
    (p) => `${Il(p)} est propriétaire de la maison qu’${il(p)} occupe; le prêt hypothécaire est remboursé.`,
    (p) => `La maison dont ${il(p)} est propriétaire nécessite des travaux de chauffage qu’${il(p)} ne peut financer.`,
    (p) => `${Il(p)} habite la maison familiale, dont ${il(p)} est propriétaire; le précompte immobilier reste une charge importante.`,
  ],
  'no-fixed-home': [
    (p) => `${Il(p)} n’a plus de logement depuis plusieurs mois et dispose d’une adresse de référence au CPAS.`,
    (p) => `Depuis la perte de son logement, ${il(p)} est hébergé${e(p)} alternativement chez des connaissances et en accueil de nuit.`,
    () => "Une adresse de référence au CPAS a été accordée afin de maintenir l’accès aux droits; la recherche de logement se poursuit.",
  ],
};

const jobs: readonly (readonly [string, string])[] = [
  ['aide-ménager en titres-services', 'aide-ménagère en titres-services'], ['caissier', 'caissière'],
  ['ouvrier de nettoyage', 'ouvrière de nettoyage'], ['magasinier', 'magasinière'], ['commis de cuisine', 'commis de cuisine'],
  ['vendeur', 'vendeuse'], ['chauffeur-livreur', 'chauffeuse-livreuse'], ['aide-soignant', 'aide-soignante'],
];
const fields = [
  'soins infirmiers', 'comptabilité', 'éducation spécialisée', 'informatique', 'droit', 'électromécanique',
  'assistant social', 'marketing', 'biologie médicale', 'construction',
];
const schools = ['en haute école', "à l’université", 'en promotion sociale', 'en alternance'];
const job = (p: CaseProfile, r: Rng) => { const [m, f] = pick(r, jobs); return g(p, m, f); };

const incomeTexts: Record<CaseProfile['income'], Fragment[]> = {
  none: [
    (p) => `${Il(p)} ne dispose actuellement d’aucun revenu.`,
    (_, r) => `Le droit aux allocations de chômage a pris fin il y a ${intBetween(r, 1, 6)} mois; aucun autre revenu n’est perçu.`,
    (p) => `Aucun revenu n’est déclaré; ${il(p)} bénéficie ponctuellement de l’aide de proches.`,
    () => "Les économies sont épuisées et le compte bancaire présente un solde proche de zéro.",
  ],
  unemployment: [
    (p) => `${Il(p)} perçoit des allocations de chômage de ${p.monthlyIncome} € par mois.`,
    (p) => `Les allocations de chômage (${p.monthlyIncome} € par mois) ne suffisent pas à couvrir les charges fixes.`,
    (p) => `${Il(p)} est inscrit${e(p)} comme ${g(p, 'demandeur', 'demandeuse')} d’emploi auprès ${office[p.region]} et perçoit ${p.monthlyIncome} € d’allocations.`,
  ],
  sickness: [
    (p) => `${Il(p)} est en incapacité de travail et perçoit ${p.monthlyIncome} € d’indemnités de la mutualité.`,
    (p) => `Les indemnités d’incapacité (${p.monthlyIncome} € par mois) sont versées avec retard depuis un changement de mutualité.`,
    (p, r) => `Reconnu${e(p)} en incapacité depuis ${intBetween(r, 3, 30)} mois, ${il(p)} perçoit ${p.monthlyIncome} € par mois.`,
  ],
  'part-time-work': [
    (p, r) => `${Il(p)} travaille à temps partiel comme ${job(p, r)} et gagne environ ${p.monthlyIncome} € net par mois.`,
    (p, r) => `Un contrat à mi-temps (${job(p, r)}) rapporte ${p.monthlyIncome} € net par mois; les horaires varient d’une semaine à l’autre.`,
    (p) => `Les revenus du travail (${p.monthlyIncome} € net en moyenne) fluctuent selon les heures prestées.`,
  ],
  pension: [
    (p) => `${Il(p)} perçoit une pension de ${p.monthlyIncome} € par mois.`,
    (p) => `La pension (${p.monthlyIncome} € par mois) ne permet pas de faire face aux frais de santé et de logement.`,
    (p) => `Une demande de garantie de revenus aux personnes âgées (GRAPA) est en cours; la pension actuelle est de ${p.monthlyIncome} €.`,
  ],
  student: [
    (p, r) => `${Il(p)} suit des études de ${pick(r, fields)} ${pick(r, schools)}` +
      (p.monthlyIncome > 0 ? ` et dispose d’un job étudiant (${p.monthlyIncome} € par mois en moyenne).` : ' et ne dispose d’aucun revenu.'),
    (p, r) => `Étudiant${e(p)} en ${pick(r, fields)}, ${il(p)} ne peut plus compter sur le soutien financier de ses parents.`,
    (p, r) => `${Il(p)} poursuit une formation en ${pick(r, fields)} ${pick(r, schools)}; les frais d’inscription et de matériel sont à sa charge.`,
  ],
};

const topics: Conditional[] = [
  [(p) => p.debts, (p, r) => `${Il(p)} signale plusieurs dettes (énergie, télécom, frais hospitaliers) pour un montant estimé à ${intBetween(r, 8, 90) * 100} €.`],
  [(p) => p.debts, (_, r) => `Des courriers d’huissier ont été reçus pour une facture impayée de ${intBetween(r, 3, 40) * 50} €.`],
  [(p) => p.debts, () => "Un plan de paiement conclu avec le fournisseur d’énergie n’a pas pu être respecté."],
  [(p) => p.health, () => 'Des problèmes de santé limitent actuellement les possibilités de travail.'],
  [(p) => p.health, (p) => `${Il(p)} suit un traitement régulier dont une partie n’est pas remboursée.`],
  [(p) => p.health, (_, r) => `Les frais de pharmacie s’élèvent à environ ${intBetween(r, 3, 12) * 10} € par mois.`],
  [(p) => p.children > 0, () => 'Les frais scolaires (repas, garderie, excursions) pèsent sur le budget du ménage.'],
  [(p) => p.children > 0, () => "Un des enfants bénéficie d’un suivi logopédique partiellement remboursé."],
  [(p) => p.children > 0, () => 'Les allocations familiales sont perçues régulièrement et constituent une part importante des ressources.'],
  [(p) => p.housing !== 'no-fixed-home' && p.housing !== 'hosted', (p) => `Un ${meter[p.region]} a été placé après des retards de paiement.`],
  [(p) => p.housing !== 'no-fixed-home', () => "Les factures d’énergie ont fortement augmenté depuis l’hiver dernier."],
  [() => true, (p) => `${Il(p)} souhaite être accompagné${e(p)} dans ses démarches administratives (mutualité, allocations, impôts).`],
  [() => true, () => "Les démarches en ligne sont difficiles faute d’ordinateur à domicile."],
  [(p) => p.age < 60, (p) => `${Il(p)} se dit disponible pour une formation ou un emploi dès que la situation sera stabilisée.`],
  [() => true, (p) => `${Il(p)} entretient de bons contacts avec sa famille, qui ne peut toutefois pas l’aider financièrement.`],
  [() => true, () => "Aucun autre service social n’intervient actuellement."],
  [(p) => p.yearsAtAddress >= 5, (p) => `${Il(p)} a déjà été aidé${e(p)} par le CPAS il y a quelques années, pour une courte période.`],
];

const purposeRequest: Record<AidPurpose, string> = {
  'rent-deposit': "une aide pour constituer la garantie locative d’un nouveau logement",
  'medical-costs': 'une intervention dans des frais médicaux et pharmaceutiques',
  'energy-bill': "une aide pour régler une facture de régularisation d’énergie",
  'school-costs': 'une intervention dans les frais scolaires',
  'monthly-supplement': 'une aide financière mensuelle complémentaire',
  furniture: "une aide à l’équipement du logement (mobilier de base)",
  'medical-card': "la délivrance d’une carte médicale",
  'budget-guidance': 'une guidance budgétaire',
  'social-grocery': "un accès à l’épicerie sociale",
};

/** The object of an aid, as it follows "pour" in a decision. */
const purposeFor: Record<AidPurpose, string> = {
  'rent-deposit': "la constitution d’une garantie locative",
  'medical-costs': 'des frais médicaux et pharmaceutiques',
  'energy-bill': "une facture de régularisation d’énergie",
  'school-costs': 'des frais scolaires',
  'monthly-supplement': 'un complément mensuel aux ressources',
  furniture: "l’achat de mobilier de base",
  'medical-card': 'une carte médicale',
  'budget-guidance': 'une guidance budgétaire',
  'social-grocery': "l’accès à l’épicerie sociale",
};

function request(p: CaseProfile, rng: Rng, kind: ApplicationKind, purpose: AidPurpose | null): string {
  switch (kind) {
    case 'revenu-integration':
      return pick(rng, ["La demande porte sur le revenu d’intégration.", `${Il(p)} sollicite le revenu d’intégration sociale.`]);
    case 'aide-medicale-urgente':
      return "La demande porte sur la prise en charge de soins au titre de l’aide médicale urgente.";
    case 'allocation-chauffage':
      return `${Il(p)} introduit une demande d’allocation de chauffage auprès du Fonds social chauffage.`;
    case 'mediation-dettes':
      return `${Il(p)} demande l’intervention du service de médiation de dettes.`;
    default:
      return `${Il(p)} sollicite ${purposeRequest[purpose ?? 'monthly-supplement']}.`;
  }
}

const assessmentByOutlook: Record<Outcome | 'pending', Conditional[]> = {
  granted: [
    [() => true, () => "L’état de besoin est établi au vu des revenus déclarés et des charges justifiées."],
    [() => true, (p) => `${who(p)} collabore activement à l’enquête sociale et a fourni l’ensemble des documents demandés.`],
    [(p) => p.housing !== 'no-fixed-home', () => 'Une visite à domicile a confirmé les éléments déclarés.'],
    [() => true, () => "Les conditions d’octroi paraissent réunies; un avis favorable est proposé au comité."],
    [() => true, () => "L’aide demandée permettra de mener une vie conforme à la dignité humaine au sens de l’article 1er de la loi organique."],
    [(p, kind) => (kind === 'revenu-integration' || kind === 'aide-sociale-financiere') && (p.income === 'sickness' || p.income === 'pension'),
      () => "L’aide est proposée à titre d’avance sur des droits en cours d’ouverture."],
  ],
  partial: [
    [(_, kind) => kind !== 'mediation-dettes', () => 'Les ressources du ménage couvrent une partie des besoins; une aide partielle est proposée.'],
    [(_, kind) => kind === 'aide-sociale-financiere' || kind === 'other' || kind === 'aide-medicale-urgente',
      () => "Seule une partie des frais présentés est justifiée par des pièces; l’intervention est proposée à hauteur de ces pièces."],
    [(p) => p.income === 'part-time-work', () => 'Un montant réduit est proposé, compte tenu des revenus du travail.'],
    [(_, kind) => kind === 'revenu-integration', () => "Les revenus déclarés sont déduits du montant de référence: un revenu d’intégration partiel est proposé."],
    [(_, kind) => kind === 'mediation-dettes', () => "Une guidance budgétaire est proposée d’abord; la médiation sera envisagée ensuite."],
    [(_, kind) => kind === 'allocation-chauffage', () => "L’allocation est limitée au nombre de litres pris en compte par le Fonds."],
  ],
  refused: [
    [() => true, () => "Les ressources déclarées dépassent le montant de référence; l’état de besoin n’est pas établi à ce stade."],
    [() => true, () => "Malgré deux rappels, les extraits de compte demandés n’ont pas été transmis."],
    [() => true, () => "D’autres droits doivent d’abord être sollicités (allocations de chômage, indemnités de mutualité)."],
    [() => true, (p) => `Un avis défavorable est proposé; ${il(p)} est informé${e(p)} de la possibilité d’introduire une nouvelle demande si la situation évolue.`],
  ],
  pending: [
    [() => true, () => 'Les documents relatifs aux revenus sont encore attendus; le dossier sera complété avant le comité.'],
    [() => true, () => "L’enquête sociale est en cours; une visite à domicile est prévue."],
  ],
};

const assessmentGeneral: Conditional[] = [
  [() => true, () => 'Un accompagnement budgétaire mensuel est proposé et accepté.'],
  [(p) => p.debts, () => 'Une orientation vers le service de médiation de dettes du CPAS paraît indiquée.'],
  [(p) => p.housing === 'hosted' || p.housing === 'no-fixed-home', () => 'La situation de logement est précaire; une orientation vers le service logement est proposée.'],
  [() => true, () => 'Le suivi sera poursuivi par un entretien mensuel.'],
  [(p) => p.health, () => 'Une orientation vers la maison médicale du quartier est proposée.'],
  [(p) => p.age < 60 && (p.income === 'none' || p.income === 'unemployment'), () => 'La disposition au travail est démontrée par les candidatures envoyées ces derniers mois.'],
  [(p) => p.health && p.age < 66, () => "Pour raisons de santé, une dispense temporaire de disposition au travail est proposée sur la base d’un certificat médical."],
  [(p) => p.age < 30, () => "Un projet individualisé d’intégration sociale pourra soutenir la reprise d’une formation."],
  [() => true, (p) => `${Il(p)} gère son budget de façon autonome; aucune guidance n’est nécessaire à ce stade.`],
  [(p) => p.children > 0, () => 'Les droits aux allocations familiales ont été vérifiés.'],
  [(p) => p.age < 60, (p) => `Un contact avec le service d’insertion et avec les conseillers ${office[p.region]} est prévu.`],
];

const caseNotes: Conditional[] = [
  [() => true, (p) => `Appel téléphonique: ${il(p)} signale avoir reçu un courrier de la mutualité. Copie à apporter au prochain rendez-vous.`],
  [() => true, () => 'Passage au guichet pour déposer les extraits de compte des trois derniers mois.'],
  [() => true, (p) => `Rendez-vous reporté à la demande de ${who(p)} (consultation médicale le même jour).`],
  [(p) => p.housing === 'hosted' || p.housing === 'no-fixed-home' || p.housing === 'private-rental', (_, r) => `Entretien de suivi: la recherche de logement avance, ${NUMBERS[intBetween(r, 2, 3)]} visites sont prévues cette semaine.`],
  [(p) => p.debts, () => 'Contact avec le service de médiation de dettes: premier rendez-vous fixé.'],
  [(p) => p.housing === 'private-rental', () => 'Courriel du bailleur au sujet du loyer: aucune information transmise, secret professionnel rappelé.'],
  [() => true, () => 'Documents manquants rappelés par courrier: attestation de la mutualité et composition de ménage.'],
  [(p) => p.housing !== 'no-fixed-home', () => 'Visite à domicile effectuée; la situation correspond aux déclarations.'],
  [(p) => p.age < 60, (p) => `${Il(p)} informe le service d’une reprise de travail à temps partiel à partir du mois prochain.`],
  [() => true, (p) => `Orientation vers l’épicerie sociale remise; ${il(p)} s’y rendra cette semaine.`],
  [(p) => p.children > 0, () => "Échange avec l’école au sujet des frais d’une excursion; demande d’aide à examiner."],
  [(p) => p.age < 30, () => 'Entretien de suivi du projet individualisé: la formation se poursuit normalement.'],
  [(p) => p.age < 60, (p) => `Rendez-vous fixé avec un conseiller ${office[p.region]} pour un accompagnement vers l’emploi.`],
  [() => true, () => 'Absence au rendez-vous, sans nouvelles; nouveau courrier envoyé avec une autre date.'],
  [(p) => p.housing !== 'no-fixed-home', () => "Accord pour un plan d’apurement des arriérés d’énergie en dix mensualités."],
  [() => true, (p) => `Aide au remplissage de la déclaration fiscale; ${il(p)} repart avec une copie.`],
  [() => true, () => 'La situation est stabilisée; prochain entretien dans deux mois.'],
  [() => true, () => 'Dossier transmis pour inscription à la prochaine séance du comité.'],
  [() => true, () => "Changement d’adresse signalé; vérification de l’inscription au registre de la population en cours."],
  [(p) => p.health, () => "Certificat médical reçu et classé au dossier médical; copie non transmise à l’administration."],
  [(p) => p.age >= 65, () => 'Contact avec le Service fédéral des Pensions au sujet de la GRAPA: dossier en cours.'],
  [() => true, (p) => `${who(p)} remercie le service pour le suivi; aucune nouvelle demande pour l’instant.`],
  [(p) => p.children > 0, () => "Demande d’inscription des enfants au stage de vacances communal transmise au service jeunesse."],
];

const basis: Record<ApplicationKind, string[]> = {
  'revenu-integration': [
    "Vu la loi du 26 mai 2002 concernant le droit à l’intégration sociale;",
    "Vu la loi du 26 mai 2002 concernant le droit à l’intégration sociale, notamment ses articles 3 et 14;",
  ],
  'aide-sociale-financiere': [
    "Vu la loi du 8 juillet 1976 organique des centres publics d’action sociale, notamment ses articles 1er et 57;",
    "Vu l’article 57 de la loi organique des CPAS du 8 juillet 1976;",
  ],
  'aide-medicale-urgente': ["Vu l’arrêté royal du 12 décembre 1996 relatif à l’aide médicale urgente;"],
  'allocation-chauffage': ['Vu la réglementation relative au Fonds social chauffage;'],
  'mediation-dettes': ["Vu la loi organique des CPAS du 8 juillet 1976 et l’agrément du service de médiation de dettes;"],
  'garantie-locative': ["Vu la loi du 8 juillet 1976 organique des centres publics d’action sociale, notamment son article 57;"],
  other: ["Vu la loi du 8 juillet 1976 organique des centres publics d’action sociale;"],
};

const rate: Record<RateCategory, string> = { cohabitant: 'cohabitant', single: 'isolé', family: 'famille à charge' };

function finding(p: CaseProfile, r: Rng, f: MotivationFacts): string {
  const amount = f.amountCents === null ? '' : eur(f.amountCents);
  const from = f.periodFrom ? belgianDate(f.periodFrom) : '';
  const purpose = purposeFor[f.aidPurpose ?? 'monthly-supplement'];
  switch (f.kind) {
    case 'revenu-integration':
      if (f.outcome === 'granted') return `Considérant que ${who(p)} ne dispose pas de ressources suffisantes et remplit les conditions d’octroi, le revenu d’intégration est octroyé au taux ${rate[f.rateCategory ?? 'single']} (${amount} par mois) à partir du ${from}.`;
      if (f.outcome === 'partial') return `Considérant les revenus déclarés, le revenu d’intégration est octroyé au taux ${rate[f.rateCategory ?? 'single']} sous déduction des ressources prises en compte, soit ${amount} par mois à partir du ${from}.`;
      return `${pick(r, [
        "Considérant que les ressources du ménage dépassent le montant du revenu d’intégration,",
        "Considérant que les renseignements nécessaires à l’examen de la demande n’ont pas été fournis malgré les rappels,",
        "Considérant que le droit aux allocations de chômage doit d’abord être sollicité,",
      ])} la demande de revenu d’intégration est refusée.`;
    case 'aide-medicale-urgente':
      if (f.outcome === 'refused') return "Considérant que les soins sont couverts par l’assurance soins de santé, la demande d’aide médicale urgente est refusée.";
      return `Considérant l’attestation de nécessité de soins, la prise en charge au titre de l’aide médicale urgente est accordée du ${from} au ${f.periodTo ? belgianDate(f.periodTo) : ''}` +
        (f.outcome === 'partial' ? ", à l’exclusion des frais non couverts par la nomenclature." : '.');
    case 'allocation-chauffage':
      if (f.outcome === 'refused') return pick(r, [
        "Considérant que le combustible utilisé n’est pas couvert par le Fonds social chauffage, la demande est refusée.",
        'Considérant que les revenus du ménage dépassent le plafond applicable, la demande est refusée.',
      ]);
      return `Une allocation de chauffage de ${amount} est octroyée` + (f.outcome === 'partial' ? ', limitée au nombre de litres pris en compte par le Fonds.' : '.');
    case 'mediation-dettes':
      if (f.outcome === 'granted') return `Le CPAS accepte d’intervenir en médiation de dettes amiable à partir du ${belgianDate(f.submittedOn)}.`;
      if (f.outcome === 'partial') return 'Une guidance budgétaire est mise en place; la médiation sera examinée après stabilisation du budget.';
      return "Considérant qu’une procédure en règlement collectif de dettes est déjà en cours auprès d’un médiateur judiciaire, la demande est refusée.";
    default:
      if (f.outcome === 'granted') return `Considérant l’état de besoin établi par l’enquête sociale, ${amount ? `une aide de ${amount} est octroyée pour ${purpose}` : `la demande relative à ${purpose} est accordée`}.`;
      if (f.outcome === 'partial') return `Considérant que seule une partie des frais est justifiée, ${amount ? `une aide limitée à ${amount} est octroyée pour ${purpose}` : `la demande relative à ${purpose} est accordée pour trois mois`}.`;
      return `${pick(r, [
        "Considérant que les ressources disponibles permettent de faire face à la dépense,",
        "Considérant qu’un autre organisme est compétent en priorité,",
        "Considérant que les pièces justificatives demandées n’ont pas été produites,",
      ])} la demande relative à ${purpose} est refusée.`;
  }
}

const closings = [
  'Un recours peut être introduit auprès du tribunal du travail dans les trois mois de la notification de la présente décision.',
  "La présente décision peut faire l’objet d’un recours devant le tribunal du travail dans un délai de trois mois.",
  'Le travailleur social reste à disposition pour toute explication. Un recours est possible devant le tribunal du travail dans les trois mois.',
];

const trainings = ['aide-soignant', 'logistique', 'horeca', 'bureautique', 'électricité', 'petite enfance'];

const piisGoals: PiisGoal[] = [
  [(p) => p.income === 'student', () => "Poursuivre les études en cours et présenter l’ensemble des examens de la session.",
    (_, r) => pick(r, ["Les examens ont été présentés; la réussite de l’année est confirmée.", 'Deux examens restent à représenter en seconde session; le projet est maintenu.'])],
  [(p) => p.income === 'student', () => "Transmettre chaque trimestre l’attestation d’inscription et les résultats obtenus.",
    () => "Les attestations d’inscription et les relevés de notes ont été transmis."],
  [(p) => p.income === 'student', () => 'Rechercher un job étudiant pendant les vacances scolaires.',
    (_, r) => pick(r, ["Un job étudiant a été trouvé pour l’été.", "La recherche d’un job étudiant n’a pas encore abouti."])],
  [(p) => p.age < 25, () => "Terminer l’année scolaire et obtenir le certificat d’enseignement secondaire supérieur (CESS).",
    (_, r) => pick(r, ['Le CESS a été obtenu.', "L’année se poursuit; l’école confirme une présence régulière."])],
  [() => true, (_, r) => `S’inscrire dans une formation qualifiante (${pick(r, trainings)}) et la suivre avec assiduité.`,
    () => "La formation qualifiante a débuté; l’assiduité est attestée par l’organisme de formation."],
  [() => true, (_, r) => `Effectuer des démarches actives de recherche d’emploi: au moins ${NUMBERS[intBetween(r, 3, 6)]} candidatures par mois, dont la preuve sera apportée.`,
    () => "Les démarches de recherche d’emploi sont documentées et régulières."],
  [() => true, () => 'Participer à un atelier collectif de gestion budgétaire organisé par le CPAS.',
    () => "L’atelier budgétaire a été suivi; la gestion du budget s’est améliorée."],
  [() => true, () => 'Régulariser la situation administrative auprès de la mutualité et de la commune.',
    () => 'La situation administrative est régularisée.'],
  [(p) => p.housing === 'hosted' || p.housing === 'no-fixed-home', () => 'Rechercher un logement adapté et constituer un dossier de candidature pour un logement social.',
    (_, r) => pick(r, ['Objectif logement atteint: un bail a été signé.', 'La recherche de logement se poursuit; deux candidatures pour un logement social sont introduites.'])],
  [() => true, () => "Entamer un contrat d’insertion (article 60, § 7) auprès d’un partenaire du CPAS.",
    () => "Le contrat d’insertion a débuté; l’évaluation de l’employeur est positive."],
  [(p) => p.health, () => 'Suivre régulièrement le traitement médical prescrit et remettre les attestations de suivi.',
    () => 'Le suivi médical est régulier; les attestations ont été remises.'],
  [() => true, () => "Effectuer un stage d’orientation professionnelle de quatre semaines.",
    () => "Le stage s’est bien déroulé; une prolongation est envisagée par le partenaire."],
  [() => true, () => 'Participer à un service communautaire de quelques heures par semaine, sur une base volontaire.',
    () => 'Le service communautaire est effectué régulièrement et apprécié par le partenaire.'],
  [() => true, () => 'Se présenter aux rendez-vous mensuels avec le travailleur social référent.',
    () => 'Les rendez-vous de suivi ont été respectés.'],
  [(p) => p.children > 0, () => "Organiser l’accueil des enfants (crèche, garderie) afin de pouvoir suivre une formation.",
    () => "Une place en crèche a été obtenue, ce qui permet de suivre la formation."],
  [() => true, () => "Réaliser un bilan de compétences avec le service d’insertion socioprofessionnelle.",
    () => 'Le bilan de compétences a permis de préciser un projet professionnel dans le secteur des services.'],
  [() => true, () => 'Suivre une formation de base en informatique et créer une adresse électronique pour les démarches.',
    () => 'La formation en informatique est terminée; les démarches en ligne sont faites de manière autonome.'],
  [() => true, () => 'Obtenir le permis de conduire théorique.',
    () => "Le permis théorique est obtenu; l’inscription aux leçons pratiques est en cours."],
  [(p) => p.debts, () => 'Respecter le plan de paiement convenu avec les créanciers.',
    () => 'Le plan de paiement est respecté depuis trois mois.'],
  [() => true, (p) => `S’inscrire comme ${g(p, 'demandeur', 'demandeuse')} d’emploi et rencontrer un conseiller ${office[p.region]}.`,
    () => "L’inscription est faite et un premier entretien a eu lieu avec le conseiller."],
];

const cpasCommitments = [
  'Le CPAS assure un accompagnement mensuel et prend en charge les frais de transport liés à la formation.',
  "Le CPAS intervient dans les frais d’inscription et de matériel scolaire.",
  "Le CPAS aide à la recherche d’un stage et d’un lieu de formation.",
  'Le CPAS organise un entretien de suivi toutes les six semaines.',
  "Le CPAS propose un accompagnement par le service d’insertion socioprofessionnelle.",
  'Le CPAS soutient les démarches de recherche de logement.',
];

const evaluationGeneral: Conditional[] = [
  always(() => 'Certains objectifs ne sont pas encore atteints; un nouvel échéancier est convenu.'),
  [(p) => p.health, () => 'Des problèmes de santé ont retardé certaines démarches; les objectifs sont adaptés de commun accord.'],
  always(() => "Une interruption d’un mois est justifiée par des raisons familiales; le projet reprend."),
  always(() => 'Les objectifs sont atteints; le projet est clôturé et un nouveau projet sera discuté.'),
  always(() => 'Le projet est poursuivi sans modification.'),
];

const medicals: Conditional[] = [
  [() => true, (_, r) => `Certificat médical attestant une incapacité de travail de ${NUMBERS[intBetween(r, 1, 6)]} mois.`],
  [() => true, () => 'Attestation du médecin traitant relative à un traitement de longue durée.'],
  [() => true, () => 'Attestation de nécessité de soins établie par le médecin traitant.'],
  [() => true, () => "Rapport du médecin traitant concernant l’aptitude à suivre une formation."],
  [() => true, (_, r) => `Prescription de kinésithérapie (${intBetween(r, 9, 18)} séances).`],
  [() => true, () => 'Devis pour des lunettes de correction.'],
  [() => true, () => 'Devis de soins dentaires non entièrement remboursés.'],
  [() => true, (_, r) => `Attestation d’hospitalisation de ${intBetween(r, 2, 12)} jours.`],
  [() => true, () => 'Attestation de suivi psychologique en service de santé mentale.'],
  [() => true, () => 'Certificat médical justifiant une dispense temporaire de disposition au travail.'],
  [() => true, () => 'Facture de pharmacie pour des médicaments non remboursés.'],
  [(p) => p.children > 0, () => "Rapport de consultation pédiatrique concernant l’un des enfants."],
  [(p) => p.sex === 'F' && p.age < 45, () => 'Certificat de grossesse établi par le gynécologue.'],
  [() => true, () => 'Attestation de suivi en centre de revalidation.'],
  [() => true, () => "Demande d’intervention pour un appareil auditif, avec prescription de l’ORL."],
  [() => true, () => 'Attestation de suivi en maison médicale.'],
  [() => true, () => 'Prescription de matériel orthopédique.'],
  [() => true, () => "Certificat d’inaptitude temporaire à un emploi à temps plein."],
  [() => true, () => 'Rapport du médecin-conseil de la mutualité sur la reprise progressive du travail.'],
  [(p) => p.age >= 65, () => "Attestation médicale relative à la perte d’autonomie."],
  [() => true, () => 'Prescription de soins infirmiers à domicile pendant trois semaines.'],
];

export const french: TextBank = buildBank({
  intros,
  followUpIntros,
  housing: housingTexts,
  income: incomeTexts,
  topics,
  request,
  assessment: assessmentByOutlook,
  assessmentGeneral,
  caseNotes,
  motivation: (p, rng, facts) =>
    [pick(rng, basis[facts.kind]), `Vu la demande introduite le ${belgianDate(facts.submittedOn)} et le rapport social;`, finding(p, rng, facts), pick(rng, closings)].join(' '),
  piisHeaders: ['Objectifs convenus:', 'Le projet porte sur les objectifs suivants:', 'Engagements de la personne:'],
  piisGoals,
  cpasCommitments,
  evaluationHeader: (months) => `Évaluation après ${months} mois.`,
  evaluationGeneral,
  evaluationTail: 'Prochaine évaluation dans six mois.',
  medicals,
  labels: {
    housing: {
      'private-rental': 'locataire', 'social-housing': 'locataire logement social', hosted: 'hébergé',
      owner: 'propriétaire', 'no-fixed-home': 'sans logement',
    },
    income: {
      none: 'aucun', unemployment: 'allocations de chômage', sickness: 'indemnités de mutualité',
      'part-time-work': 'salaire temps partiel', pension: 'pension', student: 'job étudiant',
    },
    aidPurpose: {
      'rent-deposit': 'garantie locative', 'medical-costs': 'frais médicaux', 'energy-bill': "facture d’énergie",
      'school-costs': 'frais scolaires', 'monthly-supplement': 'complément mensuel', furniture: 'mobilier de base',
      'medical-card': 'carte médicale', 'budget-guidance': 'guidance budgétaire', 'social-grocery': 'épicerie sociale',
    },
    fuel: ['mazout de chauffage', 'pétrole lampant', 'propane en vrac'],
    care: ['consultations et médicaments', 'hospitalisation', 'soins dentaires urgents', 'suivi de grossesse', 'kinésithérapie'],
  },
});
