// Whatever a clerk (or a broken export) leaves in a cell — control characters, lone surrogates, RTL
// marks, `]]>`, `<&"'`, emoji, pages of text — the .docx must still be a package Word opens: every
// XML part well-formed, word/document.xml valid against the WordprocessingML schemas.
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { strFromU8, unzipSync } from "fflate";
import { runEngine } from "../../src/core/engine";
import { renderDocx } from "../../src/adapters/docx";
import { DEFAULT_DEFINITIONS, DEFINITION_HEADERS, definitionToRow } from "../../src/core/figures";
import { SETTINGS_ITEMS } from "../../src/core/settings";
import type { RawCell, RawWorkbook } from "../../src/core/types";
import { validateWordXml } from "../helpers/ooxml";

const NASTY = [
  "]]>",
  "<&\"'",
  "\u202E",
  "\u200F",
  "\u200B",
  "😀",
  "👨‍👩‍👧",
  "\uFFFE",
  "\uFFFF",
  "\u0000",
  "\u0008",
  "\u001F",
  "\r\n",
  "\t",
  "\uD800",
  "\uDFFF",
  "&amp;",
  "<w:t>",
  "\u3000",
  "&#0;",
];

/** Text from any UTF-16 code unit (lone surrogates and C0 controls included), with the classic troublemakers mixed in. */
const hostileText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
        fc.constantFrom(...NASTY),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 24 },
    ),
    fc.constantFrom(1, 1, 1, 400),
  )
  .map(([parts, repeat]) => parts.join("").repeat(repeat));

/** Every XML part of the package parses; returns the parts by name. */
function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(data);
    const parser = new SaxesParser({ xmlns: true });
    let error: string | null = null;
    parser.on("error", (e) => {
      error = e.message;
    });
    parser.write(xml).close();
    expect({ part: name, error }).toEqual({ part: name, error: null });
    out[name] = xml;
  }
  return out;
}

const TEXT_SETTINGS = [
  "orgName",
  "orgShort",
  "reporter",
  "jointIssuer",
  "platformName",
  "city",
  "signature",
  "signatureDate",
  "scope",
] as const;

function workbookWith(texts: string[]): RawWorkbook {
  const label = (key: string) => SETTINGS_ITEMS.find((i) => i.key === key)!.label;
  const settings: RawCell[][] = [
    ["项目", "值"],
    ["年度", 2022],
    ...TEXT_SETTINGS.map((key, i): RawCell[] => [label(key), texts[i % texts.length]]),
  ];
  const definitions: RawCell[][] = [
    DEFINITION_HEADERS,
    ...DEFAULT_DEFINITIONS.map((def, i) => {
      const row: RawCell[] = definitionToRow(def);
      // 名称 becomes the content control's alias in document.xml; 条件 lands in the link part.
      row[1] = texts[(i + 3) % texts.length] || def.name;
      if (def.id === "eg.count") row[4] = `投标企业≠${texts[1 % texts.length]}`;
      return row;
    }),
  ];
  const guarantees: RawCell[][] = [
    ["保函编号", "开立日期", "投标企业", "保证金金额（元）", "部门", "备注"],
    ...texts.map((t, i): RawCell[] => [`BH-${i}`, `2022-0${(i % 9) + 1}-15`, t || "某公司", 1000 + i, t, t]),
  ];
  return {
    name: `${texts[0]}.xlsx`,
    date1904: false,
    tables: [
      { sheet: "报告设置", top: 0, left: 0, values: settings },
      { sheet: "指标定义", top: 0, left: 0, values: definitions },
      { sheet: "电子保函", top: 0, left: 0, values: guarantees },
    ],
  };
}

describe("hostile cell text in the generated report", () => {
  it("keeps every part well-formed and word/document.xml schema-valid", async () => {
    let skipped = false;
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 6 }), async (texts) => {
        const result = runEngine(workbookWith(texts), { generatedAt: "2023-01-05T00:00:00.000Z" });
        const docx = await renderDocx(result.report, result.link);
        const xml = parts(docx);
        expect(Object.keys(xml)).toEqual(expect.arrayContaining(["word/document.xml", "customXml/item1.xml"]));
        const validation = await validateWordXml(xml["word/document.xml"]);
        if (validation === null) {
          skipped = true;
          return;
        }
        expect(validation.errors.slice(0, 5)).toEqual([]);
        expect(validation.valid).toBe(true);
      }),
      { numRuns: 20 },
    );
    if (skipped) console.log("OOXML schemas absent: checked well-formedness only");
  });

  it("carries the clerk's text through, minus only what XML 1.0 cannot hold", async () => {
    const texts = ["甲<&\"'>]]>乙", "\u202E城市\u0001\uD800😀"];
    const result = runEngine(workbookWith(texts), { generatedAt: "2023-01-05T00:00:00.000Z" });
    expect(result.settings.orgName).toBe(texts[0]);
    const xml = parts(await renderDocx(result.report, result.link));
    const body = xml["word/document.xml"];
    expect(body).toContain("甲&lt;&amp;");
    expect(body).toContain("\u202E城市😀");
    expect(body).not.toContain("\u0001");
    expect(body).not.toMatch(/\uD800(?![\uDC00-\uDFFF])/);
  });
});
