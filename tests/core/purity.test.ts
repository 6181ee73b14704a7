// The core's boundary is enforced by the lint config (eslint.config.mjs) and by src/core/tsconfig.json;
// these tests prove both bite, so a loosened rule shows up here rather than as a host import in core.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "../..");

const FORBIDDEN = [
  'import { readXlsx } from "../../adapters/xlsx";',
  'import { setUpLiveWorkbook } from "../../adapters/excel/setup";',
  'import { App } from "../../taskpane/App";',
  'import { createSimulatedExcel } from "../../simulated-host";',
  'import { main } from "../../cli/main";',
  'import { readFileSync } from "node:fs";',
  'import { join } from "path";',
  'import ExcelJS from "exceljs";',
  'import { useState } from "react";',
];
const ALLOWED = ['import { columnLetters } from "../address";', 'import { SaxesParser } from "saxes";'];

/** The no-restricted-imports messages ESLint gives a file at src/core/ledger/, by line (1-based). */
function restrictedByLine(text: string): Map<number, string> {
  const r = spawnSync(
    process.execPath,
    [join(root, "node_modules/eslint/bin/eslint.js"), "--format", "json", "--stdin", "--stdin-filename", "src/core/ledger/example.ts"],
    { cwd: root, input: text, encoding: "utf8" },
  );
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; message: string }[] }[];
  return new Map(result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => [m.line, m.message]));
}

describe("the core's import boundary (npm run lint)", () => {
  it("refuses adapters, panes, hosts, the CLI, Node built-ins and file/UI libraries in src/core, and allows the rest", () => {
    const lines = [...FORBIDDEN, ...ALLOWED, "export const used = 1;"];
    const found = restrictedByLine(lines.join("\n") + "\n");
    FORBIDDEN.forEach((line, i) => {
      expect([line, found.get(i + 1)]).toEqual([line, expect.stringMatching(/src\/core is pure/)]);
    });
    ALLOWED.forEach((line, i) => expect([line, found.get(FORBIDDEN.length + i + 1)]).toEqual([line, undefined]));
  }, 60000);
});

describe("the core's own type check", () => {
  it("has no DOM, Node or Office types and is run by npm test", () => {
    const config = JSON.parse(readFileSync(join(root, "src/core/tsconfig.json"), "utf8").replace(/^\s*\/\/.*$/gm, "")) as {
      compilerOptions: { lib: string[]; types: string[] };
    };
    expect(config.compilerOptions.types).toEqual([]);
    expect(config.compilerOptions.lib.map((l) => l.toLowerCase())).toEqual(["es2022"]);
    expect(readFileSync(join(root, "scripts/test.mjs"), "utf8")).toContain('"src/core/tsconfig.json"');
  });
});
