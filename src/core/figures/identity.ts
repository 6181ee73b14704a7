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
  const count = used.length;
  const codes = new Set<string>();
  if (fallback === null) {
    for (let u = 0; u < count; u++) {
      const text = main === null ? "" : cellText(main[used[u]]);
      if (text !== "") codes.add(text);
    }
    return { count: codes.size, conflicts: [] };
  }
  // Names fold once each: a firm's name repeats down a ledger of 100,000 guarantees.
  const folds = new Map<string, string>();
  const fold = (name: string) => {
    let f = folds.get(name);
    if (f === undefined) folds.set(name, (f = foldKey(name)));
    return f;
  };
  // The first code and row of each name, the first name and row of each code; a second differing
  // one is a conflict, kept apart so that a clean ledger builds no per-firm lists.
  const codeOfName = new Map<string, { code: string; row: number; name: string }>();
  const nameOfCode = new Map<string, { folded: string; row: number; name: string }>();
  const nameConflicts = new Map<string, IdentityConflict>();
  const codeConflicts = new Map<string, IdentityConflict>();
  /** A shared code's names, folded: a placeholder code may stand with hundreds. */
  const namesOfConflict = new Map<string, Set<string>>();
  const uncoded = new Set<string>();
  for (let u = 0; u < count; u++) {
    const i = used[u];
    const code = main === null ? "" : cellText(main[i]);
    const name = cellText(fallback[i]);
    if (code === "") {
      if (name !== "") uncoded.add(fold(name));
      continue;
    }
    if (name === "") {
      codes.add(code);
      continue;
    }
    // The same code under the very same name as its first row (most rows of a ledger): nothing
    // new — the code is counted, its name's first code and any conflict between them were taken
    // at that first row. Three lookups a row fewer on 100,000 guarantees.
    const first = nameOfCode.get(code);
    if (first !== undefined && first.name === name) continue;
    codes.add(code);
    const folded = fold(name);
    const byName = codeOfName.get(folded);
    if (byName === undefined) codeOfName.set(folded, { code, row: i, name });
    else if (byName.code !== code) {
      let conflict = nameConflicts.get(folded);
      if (conflict === undefined)
        nameConflicts.set(
          folded,
          (conflict = { kind: "name_codes", shared: byName.name, others: [{ text: byName.code, row: byName.row }] }),
        );
      if (!conflict.others.some((o) => o.text === code)) conflict.others.push({ text: code, row: i });
    }
    const byCode = first;
    if (byCode === undefined) nameOfCode.set(code, { folded, row: i, name });
    else if (byCode.folded !== folded) {
      let conflict = codeConflicts.get(code);
      let names = namesOfConflict.get(code);
      if (conflict === undefined || names === undefined) {
        codeConflicts.set(code, (conflict = { kind: "code_names", shared: code, others: [{ text: byCode.name, row: byCode.row }] }));
        namesOfConflict.set(code, (names = new Set([byCode.folded])));
      }
      if (!names.has(folded)) {
        names.add(folded);
        conflict.others.push({ text: name, row: i });
      }
    }
  }
  let byNameOnly = 0;
  for (const folded of uncoded) if (!codeOfName.has(folded)) byNameOnly++;
  return { count: codes.size + byNameOnly, conflicts: [...nameConflicts.values(), ...codeConflicts.values()] };
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
