/** Numbers as statutes write them: digits or words ("twenty", "twenty-five", "dix", "veinte") up to 99. */

const units: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  // Spanish
  uno: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciséis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  // French
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  'dix-sept': 17,
  'dix-huit': 18,
  'dix-neuf': 19,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
};

/** Pattern source for one number written in digits or words (for use inside larger patterns). */
export const numberPattern = `(?:\\d{1,3}|(?:${Object.keys(units)
  .sort((a, b) => b.length - a.length)
  .join('|')})(?:[- ](?:${Object.keys(units)
  .filter((w) => (units[w] ?? 0) < 10 && (units[w] ?? 0) > 0)
  .join('|')}))?)`;

/** The value of a number in digits or words; null when it is not one. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  if (/^\d+$/.test(s)) return Number(s);
  if (units[s] !== undefined) return units[s] ?? null;
  const parts = s.split(/[- ]/);
  if (parts.length === 2) {
    const tens = units[parts[0] ?? ''];
    const one = units[parts[1] ?? ''];
    if (tens !== undefined && one !== undefined && tens >= 20 && one < 10) return tens + one;
  }
  return null;
}
