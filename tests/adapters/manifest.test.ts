// The manifest is checked offline against the add-in manifest XSDs (office-addin-manifest validate
// needs the network), plus the promises the schema cannot express: both hosts, TabHome buttons,
// every string in English too, no host-specific requirement sets, icons that exist at their size.
import * as fs from "fs";
import * as path from "path";
import { MANIFEST_SCHEMA_DIR, manifestSchemasPresent, validateManifest } from "../helpers/manifest-schema";

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
// The promises below are about elements; the manifest's own comments may mention what it leaves out.
const elements = manifest.replace(/<!--[\s\S]*?-->/g, "");
const schemasPresent = manifestSchemasPresent();

if (!schemasPresent) {
  console.warn(`manifest schema checks skipped: no schemas at ${MANIFEST_SCHEMA_DIR}`);
}
const describeWithSchemas = schemasPresent ? describe : describe.skip;

describeWithSchemas("manifest.xml against the add-in manifest schema", () => {
  it("validates against OfficeAppManifestV1_1 and its imports", async () => {
    const result = await validateManifest(manifest);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("fails when an element is out of order (DisplayName before DefaultLocale)", async () => {
    const displayName = manifest.match(/<DisplayName[\s\S]*?<\/DisplayName>\s*/)![0];
    const swapped = manifest.replace(displayName, "").replace("<DefaultLocale>", `${displayName}<DefaultLocale>`);
    expect(swapped).not.toBe(manifest);
    const result = await validateManifest(swapped);
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => /DisplayName/.test(e.message))).toBe(true);
  });
});

describe("manifest.xml promises beyond the schema", () => {
  it("declares both hosts, Workbook and Document, with Chinese as the default locale", () => {
    expect([...elements.matchAll(/<Host Name="(\w+)"\/>/g)].map((m) => m[1])).toEqual(["Workbook", "Document"]);
    expect(elements).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
  });

  it("puts no requirement sets in the base manifest, so neither host is blocked", () => {
    expect(elements).not.toMatch(/<Requirements>|<Set\s/);
  });

  it("adds a button on the Home tab of each host that opens the task pane", () => {
    for (const host of ["Workbook", "Document"]) {
      const block = elements.match(new RegExp(`<Host xsi:type="${host}">([\\s\\S]*?)</Host>`))![1];
      expect(block).toContain('<OfficeTab id="TabHome">');
      expect(block).toContain('<Action xsi:type="ShowTaskpane">');
      expect(block).toContain('<SourceLocation resid="Taskpane.Url"/>');
    }
  });

  it("gives every Chinese string an en-US override", () => {
    const strings = [...elements.matchAll(/<(bt:String|DisplayName|Description) (?:id="[^"]*" )?DefaultValue="([^"]*)">([\s\S]*?)<\/\1>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(8);
    for (const [, , zh, body] of strings) {
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(body).toMatch(/Override Locale="en-US" Value="[^"\u4e00-\u9fff]+"/);
    }
  });

  it("points every icon at a PNG in assets/ whose pixel size matches its name", () => {
    const icons = [...new Set([...elements.matchAll(/assets\/(icon-(\d+)\.png)/g)].map((m) => m[1]))].sort();
    expect(icons).toEqual(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    for (const icon of icons) {
      const size = Number(icon.match(/\d+/)![0]);
      const png = fs.readFileSync(path.join(root, "assets", icon));
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describeWithSchemas("the production manifest (npm run build with LEDGER_REPORT_URL)", () => {
  const { productionManifest } = require("../../scripts/manifest-url.cjs") as { productionManifest: (xml: string, url: string) => string };

  it("rewrites every localhost URL, AppDomain to the host's origin, and still validates", async () => {
    const out = productionManifest(manifest, "https://oa.example.gov.cn/ledger-report/");
    expect(out).not.toMatch(/localhost/i);
    expect(out).toContain("<AppDomain>https://oa.example.gov.cn</AppDomain>");
    expect(out).toContain('<SourceLocation DefaultValue="https://oa.example.gov.cn/ledger-report/taskpane.html"/>');
    expect(out).toContain('DefaultValue="https://oa.example.gov.cn/ledger-report/assets/icon-32.png"');
    const result = await validateManifest(out);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  });

  it("adds the trailing slash a folder address needs", () => {
    expect(productionManifest(manifest, "https://oa.example.gov.cn/lr")).toContain("https://oa.example.gov.cn/lr/taskpane.html");
  });

  it("refuses an http address: Office loads add-ins over HTTPS only", () => {
    expect(() => productionManifest(manifest, "http://oa.example.gov.cn/ledger-report/")).toThrow(/https/);
  });

  it("rewrites URLs only, so its comment still reads as written", () => {
    const comment = (xml: string) => /<!--([\s\S]*?)-->/.exec(xml)?.[1];
    expect(comment(productionManifest(manifest, "https://oa.example.gov.cn/ledger-report/"))).toBe(comment(manifest));
  });
});
