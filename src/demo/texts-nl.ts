// Dutch fragments for synthetic case texts (Gent, and Dutch-language files in Schaarbeek).
// They describe situations and needs factually; they never rate or label a person.
import { belgianDate, formatAmount } from './format.ts';
import { intBetween, pick } from './random.ts';
import type { Rng } from './random.ts';
import { always, buildBank } from './text-bank.ts';
import type { Conditional, Fragment, PiisGoal } from './text-bank.ts';
import type { AidPurpose, ApplicationKind, CaseProfile, MotivationFacts, Outcome, RateCategory, Region, TextBank } from './types.ts';

const g = (p: CaseProfile, masculine: string, feminine: string) => (p.sex === 'F' ? feminine : masculine);
const hij = (p: CaseProfile) => g(p, 'hij', 'zij');
const Hij = (p: CaseProfile) => g(p, 'Hij', 'Zij');
const zijn = (p: CaseProfile) => g(p, 'zijn', 'haar');
// Lower case within a sentence, capitalised at its start, as in Flemish reports.
const who = (p: CaseProfile) => `${g(p, 'meneer', 'mevrouw')} ${p.familyName}`;
const Who = (p: CaseProfile) => `${g(p, 'Meneer', 'Mevrouw')} ${p.familyName}`;
const eur = (cents: number) => `€ ${formatAmount(cents)}`;
const NUMBERS = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes'];
const months = (n: number) => (n === 1 ? 'één maand' : `${NUMBERS[n] ?? n} maanden`);

const office: Record<Region, string> = { wallonie: 'de Forem', bruxelles: 'Actiris', vlaanderen: 'de VDAB' };
const meter: Record<Region, string> = {
  wallonie: 'budgetmeter',
  bruxelles: 'vermogensbegrenzer',
  vlaanderen: 'digitale meter met voorafbetaling',
};
const housingCompany: Record<Region, string> = {
  wallonie: 'de openbare huisvestingsmaatschappij',
  bruxelles: 'de openbare vastgoedmaatschappij',
  vlaanderen: 'de woonmaatschappij',
};
const isHomeless = (p: CaseProfile) => p.housing === 'hosted' || p.housing === 'no-fixed-home';

function household(p: CaseProfile): string {
  const kids = p.children === 1 ? 'een kind' : `${NUMBERS[p.children] ?? p.children} kinderen`;
  switch (p.household) {
    case 'alone': return p.housing === 'hosted' ? 'heeft niemand ten laste' : 'woont alleen';
    case 'couple': return 'woont samen met een partner, zonder kinderen ten laste';
    case 'single-parent': return `voedt alleen ${kids} op`;
    case 'couple-children': return `woont samen met een partner en ${kids}`;
  }
}

const referrers = [
  'het ziekenfonds', 'het wijkgezondheidscentrum', 'de huisvestingsdienst van de stad', 'een buurtwerking',
  'de vakbond', 'het CAW', 'een familielid', 'de sociale dienst van het ziekenhuis', 'het CLB',
];

const intros: Fragment[] = [
  (p) => `${Who(p)}, ${p.age} jaar, ${household(p)}.`,
  (p) => `${Who(p)} meldt zich aan op de sociale permanentie. ${Hij(p)} is ${p.age} jaar en ${household(p)}.`,
  (p) => `Eerste gesprek met ${who(p)}, ${p.age} jaar. ${Hij(p)} ${household(p)}.`,
  (p, r) => `${Who(p)} (${p.age} jaar) wordt doorverwezen naar het OCMW door ${pick(r, referrers)}. ${Hij(p)} ${household(p)}.`,
  (p) => `Aanvraag ingediend aan het onthaal door ${who(p)}, ${p.age} jaar. ${Hij(p)} ${household(p)}.`,
  (p, r) => `${Who(p)} neemt opnieuw contact op met de dienst na ${intBetween(r, 6, 30)} maanden zonder begeleiding. ${Hij(p)} ${household(p)}.`,
  (p) => `Gesprek op vraag van ${who(p)}, ${p.age} jaar. ${Hij(p)} ${household(p)}.`,
  (p) => `${Who(p)} maakte een afspraak na een eerste telefonisch contact. ${Hij(p)} is ${p.age} jaar en ${household(p)}.`,
];

const followUpIntros: Fragment[] = [
  (p) => `Evolutieverslag over ${who(p)}, ${p.age} jaar. ${Hij(p)} ${household(p)}.`,
  (p) => `Actualisering van de situatie van ${who(p)}. ${Hij(p)} ${household(p)}.`,
  (p) => `Opvolging van de situatie van ${who(p)} sinds de vorige beslissing. ${Hij(p)} is ${p.age} jaar en ${household(p)}.`,
];

const housingTexts: Record<CaseProfile['housing'], Fragment[]> = {
  'private-rental': [
    (p) => `${Hij(p)} huurt een appartement op de private huurmarkt voor ${p.rent} euro per maand, zonder kosten.`,
    (p, r) => `De huur bedraagt ${p.rent} euro per maand, plus ongeveer ${intBetween(r, 4, 12) * 10} euro aan kosten.`,
    (p) => `De woning, gehuurd voor ${p.rent} euro per maand, heeft vochtproblemen die aan de verhuurder werden gemeld.`,
    (p) => (p.yearsAtAddress >= 2
      ? `${Hij(p)} woont al ${p.yearsAtAddress} jaar in een private huurwoning; de huur (${p.rent} euro) werd dit jaar geïndexeerd.`
      : `${Hij(p)} is onlangs verhuisd naar een private huurwoning van ${p.rent} euro per maand.`),
    (p, r) => `Het huurcontract loopt over ${months(intBetween(r, 2, 6))} af; ${hij(p)} zoekt een goedkopere woning dan de huidige (${p.rent} euro).`,
  ],
  'social-housing': [
    (p) => `${Hij(p)} huurt een sociale woning (huur van ${p.rent} euro per maand).`,
    (p) => `De huur van de sociale woning, ${p.rent} euro per maand, wordt berekend op het inkomen; ${housingCompany[p.region]} werd op de hoogte gebracht van de gewijzigde situatie.`,
    (p) => `Het gezin woont ${p.yearsAtAddress >= 2 ? `sinds ${p.yearsAtAddress} jaar` : 'sinds kort'} in een sociale woning; de huur bedraagt ${p.rent} euro.`,
  ],
  hosted: [
    (p) => `${Hij(p)} verblijft tijdelijk bij een familielid.`,
    (p) => `${Hij(p)} logeert bij een kennis en zoekt een woning op eigen naam.`,
    (p) => (p.age < 30
      ? `${Hij(p)} woont bij ${zijn(p)} ouders, die niet langer alle kosten alleen kunnen dragen.`
      : `${Hij(p)} verblijft sinds het einde van ${zijn(p)} huurcontract bij een naaste.`),
  ],
  owner: [
    (p) => `${Hij(p)} is eigenaar van de woning die ${hij(p)} bewoont; de hypothecaire lening is afbetaald.`,
    (p) => `De woning waarvan ${hij(p)} eigenaar is, heeft een nieuwe verwarmingsinstallatie nodig die ${hij(p)} niet kan betalen.`,
    (p) => `${Hij(p)} woont in de gezinswoning waarvan ${hij(p)} eigenaar is; de onroerende voorheffing blijft een zware last.`,
  ],
  'no-fixed-home': [
    (p) => `${Hij(p)} heeft sinds enkele maanden geen woning meer en heeft een referentieadres bij het OCMW.`,
    (p) => `Sinds het verlies van ${zijn(p)} woning verblijft ${hij(p)} afwisselend bij kennissen en in de nachtopvang.`,
    () => 'Er werd een referentieadres bij het OCMW toegekend om de toegang tot rechten te behouden; de zoektocht naar een woning loopt.',
  ],
};

const jobs: readonly (readonly [string, string])[] = [
  ['poetshulp met dienstencheques', 'poetshulp met dienstencheques'], ['kassamedewerker', 'kassamedewerker'],
  ['schoonmaker', 'schoonmaakster'], ['magazijnmedewerker', 'magazijnmedewerker'], ['keukenhulp', 'keukenhulp'],
  ['verkoper', 'verkoopster'], ['koerier', 'koerier'], ['zorgkundige', 'zorgkundige'],
];
const fields = [
  'verpleegkunde', 'boekhouden', 'orthopedagogie', 'informatica', 'rechten', 'elektromechanica', 'sociaal werk',
  'marketing', 'biomedische laboratoriumtechnologie', 'bouw',
];
const schools = ['aan de hogeschool', 'aan de universiteit', 'in het volwassenenonderwijs', 'in een duaal traject'];
const job = (p: CaseProfile, r: Rng) => { const [m, f] = pick(r, jobs); return g(p, m, f); };

const incomeTexts: Record<CaseProfile['income'], Fragment[]> = {
  none: [
    (p) => `${Hij(p)} heeft momenteel geen inkomen.`,
    (_, r) => `Het recht op werkloosheidsuitkering is ${months(intBetween(r, 1, 6))} geleden geëindigd; er is geen ander inkomen.`,
    (p) => `Er wordt geen inkomen aangegeven; ${hij(p)} krijgt af en toe hulp van naasten.`,
    () => 'De spaargelden zijn opgebruikt en het saldo van de rekening is bijna nul.',
  ],
  unemployment: [
    (p) => `${Hij(p)} ontvangt een werkloosheidsuitkering van ${p.monthlyIncome} euro per maand.`,
    (p) => `De werkloosheidsuitkering (${p.monthlyIncome} euro per maand) volstaat niet om de vaste kosten te dekken.`,
    (p) => `${Hij(p)} is ingeschreven als werkzoekende bij ${office[p.region]} en ontvangt ${p.monthlyIncome} euro uitkering.`,
  ],
  sickness: [
    (p) => `${Hij(p)} is arbeidsongeschikt en ontvangt ${p.monthlyIncome} euro uitkering van het ziekenfonds.`,
    (p) => `De ziekte-uitkering (${p.monthlyIncome} euro per maand) wordt met vertraging uitbetaald sinds een verandering van ziekenfonds.`,
    (p, r) => `${Hij(p)} is sinds ${intBetween(r, 3, 30)} maanden erkend als arbeidsongeschikt en ontvangt ${p.monthlyIncome} euro per maand.`,
  ],
  'part-time-work': [
    (p, r) => `${Hij(p)} werkt deeltijds als ${job(p, r)} en verdient ongeveer ${p.monthlyIncome} euro netto per maand.`,
    (p, r) => `Een halftijds contract (${job(p, r)}) brengt ${p.monthlyIncome} euro netto per maand op; de uurroosters wisselen van week tot week.`,
    (p) => `Het inkomen uit arbeid (gemiddeld ${p.monthlyIncome} euro netto) schommelt naargelang de gepresteerde uren.`,
  ],
  pension: [
    (p) => `${Hij(p)} ontvangt een pensioen van ${p.monthlyIncome} euro per maand.`,
    (p) => `Het pensioen (${p.monthlyIncome} euro per maand) volstaat niet om de gezondheids- en woonkosten te dragen.`,
    (p) => `Er loopt een aanvraag voor de inkomensgarantie voor ouderen (IGO); het huidige pensioen bedraagt ${p.monthlyIncome} euro.`,
  ],
  student: [
    (p, r) => `${Hij(p)} studeert ${pick(r, fields)} ${pick(r, schools)}` +
      (p.monthlyIncome > 0 ? ` en heeft een studentenjob (gemiddeld ${p.monthlyIncome} euro per maand).` : ' en heeft geen inkomen.'),
    (p, r) => `Als student ${pick(r, fields)} kan ${hij(p)} niet langer rekenen op financiële steun van ${zijn(p)} ouders.`,
    (p, r) => `${Hij(p)} volgt een opleiding ${pick(r, fields)} ${pick(r, schools)}; inschrijvingsgeld en studiemateriaal zijn voor eigen rekening.`,
  ],
};

const topics: Conditional[] = [
  [(p) => p.debts, (p, r) => `${Hij(p)} meldt verschillende schulden (energie, telecom, ziekenhuisfacturen) voor een geschat bedrag van ${intBetween(r, 8, 90) * 100} euro.`],
  [(p) => p.debts, (_, r) => `Er werden brieven van een gerechtsdeurwaarder ontvangen voor een onbetaalde factuur van ${intBetween(r, 3, 40) * 50} euro.`],
  [(p) => p.debts, () => 'Een afbetalingsplan met de energieleverancier kon niet worden nageleefd.'],
  [(p) => p.health, () => 'Gezondheidsproblemen beperken momenteel de mogelijkheden om te werken.'],
  [(p) => p.health, (p) => `${Hij(p)} volgt een regelmatige behandeling die deels niet wordt terugbetaald.`],
  [(p) => p.health, (_, r) => `De apotheekkosten bedragen ongeveer ${intBetween(r, 3, 12) * 10} euro per maand.`],
  [(p) => p.children > 0, () => 'De schoolkosten (maaltijden, opvang, uitstappen) wegen op het gezinsbudget.'],
  [(p) => p.children > 0, () => 'Een van de kinderen volgt logopedie, die slechts gedeeltelijk wordt terugbetaald.'],
  [(p) => p.children > 0, () => 'De gezinsbijslag wordt regelmatig ontvangen en vormt een belangrijk deel van de middelen.'],
  [(p) => !isHomeless(p), (p) => `Er werd een ${meter[p.region]} geplaatst na betalingsachterstanden.`],
  [(p) => p.housing !== 'no-fixed-home', () => 'De energiefacturen zijn sinds vorige winter sterk gestegen.'],
  always((p) => `${Hij(p)} wil begeleid worden bij administratieve stappen (ziekenfonds, uitkeringen, belastingen).`),
  always(() => 'Online procedures verlopen moeilijk omdat er thuis geen computer is.'),
  [(p) => p.age < 60, (p) => `${Hij(p)} geeft aan beschikbaar te zijn voor een opleiding of werk zodra de situatie stabiel is.`],
  always((p) => `${Hij(p)} heeft goed contact met ${zijn(p)} familie, die echter niet financieel kan helpen.`),
  always(() => 'Er is momenteel geen andere sociale dienst betrokken.'),
  [(p) => p.yearsAtAddress >= 5, (p) => `${Hij(p)} werd enkele jaren geleden al kort door het OCMW geholpen.`],
];

const purposeRequest: Record<AidPurpose, string> = {
  'rent-deposit': 'steun om de huurwaarborg voor een nieuwe woning samen te stellen',
  'medical-costs': 'een tussenkomst in medische en farmaceutische kosten',
  'energy-bill': 'hulp bij het betalen van een eindafrekening van energie',
  'school-costs': 'een tussenkomst in de schoolkosten',
  'monthly-supplement': 'een maandelijkse aanvullende financiële steun',
  furniture: 'steun voor de inrichting van de woning (basismeubilair)',
  'medical-card': 'een medische kaart',
  'budget-guidance': 'budgetbegeleiding',
  'social-grocery': 'toegang tot de sociale kruidenier',
};

/** The object of an aid, as it follows "voor" in a decision. */
const purposeFor: Record<AidPurpose, string> = {
  'rent-deposit': 'het samenstellen van een huurwaarborg',
  'medical-costs': 'medische en farmaceutische kosten',
  'energy-bill': 'een eindafrekening van energie',
  'school-costs': 'schoolkosten',
  'monthly-supplement': 'een maandelijkse aanvulling op het inkomen',
  furniture: 'de aankoop van basismeubilair',
  'medical-card': 'een medische kaart',
  'budget-guidance': 'budgetbegeleiding',
  'social-grocery': 'toegang tot de sociale kruidenier',
};

function request(p: CaseProfile, rng: Rng, kind: ApplicationKind, purpose: AidPurpose | null): string {
  switch (kind) {
    case 'revenu-integration':
      return pick(rng, ['De aanvraag betreft het leefloon.', `${Hij(p)} vraagt een leefloon aan.`]);
    case 'aide-medicale-urgente':
      return 'De aanvraag betreft de tenlasteneming van zorg als dringende medische hulp.';
    case 'allocation-chauffage':
      return `${Hij(p)} dient een aanvraag in voor een verwarmingstoelage van het Sociaal Verwarmingsfonds.`;
    case 'mediation-dettes':
      return `${Hij(p)} vraagt de tussenkomst van de dienst schuldbemiddeling.`;
    default:
      return `${Hij(p)} vraagt ${purposeRequest[purpose ?? 'monthly-supplement']}.`;
  }
}

const assessment: Record<Outcome | 'pending', Conditional[]> = {
  granted: [
    always(() => 'De behoeftigheid is aangetoond op basis van de aangegeven inkomsten en de bewezen kosten.'),
    always((p) => `${Who(p)} werkt actief mee aan het sociaal onderzoek en bezorgde alle gevraagde documenten.`),
    [(p) => p.housing !== 'no-fixed-home', () => 'Een huisbezoek bevestigde de aangegeven gegevens.'],
    always(() => 'De toekenningsvoorwaarden lijken vervuld; een gunstig advies wordt aan het comité voorgelegd.'),
    always(() => 'De gevraagde hulp laat toe een menswaardig leven te leiden in de zin van artikel 1 van de organieke wet.'),
    [(p, kind) => (kind === 'revenu-integration' || kind === 'aide-sociale-financiere') && (p.income === 'sickness' || p.income === 'pension'),
      () => 'De hulp wordt voorgesteld als voorschot op rechten die nog worden geopend.'],
  ],
  partial: [
    [(_, kind) => kind !== 'mediation-dettes', () => 'De middelen van het gezin dekken een deel van de behoeften; een gedeeltelijke steun wordt voorgesteld.'],
    [(_, kind) => kind === 'aide-sociale-financiere' || kind === 'other' || kind === 'aide-medicale-urgente',
      () => 'Slechts een deel van de voorgelegde kosten is met stukken gestaafd; de tussenkomst wordt tot die stukken beperkt.'],
    [(p) => p.income === 'part-time-work', () => 'Gelet op het inkomen uit arbeid wordt een verminderd bedrag voorgesteld.'],
    [(_, kind) => kind === 'revenu-integration', () => 'Het aangegeven inkomen wordt van het referentiebedrag afgetrokken: een gedeeltelijk leefloon wordt voorgesteld.'],
    [(_, kind) => kind === 'mediation-dettes', () => 'Eerst wordt budgetbegeleiding voorgesteld; schuldbemiddeling wordt daarna overwogen.'],
    [(_, kind) => kind === 'allocation-chauffage', () => 'De toelage wordt beperkt tot het aantal liter dat het Fonds in aanmerking neemt.'],
  ],
  refused: [
    always(() => 'De aangegeven middelen liggen boven het referentiebedrag; de behoeftigheid is op dit moment niet aangetoond.'),
    always(() => 'Ondanks twee herinneringen werden de gevraagde rekeninguittreksels niet bezorgd.'),
    always(() => 'Andere rechten moeten eerst worden aangesproken (werkloosheidsuitkering, uitkering van het ziekenfonds).'),
    always((p) => `Een ongunstig advies wordt voorgesteld; ${hij(p)} werd geïnformeerd over de mogelijkheid om een nieuwe aanvraag in te dienen als de situatie verandert.`),
  ],
  pending: [
    always(() => 'De documenten over het inkomen worden nog verwacht; het dossier wordt vóór het comité aangevuld.'),
    always(() => 'Het sociaal onderzoek loopt; een huisbezoek is gepland.'),
  ],
};

const assessmentGeneral: Conditional[] = [
  always(() => 'Een maandelijkse budgetbegeleiding wordt voorgesteld en aanvaard.'),
  [(p) => p.debts, () => 'Een doorverwijzing naar de dienst schuldbemiddeling van het OCMW lijkt aangewezen.'],
  [isHomeless, () => 'De woonsituatie is precair; een doorverwijzing naar de woondienst wordt voorgesteld.'],
  always(() => 'De opvolging gebeurt verder via een maandelijks gesprek.'),
  [(p) => p.health, () => 'Een doorverwijzing naar het wijkgezondheidscentrum wordt voorgesteld.'],
  [(p) => p.age < 60 && (p.income === 'none' || p.income === 'unemployment'), () => 'De werkbereidheid blijkt uit de sollicitaties van de voorbije maanden.'],
  [(p) => p.health && p.age < 66, () => 'Om gezondheidsredenen wordt op basis van een medisch attest een tijdelijke vrijstelling van werkbereidheid voorgesteld.'],
  [(p) => p.age < 30, () => 'Een geïndividualiseerd project voor maatschappelijke integratie kan de hervatting van een opleiding ondersteunen.'],
  always((p) => `${Hij(p)} beheert ${zijn(p)} budget zelfstandig; begeleiding is op dit moment niet nodig.`),
  [(p) => p.children > 0, () => 'De rechten op gezinsbijslag werden nagekeken.'],
  [(p) => p.age < 60, (p) => `Een contact met de trajectbegeleiding en met ${office[p.region]} is gepland.`],
];

const caseNotes: Conditional[] = [
  always((p) => `Telefoon: ${hij(p)} meldt een brief van het ziekenfonds te hebben ontvangen. Kopie mee te brengen naar de volgende afspraak.`),
  always(() => 'Langs geweest aan het onthaal om de rekeninguittreksels van de laatste drie maanden af te geven.'),
  always((p) => `Afspraak verplaatst op vraag van ${who(p)} (doktersafspraak dezelfde dag).`),
  [(p) => isHomeless(p) || p.housing === 'private-rental', (_, r) => `Opvolgingsgesprek: de zoektocht naar een woning vordert, deze week staan ${NUMBERS[intBetween(r, 2, 3)]} bezoeken gepland.`],
  [(p) => p.debts, () => 'Contact met de dienst schuldbemiddeling: eerste afspraak vastgelegd.'],
  [(p) => p.housing === 'private-rental', () => 'E-mail van de verhuurder over de huur: geen informatie doorgegeven, beroepsgeheim toegelicht.'],
  always(() => 'Ontbrekende documenten per brief opgevraagd: attest van het ziekenfonds en gezinssamenstelling.'),
  [(p) => p.housing !== 'no-fixed-home', () => 'Huisbezoek afgelegd; de situatie komt overeen met de verklaringen.'],
  [(p) => p.age < 60, (p) => `${Hij(p)} meldt dat ${hij(p)} vanaf volgende maand deeltijds opnieuw aan het werk gaat.`],
  always((p) => `Doorverwijzing naar de sociale kruidenier meegegeven; ${hij(p)} gaat er deze week langs.`),
  [(p) => p.children > 0, () => 'Contact met de school over de kosten van een schooluitstap; aanvraag tot steun te onderzoeken.'],
  [(p) => p.age < 30, () => 'Opvolgingsgesprek GPMI: de opleiding verloopt normaal.'],
  [(p) => p.age < 60, (p) => `Afspraak vastgelegd met een consulent van ${office[p.region]} voor begeleiding naar werk.`],
  always(() => 'Niet op de afspraak verschenen, zonder bericht; nieuwe brief verstuurd met een andere datum.'),
  [(p) => p.housing !== 'no-fixed-home', () => 'Akkoord over een afbetalingsplan voor de energieachterstand in tien maandelijkse schijven.'],
  always((p) => `Hulp bij het invullen van de belastingaangifte; ${hij(p)} krijgt een kopie mee.`),
  always(() => 'De situatie is gestabiliseerd; volgend gesprek over twee maanden.'),
  always(() => 'Dossier doorgestuurd voor agendering op de volgende zitting van het comité.'),
  always(() => 'Adreswijziging gemeld; inschrijving in het bevolkingsregister wordt nagekeken.'),
  [(p) => p.health, () => 'Medisch attest ontvangen en in het medisch dossier geklasseerd; geen kopie aan de administratie bezorgd.'],
  [(p) => p.age >= 65, () => 'Contact met de Federale Pensioendienst over de IGO: dossier in behandeling.'],
  always((p) => `${Who(p)} bedankt de dienst voor de opvolging; voorlopig geen nieuwe aanvraag.`),
  [(p) => p.children > 0, () => 'Aanvraag voor inschrijving van de kinderen in de vakantiewerking van de stad doorgegeven.'],
];

const basis: Record<ApplicationKind, string[]> = {
  'revenu-integration': [
    'Gelet op de wet van 26 mei 2002 betreffende het recht op maatschappelijke integratie;',
    'Gelet op de wet van 26 mei 2002 betreffende het recht op maatschappelijke integratie, inzonderheid de artikelen 3 en 14;',
  ],
  'aide-sociale-financiere': [
    'Gelet op de organieke wet van 8 juli 1976 betreffende de openbare centra voor maatschappelijk welzijn, inzonderheid de artikelen 1 en 57;',
    'Gelet op artikel 57 van de organieke OCMW-wet van 8 juli 1976;',
  ],
  'aide-medicale-urgente': ['Gelet op het koninklijk besluit van 12 december 1996 betreffende de dringende medische hulp;'],
  'allocation-chauffage': ['Gelet op de regelgeving betreffende het Sociaal Verwarmingsfonds;'],
  'mediation-dettes': ['Gelet op de organieke OCMW-wet van 8 juli 1976 en de erkenning van de dienst schuldbemiddeling;'],
  'garantie-locative': ['Gelet op de organieke wet van 8 juli 1976 betreffende de openbare centra voor maatschappelijk welzijn, inzonderheid artikel 57;'],
  other: ['Gelet op de organieke wet van 8 juli 1976 betreffende de openbare centra voor maatschappelijk welzijn;'],
};

const rate: Record<RateCategory, string> = { cohabitant: 'samenwonende', single: 'alleenstaande', family: 'persoon met gezinslast' };

function finding(p: CaseProfile, r: Rng, f: MotivationFacts): string {
  const amount = f.amountCents === null ? '' : eur(f.amountCents);
  const from = f.periodFrom ? belgianDate(f.periodFrom) : '';
  const purpose = purposeFor[f.aidPurpose ?? 'monthly-supplement'];
  const category = rate[f.rateCategory ?? 'single'];
  switch (f.kind) {
    case 'revenu-integration':
      if (f.outcome === 'granted') return `Overwegende dat ${who(p)} niet over voldoende bestaansmiddelen beschikt en aan de toekenningsvoorwaarden voldoet, wordt het leefloon toegekend in de categorie ${category} (${amount} per maand) vanaf ${from}.`;
      if (f.outcome === 'partial') return `Gelet op het aangegeven inkomen wordt het leefloon in de categorie ${category} toegekend na aftrek van de in aanmerking genomen bestaansmiddelen, hetzij ${amount} per maand vanaf ${from}.`;
      return `${pick(r, [
        'Overwegende dat de bestaansmiddelen van het gezin hoger zijn dan het leefloonbedrag,',
        'Overwegende dat de voor het onderzoek noodzakelijke inlichtingen ondanks herinneringen niet werden bezorgd,',
        'Overwegende dat eerst het recht op werkloosheidsuitkering moet worden aangesproken,',
      ])} wordt de aanvraag tot leefloon geweigerd.`;
    case 'aide-medicale-urgente':
      if (f.outcome === 'refused') return 'Overwegende dat de zorg gedekt is door de verplichte ziekteverzekering, wordt de aanvraag tot dringende medische hulp geweigerd.';
      return `Gelet op het attest van dringende medische hulp wordt de tenlasteneming als dringende medische hulp toegekend van ${from} tot ${f.periodTo ? belgianDate(f.periodTo) : ''}` +
        (f.outcome === 'partial' ? ', met uitzondering van kosten die niet in de nomenclatuur zijn opgenomen.' : '.');
    case 'allocation-chauffage':
      if (f.outcome === 'refused') return pick(r, [
        'Overwegende dat de gebruikte brandstof niet onder het Sociaal Verwarmingsfonds valt, wordt de aanvraag geweigerd.',
        'Overwegende dat het gezinsinkomen hoger is dan het toepasselijke plafond, wordt de aanvraag geweigerd.',
      ]);
      return `Er wordt een verwarmingstoelage van ${amount} toegekend` + (f.outcome === 'partial' ? ', beperkt tot het aantal liter dat het Fonds in aanmerking neemt.' : '.');
    case 'mediation-dettes':
      if (f.outcome === 'granted') return `Het OCMW stemt ermee in om vanaf ${belgianDate(f.submittedOn)} op te treden in minnelijke schuldbemiddeling.`;
      if (f.outcome === 'partial') return 'Er wordt budgetbegeleiding opgestart; schuldbemiddeling wordt onderzocht zodra het budget gestabiliseerd is.';
      return 'Overwegende dat er al een procedure van collectieve schuldenregeling loopt bij een gerechtelijk schuldbemiddelaar, wordt de aanvraag geweigerd.';
    default:
      if (f.outcome === 'granted') return `Overwegende de behoeftigheid die uit het sociaal onderzoek blijkt, ${amount ? `wordt een steun van ${amount} toegekend voor ${purpose}` : `wordt de aanvraag voor ${purpose} toegekend`}.`;
      if (f.outcome === 'partial') return `Overwegende dat slechts een deel van de kosten gestaafd is, ${amount ? `wordt een steun beperkt tot ${amount} toegekend voor ${purpose}` : `wordt de aanvraag voor ${purpose} voor drie maanden toegekend`}.`;
      return `${pick(r, [
        'Overwegende dat de beschikbare middelen toelaten de uitgave zelf te dragen,',
        'Overwegende dat een andere instelling in de eerste plaats bevoegd is,',
        'Overwegende dat de gevraagde bewijsstukken niet werden voorgelegd,',
      ])} wordt de aanvraag voor ${purpose} geweigerd.`;
  }
}

const closings = [
  'Tegen deze beslissing kan binnen drie maanden na de kennisgeving beroep worden ingesteld bij de arbeidsrechtbank.',
  'Tegen deze beslissing staat beroep open bij de arbeidsrechtbank binnen een termijn van drie maanden.',
  'De maatschappelijk werker blijft beschikbaar voor verdere uitleg. Beroep is mogelijk bij de arbeidsrechtbank binnen drie maanden.',
];

const trainings = ['zorg', 'logistiek', 'horeca', 'administratie', 'elektriciteit', 'kinderopvang'];

const piisGoals: PiisGoal[] = [
  [(p) => p.income === 'student', () => 'De lopende studies voortzetten en alle examens van de zittijd afleggen.',
    (_, r) => pick(r, ['De examens werden afgelegd; het slagen voor het jaar is bevestigd.', 'Twee examens moeten in tweede zit opnieuw worden afgelegd; het project blijft behouden.'])],
  [(p) => p.income === 'student', () => 'Elk trimester het inschrijvingsattest en de behaalde resultaten bezorgen.',
    () => 'De inschrijvingsattesten en puntenlijsten werden bezorgd.'],
  [(p) => p.income === 'student', () => 'Een studentenjob zoeken tijdens de schoolvakanties.',
    (_, r) => pick(r, ['Er werd een studentenjob voor de zomer gevonden.', 'De zoektocht naar een studentenjob heeft nog geen resultaat opgeleverd.'])],
  [(p) => p.age < 25, () => 'Het schooljaar afronden en het diploma secundair onderwijs behalen.',
    (_, r) => pick(r, ['Het diploma secundair onderwijs werd behaald.', 'Het schooljaar loopt; de school bevestigt een regelmatige aanwezigheid.'])],
  [() => true, (_, r) => `Inschrijven voor een kwalificerende opleiding in de sector ${pick(r, trainings)} en die regelmatig volgen.`,
    () => 'De kwalificerende opleiding is gestart; de aanwezigheid wordt door de opleidingsverstrekker bevestigd.'],
  [() => true, (_, r) => `Actief naar werk zoeken: minstens ${NUMBERS[intBetween(r, 3, 6)]} sollicitaties per maand, met bewijs.`,
    () => 'De zoektocht naar werk is gedocumenteerd en regelmatig.'],
  [() => true, () => 'Deelnemen aan een groepsworkshop budgetbeheer van het OCMW.',
    () => 'De workshop budgetbeheer werd gevolgd; het budgetbeheer is verbeterd.'],
  [() => true, () => 'De administratieve situatie bij het ziekenfonds en de gemeente in orde brengen.',
    () => 'De administratieve situatie is in orde gebracht.'],
  [isHomeless, () => 'Een passende woning zoeken en een inschrijving voor een sociale woning indienen.',
    (_, r) => pick(r, ['Doelstelling wonen bereikt: er werd een huurcontract ondertekend.', 'De zoektocht naar een woning loopt; er werden twee inschrijvingen voor een sociale woning ingediend.'])],
  [() => true, (p) => (p.region === 'vlaanderen'
    ? 'Starten met een traject tijdelijke werkervaring bij een partner van het OCMW.'
    : 'Starten met een tewerkstelling artikel 60, § 7 bij een partner van het OCMW.'),
  () => 'De tewerkstelling is gestart; de evaluatie van de werkgever is positief.'],
  [(p) => p.health, () => 'De voorgeschreven medische behandeling regelmatig volgen en de attesten bezorgen.',
    () => 'De medische opvolging is regelmatig; de attesten werden bezorgd.'],
  [() => true, () => 'Een beroepsoriënterende stage van vier weken volgen.',
    () => 'De stage verliep goed; de partner overweegt een verlenging.'],
  [() => true, () => 'Op vrijwillige basis enkele uren per week gemeenschapsdienst verrichten.',
    () => 'De gemeenschapsdienst wordt regelmatig verricht en door de partner gewaardeerd.'],
  [() => true, () => 'Aanwezig zijn op de maandelijkse afspraken met de maatschappelijk werker.',
    () => 'De opvolgingsafspraken werden nagekomen.'],
  [(p) => p.children > 0, () => 'De opvang van de kinderen (kinderdagverblijf, naschoolse opvang) regelen om een opleiding te kunnen volgen.',
    () => 'Er werd een plaats in de kinderopvang gevonden, waardoor de opleiding kan worden gevolgd.'],
  [() => true, () => 'Een competentiebalans opmaken met de dienst trajectbegeleiding.',
    () => 'De competentiebalans hielp om een beroepsproject in de dienstensector te verduidelijken.'],
  [() => true, () => 'Een basisopleiding computergebruik volgen en een e-mailadres aanmaken voor de administratie.',
    () => 'De opleiding computergebruik is afgerond; online procedures worden zelfstandig afgehandeld.'],
  [() => true, () => 'Het theoretisch rijexamen behalen.',
    () => 'Het theoretisch rijbewijs is behaald; de inschrijving voor praktijklessen loopt.'],
  [(p) => p.debts, () => 'Het met de schuldeisers afgesproken afbetalingsplan naleven.',
    () => 'Het afbetalingsplan wordt sinds drie maanden nageleefd.'],
  [() => true, (p) => `Zich inschrijven als werkzoekende en een consulent van ${office[p.region]} ontmoeten.`,
    () => 'De inschrijving is gebeurd en er vond een eerste gesprek met de consulent plaats.'],
];

const evaluationGeneral: Conditional[] = [
  always(() => 'Sommige doelstellingen zijn nog niet bereikt; een nieuwe planning werd afgesproken.'),
  [(p) => p.health, () => 'Gezondheidsproblemen hebben sommige stappen vertraagd; de doelstellingen worden in onderling overleg aangepast.'],
  always(() => 'Een onderbreking van een maand is verantwoord door familiale redenen; het project wordt hervat.'),
  always(() => 'De doelstellingen zijn bereikt; het project wordt afgesloten en een nieuw project wordt besproken.'),
  always(() => 'Het project wordt ongewijzigd voortgezet.'),
];

const medicals: Conditional[] = [
  always((_, r) => `Medisch attest van arbeidsongeschiktheid voor ${months(intBetween(r, 1, 6))}.`),
  always(() => 'Attest van de huisarts over een langdurige behandeling.'),
  always(() => 'Attest van medische noodzaak opgesteld door de behandelende arts.'),
  always(() => 'Verslag van de huisarts over de geschiktheid om een opleiding te volgen.'),
  always((_, r) => `Voorschrift voor kinesitherapie (${intBetween(r, 9, 18)} sessies).`),
  always(() => 'Offerte voor een correctiebril.'),
  always(() => 'Offerte voor tandverzorging die niet volledig wordt terugbetaald.'),
  always((_, r) => `Attest van ziekenhuisopname van ${intBetween(r, 2, 12)} dagen.`),
  always(() => 'Attest van psychologische begeleiding in een centrum voor geestelijke gezondheidszorg.'),
  always(() => 'Medisch attest voor een tijdelijke vrijstelling van werkbereidheid.'),
  always(() => 'Apotheekfactuur voor niet-terugbetaalde geneesmiddelen.'),
  [(p) => p.children > 0, () => 'Verslag van een consultatie bij de kinderarts over een van de kinderen.'],
  [(p) => p.sex === 'F' && p.age < 45, () => 'Zwangerschapsattest van de gynaecoloog.'],
  always(() => 'Attest van opvolging in een revalidatiecentrum.'),
  always(() => 'Aanvraag tot tussenkomst voor een hoorapparaat, met voorschrift van de NKO-arts.'),
  always(() => 'Attest van opvolging in het wijkgezondheidscentrum.'),
  always(() => 'Voorschrift voor orthopedisch materiaal.'),
  always(() => 'Attest van tijdelijke ongeschiktheid voor een voltijdse betrekking.'),
  always(() => 'Verslag van de adviserend arts van het ziekenfonds over de geleidelijke werkhervatting.'),
  [(p) => p.age >= 65, () => 'Medisch attest over verminderde zelfredzaamheid.'],
  always(() => 'Voorschrift voor thuisverpleging gedurende drie weken.'),
];

export const dutch: TextBank = buildBank({
  intros,
  followUpIntros,
  housing: housingTexts,
  income: incomeTexts,
  topics,
  request,
  assessment,
  assessmentGeneral,
  caseNotes,
  motivation: (p, rng, facts) =>
    [pick(rng, basis[facts.kind]), `Gelet op de aanvraag ingediend op ${belgianDate(facts.submittedOn)} en het sociaal verslag;`, finding(p, rng, facts), pick(rng, closings)].join(' '),
  piisHeaders: ['Afgesproken doelstellingen:', 'Het project omvat de volgende doelstellingen:', 'Engagementen van de persoon:'],
  piisGoals,
  cpasCommitments: [
    'Het OCMW zorgt voor een maandelijkse begeleiding en neemt de vervoerskosten voor de opleiding ten laste.',
    'Het OCMW komt tussen in het inschrijvingsgeld en het studiemateriaal.',
    'Het OCMW helpt bij het zoeken naar een stageplaats en een opleiding.',
    'Het OCMW plant om de zes weken een opvolgingsgesprek.',
    'Het OCMW biedt begeleiding door de dienst trajectbegeleiding aan.',
    'Het OCMW ondersteunt de zoektocht naar een woning.',
  ],
  evaluationHeader: (n) => `Evaluatie na ${n} maanden.`,
  evaluationGeneral,
  evaluationTail: 'Volgende evaluatie over zes maanden.',
  medicals,
  labels: {
    housing: {
      'private-rental': 'huurder', 'social-housing': 'huurder sociale woning', hosted: 'inwonend',
      owner: 'eigenaar', 'no-fixed-home': 'dakloos',
    },
    income: {
      none: 'geen', unemployment: 'werkloosheidsuitkering', sickness: 'ziekte-uitkering',
      'part-time-work': 'loon deeltijds werk', pension: 'pensioen', student: 'studentenjob',
    },
    aidPurpose: {
      'rent-deposit': 'huurwaarborg', 'medical-costs': 'medische kosten', 'energy-bill': 'energiefactuur',
      'school-costs': 'schoolkosten', 'monthly-supplement': 'maandelijkse aanvulling', furniture: 'basismeubilair',
      'medical-card': 'medische kaart', 'budget-guidance': 'budgetbegeleiding', 'social-grocery': 'sociale kruidenier',
    },
    fuel: ['huisbrandolie', 'verwarmingspetroleum', 'bulkpropaan'],
    care: ['consultaties en geneesmiddelen', 'ziekenhuisopname', 'dringende tandzorg', 'zwangerschapsopvolging', 'kinesitherapie'],
  },
});
