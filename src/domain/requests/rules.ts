// The rules of the legal model that the assessment applies, numbered as in the project's legal
// research (section 7). `source` is what a ref cites; `status` is CHECK where the sources do not
// settle the rule and the CPAS legal service must confirm it before it is relied on.

export interface LegalRule {
  readonly id: string;
  readonly summary: string;
  readonly source: string;
  readonly status: 'settled' | 'CHECK';
}

export const RULES = [
  {
    id: 'R1',
    summary:
      'Only the procureur du Roi, or a magistrate of his parquet, may require information under art. 46bis/1. Police, intelligence services, the bourgmestre, social inspection, the Office des étrangers and any other author are refused.',
    source: 'art. 46bis/1 §1 CIC; droitsquotidiens.be; Brulocalis et AVCB-VSGB (trois fédérations de CPAS)',
    status: 'settled',
  },
  {
    id: 'R2',
    summary: 'A request of the procureur fédéral goes to legal review: it is neither refused nor answered automatically.',
    source: 'art. 46bis/1 §1 CIC (ne nomme que le procureur du Roi); Le Vif 02/2017; AVCB-VSGB',
    status: 'CHECK',
  },
  {
    id: 'R3',
    summary:
      "A request of a juge d’instruction or a court is not handled under art. 46bis/1 (other legal bases apply: seizure, testimony); it goes to legal review whatever offence it names.",
    source: "art. 46bis/1 §1 CIC (ne nomme que le procureur du Roi); aucune source sur le juge d’instruction",
    status: 'CHECK',
  },
  {
    id: 'R4',
    summary:
      'The request must be in writing (letter, e-mail, fax, secure platform). An oral request is refused with the standard reply asking for a written, reasoned request of the procureur du Roi.',
    source: 'circulaire SPP IS 2017 (legalparcmons.be); droitsquotidiens.be',
    status: 'settled',
  },
  {
    id: 'R5',
    summary: 'The request must say why the information is necessary; an unreasoned request is returned for completion, not answered.',
    source: 'circulaire SPP IS 2017 (legalparcmons.be); droitsquotidiens.be',
    status: 'settled',
  },
  {
    id: 'R6',
    summary:
      'The request must concern an investigation into a terrorist offence (Code pénal Book II Title Ierter, art. 137 to 141; 141bis and 141ter define no offence). Other offences, or "radicalisation" without such an offence, are refused.',
    source: 'Code pénal, livre II, titre Ierter (loi du 19 décembre 2003); droitsquotidiens.be; circulaire SPP IS (BRUZZ)',
    status: 'settled',
  },
  {
    id: 'R7',
    summary: 'The request must say which data it wants; a request that names no category is returned for completion.',
    source: 'droitsquotidiens.be; NJW 402 (C.C. 44/2019: pas toutes les données détenues)',
    status: 'settled',
  },
  {
    id: 'R8',
    summary: 'Only the administrative situation of the person named in the request may be disclosed.',
    source: 'C.C. 44/2019, B.11 et B.23.1 (NJW 402; ufas.be)',
    status: 'settled',
  },
  {
    id: 'R9',
    summary:
      'Disclosed under a valid request: identity, domicile address, other known addresses, what the person declared in an application, aid granted or refused. Categories outside this list go to legal review by default.',
    source: 'art. 46bis/1 §1 CIC; C.C. 44/2019, B.11 et B.23.1 (liste publiée par le RWLP); droitsquotidiens.be',
    status: 'CHECK',
  },
  {
    id: 'R10',
    summary:
      "Never disclosed under art. 46bis/1, whatever the configuration: social reports, case notes and confidences, medical data, the PIIS and its evaluations, the person's state of mind, attitude or beliefs.",
    source: 'RWLP; Intermag/RTA 2019; droitsquotidiens.be; art. 458 C. pén.',
    status: 'settled',
  },
  {
    id: 'R11',
    summary: "Household composition is not disclosed automatically: legal review, unless the CPAS legal service has decided it in the configuration.",
    source: 'droitsquotidiens.be (la cite) contre liste du RWLP sur C.C. 44/2019 (ne la cite pas)',
    status: 'CHECK',
  },
  {
    id: 'R12',
    summary: 'Data obtained from other institutions through the BCSS/KSZ are not disclosed automatically: legal review, unless the configuration decides.',
    source: 'C.C. 44/2019, B.11 (situation administrative de la personne); famipedia CO 1302',
    status: 'CHECK',
  },
  {
    id: 'R13',
    summary: 'The answer covers only the categories requested, one entry per requested category in the request\'s order; nothing is volunteered.',
    source: 'art. 46bis/1 §1 CIC ("qu’il juge nécessaires"); RGPD art. 5(1)(c)',
    status: 'settled',
  },
  {
    id: 'R14',
    summary: 'Only the directeur général and/or the président may sign the answer, never the social worker.',
    source: 'droitsquotidiens.be; circulaire wallonne du 2 juin 2022',
    status: 'CHECK',
  },
  {
    id: 'R17',
    summary: 'Every withheld category carries its reason, so the refusal can be justified to the prosecutor.',
    source: 'droitsquotidiens.be',
    status: 'settled',
  },
  {
    id: 'R19',
    summary:
      'Refusing a valid request is fined, so a configuration cannot withhold what the law obliges the CPAS to give, any more than it can disclose a secret.',
    source: 'art. 46bis/1 §2 CIC; Brulocalis; BRUZZ 08/12/2017',
    status: 'settled',
  },
  {
    id: 'R20',
    summary: 'When the request qualifies, the person concerned must not be told of the request or of its answer (secrecy of the measure).',
    source: 'art. 46bis/1 §2 CIC; C.C. 44/2019, B.12 (ufas.be); NJW 402',
    status: 'settled',
  },
  {
    id: 'R33',
    summary: 'The social report is a document of its own, never exported under art. 46bis/1.',
    source: 'AR du 1er décembre 2013, art. 1er; RWLP; Intermag/RTA 2019',
    status: 'settled',
  },
  {
    id: 'R34',
    summary: 'Medical documents and health data are never exported under art. 46bis/1.',
    source: 'droitsquotidiens.be; RGPD art. 9',
    status: 'settled',
  },
  {
    id: 'R37',
    summary: 'The answer concerns only the persons named in the request; a request that names nobody is returned for completion.',
    source: 'NJW 402 (C.C. 44/2019: "de persoon over wie de inlichtingen worden gevorderd")',
    status: 'settled',
  },
  {
    id: 'R38',
    summary: 'Art. 46bis/1 applies to requests dated from 1 September 2017; an earlier request is refused.',
    source: 'loi du 17 mai 2017 (MB 3 juillet 2017); legalparcmons.be; droitsquotidiens.be',
    status: 'settled',
  },
  {
    id: 'R39',
    summary:
      'Two catalogues of terrorist offences stand side by side: the 1867 Code pénal (art. 137 to 141ter) and the 2024 Code pénal, whose Book II renumbers the offences. The 2024 catalogue is empty until the CPAS legal service confirms its articles (with the reference of its decision); a reference to the 2024 code goes to legal review until then. The date from which the 2024 code applies is a reviewed parameter: 8 April 2026 by the law (two years after its publication); a postponement to 1 September 2026 is reported by one law firm and not confirmed in the Moniteur.',
    source: 'loi du 29 février 2024 introduisant le livre II du Code pénal (MB 8 avril 2024), SPF Justice; report au 1er septembre 2026 : arcaslaw.be (non confirmé); numéros des infractions terroristes du livre II (2024) non trouvés',
    status: 'CHECK',
  },
  {
    id: 'R41',
    summary:
      'Each cited offence is read in its edition of the Code pénal: the one the reference writes ("art. 140 Sw. 1867", "art. 140 C. pén. (1867)", "art. 140 CP 2024"), else the one the request declares (offenceCode), else the 1867 code for a request dated before the 2024 code applies. A reference to the 1867 code is assessed on the 1867 catalogue whatever the date of the request, since investigations into earlier facts keep citing the old articles. A bare number in a request dated from the switch is ambiguous (the 2024 code gives those numbers to other offences) and goes to legal review; it is never refused or answered on a guess.',
    source: 'Code pénal (2024), livre Ier, art. 2 (non-rétroactivité); livre II commençant à l’art. 79 (refli.be 2024002088); pratique de citation « art. 458 Sw. 1867 » (elfri.be)',
    status: 'settled',
  },
] as const satisfies readonly LegalRule[];

export type RuleId = (typeof RULES)[number]['id'];

/** "R4: circulaire SPP IS 2017 ...": the ref of an answer decided by that rule. */
export function refOf(id: RuleId): string {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return `${rule.id}: ${rule.source}`;
}
