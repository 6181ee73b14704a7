// 去重计数:<代码列>|<名称列> (服务企业家数: 统一社会信用代码, else 投标企业): who is the same firm.
//
// The rule (README, "Counting distinct firms"):
// - a row with a code is that code's firm;
// - a row without a code is the firm of a coded row with the same name (after folding width and
//   spaces), when the figure's rows have one — it is not counted again;
// - a name no coded row carries is counted once by its name.
// Where code and name disagree the count cannot be sure, so it says so at the cells: one name under
// two codes is counted as two firms; one code under two names as one.
import type { FieldValue, Issue, LedgerName } from "../types";
import type { Column, ColumnarLedger } from "../ledger/columnar";
import { foldKey, trimmed } from "../ledger/text";
import { issueText } from "../messages";

/** The cell text conditions and counts compare: trimmed; numbers by their text form; 是/否 for yes/no. */
function cellText(v: FieldValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return trimmed(v);
  if (typeof v === "boolean") return v ? "是" : "否";
  return String(v);
}

/** Where code and name disagree: one name under several codes, or one code under several names. */
export interface IdentityConflict {
  kind: "name_codes" | "code_names";
  /** The name (as first written) or the code shared by the rows. */
  shared: string;
  /** The codes, or the names as first written, in the order met; with the row of each one's first cell. */
  others: { text: string; row: number }[];
}

export interface DistinctCount {
  count: number;
  conflicts: IdentityConflict[];
}

/**
 * Distinct values of `main` over the used rows, a row without one counted by `fallback` unless a
 * row with a main value has the same fallback (folded). Without a fallback column: plain distinct.
 */
export function distinctCount(main: Column | null, fallback: Column | null, used: Int32Array): DistinctCount {
  if (fallback === null) return { count: main === null ? 0 : distinctTexts(main, used), conflicts: [] };
  // The rule (FirmIdentity) needs each pair of code and name once: a row repeating a pair an
  // earlier row had adds nothing. One small pass over the cells as stored keeps, in row order, the
  // rows whose pair may be new — each code's first row, and a code under another name than on its
  // first row — and only those go through the rule: on the 100,000-row bench ~16,000 of 97,000.
  // The pass is small on purpose: in a one-shot process a loop runs before the optimiser has
  // compiled it, and the whole rule in the loop took the compiler 40–70 ms on a loaded machine,
  // the loop interpreted meanwhile.
  const events = new Int32Array(used.length);
  const kept = pairsMaybeNew(main ?? NO_CELLS, fallback, used, events);
  const identity = new FirmIdentity();
  for (let e = 0; e < kept; e++) {
    const i = events[e];
    identity.row(main === null ? "" : cellText(main[i]), cellText(fallback[i]), i);
  }
  return identity.result();
}

const NO_CELLS: Column = [];

/** How many distinct non-blank texts the column holds in the used rows: each distinct cell trimmed once. */
function distinctTexts(column: Column, used: Int32Array): number {
  const cells = new Set<FieldValue | undefined>();
  for (let u = 0; u < used.length; u++) cells.add(column[used[u]]);
  const texts = new Set<string>();
  for (const cell of cells) {
    const text = cellText(cell);
    if (text !== "") texts.add(text);
  }
  return texts.size;
}

/**
 * The used rows whose (code, name) cells, as stored, may be a pair no earlier row had, in row
 * order, into `events`; returns how many. Rows left out repeat their code's first row's pair.
 */
function pairsMaybeNew(main: Column, fallback: Column, used: Int32Array, events: Int32Array): number {
  const firstName = new Map<FieldValue | undefined, FieldValue | undefined>();
  let kept = 0;
  for (let u = 0; u < used.length; u++) {
    const i = used[u];
    const code = main[i];
    const name = fallback[i];
    const first = firstName.get(code);
    if (first !== undefined) {
      if (first === name) continue;
    } else if (!firstName.has(code)) firstName.set(code, name);
    else if (name === undefined) continue;
    events[kept++] = i;
  }
  return kept;
}

/**
 * The rule, fed rows in row order: codes counted, names without a code (folded), the first code and
 * row of each folded name, the first name and row of each code; a second differing one is a
 * conflict, kept apart so that a clean ledger builds no per-firm lists. A row fed twice changes
 * nothing (what distinctCount's pass relies on to leave repeats out).
 */
class FirmIdentity {
  private readonly codes = new Set<string>();
  /** Names of rows without a code, folded. */
  private readonly uncoded = new Set<string>();
  /** Names fold once each: a firm's name repeats down a ledger of 100,000 guarantees. */
  private readonly folds = new Map<string, string>();
  private readonly codeOfName = new Map<string, { code: string; row: number; name: string }>();
  private readonly nameOfCode = new Map<string, { folded: string; row: number; name: string }>();
  private readonly nameConflicts = new Map<string, IdentityConflict>();
  private readonly codeConflicts = new Map<string, IdentityConflict>();
  /** A shared code's names, folded: a placeholder code may stand with hundreds. */
  private readonly namesOfConflict = new Map<string, Set<string>>();

  fold(name: string): string {
    let f = this.folds.get(name);
    if (f === undefined) this.folds.set(name, (f = foldKey(name)));
    return f;
  }

  /** Row i's code and name, as cellText reads them: the rule, one row at a time in row order. */
  row(code: string, name: string, i: number): void {
    if (code === "") {
      if (name !== "") this.uncoded.add(this.fold(name));
      return;
    }
    if (name === "") {
      this.codes.add(code);
      return;
    }
    // The same code under the very same name as its first row: nothing new.
    const first = this.nameOfCode.get(code);
    if (first !== undefined && first.name === name) return;
    this.codes.add(code);
    const folded = this.fold(name);
    const byName = this.codeOfName.get(folded);
    if (byName === undefined) this.codeOfName.set(folded, { code, row: i, name });
    else if (byName.code !== code) this.nameUnderCodes(folded, byName, code, i);
    if (first === undefined) this.nameOfCode.set(code, { folded, row: i, name });
    else if (first.folded !== folded) this.codeUnderNames(code, first, folded, name, i);
  }

  /** One name (folded), first under `was`'s code, now under `code` at row i. */
  private nameUnderCodes(folded: string, was: { code: string; row: number; name: string }, code: string, i: number): void {
    let conflict = this.nameConflicts.get(folded);
    if (conflict === undefined)
      this.nameConflicts.set(folded, (conflict = { kind: "name_codes", shared: was.name, others: [{ text: was.code, row: was.row }] }));
    if (!conflict.others.some((o) => o.text === code)) conflict.others.push({ text: code, row: i });
  }

  /** One code, first under `first`'s name, now under another firm's name at row i. */
  private codeUnderNames(
    code: string,
    first: { folded: string; row: number; name: string },
    folded: string,
    name: string,
    i: number,
  ): void {
    let conflict = this.codeConflicts.get(code);
    let names = this.namesOfConflict.get(code);
    if (conflict === undefined || names === undefined) {
      this.codeConflicts.set(code, (conflict = { kind: "code_names", shared: code, others: [{ text: first.name, row: first.row }] }));
      this.namesOfConflict.set(code, (names = new Set([first.folded])));
    }
    if (!names.has(folded)) {
      names.add(folded);
      conflict.others.push({ text: name, row: i });
    }
  }

  /** The count — codes, and names no coded row carries — and the conflicts met. */
  result(): DistinctCount {
    let byNameOnly = 0;
    for (const folded of this.uncoded) if (!this.codeOfName.has(folded)) byNameOnly++;
    return { count: this.codes.size + byNameOnly, conflicts: [...this.nameConflicts.values(), ...this.codeConflicts.values()] };
  }
}

/** Past this many conflicts of one kind, they are one grouped issue: count, first cells. */
const SHOWN = 5;

/** The catalogue's words for each kind of conflict: one alone, and many grouped. */
const IDENTITY_TEXTS = {
  name_codes: { one: "figure.identity_name_codes", many: "figure.identity_name_codes#many" },
  code_names: { one: "figure.identity_code_names", many: "figure.identity_code_names#many" },
} as const;

/**
 * The conflicts as issues at their cells, for the figure named: each one alone while there are
 * few, else one grouped issue per kind (how many, the first few cells, examples).
 */
export function identityIssues(
  conflicts: IdentityConflict[],
  at: {
    ledger: LedgerName;
    figureId: string;
    figureName: string;
    codeColumn: string;
    nameColumn: string;
    codeKey: string;
    nameKey: string;
  },
  table: ColumnarLedger,
): Issue[] {
  const place = (row: number, key: string) => table.cellAddress(row, key) ?? `${table.sheet(row)} 第${table.rowNumber(row)}行`;
  const placeEn = (row: number, key: string) => table.cellAddress(row, key) ?? `${table.sheet(row)} row ${table.rowNumber(row)}`;
  const issues: Issue[] = [];
  const columns = { nameColumn: at.nameColumn, codeColumn: at.codeColumn, figureName: at.figureName };
  for (const kind of ["name_codes", "code_names"] as const) {
    const mine = conflicts.filter((c) => c.kind === kind);
    if (mine.length === 0) continue;
    // A name's codes are told by their code cells; a code's names by their name cells.
    const key = kind === "name_codes" ? at.codeKey : at.nameKey;
    const one = (c: IdentityConflict) => {
      // A code shared by hundreds of names (a placeholder code typed for every firm without one) names the first few.
      const shown = c.others.slice(0, SHOWN);
      const more = c.others.length > SHOWN;
      const listed = shown.map((o) => `${o.text}（${place(o.row, key)}）`).join("、") + (more ? " 等" : "");
      const listedEn = shown.map((o) => `${o.text} (${placeEn(o.row, key)})`).join(", ") + (more ? ", …" : "");
      return issueText(IDENTITY_TEXTS[kind].one, { ...columns, shared: c.shared, count: c.others.length, listed, listedEn });
    };
    const cellOf = (c: IdentityConflict) => table.cellAddress(c.others[1].row, key);
    const base = { severity: "warning" as const, code: `figure.identity_${kind}`, ledger: at.ledger, figure: at.figureId };
    if (mine.length <= SHOWN) {
      for (const c of mine) {
        const cell = cellOf(c);
        issues.push({ ...base, ...one(c), ...(cell ? { cell } : {}) });
      }
      continue;
    }
    const cells = mine
      .slice(0, SHOWN)
      .map(cellOf)
      .filter((c): c is string => c !== undefined);
    const examples = mine.slice(0, 2).map(one);
    issues.push({
      ...base,
      ...issueText(IDENTITY_TEXTS[kind].many, {
        ...columns,
        count: mine.length,
        cells: cells.join("、"),
        cellsEn: cells.join(", "),
        examples: examples.map((e) => e.message).join("；"),
        examplesEn: examples.map((e) => e.messageEn).join("; "),
      }),
      ...(cells[0] ? { cell: cells[0] } : {}),
      count: mine.length,
      cells,
    });
  }
  return issues;
}
