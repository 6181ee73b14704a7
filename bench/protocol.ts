// What the bench's parent and its child processes agree on.
export const RESULT_MARKER = "@@bench-result ";

export type TaskName = "oursRead" | "oursEndToEnd" | "exceljs" | "sheetjs" | "core" | "office";
