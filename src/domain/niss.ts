// The Belgian national number (NISS/INSZ, rijksregisternummer): YYMMDD + 3-digit serial +
// 2 check digits. Check = 97 - (first nine digits mod 97); for births from 2000 on, the nine
// digits are prefixed with "2" before the modulo. Also used for BIS numbers (month + 20 or + 40),
// whose check digits follow the same rule.

export type NissCheck = { ok: true; niss: string } | { ok: false; reason: string };

const checkDigits = (nine: string, bornFrom2000: boolean) =>
  97 - Number(BigInt((bornFrom2000 ? '2' : '') + nine) % 97n);

/** Accepts separators (85.07.30-033.28, 85073003328); returns the 11 digits or the reason it is wrong. */
export function checkNiss(raw: string): NissCheck {
  const digits = raw.replace(/[\s.\-]/g, '');
  if (!/^\d{11}$/.test(digits)) return { ok: false, reason: 'must have 11 digits' };
  const nine = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  if (check !== checkDigits(nine, false) && check !== checkDigits(nine, true)) {
    return { ok: false, reason: 'check digits do not match' };
  }
  return { ok: true, niss: digits };
}

/** Builds a valid NISS for a birth date and serial (demo data and tests only). */
export function makeNiss(birthDate: string, serial: number): string {
  const [year, month, day] = birthDate.split('-');
  if (!year || !month || !day || serial < 1 || serial > 998) throw new RangeError('makeNiss: bad birth date or serial');
  const nine = year.slice(2) + month + day + String(serial).padStart(3, '0');
  const check = checkDigits(nine, Number(year) >= 2000);
  return nine + String(check).padStart(2, '0');
}

/** The birth date a NISS encodes, when the century can be told from its check digits. */
export function birthDateFromNiss(niss: string): string | null {
  const nine = niss.slice(0, 9);
  const check = Number(niss.slice(9));
  const century = check === checkDigits(nine, true) ? '20' : check === checkDigits(nine, false) ? '19' : null;
  const month = Number(niss.slice(2, 4));
  if (!century || month < 1 || month > 12) return null;
  return `${century}${niss.slice(0, 2)}-${niss.slice(2, 4)}-${niss.slice(4, 6)}`;
}
