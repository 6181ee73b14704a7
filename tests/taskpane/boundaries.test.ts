// The panes' layers: the shell and the shared widgets serve both panes; the Excel pane and the Word
// pane never import each other (a change to one cannot break the other); the web page runs the Excel
// pane's views over a file, never the Word pane.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SRC = resolve(__dirname, "../../src");

type Part = "shell" | "shared" | "excel" | "word" | "web" | "entry" | "outside";

/** Which part of the panes a source file belongs to, by where it lives. */
function partOf(file: string): Part {
  const path = relative(SRC, file).split("\\").join("/");
  if (path.startsWith("web/")) return "web";
  if (!path.startsWith("taskpane/")) return "outside";
  const inPane = path.slice("taskpane/".length);
  if (inPane === "start.tsx" || inPane === "index.tsx") return "entry";
  if (inPane.startsWith("shell/")) return "shell";
  if (inPane.startsWith("components/") || inPane.startsWith("i18n/")) return "shared";
  if (inPane.startsWith("word/")) return "word";
  return "excel";
}

/** What each part may import from the panes (anything outside the panes — core, adapters — is not limited here). */
const MAY_IMPORT: Record<Part, Part[]> = {
  shell: ["shell", "shared", "outside"],
  shared: ["shell", "shared", "outside"],
  excel: ["shell", "shared", "excel", "outside"],
  word: ["shell", "shared", "word", "outside"],
  web: ["shell", "shared", "excel", "web", "outside"],
  entry: ["shell", "shared", "excel", "word", "entry", "outside"],
  outside: ["shell", "shared", "excel", "word", "web", "entry", "outside"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Relative imports, static and lazy (`import("…")`), resolved to files. */
function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*(?:\/\*.*?\*\/\s*)?|import\s+)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
  return specs.map((spec) => {
    const base = resolve(dirname(file), spec);
    return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")].find(existsSync) ?? base;
  });
}

function crossings(): string[] {
  const files = [...sourceFiles(join(SRC, "taskpane")), ...sourceFiles(join(SRC, "web"))];
  return files.flatMap((file) => {
    const from = partOf(file);
    return importsOf(file)
      .filter((target) => !MAY_IMPORT[from].includes(partOf(target)))
      .map((target) => `${relative(SRC, file)} (${from}) imports ${relative(SRC, target)} (${partOf(target)})`);
  });
}

describe("the panes' layers", () => {
  test("the Excel pane and the Word pane do not import each other, and the shell and widgets import neither", () => {
    expect(crossings()).toEqual([]);
  });

  test("the check sees static and lazy imports, so a crossing cannot hide in either", () => {
    const word = join(SRC, "taskpane/word/WordApp.tsx");
    const found = importsOf(
      word,
      'import { App } from "../App";\nconst v = import(/* webpackChunkName: "x" */ "../views/GenerateView");',
    ).map((f) => partOf(f));
    expect(found).toEqual(["excel", "excel"]);
    expect(MAY_IMPORT.word).not.toContain("excel");
    expect(MAY_IMPORT.excel).not.toContain("word");
  });

  test("the parts are where a reader expects them", () => {
    expect(partOf(join(SRC, "taskpane/views/GenerateView.tsx"))).toBe("excel");
    expect(partOf(join(SRC, "taskpane/word/WordApp.tsx"))).toBe("word");
    expect(partOf(join(SRC, "taskpane/components/ReviewList.tsx"))).toBe("shared");
    expect(partOf(join(SRC, "taskpane/shell/useAction.ts"))).toBe("shell");
  });
});
