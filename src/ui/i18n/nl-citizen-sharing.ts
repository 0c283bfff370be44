// "Wat mijn OCMW wel en niet mag delen", in Dutch (full and easy to read).
import type { SharingTexts } from './citizen-sharing.ts';

export const nlSharing: SharingTexts = {
  title: 'Wat mijn OCMW wel en niet mag delen',
  intro: 'Wat u het OCMW vertelt, blijft bij het OCMW. Hier leest u wat de wet toelaat, wat ze verbiedt, en wat uw rechten zijn.',
  sections: [
    { heading: 'Het beroepsgeheim', paragraphs: [
      'De maatschappelijk werkers en het personeel van het OCMW zijn gebonden door het beroepsgeheim (artikel 458 van het Strafwetboek). Wat u hen toevertrouwt, mag niet aan anderen worden doorgegeven, behalve in de precieze gevallen die de wet voorziet.',
      'Binnen het OCMW lezen alleen de maatschappelijk werker die uw dossier volgt en het hoofd van de sociale dienst uw sociale verslagen, de notities en het advies van uw maatschappelijk werker, uw medische gegevens en uw GPMI. Elke lezing wordt geregistreerd.',
    ] },
    { heading: 'Wat het gerecht mag vragen', paragraphs: [
      'Sinds arrest nr. 44/2019 van het Grondwettelijk Hof is er één geval: een schriftelijke en gemotiveerde vraag van de procureur des Konings, in een onderzoek naar een terroristisch misdrijf (artikel 46bis/1 van het Wetboek van strafvordering).',
      'Zelfs dan mag het OCMW alleen administratieve gegevens geven: bijvoorbeeld uw identiteit, uw adres of de toegekende hulp. Nooit uw sociale verslagen, uw notities, uw medische gegevens of het advies van uw maatschappelijk werker.',
      'Het OCMW controleert elke vraag. Het antwoord wordt ondertekend door de algemeen directeur of de voorzitter. Een mondelinge vraag, een vraag van een politieagent of een vraag zonder motivering wordt geweigerd.',
    ] },
    { heading: 'Niemand moet u aangeven', paragraphs: [
      'Geen enkele medewerker van het OCMW heeft de plicht om iemand aan te geven: de meldingsplicht werd door het Grondwettelijk Hof vernietigd. Dit portaal en de software van het OCMW vragen dat nooit.',
    ] },
    { heading: 'Als een vraag van het gerecht over u gaat', paragraphs: [
      'Zolang het geheim van het onderzoek dat vereist, staan die vraag en wat gedaan werd om ze te beantwoorden niet in de lijst van toegangen tot uw dossier. De functionaris voor gegevensbescherming ziet en controleert ze wel.',
    ] },
    { heading: 'Uw rechten', paragraphs: [
      'Recht op inzage (artikel 15 van de AVG): u kunt de gegevens zien die het OCMW over u bijhoudt en er een kopie van vragen, ook van uw sociale verslagen. Wat over andere personen gaat, wordt eruit gehaald, en het hoofd van de sociale dienst keurt de kopie goed voor u ze krijgt.',
      'Recht op verbetering (artikel 16): u kunt vragen om een fout gegeven te verbeteren of een onvolledig gegeven aan te vullen.',
      'Recht van bezwaar (artikel 21): u kunt bezwaar maken tegen een verwerking van uw gegevens, en uitleggen waarom.',
      'Het OCMW antwoordt binnen een maand. Voor een ingewikkelde vraag kan die termijn met twee maanden verlengd worden; het OCMW zegt u dan waarom.',
      'De functionaris voor gegevensbescherming (DPO) van het OCMW beantwoordt uw vragen: {dpo}.',
    ] },
  ],
  complaintHeading: 'Klacht indienen',
  complaint: [
    'Als u vindt dat het OCMW uw rechten niet respecteert, kunt u klacht indienen bij de Gegevensbeschermingsautoriteit, Drukpersstraat 35, 1000 Brussel, contact@apd-gba.be, www.gegevensbeschermingsautoriteit.be.',
  ],
  easyLink: 'Deze tekst lezen in eenvoudige taal',
  easyTitle: 'Wat mijn OCMW mag delen: in eenvoudige taal',
  easy: [
    'U vertelt het OCMW over uw leven.',
    'Het OCMW moet dat geheim houden.',
    'Uw maatschappelijk werker vertelt het aan niemand.',
    'De politie mag uw sociale verslagen niet lezen.',
    'In één geval mag het gerecht uw naam en adres vragen: een onderzoek naar terrorisme, met een brief van de procureur des Konings.',
    'Zelfs dan geeft het OCMW nooit wat u verteld hebt.',
    'Niemand bij het OCMW moet u aangeven.',
    'U mag uw dossier zien.',
    'U mag een kopie vragen.',
    'U mag vragen om een fout te verbeteren.',
    'U mag nee zeggen tegen een gebruik van uw gegevens.',
    'Het OCMW antwoordt binnen een maand.',
    'Een vraag? Contacteer de functionaris voor gegevensbescherming: {dpo}.',
    'Niet akkoord? Schrijf naar de Gegevensbeschermingsautoriteit, Drukpersstraat 35, 1000 Brussel.',
  ],
  fullLink: 'De volledige tekst lezen',
};
