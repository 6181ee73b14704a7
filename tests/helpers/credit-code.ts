// Valid 统一社会信用代码 for hand-made ledgers: the GB 32100 check character computed here, apart from src/.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid code ending in the given serial. */
export function creditCode(serial: number): string {
  const body = `91150100MA${String(serial).padStart(7, "0")}`;
  const sum = [...body].reduce((s, ch, i) => s + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}
