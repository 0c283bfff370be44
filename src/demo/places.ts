// Places: the three demo CPAS, street names of their own municipality, and other Belgian
// municipalities for birthplaces and earlier addresses. Streets and postal codes are real
// public names; with random house numbers they designate no one's actual home.
import type { DemoCpasInfo, Region } from './types.ts';

export interface LocalStreet {
  readonly name: string;
  /** Dutch name, for the bilingual Brussels municipality. */
  readonly nameNl?: string;
  readonly postalCode: string;
}

export interface DemoCpasDefinition {
  readonly info: DemoCpasInfo;
  readonly municipalityNl?: string;
  /** The CPAS office, split for reference addresses ("adresse de référence au CPAS"). */
  readonly office: { readonly street: string; readonly streetNl?: string; readonly houseNumber: string };
  readonly streets: readonly LocalStreet[];
}

const s = (postalCode: string, ...names: string[]): LocalStreet[] => names.map((name) => ({ name, postalCode }));
const bi = (postalCode: string, pairs: readonly (readonly [string, string])[]): LocalStreet[] =>
  pairs.map(([name, nameNl]) => ({ name, nameNl, postalCode }));

// Phone numbers are visibly fake (zeros) and e-mail addresses use the reserved .invalid TLD.
const namur: DemoCpasDefinition = {
  info: {
    code: 'namur',
    name: 'CPAS de Namur',
    region: 'wallonie',
    languages: ['fr'],
    defaultLanguage: 'fr',
    street: 'Rue de Dave 165',
    postalCode: '5100',
    municipality: 'Namur',
    phone: '+32 81 00 00 00',
    email: 'cpas.namur@demo.confiance.invalid',
  },
  office: { street: 'Rue de Dave', houseNumber: '165' },
  streets: [
    ...s('5000', 'Rue de Fer', "Rue de l’Ange", 'Rue Godefroid', 'Rue des Carmes', 'Rue Rogier', 'Rue Borgnet',
      'Rue Lelièvre', 'Rue Saint-Nicolas', 'Rue des Brasseurs', 'Rue Julie Billiart', 'Rue de Bruxelles',
      'Boulevard Cauchy', 'Boulevard Ernest Mélot', 'Boulevard Frère-Orban', 'Avenue de la Plante',
      'Avenue Albert Ier', 'Rue Basse Marcelle', 'Rue du Lombard', 'Rue Pépin', 'Rue Émile Cuvelier',
      'Rue Saint-Jacques', 'Rue Patenier', 'Rue Henri Lecocq'),
    ...s('5002', 'Chaussée de Waterloo', 'Rue de Gembloux'),
    ...s('5004', 'Chaussée de Louvain'),
    ...s('5100', 'Avenue Bourgmestre Jean Materne', 'Chaussée de Liège', 'Rue de Dave', 'Avenue Prince de Liège',
      'Boulevard de la Meuse', 'Chaussée de Dinant'),
  ],
};

const schaerbeek: DemoCpasDefinition = {
  info: {
    code: 'schaerbeek',
    name: 'CPAS de Schaerbeek / OCMW van Schaarbeek',
    region: 'bruxelles',
    languages: ['fr', 'nl'],
    defaultLanguage: 'fr',
    street: 'Boulevard Lambermont 77',
    postalCode: '1030',
    municipality: 'Schaerbeek',
    phone: '+32 2 000 00 00',
    email: 'cpas.schaerbeek@demo.confiance.invalid',
  },
  municipalityNl: 'Schaarbeek',
  office: { street: 'Boulevard Lambermont', streetNl: 'Lambermontlaan', houseNumber: '77' },
  streets: bi('1030', [
    ['Chaussée de Haecht', 'Haachtsesteenweg'], ['Rue Royale Sainte-Marie', 'Koninklijke Sint-Mariastraat'],
    ['Avenue Louis Bertrand', 'Louis Bertrandlaan'], ['Boulevard Lambermont', 'Lambermontlaan'],
    ['Place Colignon', 'Colignonplein'], ['Rue des Palais', 'Paleizenstraat'],
    ["Chaussée d’Helmet", 'Helmetsesteenweg'], ['Avenue Rogier', 'Rogierlaan'], ['Rue Gallait', 'Gallaitstraat'],
    ['Rue de Brabant', 'Brabantstraat'], ['Avenue Huart Hamoir', 'Huart Hamoirlaan'],
    ['Rue Josaphat', 'Josaphatstraat'], ['Avenue Eugène Demolder', 'Eugène Demolderlaan'],
    ['Rue Vandeweyer', 'Vandeweyerstraat'], ['Rue Verwée', 'Verwéestraat'], ['Rue Rubens', 'Rubensstraat'],
    ['Rue Henri Bergé', 'Henri Bergéstraat'], ['Avenue de Roodebeek', 'Roodebeeklaan'],
    ['Rue Stephenson', 'Stephensonstraat'], ['Boulevard Auguste Reyers', 'Auguste Reyerslaan'],
    ['Avenue Voltaire', 'Voltairelaan'], ['Avenue Chazal', 'Chazallaan'], ['Rue Victor Hugo', 'Victor Hugostraat'],
    ['Rue Navez', 'Navezstraat'], ['Rue Portaels', 'Portaelsstraat'], ['Rue Waelhem', 'Waelhemstraat'],
    ['Avenue Princesse Élisabeth', 'Prinses Elisabethlaan'], ['Rue Vifquin', 'Vifquinstraat'],
    ['Rue de Jérusalem', 'Jeruzalemstraat'], ['Rue Metsys', 'Metsysstraat'],
    ['Avenue Paul Deschanel', 'Paul Deschanellaan'], ['Place de la Reine', 'Koninginneplein'],
    ['Rue Philomène', 'Filomenastraat'],
  ]),
};

const gent: DemoCpasDefinition = {
  info: {
    code: 'gent',
    name: 'OCMW Gent',
    region: 'vlaanderen',
    languages: ['nl'],
    defaultLanguage: 'nl',
    street: 'Onderbergen 86',
    postalCode: '9000',
    municipality: 'Gent',
    phone: '+32 9 000 00 00',
    email: 'ocmw.gent@demo.confiance.invalid',
  },
  office: { street: 'Onderbergen', houseNumber: '86' },
  streets: [
    ...s('9000', 'Veldstraat', 'Kortrijksesteenweg', 'Sint-Pietersnieuwstraat', 'Overpoortstraat', 'Nederkouter',
      'Brabantdam', 'Sint-Jacobsnieuwstraat', 'Vlaanderenstraat', 'Dampoortstraat', 'Kasteellaan', 'Burgstraat',
      'Sleepstraat', 'Wondelgemstraat', 'Bevrijdingslaan', 'Rabotstraat', 'Ottergemsesteenweg',
      'Francisco Ferrerlaan', 'Phoenixstraat', 'Lange Violettestraat', 'Visserij', 'Lange Steenstraat',
      'Tolhuislaan', 'Meulestedesteenweg', 'Zwijnaardsesteenweg'),
    ...s('9030', 'Brugsesteenweg'),
    ...s('9032', 'Botestraat'),
    ...s('9040', 'Antwerpsesteenweg', 'Dendermondsesteenweg', 'Heiveldstraat'),
    ...s('9041', 'Oostakkerdorp'),
    ...s('9050', 'Brusselsesteenweg', 'Ledebergplein', 'Hundelgemsesteenweg'),
    ...s('9051', 'Kortrijksesteenweg'),
  ],
};

export const DEMO_CPAS: readonly DemoCpasDefinition[] = [namur, schaerbeek, gent];

export interface Municipality {
  readonly name: string;
  readonly nameNl?: string;
  readonly postalCode: string;
}

const m = (postalCode: string, name: string, nameNl?: string): Municipality => ({ name, postalCode, ...(nameNl ? { nameNl } : {}) });

/** Other municipalities per region, for birthplaces and earlier addresses. */
export const MUNICIPALITIES: Record<Region, readonly Municipality[]> = {
  wallonie: [
    m('6000', 'Charleroi'), m('4000', 'Liège'), m('7000', 'Mons'), m('7500', 'Tournai'), m('6700', 'Arlon'),
    m('1300', 'Wavre'), m('5500', 'Dinant'), m('5030', 'Gembloux'), m('5300', 'Andenne'), m('4100', 'Seraing'),
    m('4800', 'Verviers'), m('7100', 'La Louvière'), m('4500', 'Huy'), m('1340', 'Ottignies-Louvain-la-Neuve'),
    m('1400', 'Nivelles'), m('5060', 'Sambreville'), m('6220', 'Fleurus'), m('5590', 'Ciney'),
    m('6900', 'Marche-en-Famenne'), m('6600', 'Bastogne'), m('5190', 'Jemeppe-sur-Sambre'), m('5310', 'Eghezée'),
    m('5070', 'Fosses-la-Ville'), m('5150', 'Floreffe'), m('5170', 'Profondeville'),
  ],
  bruxelles: [
    m('1000', 'Bruxelles', 'Brussel'), m('1070', 'Anderlecht'), m('1080', 'Molenbeek-Saint-Jean', 'Sint-Jans-Molenbeek'),
    m('1050', 'Ixelles', 'Elsene'), m('1060', 'Saint-Gilles', 'Sint-Gillis'),
    m('1210', 'Saint-Josse-ten-Noode', 'Sint-Joost-ten-Node'), m('1140', 'Evere'), m('1040', 'Etterbeek'),
    m('1190', 'Forest', 'Vorst'), m('1180', 'Uccle', 'Ukkel'), m('1090', 'Jette'), m('1020', 'Laeken', 'Laken'),
    m('1200', 'Woluwe-Saint-Lambert', 'Sint-Lambrechts-Woluwe'), m('1081', 'Koekelberg'),
    m('1083', 'Ganshoren'), m('1030', 'Schaerbeek', 'Schaarbeek'),
  ],
  vlaanderen: [
    m('2000', 'Antwerpen'), m('8000', 'Brugge'), m('3000', 'Leuven'), m('9300', 'Aalst'), m('2800', 'Mechelen'),
    m('8500', 'Kortrijk'), m('8400', 'Oostende'), m('3500', 'Hasselt'), m('9100', 'Sint-Niklaas'), m('3600', 'Genk'),
    m('8800', 'Roeselare'), m('9200', 'Dendermonde'), m('9160', 'Lokeren'), m('9900', 'Eeklo'), m('9800', 'Deinze'),
    m('9820', 'Merelbeke'), m('9080', 'Lochristi'), m('9400', 'Ninove'), m('9700', 'Oudenaarde'), m('9240', 'Zele'),
    m('9940', 'Evergem'), m('9070', 'Destelbergen'), m('9230', 'Wetteren'),
  ],
};

/** Street names found in most Belgian municipalities, in both languages. */
export const COMMON_STREETS: readonly { readonly fr: string; readonly nl: string }[] = [
  { fr: 'Rue de la Station', nl: 'Stationsstraat' },
  { fr: "Rue de l’Église", nl: 'Kerkstraat' },
  { fr: 'Rue du Moulin', nl: 'Molenstraat' },
  { fr: 'Rue Haute', nl: 'Hoogstraat' },
  { fr: "Rue de l’École", nl: 'Schoolstraat' },
  { fr: 'Rue Neuve', nl: 'Nieuwstraat' },
  { fr: 'Rue de la Chapelle', nl: 'Kapelstraat' },
  { fr: 'Rue du Marché', nl: 'Marktstraat' },
  { fr: 'Rue des Champs', nl: 'Veldstraat' },
  { fr: 'Rue du Pont', nl: 'Brugstraat' },
  { fr: 'Rue de la Gare', nl: 'Statiestraat' },
  { fr: 'Rue du Château', nl: 'Kasteelstraat' },
  { fr: 'Avenue des Tilleuls', nl: 'Lindenlaan' },
  { fr: 'Rue du Stade', nl: 'Sportlaan' },
  { fr: 'Rue des Écoles', nl: 'Scholenstraat' },
];

/** All regions, to place the occasional earlier address across a regional border. */
export const REGIONS: readonly Region[] = ['wallonie', 'bruxelles', 'vlaanderen'];
