// "Was mein ÖSHZ weitergeben darf und was nicht", in German (full and easy to read).
import type { SharingTexts } from './citizen-sharing.ts';

export const deSharing: SharingTexts = {
  title: 'Was mein ÖSHZ weitergeben darf und was nicht',
  intro: 'Was Sie dem ÖSHZ sagen, bleibt beim ÖSHZ. Hier steht, was das Gesetz erlaubt, was es verbietet, und welche Rechte Sie haben.',
  sections: [
    { heading: 'Das Berufsgeheimnis', paragraphs: [
      'Die Sozialarbeiter und das Personal des ÖSHZ unterliegen dem Berufsgeheimnis (Artikel 458 des Strafgesetzbuches). Was Sie ihnen anvertrauen, darf nicht an andere weitergegeben werden, außer in den genauen Fällen, die das Gesetz vorsieht.',
      'Im ÖSHZ lesen nur der Sozialarbeiter, der Ihre Akte betreut, und die Leitung des Sozialdienstes Ihre Sozialberichte, die Notizen und die Einschätzung Ihres Sozialarbeiters, Ihre medizinischen Daten und Ihr individuelles Projekt (PIIS). Jedes Lesen wird festgehalten.',
    ] },
    { heading: 'Was die Justiz verlangen darf', paragraphs: [
      'Seit dem Entscheid Nr. 44/2019 des Verfassungsgerichtshofs gibt es einen einzigen Fall: ein schriftliches und begründetes Ersuchen des Prokurators des Königs in einer Ermittlung zu einer terroristischen Straftat (Artikel 46bis/1 der Strafprozessordnung).',
      'Auch dann darf das ÖSHZ nur Verwaltungsdaten geben: zum Beispiel Ihre Identität, Ihre Adresse oder die gewährte Hilfe. Niemals Ihre Sozialberichte, Ihre Notizen, Ihre medizinischen Daten oder die Einschätzung Ihres Sozialarbeiters.',
      'Das ÖSHZ prüft jedes Ersuchen. Die Antwort unterschreibt der Generaldirektor oder der Präsident. Ein mündliches Ersuchen, eines eines Polizisten oder eines ohne Begründung wird abgelehnt.',
    ] },
    { heading: 'Niemand muss Sie anzeigen', paragraphs: [
      'Kein Mitarbeiter des ÖSHZ ist verpflichtet, jemanden anzuzeigen: die Meldepflicht wurde vom Verfassungsgerichtshof für nichtig erklärt. Dieses Portal und die Software des ÖSHZ verlangen das nie.',
    ] },
    { heading: 'Wenn ein Ersuchen der Justiz Sie betrifft', paragraphs: [
      'Solange das Ermittlungsgeheimnis es verlangt, erscheinen dieses Ersuchen und was zu seiner Beantwortung getan wurde nicht in der Liste der Zugriffe auf Ihre Akte. Der Datenschutzbeauftragte sieht und kontrolliert sie.',
    ] },
    { heading: 'Ihre Rechte', paragraphs: [
      'Auskunftsrecht (Artikel 15 DSGVO): Sie können die Daten sehen, die das ÖSHZ über Sie führt, und eine Kopie verlangen, auch Ihrer Sozialberichte. Was andere Personen betrifft, wird entfernt, und die Leitung des Sozialdienstes genehmigt die Kopie, bevor Sie sie erhalten.',
      'Recht auf Berichtigung (Artikel 16): Sie können verlangen, dass falsche Angaben berichtigt oder unvollständige ergänzt werden.',
      'Widerspruchsrecht (Artikel 21): Sie können einer Verarbeitung Ihrer Daten widersprechen und sagen, warum.',
      'Das ÖSHZ antwortet innerhalb eines Monats. Bei einem schwierigen Antrag kann die Frist um zwei Monate verlängert werden; das ÖSHZ sagt Ihnen dann, warum.',
      'Der Datenschutzbeauftragte (DSB) des ÖSHZ beantwortet Ihre Fragen: {dpo}.',
    ] },
  ],
  complaintHeading: 'Beschwerde einreichen',
  complaint: [
    'Wenn Sie meinen, dass das ÖSHZ Ihre Rechte nicht achtet, können Sie bei der Datenschutzbehörde Beschwerde einreichen, Rue de la Presse 35, 1000 Brüssel, contact@apd-gba.be, www.datenschutzbehorde.be.',
  ],
  easyLink: 'Diesen Text in Leichter Sprache lesen',
  easyTitle: 'Was mein ÖSHZ weitergeben darf: in Leichter Sprache',
  easy: [
    'Sie erzählen dem ÖSHZ von Ihrem Leben.',
    'Das ÖSHZ muss das geheim halten.',
    'Ihr Sozialarbeiter erzählt es niemandem.',
    'Die Polizei darf Ihre Sozialberichte nicht lesen.',
    'Nur in einem Fall darf die Justiz Ihren Namen und Ihre Adresse verlangen: bei Ermittlungen zu Terrorismus, mit einem Brief des Prokurators des Königs.',
    'Auch dann gibt das ÖSHZ nie weiter, was Sie erzählt haben.',
    'Niemand im ÖSHZ muss Sie anzeigen.',
    'Sie dürfen Ihre Akte sehen.',
    'Sie dürfen eine Kopie verlangen.',
    'Sie dürfen verlangen, dass ein Fehler berichtigt wird.',
    'Sie dürfen Nein sagen zu einer Nutzung Ihrer Daten.',
    'Das ÖSHZ antwortet innerhalb eines Monats.',
    'Eine Frage? Schreiben Sie dem Datenschutzbeauftragten: {dpo}.',
    'Nicht einverstanden? Schreiben Sie an die Datenschutzbehörde, Rue de la Presse 35, 1000 Brüssel.',
  ],
  fullLink: 'Den vollständigen Text lesen',
};
