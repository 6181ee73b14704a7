import { existsSync, readFileSync } from "fs";
import { resolve } from "path";
import type { Block, ReportDocument } from "../../../src/core/types";
import { buildReport, parseTemplate, reportPlainText, templateById, DEFAULT_TEMPLATE_ID } from "../../../src/core/report";
import { defaultSettings } from "../../../src/core/settings";
import { DEFAULT_TEMPLATE } from "../../../src/templates/default";
import { SEED_FIGURE_BLANKS, SEED_SETTING_MASKS, figure } from "./fixtures";

const SEED_PATH = resolve(__dirname, "../../../../shared/reference/seed-report-2022.txt");
const seedPresent = existsSync(SEED_PATH);
if (!seedPresent) console.warn(`seed report not found at ${SEED_PATH}: the golden tests are skipped`);
const withSeed = seedPresent ? test : test.skip;

/**
 * Where the built-in template departs from the seed on purpose: it is for any agency, so the seed's
 * own region and its city's districts are neutral wording, and the seed's typos are corrected.
 */
const SEED_DEPARTURES: [seed: string, template: string][] = [
  ["习近平总书记对内蒙古重要讲话", "习近平总书记重要讲话"],
  ["参加了新城区、玉泉区青年突击队", "参加了属地青年突击队"],
  ["持续参于包联社区", "持续参与包联社区"],
  ["“双报道”制度", "“双报到”制度"],
];

function seedLines(): string[] {
  // The seed ends with a newline, and one paragraph carries a stray trailing space the template drops.
  let text = readFileSync(SEED_PATH, "utf8");
  for (const [seed, template] of SEED_DEPARTURES) {
    expect([seed, text.split(seed).length - 1]).toEqual([seed, 1]);
    text = text.replace(seed, template);
  }
  return text
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => l.trimEnd());
}

/** The report with every masked name put back to the seed's mask, occurrence by occurrence. */
function maskNames(doc: ReportDocument): ReportDocument {
  const used: Record<string, number> = {};
  const blocks = doc.blocks.map((b): Block => {
    if (b.kind === "table" || b.kind === "tableFigure") return b;
    const runs = b.runs.map((r) => {
      const masks = r.kind === "slot" ? SEED_SETTING_MASKS[r.id] : undefined;
      if (r.kind !== "slot" || !masks) return r;
      const n = used[r.id] ?? 0;
      used[r.id] = n + 1;
      return { ...r, text: masks[Math.min(n, masks.length - 1)] };
    });
    return { ...b, runs };
  });
  return { ...doc, blocks };
}

function seedFigures() {
  return SEED_FIGURE_BLANKS.map((b) => figure(b.id, b.mask));
}

describe("the default template is for any agency", () => {
  const literal = () =>
    parseTemplate(DEFAULT_TEMPLATE)
      .flatMap((b) => b.pieces)
      .filter((p) => p.kind === "text")
      .map((p) => (p as { text: string }).text)
      .join("\n");

  test("names no region, city or district of the sample agency: places come from 报告设置 or are neutral", () => {
    expect(literal()).not.toMatch(/内蒙古|呼和浩特|新城区|玉泉区|回民区|赛罕区/);
  });

  test("has none of the seed's typos", () => {
    expect(literal()).not.toMatch(/参于|双报道/);
    expect(literal()).toContain("参与包联社区");
    expect(literal()).toContain("“双报到”制度");
  });
});

describe("the default template reproduces the 2022 seed report", () => {
  withSeed("renders, with the seed's masks in every slot, the seed's text line by line but for the listed departures", () => {
    const doc = buildReport(templateById(DEFAULT_TEMPLATE_ID)!, defaultSettings(2022), seedFigures());
    const lines = reportPlainText(maskNames(doc)).split("\n");
    const seed = seedLines();
    for (let i = 0; i < Math.max(lines.length, seed.length); i++) expect([i + 1, lines[i]]).toEqual([i + 1, seed[i]]);
  });

  withSeed("ends with the seed's closing line when no signature is set", () => {
    const doc = buildReport(templateById(DEFAULT_TEMPLATE_ID)!, defaultSettings(2022), seedFigures());
    const last = doc.blocks[doc.blocks.length - 1];
    expect(reportPlainText({ ...doc, blocks: [last] })).toBe(seedLines()[seedLines().length - 1]);
    expect(last).toEqual({
      kind: "paragraph",
      align: "both",
      indent: true,
      runs: [{ kind: "text", text: "以上述职如有不妥之处，请批评指正。" }],
    });
  });

  withSeed("has a slot for every figure blank of the seed, as many times as the seed has that blank", () => {
    const seed = readFileSync(SEED_PATH, "utf8");
    const slotCount = new Map<string, number>();
    for (const b of parseTemplate(DEFAULT_TEMPLATE))
      for (const p of b.pieces) if (p.kind === "slot") slotCount.set(p.id, (slotCount.get(p.id) ?? 0) + 1);
    const counts = SEED_FIGURE_BLANKS.map((b) => [b.id, seed.split(b.context).length - 1, slotCount.get(b.id) ?? 0]);
    expect(counts).toEqual(SEED_FIGURE_BLANKS.map((b) => [b.id, 1, 1]));
  });

  withSeed("leaves no star, no 2022 and no 2023 of the seed as literal template text", () => {
    const literal = parseTemplate(DEFAULT_TEMPLATE)
      .flatMap((b) => b.pieces)
      .filter((p) => p.kind === "text")
      .map((p) => (p as { text: string }).text)
      .join("\n");
    expect(literal).not.toMatch(/\*|2022|2023|20条|40分|前10名|11家/);
    // Every star group of the seed is a slot's mask: 16 figure blanks and 5 masked names.
    const masks = [...SEED_FIGURE_BLANKS.map((b) => b.mask), ...Object.values(SEED_SETTING_MASKS).flat()];
    const starMasks = masks.filter((m) => m.includes("*"));
    expect(starMasks).toHaveLength(21);
    expect(readFileSync(SEED_PATH, "utf8").match(/\*+/g)).toHaveLength(starMasks.length);
  });
});

describe("the default template's figure slots", () => {
  test("are exactly the figures of LEDGERS.md's default table", () => {
    const ids = new Set(
      parseTemplate(DEFAULT_TEMPLATE)
        .flatMap((b) => b.pieces)
        .flatMap((p) => (p.kind === "slot" && !p.id.startsWith("setting.") ? [p.id] : [])),
    );
    expect([...ids].sort()).toEqual(SEED_FIGURE_BLANKS.map((b) => b.id).sort());
  });
});
