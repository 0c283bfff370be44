// Number and date formats as they are written in Belgian French and Dutch letters.

/** dd/mm/yyyy, the usual form in both languages. */
export const belgianDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** 131420 -> "1.314,20"; whole amounts drop the decimals ("750"). */
export function formatAmount(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  let grouped = String(whole);
  for (let i = grouped.length - 3; i > 0; i -= 3) grouped = `${grouped.slice(0, i)}.${grouped.slice(i)}`;
  return rest === 0 ? grouped : `${grouped},${rest < 10 ? '0' : ''}${rest}`;
}
