// The intranet build: LEDGER_REPORT_OFFICE_JS=local LEDGER_REPORT_URL=https://host/path/ npm run build.
// Built here into dist-intranet/, then checked: office.js is served from the add-in's own origin, no
// page or script of ours names another origin, no source maps ship, the manifest names no localhost
// and validates against the add-in manifest XSD, and the pane opened in Chromium requests nothing
// outside its own origin while office.js starts it.
//   node tests/e2e/intranet.e2e.mjs
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { manifestSchemasPresent, validateManifest } from "../helpers/manifest-schema.js";
import { startPlaygroundServer } from "../../scripts/playground.mjs";
import { CHROMIUM, TIMEOUT, assert, launchBrowser, repo, reportScenarios, scenario } from "./harness.mjs";

if (!existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM} (set CHROMIUM_PATH).`);
  process.exit(2);
}
const HOST = "https://oa.example.gov.cn/ledger-report/";
const out = join(repo, "dist-intranet");
// INTRANET_REUSE_BUILD=1 checks an existing dist-intranet/ again without the (slow) build.
const reuse = process.env.INTRANET_REUSE_BUILD === "1" && existsSync(join(out, "taskpane.html"));
const built = reuse
  ? { status: 0 }
  : spawnSync(process.execPath, [join(repo, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], {
      cwd: repo,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, LEDGER_REPORT_OFFICE_JS: "local", LEDGER_REPORT_URL: HOST, LEDGER_REPORT_OUT: "dist-intranet" },
    });
if (built.status !== 0) {
  console.error("the intranet build failed");
  process.exit(1);
}

const files = readdirSync(out, { recursive: true }).map(String);
const ours = files.filter((f) => !f.startsWith("office-js") && /\.(html|js|css|xml)$/.test(f));
/**
 * XML namespace names, and links inside libraries' error texts (docx: "Read more here: https://answers.microsoft.com/…"):
 * strings the code compares or prints, never fetched — the browser scenario below proves nothing is.
 */
const IDENTIFIER_HOSTS =
  /^(schemas\.openxmlformats\.org|schemas\.microsoft\.com|www\.w3\.org|purl\.org|purl\.oclc\.org|ns\.adobe\.com|reactjs\.org|react\.dev|github\.com|fb\.me|mths\.be|answers\.microsoft\.com)$/;

await scenario("serves office.js and its host files from the add-in's own folder, and ships no source maps", async () => {
  assert(existsSync(join(out, "office-js", "office.js")), "no office-js/office.js");
  assert(
    existsSync(join(out, "office-js", "excel-win32-16.01.js")) && existsSync(join(out, "office-js", "word-win32-16.01.js")),
    "host files missing",
  );
  assert(existsSync(join(out, "office-js", "zh-cn", "office_strings.js")), "string files missing");
  const maps = files.filter((f) => f.endsWith(".map"));
  assert(maps.length === 0, `source maps shipped: ${maps.slice(0, 3).join(", ")}`);
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
  assert(scripts.length >= 3 && scripts.every((s) => !/^(https?:)?\/\//.test(s)), `a script from elsewhere: ${scripts.join(", ")}`);
  assert(scripts[0] === "office-js/office.js", `office.js is not first: ${scripts[0]}`);
  const csp = /Content-Security-Policy["']?\s+content=(["'])(.*?)\1/i.exec(html)?.[2] ?? "";
  assert(/script-src 'self'(;|$)/.test(csp), `the CSP allows other script origins: ${csp}`);
  // office.js carries Microsoft's telemetry frame and beacons: the page itself must refuse them.
  assert(/connect-src 'self'(;|$)/.test(csp) && /frame-src 'self'(;|$)/.test(csp), `the CSP lets frames or connections out: ${csp}`);
});

await scenario("puts the offline web page inside the add-in's folder, where the old-webview message links to it", async () => {
  assert(existsSync(join(out, "web", "index.html")), "no web/index.html in the intranet build");
  const web = files.filter((f) => f.startsWith("web") && f.endsWith(".js"));
  assert(web.length > 0, "no scripts in web/");
  const mapped = web.filter((f) => /sourceMappingURL=/.test(readFileSync(join(out, f), "utf8")));
  assert(mapped.length === 0, `scripts pointing at source maps: ${mapped.slice(0, 3).join(", ")}`);
});

await scenario("names no other origin in any page, script or manifest of its own (XML namespace names aside)", async () => {
  const external = [];
  for (const f of ours) {
    const text = readFileSync(join(out, f), "utf8");
    for (const m of text.matchAll(/\bhttps?:\/\/([A-Za-z0-9.-]+)/g)) {
      if (m[1] === "oa.example.gov.cn" || IDENTIFIER_HOSTS.test(m[1])) continue;
      external.push(`${relative(out, join(out, f))}: ${m[0]}`);
    }
  }
  assert(external.length === 0, `external URLs: ${[...new Set(external)].slice(0, 8).join("; ")}`);
});

await scenario("its manifest names no localhost, points at the intranet host, and validates against the XSD", async () => {
  const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
  assert(!/localhost/i.test(manifest), "localhost in the manifest");
  assert(manifest.includes("<AppDomain>https://oa.example.gov.cn</AppDomain>"), "AppDomain not rewritten");
  assert(manifest.includes(`${HOST}taskpane.html`), "SourceLocation not on the intranet host");
  if (!manifestSchemasPresent()) {
    console.log("(manifest XSD check skipped: no ../shared/schemas)");
    return;
  }
  const result = await validateManifest(manifest);
  assert(result.valid, `manifest invalid: ${result.errors.map((e) => e.rawMessage).join("; ")}`);
});

await scenario("opened in a browser, starts with office.js from its own origin and requests nothing from outside", async () => {
  const { server, url } = await startPlaygroundServer({ dist: out, port: 0 });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ locale: "en-US" });
    page.setDefaultTimeout(TIMEOUT);
    const outside = [];
    await page.route("**/*", (route) => {
      const u = route.request().url();
      if (u.startsWith(url) || u.startsWith("data:") || u.startsWith("blob:")) return route.continue();
      outside.push(u);
      return route.abort();
    });
    const refused = [];
    page.on("console", (m) => /Content Security Policy/i.test(m.text()) && refused.push(m.text()));
    await page.goto(`${url}taskpane.html`);
    await page.waitForFunction(() => (document.getElementById("root")?.children.length ?? 0) > 0);
    assert(await page.evaluate(() => typeof window.Office !== "undefined"), "office.js did not load");
    // office.js makes its telemetry frame a moment after it starts (a clerk saw it on every load).
    await page.waitForTimeout(3000);
    const frames = await page.evaluate(() =>
      [...document.querySelectorAll("iframe")].map((f) => f.src).filter((s) => s && !s.startsWith("about:")),
    );
    const elsewhere = frames.filter((s) => !s.startsWith(url));
    assert(outside.length === 0, `requests outside the origin: ${outside.join(", ")}`);
    // A frame pointing elsewhere is fine only when the page's own policy refused it (no request left).
    assert(elsewhere.length === 0 || refused.some((t) => /frame-src/.test(t)), `frames to other origins allowed: ${elsewhere.join(", ")}`);
    // Outside Office (an admin checking the server): what to open, in the browser's language, with the web page linked.
    const notice = await page.locator("#root").innerText();
    assert(/Open Ledger Report in Excel or Word/.test(notice), `not the English notice: ${notice.slice(0, 120)}`);
    const link = page.getByRole("link", { name: "Open the offline web page" });
    const response = await page.request.get(new URL((await link.getAttribute("href")) ?? "", page.url()).href);
    assert(response.ok(), `the web page link answers ${response.status()}`);
    const zh = await browser.newPage({ locale: "zh-CN" });
    await zh.goto(`${url}taskpane.html`);
    await zh.getByRole("link", { name: "打开离线网页版" }).waitFor();
    assert((await zh.locator("#root").innerText()).includes("请在 Excel 或 Word 中打开台账成文"), "not the Chinese notice");
  } finally {
    await browser.close();
    server.close();
  }
});

reportScenarios();
