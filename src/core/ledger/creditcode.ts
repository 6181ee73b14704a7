// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z),
// the last one a check character over the first 17.

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Each character code's value in the alphabet, -1 for characters outside it. */
const VALUE = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

/**
 * isValidCreditCode, telling apart the two ways a code typed in the alphabet fails: 0 when it is
 * valid, 1 when it is 18 characters of the alphabet whose check character does not fit (a typo,
 * or a whole column of them: the issue flood of #10), 2 for anything else. A 1 is printable ASCII
 * in canonical form already, so the reader needs no second look at it.
 */
export function creditCodeCheck(code: string): 0 | 1 | 2 {
  if (typeof code !== "string" || code.length !== 18) return 2;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = code.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) return 2;
    sum += v * WEIGHTS[i];
  }
  const last = code.charCodeAt(17);
  if (last === ALPHABET.charCodeAt((31 - (sum % 31)) % 31)) return 0;
  return last < 128 && VALUE[last] >= 0 ? 1 : 2;
}

/** True when the code has 18 valid characters and the right check character. Upper case only. */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== "string" || code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = code.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) return false;
    sum += v * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return code.charCodeAt(17) === ALPHABET.charCodeAt(check);
}

/** What is wrong with a code that is not valid: the clerk fixes a length, a stray character or a typo differently. */
export type CreditCodeProblem =
  { kind: "length"; length: number } | { kind: "characters"; characters: string[] } | { kind: "check"; expected: string; found: string };

/** Why `code` (folded: half-width, no spaces, upper case) is not a valid code; null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const chars = [...code];
  if (chars.length !== 18) return { kind: "length", length: chars.length };
  const stray = chars.filter((ch) => ch.length !== 1 || ch.charCodeAt(0) >= 128 || VALUE[ch.charCodeAt(0)] < 0);
  if (stray.length > 0) return { kind: "characters", characters: [...new Set(stray)] };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += VALUE[code.charCodeAt(i)] * WEIGHTS[i];
  const expected = ALPHABET[(31 - (sum % 31)) % 31];
  return expected === code[17] ? null : { kind: "check", expected, found: code[17] };
}
