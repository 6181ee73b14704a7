import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { readXlsx } from "../../../src/adapters/xlsx";
import { type XlsxLimits, resolveLimits } from "../../../src/adapters/xlsx/limits";
import { readSharedStrings, readSharedStringsSax, readWorkbookInfo } from "../../../src/adapters/xlsx/parts";
import { SharedStringsFallback, SharedStringsScanner } from "../../../src/adapters/xlsx/shared-strings";
import type { SharedStrings } from "../../../src/adapters/xlsx/sheet-scanner";
import { ZipArchive } from "../../../src/adapters/xlsx/zip";
import { concatBytes } from "../../../src/core/bytes";
import { NS, handXlsx, worksheet } from "./fixtures";

const ROOT = path.resolve(__dirname, "../../..");
const PART = "xl/sharedStrings.xml";
const CORPUS = [path.resolve(ROOT, "shared/corpus/poi/xlsx"), path.resolve(ROOT, "../shared/corpus/poi/xlsx")].find((p) => existsSync(p));

type Outcome = { strings: SharedStrings } | { code: string; message: string; messageEn: string };

function outcome(read: () => SharedStrings): Outcome {
  try {
    return { strings: read() };
  } catch (e) {
    const err = e as { code?: string; message: string; messageEn?: string };
    return { code: err.code ?? `not an XlsxReadError: ${String(e)}`, message: err.message, messageEn: err.messageEn ?? "" };
  }
}

/** A package holding only the shared-strings part, deflated as writers do. */
function partZip(xml: string | Uint8Array): Uint8Array {
  return zipSync({ [PART]: typeof xml === "string" ? strToU8(xml) : xml });
}

/** Today's reading (saxes) and the scanner's, each on a fresh archive so inflation budgets start equal. */
function bothWays(zipBytes: Uint8Array, limits: XlsxLimits, part = PART): { sax: Outcome; scanned: Outcome } {
  const sax = outcome(() => {
    const zip = new ZipArchive(zipBytes, limits);
    return readSharedStringsSax(zip, zip.get(part), limits);
  });
  const scanned = outcome(() => {
    const zip = new ZipArchive(zipBytes, limits);
    return readSharedStrings(zip, zip.get(part), limits);
  });
  return { sax, scanned };
}

/** The scanner alone, fed `chunk` bytes at a time, with no saxes behind it. */
function scanOnly(bytes: Uint8Array, chunk: number, limits = resolveLimits()): SharedStrings {
  const scanner = new SharedStringsScanner(PART, limits);
  for (let i = 0; i < bytes.length; i += chunk) scanner.pushBytes(bytes.subarray(i, i + chunk));
  return scanner.finish();
}

/** Why the scanner handed a part to saxes, or "" when it read the part itself. */
function fallbackReason(xml: string, limits = resolveLimits()): string {
  try {
    scanOnly(new TextEncoder().encode(xml), 4096, limits);
    return "";
  } catch (e) {
    if (e instanceof SharedStringsFallback) return e.reason;
    throw e;
  }
}

const sst = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="9" uniqueCount="9">${items}</sst>`;

const RICH = sst(
  [
    `<si><t>共建单位</t></si>`,
    `<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>共建</t></r><r><t xml:space="preserve"> 单位 </t></r><rPh sb="0" eb="2"><t>きょうけん</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>`,
    `<si><t>a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x41;&#66; &#x1F61C;😀</t></si>`,
    `<si><t>line1\r\nline2\rline3&#13;kept_x000D_cr</t></si>`,
    `<si><t><![CDATA[<x> & ]] \r\n]]></t></si>`,
    `<si><t/></si>`,
    `<si/>`,
    `<si><r><t>_x00</t></r><r><t>41_ and _x005F_x0041_</t></r></si>`,
    `<si><t>tab\there <!-- a comment, <t>not text</t> --> after</t></si>`,
    `<si><x:t xmlns:x="${"http://schemas.openxmlformats.org/spreadsheetml/2006/main"}">prefixed</x:t></si>`,
  ].join("\n"),
);

const RICH_EXPECTED = [
  "共建单位",
  "共建 单位 ",
  `a&b <c> "d" 'e' AB 😜😀`,
  "line1\nline2\nline3\rkept\rcr",
  "<x> & ]] \n",
  "",
  "",
  "A and _x0041_",
  "tab\there  after",
  "prefixed",
];

describe("the shared-strings scanner", () => {
  it("joins rich runs, leaves out phonetic runs and decodes entities, escapes, CDATA and line ends as saxes did", () => {
    expect(scanOnly(strToU8(RICH), 1 << 20)).toEqual(RICH_EXPECTED);
    expect(bothWays(partZip(RICH), resolveLimits())).toEqual({ sax: { strings: RICH_EXPECTED }, scanned: { strings: RICH_EXPECTED } });
  });

  it.each([1, 7, 4096])("gives the same strings when fed %i bytes at a time", (chunk) => {
    expect(scanOnly(strToU8(RICH), chunk)).toEqual(RICH_EXPECTED);
  });

  it("decodes each plain item's bytes exactly as TextDecoder decodes them, malformed UTF-8 included", () => {
    const utf8 = new TextEncoder();
    const pieces = [
      utf8.encode("统一社会信用代码统一社会信用代码"), // 3-byte characters, long enough to leave the short path
      utf8.encode("Ünïcödé ünïcödé ü"), // 2-byte characters
      utf8.encode("DZBH2022-0000001"),
      utf8.encode("😀 and more text 😜"), // 4-byte characters
      Uint8Array.of(0x41, 0xc0, 0xaf, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c), // overlong '/'
      Uint8Array.of(0x41, 0xe0, 0x80, 0xaf, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b), // overlong, 3 bytes
      Uint8Array.of(0xed, 0xa0, 0x80, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c), // an encoded surrogate
      Uint8Array.of(0x80, 0x42, 0xe4, 0xb8, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c), // stray and cut-short
    ];
    const parts: Uint8Array[] = [utf8.encode(sst("").replace("</sst>", ""))];
    for (const p of pieces) parts.push(utf8.encode("<si><t>"), p, utf8.encode("</t></si>"));
    parts.push(utf8.encode("</sst>"));
    const bytes = concatBytes(...parts);
    const expected = pieces.map((p) => new TextDecoder().decode(p));
    for (const chunk of [1, 5, 4096]) expect(scanOnly(bytes, chunk)).toEqual(expected);
  });

  it("reads a UTF-16 part (with its byte-order mark) to the same strings", () => {
    const text = `\uFEFF${RICH.replace('encoding="UTF-8"', 'encoding="UTF-16"')}`;
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i) & 0xff;
      le[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    for (const chunk of [1, 7, 4096]) expect(scanOnly(le, chunk)).toEqual(RICH_EXPECTED);
    expect(bothWays(partZip(le), resolveLimits()).scanned).toEqual({ strings: RICH_EXPECTED });
  });

  it("keeps a string over maxCellChars as null, judged after _xHHHH_ escapes shrink it", () => {
    const limits = resolveLimits({ maxCellChars: 5 });
    const xml = sst(
      `<si><t>abcde</t></si><si><t>abcdef</t></si><si><t>_x0041__x0042__x0043__x0044__x0045_</t></si><si><t>${"x".repeat(36)}</t></si><si><t>ok</t></si>`,
    );
    const expected = ["abcde", null, "ABCDE", null, "ok"];
    expect(scanOnly(strToU8(xml), 3, limits)).toEqual(expected);
    expect(bothWays(partZip(xml), limits)).toEqual({ sax: { strings: expected }, scanned: { strings: expected } });
  });

  it("reads a large part of plain items to the strings saxes gives, with a rich item or an entity among them, at any chunk size", () => {
    const plain = Array.from({ length: 3000 }, (_, i) =>
      i % 3 === 0
        ? `<si><t>DZBH2022-${String(i).padStart(7, "0")}</t></si>`
        : i % 3 === 1
          ? `<si><t xml:space="preserve"> 某市第${i}建设有限公司 😀 </t></si>`
          : `<si><t>_x0041_${i}</t></si>`,
    );
    const withRich = [...plain];
    withRich.splice(1700, 0, `<si><r><t>共建</t></r><r><t>单位</t></r></si>`);
    const withEntity = [...plain];
    withEntity.splice(10, 0, `<si><t>a&amp;b</t></si>`);
    for (const items of [plain, withRich, withEntity]) {
      const xml = sst(items.join(""));
      const { sax, scanned } = bothWays(partZip(xml), resolveLimits());
      expect((sax as { strings: SharedStrings }).strings).toHaveLength(items.length);
      expect(scanned).toEqual(sax);
      for (const chunk of [1 << 20, 65536, 4093])
        expect(scanOnly(strToU8(xml), chunk)).toEqual((sax as { strings: SharedStrings }).strings);
    }
  });

  it("reads shared strings through readXlsx exactly as the cells use them", () => {
    const bytes = handXlsx({
      sheets: [{ name: "电子保函", xml: worksheet(`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>3</v></c></row>`) }],
      sharedStrings: RICH.slice(RICH.indexOf("<si>"), RICH.lastIndexOf("</sst>")),
    });
    expect(readXlsx(bytes).tables[0].values).toEqual([["共建 单位 ", "line1\nline2\nline3\rkept\rcr"]]);
  });
});

describe("the scanner against saxes, on real workbooks", () => {
  const files = [
    path.join(ROOT, "examples/sample-ledgers.xlsx"),
    ...["eg-1000-v3.xlsx", "eg-10000-v3.xlsx", "eg-100000-v3.xlsx"].map((f) => path.join(ROOT, "bench/data", f)),
  ].filter((f) => existsSync(f));

  it.each(files.map((f) => [path.relative(ROOT, f), f]))("reads %s to the same strings, without falling back", (_, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const limits = resolveLimits();
    const entry = readWorkbookInfo(new ZipArchive(bytes, limits), limits).sharedStrings;
    expect(entry).toBeDefined();
    const { sax, scanned } = bothWays(bytes, limits, entry!.name);
    expect("strings" in sax && sax.strings.length).toBeGreaterThan(10);
    expect(scanned).toEqual(sax);
    const zip = new ZipArchive(bytes, limits);
    const scanner = new SharedStringsScanner(entry!.name, limits);
    zip.stream(zip.get(entry!.name)!, (c) => scanner.pushBytes(c));
    expect(scanner.finish()).toEqual((sax as { strings: SharedStrings }).strings);
  });

  const corpusIt = CORPUS ? it : it.skip;
  corpusIt(
    "agrees with saxes on the shared strings of every POI corpus file, falling back only for the DOCTYPE bombs",
    () => {
      const limits = resolveLimits();
      const fellBack: string[] = [];
      const differ: string[] = [];
      let compared = 0;
      for (const file of readdirSync(CORPUS!)
        .filter((f) => f.endsWith(".xlsx"))
        .sort()) {
        const bytes = new Uint8Array(readFileSync(path.join(CORPUS!, file)));
        let entry;
        try {
          entry = readWorkbookInfo(new ZipArchive(bytes, limits), limits).sharedStrings;
        } catch {
          continue;
        }
        if (!entry) continue;
        compared++;
        const { sax, scanned } = bothWays(bytes, limits, entry.name);
        if (JSON.stringify(sax) !== JSON.stringify(scanned)) differ.push(file);
        try {
          const zip = new ZipArchive(bytes, limits);
          const scanner = new SharedStringsScanner(entry.name, limits);
          zip.stream(zip.get(entry.name)!, (c) => scanner.pushBytes(c));
          scanner.finish();
        } catch (e) {
          if (!(e instanceof SharedStringsFallback)) throw e;
          fellBack.push(file);
        }
      }
      expect(differ).toEqual([]);
      expect(fellBack).toEqual(["54764-2.xlsx", "poc-xmlbomb-empty.xlsx"]);
      expect(compared).toBeGreaterThan(150);
    },
    120_000,
  );
});

describe("the scanner on hostile or unusual parts", () => {
  const limits = resolveLimits();

  // Each: the part, whether saxes reads it (then the strings) or refuses it (then the error's code).
  const cases: [string, string, string[] | string][] = [
    [
      "an entity declared in a DOCTYPE",
      sst(`<si><t>&a;</t></si>`).replace("<sst", `<!DOCTYPE sst [<!ENTITY a "${"x".repeat(50)}">]><sst`),
      "corrupt",
    ],
    ["a DOCTYPE whose entities are never used", sst(`<si><t>a</t></si>`).replace("<sst", `<!DOCTYPE sst [<!ENTITY a "x">]><sst`), ["a"]],
    ["an entity HTML knows but XML does not", sst(`<si><t>a&nbsp;b</t></si>`), "corrupt"],
    ["an entity name from Object.prototype", sst(`<si><t>&constructor;</t></si>`), "corrupt"],
    ["a reference to NUL", sst(`<si><t>&#0;</t></si>`), "corrupt"],
    ["a reference to a lone surrogate", sst(`<si><t>&#xD800;</t></si>`), "corrupt"],
    ["a hexadecimal reference written &#X", sst(`<si><t>&#X41;</t></si>`), "corrupt"],
    ["an ampersand without a semicolon", sst(`<si><t>A & B</t></si>`), "corrupt"],
    ["an entity in an attribute that XML does not define", sst(`<si><t a="&b;">x</t></si>`), "corrupt"],
    ["a literal control character", sst(`<si><t>a\u0001b</t></si>`), "corrupt"],
    ["a literal U+FFFE", sst(`<si><t>a\uFFFEb</t></si>`), "corrupt"],
    ["]]> in text", sst(`<si><t>a]]>b</t></si>`), "corrupt"],
    ["a closing tag that does not match", sst(`<si><t>a</si>`), "corrupt"],
    ["a part cut off before its root closes", sst(`<si><t>a</t></si>`).replace("</sst>", ""), "corrupt"],
    ["a part cut off inside a tag", sst(`<si><t>a</t></si>`).replace("</sst>", "</ss"), "corrupt"],
    ["an empty part", "", "corrupt"],
    ["text outside the root", sst(`<si><t>a</t></si>`) + "junk", "corrupt"],
    ["a second root", sst(`<si><t>a</t></si>`) + "<sst/>", "corrupt"],
    ["a repeated attribute", sst(`<si><t a="1" a="2">x</t></si>`), "corrupt"],
    ["attributes without whitespace between them", sst(`<si><t a="1"b="2">x</t></si>`), "corrupt"],
    ["'<' in an attribute value", sst(`<si><t a="<">x</t></si>`), "corrupt"],
    ["'--' inside a comment", sst(`<si><t>a<!-- x -- y -->b</t></si>`), "corrupt"],
    ["whitespace before the XML declaration", " " + sst(`<si><t>a</t></si>`), "corrupt"],
    ["an XML 1.1 declaration", sst(`<si><t>a\u0085b</t></si>`).replace('version="1.0"', 'version="1.1"'), ["a\nb"]],
    ["a processing instruction inside an item", sst(`<si><t>a<?pi data?>b</t></si>`), ["ab"]],
    ["spaces around = and in closing tags", sst(`<si><t a = '1' >a</t ></si >`), ["a"]],
    ["a t inside a phonetic run inside a t", sst(`<si><t>a<rPh><t>b</t></rPh>c</t></si>`), ["ab"]],
    ["an item inside an item", sst(`<si><t>a</t><si><t>b</t></si><t>c</t></si>`), ["b"]],
    ["a root named si", `<si><t>alone</t></si>`, ["alone"]],
    ["a string of 1 000 000 characters", sst(`<si><t>${"长".repeat(1_000_000)}</t></si><si><t>短</t></si>`), ["", "短"]],
    ["XML nested deeper than the limit", sst(`<si>${"<r>".repeat(70)}${"</r>".repeat(70)}</si>`), "limit_depth"],
  ];

  it.each(cases)("meets %s with exactly the outcome saxes gives", (_, xml, expected) => {
    const { sax, scanned } = bothWays(partZip(xml), limits);
    expect(scanned).toEqual(sax);
    if (typeof expected === "string") expect(sax).toEqual(expect.objectContaining({ code: expected }));
    // A null (too long) string is listed as "" above for brevity.
    else expect("strings" in sax ? sax.strings.map((s) => s ?? "") : sax).toEqual(expected);
  });

  it("hands every case saxes refuses to saxes rather than guessing, and reads the plain ones itself", () => {
    const decided = cases.map(([name, xml, expected]) => [
      name,
      typeof expected === "string" && expected !== "limit_depth" ? fallbackReason(xml) !== "" : null,
    ]);
    expect(decided.filter(([, fell]) => fell === false)).toEqual([]);
    expect(fallbackReason(sst(`<si><t a = '1' >a</t ></si >`))).toBe("");
    expect(fallbackReason(sst(`<si><t>${"长".repeat(1_000_000)}</t></si>`))).toBe("");
    expect(fallbackReason(`<si><t>alone</t></si>`)).toBe("");
  });

  it("counts a self-closing element as a level of nesting, as saxes does", () => {
    const small = resolveLimits({ maxXmlDepth: 4 });
    const at = (levels: number) => `<sst>${"<r>".repeat(levels - 2)}<b/>${"</r>".repeat(levels - 2)}</sst>`;
    for (const levels of [4, 5]) {
      const { sax, scanned } = bothWays(partZip(at(levels)), small);
      expect(scanned).toEqual(sax);
      expect("code" in scanned ? scanned.code : "read").toBe(levels === 4 ? "read" : "limit_depth");
    }
  });

  it("names the part and the limit in the depth error, in both languages", () => {
    const { scanned } = bothWays(partZip(sst(`<si>${"<r>".repeat(70)}${"</r>".repeat(70)}</si>`)), limits);
    expect(scanned).toEqual({
      code: "limit_depth",
      message: "文件中的 xl/sharedStrings.xml XML 嵌套超过 64 层的上限（maxXmlDepth），疑似恶意文件",
      messageEn: "Part xl/sharedStrings.xml nests XML deeper than the 64-level limit (maxXmlDepth); the file looks malicious",
    });
  });

  it("counts the bytes of a part re-read by saxes only once against maxUncompressedBytes", () => {
    const xml = sst(`<si><t>a&nbsp;</t></si>`);
    const zip = new ZipArchive(partZip(xml), limits);
    expect(() => readSharedStrings(zip, zip.get(PART), limits)).toThrow(expect.objectContaining({ code: "corrupt" }));
    expect(zip.inflated).toBe(strToU8(xml).length);
  });
});

describe("the scanner against saxes on generated parts", () => {
  const limits = resolveLimits();
  const piece = fc.constantFrom(
    "<si>",
    "</si>",
    "<si/>",
    "<t>",
    "</t>",
    "<t/>",
    "<r>",
    "</r>",
    "<rPh>",
    "</rPh>",
    "<x:t>",
    "</x:t>",
    "<rPr><b/></rPr>",
    '<t xml:space="preserve">',
    "<phoneticPr/>",
    "a",
    "共建",
    "😀",
    " ",
    "\r",
    "\r\n",
    "\n",
    "&amp;",
    "&lt;",
    "&#x41;",
    "&#13;",
    "&bad;",
    "&",
    "]]>",
    "]]",
    "]",
    "<![CDATA[x]]>",
    "<![CDATA[",
    "<!--c-->",
    "<!--",
    "_x0041_",
    "_x00",
    "41_",
    "<",
    ">",
    '"',
    "\u0001",
  );
  const body = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(""));

  it("gives the same strings or the same error for any jumble of sst pieces, at any chunk size", () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 64 }), (inner, chunk) => {
        const xml = `<?xml version="1.0"?><sst>${inner}</sst>`;
        const { sax, scanned } = bothWays(partZip(xml), limits);
        expect(scanned).toEqual(sax);
        // The scanner alone either agrees with saxes or declines; it never reads something else.
        let alone: Outcome | "declined";
        try {
          alone = { strings: scanOnly(strToU8(xml), chunk) };
        } catch (e) {
          if (!(e instanceof SharedStringsFallback)) throw e;
          alone = "declined";
        }
        if (alone !== "declined") expect(alone).toEqual(sax);
      }),
      { numRuns: 1500 },
    );
  });

  it("reads every well-formed item list itself, whatever the text, at any chunk size", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "中", "😀", "&", "<", ">", "]", "\r", "\n", "\t", "_", "x", "0", "D", '"', " ") });
    const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const item = fc.oneof(
      text.map((t) => `<si><t xml:space="preserve">${escape(t)}</t></si>`),
      // The plain form, read straight from the bytes when the state allows; a newline between
      // items, as pretty-printing writers leave, must not change that.
      text.map((t) => `<si><t>${escape(t)}</t></si>`),
      text.map((t) => `\n  <si><t>${escape(t)}</t></si>`),
      fc
        .array(text, { minLength: 1, maxLength: 3 })
        .map((rs) => `<si>${rs.map((r) => `<r><rPr><b/></rPr><t>${escape(r)}</t></r>`).join("")}<rPh sb="0" eb="1"><t>ふ</t></rPh></si>`),
      text.map((t) => `<si><t><![CDATA[${t.replace(/]]>/g, "")}]]></t></si>`),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.integer({ min: 1, max: 64 }), (items, chunk) => {
        const xml = sst(items.join(""));
        const { sax } = bothWays(partZip(xml), limits);
        expect(scanOnly(strToU8(xml), chunk)).toEqual((sax as { strings: SharedStrings }).strings);
      }),
      { numRuns: 500 },
    );
  });
});
