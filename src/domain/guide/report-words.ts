// The words of an order to report, in French, Dutch and German. The guide never tells a worker to
// report or denounce anyone (C.C. 44/2019 annulled art. 46bis/1 § 3; R22, R36): the tests check
// every reason, condition, standard reply and page text against these patterns. Saying that there
// is *no* obligation to report (« aucune obligation de signaler ») is allowed and not matched.
export const REPORT_ORDER_PATTERNS: readonly RegExp[] = [
  // French
  /\bsignale[zr]?-le\b/i,
  /\bsignalez\b/i,
  /\bdénoncez\b/i,
  /\bportez plainte\b/i,
  /\bfaites (un|une) (signalement|dénonciation|déclaration)\b/i,
  /\bdevez\b[^.;:]*\b(signaler|dénoncer|porter plainte|informer la police|prévenir la police|avertir la police)\b/i,
  /\b(êtes|est) tenu(e|\(e\))? de (signaler|dénoncer)\b/i,
  /(?<!aucune |pas d'|sans )obligation de (signaler|dénoncer)\b/i,
  /\bsignalement obligatoire\b/i,
  // Dutch
  /\bmeld (het|dit|de|hem|haar|deze)\b/i,
  /\bdoe (aangifte|een melding)\b/i,
  /\bgeef (het|dit|de persoon|hem|haar) aan\b/i,
  /\b(moet|moeten)\b[^.;:]*\b(melden|aangeven|aangifte doen|signaleren|verklikken)\b/i,
  /(?<!niet |geen )(verplicht|verplichting) (om )?(te melden|aan te geven|aangifte te doen)\b/i,
  /\bmeldplicht\b/i,
  // German
  /\bmelden Sie\b/i,
  /\bzeigen Sie\b[^.;:]*\ban\b/i,
  /\berstatten Sie\b/i,
  /\b(müssen|muss)\b[^.;:]*\b(melden|anzeigen|Anzeige erstatten)\b/i,
  /(?<!nicht |keine )(verpflichtet|Pflicht),? [^.;:]*\b(zu melden|anzuzeigen)\b/i,
  /\bMeldepflicht\b/i,
];

/** The first pattern a text matches, or null: an order to report would be a bug. */
export function reportOrderIn(text: string): RegExp | null {
  return REPORT_ORDER_PATTERNS.find((pattern) => pattern.test(text)) ?? null;
}
