// What the browser tests share: the Chromium launch, the scenario runner and its report, and the
// checks every pane screen gets. Not named *.e2e.mjs, so scripts/test.mjs does not run it as a test.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startPlaygroundServer } from "../../scripts/playground.mjs";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const shots = join(repo, "docs", "screenshots");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const TIMEOUT = 30_000;

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** Exits with 2 when the playground build or Chromium is missing: nothing to test yet. */
export function requirePlaygroundAndChromium() {
  if (!existsSync(join(repo, "dist-playground", "index.html"))) {
    console.error("dist-playground/ is missing: run `npx webpack --mode production --env playground` first.");
    process.exit(2);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`No Chromium at ${CHROMIUM} (set CHROMIUM_PATH).`);
    process.exit(2);
  }
  mkdirSync(shots, { recursive: true });
}

// Each e2e script runs in its own process, so one list of results per process is enough.
const results = [];
let failed = 0;
export async function scenario(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    results.push(`FAIL ${name}: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    if (process.env.E2E_VERBOSE) console.error(error);
  }
}

/** Prints every scenario's line and exits non-zero if any failed. */
export function reportScenarios() {
  console.log(results.join("\n"));
  console.log(`${results.length - failed}/${results.length} scenarios passed; screenshots in ${shots}`);
  process.exit(failed ? 1 : 0);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** A fresh Chinese-locale context at a desktop viewport; the pane's width comes from the query. */
export async function openPane(browser, url, query, contextOptions = {}) {
  const context = await browser.newContext({
    viewport: { width: 900, height: 1000 },
    acceptDownloads: true,
    locale: "zh-CN",
    ...contextOptions,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${url}?${query}`);
  return { page, context, pageErrors };
}

/** The clerk's pane must never scroll sideways at task-pane widths. */
export async function assertNoHorizontalScroll(page, where) {
  const { scrollWidth, clientWidth } = await page
    .locator("#pane")
    .evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  assert(scrollWidth <= clientWidth, `${where}: pane scrolls sideways (${scrollWidth} > ${clientWidth} px)`);
}

export async function shot(page, name) {
  await page.locator("#pane").screenshot({ path: join(shots, `${name}.png`) });
}

/** Text of every w:t inside the content control tagged lr:<id>, with XML entities decoded. */
export function slotTexts(documentXml) {
  const slots = new Map();
  for (const sdt of documentXml.match(/<w:sdt>[\s\S]*?<\/w:sdt>/g) ?? []) {
    const tag = /<w:tag w:val="lr:([^"]+)"\/>/.exec(sdt)?.[1];
    const content = /<w:sdtContent>([\s\S]*?)<\/w:sdtContent>/.exec(sdt)?.[1] ?? "";
    const text = [...content.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    if (tag) slots.set(tag, (slots.get(tag) ?? []).concat(text.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">")));
  }
  return slots;
}

/**
 * Starts the playground server and Chromium, runs the scenarios `body` registers with `scenario`,
 * closes both whatever happened, then reports and exits.
 */
export function runScenarios(body) {
  (async () => {
    requirePlaygroundAndChromium();
    const { server, url } = await startPlaygroundServer({ port: 0 });
    const browser = await launchBrowser();
    try {
      await body(browser, url);
    } finally {
      await browser.close();
      server.close();
    }
    reportScenarios();
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
