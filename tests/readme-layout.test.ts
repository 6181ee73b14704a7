// README's "Layout of the repository" is a map of src/: every folder it names is there, and every
// folder of src/ (top level and one below) is on it, so the map cannot fall behind the tree unseen.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");

/** The folders the layout names: `src/a/` lines start a folder, indented `b/` lines name its subfolders. */
function layoutFolders(readme: string): string[] {
  const start = readme.indexOf("## Layout of the repository");
  if (start < 0) throw new Error("README has no layout section");
  const block = /```\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!block) throw new Error("README's layout section has no drawing");
  const named: string[] = [];
  let parent: string | null = null;
  for (const line of block[1].split("\n")) {
    const top = /^(src\/[\w-]+)\/\s/.exec(line + " ");
    if (top) {
      parent = top[1];
      named.push(parent);
      continue;
    }
    if (/^\S/.test(line)) parent = null; // another root (examples/, tests/): its lines name no src folder
    const sub = /^ {2}([\w-]+)\/\s/.exec(line + " ");
    if (sub && parent) named.push(`${parent}/${sub[1]}`);
  }
  return named;
}

function foldersOf(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).filter((name) => statSync(join(ROOT, dir, name)).isDirectory());
}

describe("README's layout of the repository", () => {
  const named = layoutFolders(readFileSync(join(ROOT, "README.md"), "utf8"));

  it("names only folders of src/ that exist", () => {
    const missing = named.filter((folder) => {
      try {
        return !statSync(join(ROOT, folder)).isDirectory();
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it("names every folder of src/ and every folder one below it", () => {
    const tops = foldersOf("src").map((f) => `src/${f}`);
    const subs = tops.flatMap((top) => foldersOf(top).map((f) => `${top}/${f}`));
    expect([...tops, ...subs].filter((folder) => !named.includes(folder))).toEqual([]);
  });

  it("reads a subfolder as belonging to the folder line above it", () => {
    const drawing = "## Layout of the repository\n\n```\nsrc/a/   x\n  b/     y\nexamples/ z\n  c/     w\n```\n";
    expect(layoutFolders(drawing)).toEqual(["src/a", "src/a/b"]);
  });
});
