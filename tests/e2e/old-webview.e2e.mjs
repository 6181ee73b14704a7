// The real task pane (dist/taskpane.html, the production build) opened as Office 2016/2019 would show
// it: in Internet Explorer 11 (Trident) or legacy Edge (EdgeHTML). There the ES2020 bundle does not
// parse; the ES5 check served beside it must explain, in the clerk's language, instead of a blank pane.
// Chromium cannot fail to parse the bundle the way IE does, so the IE scenario also blocks the bundle:
// the message must not depend on it. office.js comes from the npm package (no network here).
//   npx webpack --mode production && node tests/e2e/old-webview.e2e.mjs
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startPlaygroundServer } from "../../scripts/playground.mjs";
import { CHROMIUM, TIMEOUT, assert, launchBrowser, repo, reportScenarios, scenario, shots } from "./harness.mjs";

if (!existsSync(join(repo, "dist", "taskpane.html")) || !existsSync(join(repo, "dist", "unsupported-webview.js"))) {
  // scripts/test.mjs builds only the playground: build the production pane this test opens.
  const built = spawnSync(process.execPath, [join(repo, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], {
    cwd: repo,
    stdio: "inherit",
  });
  if (built.status !== 0) process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM} (set CHROMIUM_PATH).`);
  process.exit(2);
}

const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.17763";

const OFFICE_JS_DIR = join(repo, "node_modules", "@microsoft", "office-js", "dist");
const { server, url } = await startPlaygroundServer({ dist: join(repo, "dist"), port: 0 });
const browser = await launchBrowser();

async function open({ userAgent, locale, blockBundle }) {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, userAgent, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  // office.js and the files it loads, from the npm package, as the CDN would serve them.
  await page.route("https://appsforoffice.microsoft.com/**", (route) => {
    const file = join(OFFICE_JS_DIR, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""));
    return file.startsWith(OFFICE_JS_DIR) && existsSync(file)
      ? route.fulfill({ path: file, contentType: "text/javascript" })
      : route.abort();
  });
  if (blockBundle) await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.abort());
  await page.goto(`${url}taskpane.html`);
  return { page, context, requests };
}

/** The ES5 check's message, once shown, with each thing it must say (phrase → what is missing without it). */
async function unsupportedMessage(page, mustSay) {
  const box = page.locator("#unsupported-webview");
  await box.waitFor({ state: "visible" });
  const text = await box.innerText();
  for (const [phrase, missing] of mustSay) assert(text.includes(phrase), `${missing}: ${text.slice(0, 80)}`);
  return { box, text };
}

await scenario("Internet Explorer 11 (Trident), zh-CN, bundle unparseable: a Chinese message, not a blank pane", async () => {
  const { page, context, requests } = await open({ userAgent: IE11, locale: "zh-CN", blockBundle: true });
  const { box } = await unsupportedMessage(page, [
    ["此版本的 Office 无法运行台账成文加载项", "no Chinese title"],
    ["Internet Explorer 11", "does not name the webview"],
    ["Word 2016 只支持 WordApi 1.1", "does not say Word 2016 has WordApi 1.1 only"],
    ["Microsoft 365", "does not say which Office works"],
    ["Office 2021 及更新版本（零售版、批量许可版均可）", "does not say volume-licensed Office 2021 works"],
    ["ledger-report generate", "does not name the command line"],
    ["总是用 Internet Explorer 11", "does not say volume-licensed 2016/2019 cannot be changed"],
  ]);
  assert((await box.getAttribute("lang")) === "zh-CN", "not marked zh-CN");
  assert(
    requests.some((r) => r.endsWith("/unsupported-webview.js")),
    "the check was not loaded from the add-in's origin",
  );
  await page.screenshot({ path: join(shots, "old-webview-trident-zh-320.png"), fullPage: true });
  // The one control: the link to the offline web page, beside the add-in.
  const link = page.locator("#unsupported-webview-web-page");
  const href = await link.getAttribute("href");
  assert(href === `${url}web/index.html`, `the web page link is ${href}`);
  const [popup] = await Promise.all([context.waitForEvent("page"), link.click()]);
  assert(popup.url() === `${url}web/index.html`, `the link opened ${popup.url()}`);
  await popup.close();
  // The pane is still the message after the click.
  assert(await box.isVisible(), "the message went away");
  await context.close();
});

await scenario("legacy Edge (EdgeHTML), en-US: the English message, and the pane's bundle does not start", async () => {
  const { page, context } = await open({ userAgent: EDGE_HTML, locale: "en-US", blockBundle: false });
  const { text } = await unsupportedMessage(page, [
    ["This version of Office cannot run the Ledger Report add-in", "no English title"],
    ["legacy Edge", "does not name the webview"],
    ["Word 2016 has WordApi 1.1 only", "does not say Word 2016 has WordApi 1.1 only"],
    ["install the Microsoft Edge WebView2 Runtime on this computer", "does not say what fixes legacy Edge"],
  ]);
  assert(!/Word 2016 or later/.test(text), "still says Word 2016 works");
  assert(!/Office 2021 or later retail/.test(text), "still says only retail Office 2021 works");
  await page.waitForLoadState("load");
  await page.waitForTimeout(500);
  const children = await page.locator("#root > *").count();
  assert(children === 1, `the root holds ${children} elements: the pane started beside the message`);
  await page.screenshot({ path: join(shots, "old-webview-edgehtml-en-320.png"), fullPage: true });
  await context.close();
});

await scenario("a current webview (Chromium): no message, the pane starts", async () => {
  const { page, context } = await open({ locale: "zh-CN", blockBundle: false });
  await page.waitForFunction(() => (document.getElementById("root")?.children.length ?? 0) > 0);
  assert((await page.locator("#unsupported-webview").count()) === 0, "the message shows on a current webview");
  await context.close();
});

await browser.close();
server.close();
reportScenarios();
