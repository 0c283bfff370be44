// The words of the CPAS's letters to authorities, in French, Dutch and German. The legal grounds
// cite the law (art. 46bis/1 CIC as read by the Constitutional Court, art. 458 Code pénal), not the
// project's internal rule numbers or web sources: those stay in the register for the preparer.
// Every text is fixed here; the only variable parts of a letter are the register's own data.
import type { AuthorRole, Signatory } from './assess.ts';
import type { ItemCategory } from './items.ts';
import type { ClosingGround, LetterKind } from './letter-content.ts';
import { STANDARD_REPLY, type LetterLanguage } from './standard-reply.ts';

export interface LetterTexts {
  readonly locale: string;
  readonly draft: string;
  readonly confidential: string;
  readonly fingerprint: string;
  readonly yourReference: string;
  readonly yourRequestOf: string;
  readonly receivedOn: string;
  readonly noReference: string;
  readonly subject: Readonly<Record<LetterKind, string>>;
  readonly salutation: (prosecutor: boolean) => string;
  readonly intro: Readonly<Record<LetterKind, string>>;
  readonly person: string;
  readonly asGiven: string;
  readonly givenName: string;
  readonly givenNiss: string;
  readonly givenBirthDate: string;
  readonly noFile: string;
  readonly noData: string;
  readonly disclosedHeading: string;
  readonly withheldHeading: string;
  readonly withheldSecret: string;
  readonly withheldByLegalService: string;
  readonly grounds: Readonly<Record<ClosingGround, string>>;
  readonly closing: (prosecutor: boolean) => string;
  readonly doneAt: string;
  readonly authors: Readonly<Record<AuthorRole, string>>;
  readonly signatories: Readonly<Record<Signatory, string>>;
  readonly items: Readonly<Record<ItemCategory, string>>;
  /** Column labels, by column name, or by table.column where one name means two things. */
  readonly columns: Readonly<Record<string, string>>;
  /** Labels of coded values, by code. */
  readonly values: Readonly<Record<string, string>>;
  /** Sex as the National Register codes it (F, M, X), in words. */
  readonly sexes: Readonly<Record<string, string>>;
  /** Before a colon French puts a space (« Nom : »); Dutch and German do not (« Naam: »). */
  readonly colon: string;
  /** « née le » / « né le »: French agrees with the person's sex; other (X) or unknown: the first key. */
  readonly bornOn: Readonly<Record<string, string>>;
  readonly bornAt: string;
  /** The word before a letter-box number in a Belgian address: « bte », « bus », « Bfk. ». */
  readonly box: string;
  readonly since: string;
  readonly until: string;
  readonly yes: string;
  readonly no: string;
  /** Labels of what a person declared in an application, by key. */
  readonly declarations: Readonly<Record<string, string>>;
}

const FR: LetterTexts = {
  locale: 'fr-BE',
  sexes: { F: 'sexe féminin', M: 'sexe masculin', X: 'sexe non précisé' },
  colon: '\u202f:',
  bornOn: { X: 'né(e) le', F: 'née le', M: 'né le' },
  bornAt: 'à',
  box: 'bte',
  since: 'depuis le',
  until: "jusqu’au",
  yes: 'oui',
  no: 'non',
  declarations: {
    declaredMonthlyIncome: 'revenus mensuels déclarés (euros)', householdSize: 'personnes dans le ménage', housing: 'logement',
    incomeSource: 'source de revenus', availableForWork: 'disposition au travail', care: 'soins demandés', healthInsurance: 'mutuelle',
    fuel: 'combustible', litres: 'litres', declaredDebts: 'dettes déclarées (euros)', creditors: 'créanciers', purpose: 'objet de la demande',
    requestedAmount: 'montant demandé (euros)', monthlyRent: 'loyer mensuel (euros)',
  },
  draft: 'PROJET — NON SIGNÉ — NE PAS ENVOYER',
  confidential: "Confidentiel. Toute personne qui a connaissance de la demande et de la suite qui y est donnée est tenue au secret (article 46bis/1, § 2, du Code d’instruction criminelle).",
  fingerprint: 'Empreinte SHA-256 du contenu',
  yourReference: 'Votre référence',
  yourRequestOf: 'Votre demande du',
  receivedOn: 'reçue le',
  noReference: '(sans référence)',
  subject: {
    answer: "Objet : demande de renseignements administratifs — article 46bis/1 du Code d’instruction criminelle",
    refusal: "Objet : votre demande de renseignements — article 46bis/1 du Code d’instruction criminelle",
    'return-for-completion': "Objet : demande de renseignements à compléter — article 46bis/1 du Code d’instruction criminelle",
  },
  salutation: (prosecutor) => (prosecutor ? 'Madame, Monsieur le Procureur du Roi,' : 'Madame, Monsieur,'),
  intro: {
    answer: "En réponse à votre demande fondée sur l’article 46bis/1 du Code d’instruction criminelle, le CPAS vous communique ci-après les renseignements administratifs demandés, pour chaque personne désignée dans votre demande. Les renseignements qui ne sont pas communiqués sont énumérés avec leur motif.",
    refusal: "Le CPAS ne peut pas donner suite à votre demande sur la base de l’article 46bis/1 du Code d’instruction criminelle, pour le ou les motifs suivants :",
    'return-for-completion': "Votre demande ne peut pas être traitée en l’état. Nous vous prions de bien vouloir la compléter sur le ou les points suivants :",
  },
  person: 'Personne',
  asGiven: 'telle que désignée dans votre demande',
  givenName: 'Nom',
  givenNiss: 'Numéro de registre national',
  givenBirthDate: 'Date de naissance',
  noFile: "Le CPAS ne dispose d’aucun renseignement administratif concernant cette personne.",
  noData: 'Aucune donnée enregistrée.',
  disclosedHeading: 'Renseignements communiqués',
  withheldHeading: 'Renseignements non communiqués et motifs',
  withheldSecret:
    "Ces informations ne sont pas des renseignements administratifs au sens de l’article 46bis/1 du Code d’instruction criminelle, tel qu’interprété par la Cour constitutionnelle (arrêt n° 44/2019, B.11 et B.23.1). Elles restent couvertes par le secret professionnel (article 458 du Code pénal).",
  withheldByLegalService:
    "Après examen par le service juridique du CPAS, ces informations ne sont pas considérées comme des renseignements administratifs au sens de l’article 46bis/1 du Code d’instruction criminelle (Cour constitutionnelle, arrêt n° 44/2019, B.11).",
  grounds: {
    'not-written': STANDARD_REPLY.fr,
    'author-not-authorised':
      "La demande n’émane pas du procureur du Roi. Seul le procureur du Roi peut requérir des renseignements administratifs sur la base de l’article 46bis/1 du Code d’instruction criminelle ; les informations demandées restent couvertes par le secret professionnel (article 458 du Code pénal).",
    'author-needs-legal-review': "L’article 46bis/1 du Code d’instruction criminelle ne confère ce pouvoir qu’au procureur du Roi.",
    'before-entry-into-force': "La demande est antérieure au 1er septembre 2017, date à laquelle l’article 46bis/1 du Code d’instruction criminelle est entré en vigueur.",
    'no-terrorist-offence':
      "La demande ne se rapporte pas à une enquête sur une infraction terroriste visée au livre II, titre Ierter, du Code pénal : l’article 46bis/1 du Code d’instruction criminelle ne s’applique pas.",
    'offence-reference-ambiguous': "La demande ne précise pas si l’article cité est celui du Code pénal de 1867 ou celui du Code pénal de 2024 : veuillez l’indiquer.",
    'offence-catalogue-unreviewed': "L’infraction visée n’a pas pu être rattachée au livre II, titre Ierter, du Code pénal.",
    'not-reasoned': 'La demande n’est pas motivée : elle doit indiquer pourquoi les renseignements demandés sont nécessaires à l’enquête.',
    'no-items': 'La demande ne précise pas quels renseignements administratifs sont demandés.',
    'no-subject': 'La demande ne désigne pas la ou les personnes concernées.',
    'legal-service-decision':
      "Après examen par le service juridique du CPAS, la demande ne peut pas être traitée sur la base de l’article 46bis/1 du Code d’instruction criminelle.",
  },
  closing: (prosecutor) =>
    prosecutor
      ? "Nous vous prions d’agréer, Madame, Monsieur le Procureur du Roi, l’expression de notre considération distinguée."
      : "Nous vous prions d’agréer, Madame, Monsieur, l’expression de notre considération distinguée.",
  doneAt: 'Fait à {place}, le {date}.',
  authors: {
    'procureur-du-roi': 'Procureur du Roi',
    'procureur-federal': 'Procureur fédéral',
    'juge-instruction': "Juge d’instruction",
    court: 'Juridiction',
    police: 'Police',
    'intelligence-service': 'Service de renseignement',
    bourgmestre: 'Bourgmestre',
    'social-inspection': 'Inspection sociale',
    'immigration-office': 'Office des étrangers',
    other: 'Autorité',
  },
  signatories: { 'directeur-general': 'Pour la direction générale du CPAS', president: 'Pour la présidence du CPAS' },
  items: {
    identity: "Données d’identité",
    'domicile-address': 'Adresse du domicile',
    'known-addresses': 'Autres adresses connues',
    'application-data': "Données communiquées dans une demande d’aide",
    'aid-decisions': 'Aide accordée ou refusée',
    'household-composition': 'Composition du ménage',
    'payment-account': 'Compte de paiement',
    'contact-details': 'Coordonnées (téléphone, e-mail)',
    'bcss-data': 'Données obtenues par la Banque Carrefour de la sécurité sociale',
    'decision-motivation': 'Motivation des décisions',
    'social-report': 'Rapports sociaux',
    'social-notes': "Notes d’entretien et confidences",
    'medical-data': 'Données médicales',
    piis: "Projet individualisé d’intégration sociale (PIIS)",
    opinions: 'Appréciations, état d’esprit, convictions',
  },
  columns: {
    family_name: 'Nom', given_names: 'Prénoms', birth_date: 'Date de naissance', birth_place: 'Lieu de naissance', sex: 'Sexe',
    nationality: 'Nationalité', niss: 'Numéro de registre national', phone: 'Téléphone', email: 'E-mail', iban: 'Compte bancaire',
    'person_address.kind': "Type d’adresse", street: 'Rue', house_number: 'Numéro', box: 'Boîte', postal_code: 'Code postal',
    municipality: 'Commune', country: 'Pays', valid_from: 'Depuis le', valid_to: "Jusqu’au", relationship: 'Lien',
    'application.kind': 'Type de demande', submitted_on: 'Introduite le', 'application.channel': 'Introduite par', communicated: 'Données déclarées',
    status: 'État', body: 'Organe', decided_on: 'Décidé le', outcome: 'Décision', amount_cents: 'Montant', period_from: 'Période du',
    period_to: 'au', motivation: 'Motivation', source: 'Source', received_on: 'Reçu le', content: 'Contenu',
  },
  values: {
    domicile: 'domicile', residence: 'résidence', reference: 'adresse de référence', earlier: 'ancienne adresse',
    granted: 'accordée', refused: 'refusée', partial: 'accordée partiellement',
    partner: 'partenaire', child: 'enfant', parent: 'parent', sibling: 'frère ou sœur', 'other-relative': 'autre parent', cohabitant: 'cohabitant',
    'revenu-integration': "revenu d’intégration", 'aide-sociale-financiere': 'aide sociale financière', 'aide-medicale-urgente': 'aide médicale urgente',
    'allocation-chauffage': 'allocation de chauffage', 'mediation-dettes': 'médiation de dettes', 'garantie-locative': 'garantie locative',
    'comite-special-service-social': 'Comité spécial du service social', 'conseil-action-sociale': "Conseil de l’action sociale", delegation: 'délégation',
  },
};

const NL: LetterTexts = {
  locale: 'nl-BE',
  sexes: { F: 'vrouwelijk geslacht', M: 'mannelijk geslacht', X: 'geslacht niet vermeld' },
  colon: ':',
  bornOn: { X: 'geboren op' },
  bornAt: 'te',
  box: 'bus',
  since: 'sinds',
  until: 'tot',
  yes: 'ja',
  no: 'nee',
  declarations: {
    declaredMonthlyIncome: 'verklaard maandinkomen (euro)', householdSize: 'personen in het gezin', housing: 'huisvesting',
    incomeSource: 'bron van inkomsten', availableForWork: 'werkbereidheid', care: 'gevraagde zorg', healthInsurance: 'ziekenfonds',
    fuel: 'brandstof', litres: 'liter', declaredDebts: 'verklaarde schulden (euro)', creditors: 'schuldeisers', purpose: 'voorwerp van de aanvraag',
    requestedAmount: 'gevraagd bedrag (euro)', monthlyRent: 'maandelijkse huur (euro)',
  },
  draft: 'ONTWERP — NIET ONDERTEKEND — NIET VERZENDEN',
  confidential: 'Vertrouwelijk. Eenieder die kennis heeft van de vordering en van het gevolg dat eraan wordt gegeven, is tot geheimhouding verplicht (artikel 46bis/1, § 2, van het Wetboek van strafvordering).',
  fingerprint: 'SHA-256-vingerafdruk van de inhoud',
  yourReference: 'Uw kenmerk',
  yourRequestOf: 'Uw vordering van',
  receivedOn: 'ontvangen op',
  noReference: '(zonder kenmerk)',
  subject: {
    answer: 'Betreft: vordering van administratieve inlichtingen — artikel 46bis/1 van het Wetboek van strafvordering',
    refusal: 'Betreft: uw vraag om inlichtingen — artikel 46bis/1 van het Wetboek van strafvordering',
    'return-for-completion': 'Betreft: aan te vullen vordering van inlichtingen — artikel 46bis/1 van het Wetboek van strafvordering',
  },
  salutation: (prosecutor) => (prosecutor ? 'Mevrouw, Mijnheer de procureur des Konings,' : 'Geachte mevrouw, geachte heer,'),
  intro: {
    answer: 'In antwoord op uw vordering op grond van artikel 46bis/1 van het Wetboek van strafvordering deelt het OCMW u hierna de gevraagde administratieve inlichtingen mee, voor elke persoon die in uw vordering wordt aangewezen. De inlichtingen die niet worden meegedeeld, worden met hun reden vermeld.',
    refusal: 'Het OCMW kan om de volgende reden(en) geen gevolg geven aan uw vraag op grond van artikel 46bis/1 van het Wetboek van strafvordering:',
    'return-for-completion': 'Uw vordering kan in haar huidige vorm niet worden behandeld. Wij verzoeken u ze aan te vullen op het volgende punt of de volgende punten:',
  },
  person: 'Persoon',
  asGiven: 'zoals aangewezen in uw vordering',
  givenName: 'Naam',
  givenNiss: 'Rijksregisternummer',
  givenBirthDate: 'Geboortedatum',
  noFile: 'Het OCMW beschikt over geen enkele administratieve inlichting over deze persoon.',
  noData: 'Geen gegevens geregistreerd.',
  disclosedHeading: 'Meegedeelde inlichtingen',
  withheldHeading: 'Niet meegedeelde inlichtingen en redenen',
  withheldSecret:
    'Deze gegevens zijn geen administratieve inlichtingen in de zin van artikel 46bis/1 van het Wetboek van strafvordering, zoals uitgelegd door het Grondwettelijk Hof (arrest nr. 44/2019, B.11 en B.23.1). Zij blijven gedekt door het beroepsgeheim (artikel 458 van het Strafwetboek).',
  withheldByLegalService:
    'Na onderzoek door de juridische dienst van het OCMW worden deze gegevens niet beschouwd als administratieve inlichtingen in de zin van artikel 46bis/1 van het Wetboek van strafvordering (Grondwettelijk Hof, arrest nr. 44/2019, B.11).',
  grounds: {
    'not-written': STANDARD_REPLY.nl,
    'author-not-authorised':
      'De vraag gaat niet uit van de procureur des Konings. Alleen de procureur des Konings kan op grond van artikel 46bis/1 van het Wetboek van strafvordering administratieve inlichtingen vorderen; de gevraagde gegevens blijven gedekt door het beroepsgeheim (artikel 458 van het Strafwetboek).',
    'author-needs-legal-review': 'Artikel 46bis/1 van het Wetboek van strafvordering verleent die bevoegdheid alleen aan de procureur des Konings.',
    'before-entry-into-force': 'De vraag dateert van vóór 1 september 2017, de datum waarop artikel 46bis/1 van het Wetboek van strafvordering in werking is getreden.',
    'no-terrorist-offence':
      'De vraag heeft geen betrekking op een onderzoek naar een terroristisch misdrijf bedoeld in boek II, titel Iter, van het Strafwetboek: artikel 46bis/1 van het Wetboek van strafvordering is niet van toepassing.',
    'offence-reference-ambiguous': 'De vordering vermeldt niet of het aangehaalde artikel dat van het Strafwetboek van 1867 of van 2024 is: gelieve dat te preciseren.',
    'offence-catalogue-unreviewed': 'Het bedoelde misdrijf kon niet worden verbonden met boek II, titel Iter, van het Strafwetboek.',
    'not-reasoned': 'De vordering is niet met redenen omkleed: zij moet aangeven waarom de gevraagde inlichtingen noodzakelijk zijn voor het onderzoek.',
    'no-items': 'De vordering preciseert niet welke administratieve inlichtingen worden gevraagd.',
    'no-subject': 'De vordering wijst de betrokken persoon of personen niet aan.',
    'legal-service-decision':
      'Na onderzoek door de juridische dienst van het OCMW kan de vraag niet worden behandeld op grond van artikel 46bis/1 van het Wetboek van strafvordering.',
  },
  closing: (prosecutor) =>
    prosecutor ? 'Met de meeste hoogachting, mevrouw, mijnheer de procureur des Konings.' : 'Met de meeste hoogachting.',
  doneAt: 'Gedaan te {place}, op {date}.',
  authors: {
    'procureur-du-roi': 'Procureur des Konings',
    'procureur-federal': 'Federaal procureur',
    'juge-instruction': 'Onderzoeksrechter',
    court: 'Rechtscollege',
    police: 'Politie',
    'intelligence-service': 'Inlichtingendienst',
    bourgmestre: 'Burgemeester',
    'social-inspection': 'Sociale inspectie',
    'immigration-office': 'Dienst Vreemdelingenzaken',
    other: 'Overheid',
  },
  signatories: { 'directeur-general': 'Algemeen directeur', president: 'Voorzitter van het OCMW' },
  items: {
    identity: 'Identiteitsgegevens',
    'domicile-address': 'Adres van de woonplaats',
    'known-addresses': 'Andere gekende adressen',
    'application-data': 'Gegevens meegedeeld in een aanvraag om hulp',
    'aid-decisions': 'Toegekende of geweigerde hulp',
    'household-composition': 'Gezinssamenstelling',
    'payment-account': 'Betaalrekening',
    'contact-details': 'Contactgegevens (telefoon, e-mail)',
    'bcss-data': 'Gegevens verkregen via de Kruispuntbank van de Sociale Zekerheid',
    'decision-motivation': 'Motivering van de beslissingen',
    'social-report': 'Sociale verslagen',
    'social-notes': 'Gespreksnotities en vertrouwelijke mededelingen',
    'medical-data': 'Medische gegevens',
    piis: 'Geïndividualiseerd project voor maatschappelijke integratie (GPMI)',
    opinions: 'Beoordelingen, gemoedstoestand, overtuigingen',
  },
  columns: {
    family_name: 'Naam', given_names: 'Voornamen', birth_date: 'Geboortedatum', birth_place: 'Geboorteplaats', sex: 'Geslacht',
    nationality: 'Nationaliteit', niss: 'Rijksregisternummer', phone: 'Telefoon', email: 'E-mail', iban: 'Bankrekening',
    'person_address.kind': 'Soort adres', street: 'Straat', house_number: 'Huisnummer', box: 'Bus', postal_code: 'Postcode',
    municipality: 'Gemeente', country: 'Land', valid_from: 'Vanaf', valid_to: 'Tot', relationship: 'Verwantschap',
    'application.kind': 'Soort aanvraag', submitted_on: 'Ingediend op', 'application.channel': 'Ingediend via', communicated: 'Verklaarde gegevens',
    status: 'Stand', body: 'Orgaan', decided_on: 'Beslist op', outcome: 'Beslissing', amount_cents: 'Bedrag', period_from: 'Periode van',
    period_to: 'tot', motivation: 'Motivering', source: 'Bron', received_on: 'Ontvangen op', content: 'Inhoud',
  },
  values: {
    domicile: 'woonplaats', residence: 'verblijfplaats', reference: 'referentieadres', earlier: 'vorig adres',
    granted: 'toegekend', refused: 'geweigerd', partial: 'gedeeltelijk toegekend',
    partner: 'partner', child: 'kind', parent: 'ouder', sibling: 'broer of zus', 'other-relative': 'ander familielid', cohabitant: 'samenwonende',
    'revenu-integration': 'leefloon', 'aide-sociale-financiere': 'financiële maatschappelijke dienstverlening', 'aide-medicale-urgente': 'dringende medische hulp',
    'allocation-chauffage': 'verwarmingstoelage', 'mediation-dettes': 'schuldbemiddeling', 'garantie-locative': 'huurwaarborg',
    'comite-special-service-social': 'Bijzonder comité voor de sociale dienst', 'conseil-action-sociale': 'Raad voor maatschappelijk welzijn', delegation: 'delegatie',
  },
};

const DE: LetterTexts = {
  locale: 'de-BE',
  sexes: { F: 'weiblich', M: 'männlich', X: 'Geschlecht nicht angegeben' },
  colon: ':',
  bornOn: { X: 'geboren am' },
  bornAt: 'in',
  box: 'Bfk.',
  since: 'seit dem',
  until: 'bis zum',
  yes: 'ja',
  no: 'nein',
  declarations: {
    declaredMonthlyIncome: 'angegebenes Monatseinkommen (Euro)', householdSize: 'Personen im Haushalt', housing: 'Wohnung',
    incomeSource: 'Einkommensquelle', availableForWork: 'Arbeitsbereitschaft', care: 'beantragte Pflege', healthInsurance: 'Krankenkasse',
    fuel: 'Brennstoff', litres: 'Liter', declaredDebts: 'angegebene Schulden (Euro)', creditors: 'Gläubiger', purpose: 'Gegenstand des Antrags',
    requestedAmount: 'beantragter Betrag (Euro)', monthlyRent: 'monatliche Miete (Euro)',
  },
  draft: 'ENTWURF — NICHT UNTERZEICHNET — NICHT VERSENDEN',
  confidential: 'Vertraulich. Wer von dem Ersuchen und der ihm gegebenen Folge Kenntnis hat, ist zur Verschwiegenheit verpflichtet (Artikel 46bis/1 § 2 des Strafprozessgesetzbuches).',
  fingerprint: 'SHA-256-Fingerabdruck des Inhalts',
  yourReference: 'Ihr Zeichen',
  yourRequestOf: 'Ihr Ersuchen vom',
  receivedOn: 'eingegangen am',
  noReference: '(ohne Zeichen)',
  subject: {
    answer: 'Betrifft: Ersuchen um administrative Auskünfte — Artikel 46bis/1 des Strafprozessgesetzbuches',
    refusal: 'Betrifft: Ihr Auskunftsersuchen — Artikel 46bis/1 des Strafprozessgesetzbuches',
    'return-for-completion': 'Betrifft: zu ergänzendes Auskunftsersuchen — Artikel 46bis/1 des Strafprozessgesetzbuches',
  },
  salutation: (prosecutor) => (prosecutor ? 'Sehr geehrte Frau Prokuratorin des Königs, sehr geehrter Herr Prokurator des Königs,' : 'Sehr geehrte Damen und Herren,'),
  intro: {
    answer: 'In Beantwortung Ihres Ersuchens auf der Grundlage von Artikel 46bis/1 des Strafprozessgesetzbuches teilt Ihnen das ÖSHZ nachstehend die erbetenen administrativen Auskünfte für jede in Ihrem Ersuchen bezeichnete Person mit. Die nicht mitgeteilten Auskünfte werden mit ihrem Grund aufgeführt.',
    refusal: 'Das ÖSHZ kann Ihrem Ersuchen auf der Grundlage von Artikel 46bis/1 des Strafprozessgesetzbuches aus folgendem Grund bzw. folgenden Gründen nicht nachkommen:',
    'return-for-completion': 'Ihr Ersuchen kann in seiner jetzigen Form nicht bearbeitet werden. Wir bitten Sie, es in folgendem Punkt bzw. folgenden Punkten zu ergänzen:',
  },
  person: 'Person',
  asGiven: 'wie in Ihrem Ersuchen bezeichnet',
  givenName: 'Name',
  givenNiss: 'Nationalregisternummer',
  givenBirthDate: 'Geburtsdatum',
  noFile: 'Das ÖSHZ verfügt über keinerlei administrative Auskunft über diese Person.',
  noData: 'Keine Daten erfasst.',
  disclosedHeading: 'Mitgeteilte Auskünfte',
  withheldHeading: 'Nicht mitgeteilte Auskünfte und Gründe',
  withheldSecret:
    'Diese Angaben sind keine administrativen Auskünfte im Sinne von Artikel 46bis/1 des Strafprozessgesetzbuches, wie vom Verfassungsgerichtshof ausgelegt (Entscheid Nr. 44/2019, B.11 und B.23.1). Sie unterliegen weiterhin dem Berufsgeheimnis (Artikel 458 des Strafgesetzbuches).',
  withheldByLegalService:
    'Nach Prüfung durch den Rechtsdienst des ÖSHZ gelten diese Angaben nicht als administrative Auskünfte im Sinne von Artikel 46bis/1 des Strafprozessgesetzbuches (Verfassungsgerichtshof, Entscheid Nr. 44/2019, B.11).',
  grounds: {
    'not-written': STANDARD_REPLY.de,
    'author-not-authorised':
      'Das Ersuchen geht nicht vom Prokurator des Königs aus. Nur der Prokurator des Königs kann auf der Grundlage von Artikel 46bis/1 des Strafprozessgesetzbuches administrative Auskünfte verlangen; die erbetenen Angaben unterliegen weiterhin dem Berufsgeheimnis (Artikel 458 des Strafgesetzbuches).',
    'author-needs-legal-review': 'Artikel 46bis/1 des Strafprozessgesetzbuches verleiht diese Befugnis nur dem Prokurator des Königs.',
    'before-entry-into-force': 'Das Ersuchen datiert vor dem 1. September 2017, dem Tag des Inkrafttretens von Artikel 46bis/1 des Strafprozessgesetzbuches.',
    'no-terrorist-offence':
      'Das Ersuchen betrifft keine Ermittlung wegen einer terroristischen Straftat im Sinne von Buch II Titel Iter des Strafgesetzbuches: Artikel 46bis/1 des Strafprozessgesetzbuches findet keine Anwendung.',
    'offence-reference-ambiguous': 'Das Ersuchen gibt nicht an, ob der angeführte Artikel aus dem Strafgesetzbuch von 1867 oder von 2024 stammt: bitte präzisieren Sie dies.',
    'offence-catalogue-unreviewed': 'Die angeführte Straftat konnte nicht Buch II Titel Iter des Strafgesetzbuches zugeordnet werden.',
    'not-reasoned': 'Das Ersuchen ist nicht mit Gründen versehen: Es muss angeben, warum die erbetenen Auskünfte für die Ermittlung notwendig sind.',
    'no-items': 'Das Ersuchen gibt nicht an, welche administrativen Auskünfte erbeten werden.',
    'no-subject': 'Das Ersuchen bezeichnet die betroffene(n) Person(en) nicht.',
    'legal-service-decision':
      'Nach Prüfung durch den Rechtsdienst des ÖSHZ kann das Ersuchen nicht auf der Grundlage von Artikel 46bis/1 des Strafprozessgesetzbuches bearbeitet werden.',
  },
  closing: () => 'Mit vorzüglicher Hochachtung',
  doneAt: 'Ausgefertigt in {place}, am {date}.',
  authors: {
    'procureur-du-roi': 'Prokurator des Königs',
    'procureur-federal': 'Föderalprokurator',
    'juge-instruction': 'Untersuchungsrichter',
    court: 'Rechtsprechungsorgan',
    police: 'Polizei',
    'intelligence-service': 'Nachrichtendienst',
    bourgmestre: 'Bürgermeister',
    'social-inspection': 'Sozialinspektion',
    'immigration-office': 'Ausländeramt',
    other: 'Behörde',
  },
  signatories: { 'directeur-general': 'Für die Generaldirektion des ÖSHZ', president: 'Für den Vorsitz des ÖSHZ' },
  items: {
    identity: 'Identitätsangaben',
    'domicile-address': 'Wohnsitzadresse',
    'known-addresses': 'Andere bekannte Adressen',
    'application-data': 'In einem Hilfeantrag mitgeteilte Angaben',
    'aid-decisions': 'Gewährte oder verweigerte Hilfe',
    'household-composition': 'Haushaltszusammensetzung',
    'payment-account': 'Zahlungskonto',
    'contact-details': 'Kontaktangaben (Telefon, E-Mail)',
    'bcss-data': 'Über die Zentrale Datenbank der sozialen Sicherheit erhaltene Angaben',
    'decision-motivation': 'Begründung der Entscheidungen',
    'social-report': 'Sozialberichte',
    'social-notes': 'Gesprächsnotizen und vertrauliche Mitteilungen',
    'medical-data': 'Medizinische Angaben',
    piis: 'Individualisiertes Projekt zur sozialen Eingliederung (IPSE)',
    opinions: 'Beurteilungen, Gemütszustand, Überzeugungen',
  },
  columns: {
    family_name: 'Name', given_names: 'Vornamen', birth_date: 'Geburtsdatum', birth_place: 'Geburtsort', sex: 'Geschlecht',
    nationality: 'Staatsangehörigkeit', niss: 'Nationalregisternummer', phone: 'Telefon', email: 'E-Mail', iban: 'Bankkonto',
    'person_address.kind': 'Art der Adresse', street: 'Straße', house_number: 'Hausnummer', box: 'Briefkasten', postal_code: 'Postleitzahl',
    municipality: 'Gemeinde', country: 'Land', valid_from: 'Ab', valid_to: 'Bis', relationship: 'Verhältnis',
    'application.kind': 'Art des Antrags', submitted_on: 'Eingereicht am', 'application.channel': 'Eingereicht über', communicated: 'Angegebene Daten',
    status: 'Stand', body: 'Organ', decided_on: 'Entschieden am', outcome: 'Entscheidung', amount_cents: 'Betrag', period_from: 'Zeitraum vom',
    period_to: 'bis', motivation: 'Begründung', source: 'Quelle', received_on: 'Erhalten am', content: 'Inhalt',
  },
  values: {
    domicile: 'Wohnsitz', residence: 'Aufenthaltsort', reference: 'Bezugsadresse', earlier: 'frühere Adresse',
    granted: 'gewährt', refused: 'verweigert', partial: 'teilweise gewährt',
    partner: 'Partner', child: 'Kind', parent: 'Elternteil', sibling: 'Geschwister', 'other-relative': 'anderer Verwandter', cohabitant: 'Mitbewohner',
    'revenu-integration': 'Eingliederungseinkommen', 'aide-sociale-financiere': 'finanzielle Sozialhilfe', 'aide-medicale-urgente': 'dringende medizinische Hilfe',
    'allocation-chauffage': 'Heizkostenzulage', 'mediation-dettes': 'Schuldnerberatung', 'garantie-locative': 'Mietkaution',
    'comite-special-service-social': 'Sonderausschuss für den Sozialdienst', 'conseil-action-sociale': 'Sozialhilferat', delegation: 'Delegation',
  },
};

export const LETTER_TEXTS: Readonly<Record<LetterLanguage, LetterTexts>> = { fr: FR, nl: NL, de: DE };
