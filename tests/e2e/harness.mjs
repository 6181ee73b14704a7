// What the browser tests share: the Chromium launch, the scenario runner and its report, and the
// checks every pane screen gets. Not named *.e2e.mjs, so scripts/test.mjs does not run it as a test.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { startPlaygroundServer } from "../../scripts/playground.mjs";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const shots = join(repo, "docs", "screenshots");
/** The sample ledgers and the clerk's own template in examples/, and the types a file picker gets. */
export const SAMPLE_LEDGERS = join(repo, "examples", "sample-ledgers.xlsx");
export const FILL_TEMPLATE = join(repo, "examples", "fill-template.docx");
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
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
  // E2E_ONLY=text runs only the scenarios whose name contains it (while working on one).
  if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) return;
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

/** The Chromium and playground server of the `runScenarios` under way (each e2e script runs one). */
let running = null;

/**
 * A scenario on one freshly opened pane: opens it with the query, runs the steps, requires that the
 * page threw nothing, and closes the context even when a step failed (the next scenario starts clean).
 * Called as `paneScenario(name, query, steps, contextOptions?)` inside `runScenarios`; the older form
 * with the browser and url first is still taken, so scenarios written on other branches merge as they are.
 */
export function paneScenario(...args) {
  if (typeof args[0] !== "string") args = args.slice(2);
  const [name, query, steps, contextOptions = {}] = args;
  return scenario(name, async () => {
    const { browser, url } = running;
    const opened = await openPane(browser, url, query, contextOptions);
    try {
      await steps(opened);
      assert(opened.pageErrors.length === 0, `page errors: ${opened.pageErrors.join("; ")}`);
    } catch (error) {
      // What the page showed when the step failed: the first thing anyone reading a red CI log wants.
      const file = join(tmpdir(), `e2e-failed-${name.replace(/[^\w\u4e00-\u9fff]+/g, "-").slice(0, 80)}.png`);
      await opened.page.screenshot({ path: file, fullPage: true }).catch(() => {});
      console.error(`FAIL ${name}: the page at failure is in ${file}`);
      throw error;
    } finally {
      await opened.context.close();
    }
  });
}

/**
 * A scenario on a pane whose workbook has ledgers: opened with `where` (a query, or `{ query, tab }`),
 * the ledgers read and shown as cards, then the tab given (if any) opened, before the steps begin.
 */
export function ledgerScenario(name, where, steps, contextOptions) {
  const { query, tab } = typeof where === "string" ? { query: where } : where;
  return paneScenario(
    name,
    query,
    async (opened) => {
      await ledgersAppear(opened.page);
      if (tab) await opened.page.getByTestId(`tab-${tab}`).click();
      await steps(opened);
    },
    contextOptions,
  );
}

/**
 * Picks an option of a Fluent Dropdown, opened from the keyboard: in headless Chromium a mouse click
 * on the Dropdown opens and closes it again.
 */
export async function pickOption(page, testId, option) {
  await page.getByTestId(testId).focus();
  await page.keyboard.press("ArrowDown");
  await page.getByRole("option", { name: option }).click();
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

// ---------------------------------------------------------------------------------------------------
// The clerk's steps in the Excel pane, named once: the scenarios differ in what they check after them.

/** Waits until the ledgers are read and shown as cards; returns how many. */
export async function ledgersAppear(page) {
  await page.getByTestId("ledger-card").first().waitFor();
  return page.getByTestId("ledger-card").count();
}

/** The Word pane's counterpart: waits until the open report's figures are listed. */
export async function wordFiguresAppear(page) {
  await page.getByTestId("word-figure").first().waitFor();
}

/**
 * The ids of the figures a list shows, in its order: the data-figure of each item with this test id
 * inside `scope` — a list or dialog (waited for until it shows), or the whole page.
 */
export async function listedFigures(scope, testId) {
  // A locator (it has evaluateAll; the page has not) is waited for until it shows.
  if (typeof scope.evaluateAll === "function") await scope.waitFor();
  return scope.getByTestId(testId).evaluateAll((items) => items.map((li) => li.getAttribute("data-figure")));
}

/** The sample workbook as a file input takes it. */
export function sampleFile(name = "sample-ledgers.xlsx") {
  return { name, mimeType: XLSX_MIME, buffer: readFileSync(SAMPLE_LEDGERS) };
}

/**
 * The sample workbook after `edit` (given the exceljs workbook) changed it, as a file input takes it:
 * how a scenario builds "the sample with one thing different".
 */
export async function editedSample(name, edit) {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(SAMPLE_LEDGERS));
  await edit(workbook);
  return { name, mimeType: XLSX_MIME, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** Gives an exceljs workbook (the sample) another 工作簿ID in 报告设置: a colleague's copy, not the report's workbook. */
export function setWorkbookId(workbook, id) {
  let found = false;
  workbook.getWorksheet("报告设置").eachRow((row) => {
    if (row.getCell(1).value === "工作簿ID") {
      row.getCell(2).value = id;
      found = true;
    }
  });
  assert(found, "the sample's 报告设置 has no 工作簿ID row");
}

/** The clerk opens another workbook in the simulated Excel (its side panel): the pane reads it. */
export async function openWorkbookInExcel(page, file) {
  await page.getByTestId("sim-file-input").setInputFiles(file);
  await page.waitForFunction((name) => document.querySelector("[data-testid=sim-file]")?.textContent === name, file.name);
  return ledgersAppear(page);
}

/** 生成报告 on the generate tab, waiting for the result (answering 仍然生成 if it asks first). */
export async function generateReport(page) {
  await page.getByTestId("tab-generate").click();
  await generateAnswering(page);
}

/**
 * Clicks 生成报告, which first asks about 待补 places, 0s no record supports and figures that may be
 * short (the sample's 学习记录 and 电子保函 have rows left out): answers 仍然生成 when asked. Resolves to
 * what the question listed ("" when none was asked) once the report is made.
 */
export async function generateAnswering(page) {
  await page.getByTestId("generate").click();
  const outcome = await Promise.race([
    page
      .getByTestId("result")
      .waitFor()
      .then(() => "result"),
    page
      .getByTestId("unresolved-confirm")
      .waitFor()
      .then(() => "ask"),
  ]);
  let said = "";
  if (outcome === "ask") {
    said = await page.getByTestId("unresolved-dialog").textContent();
    await page.getByTestId("unresolved-confirm").click();
    // The dialog fades out after the answer: until it is gone its backdrop takes the pane's clicks.
    await page.getByTestId("unresolved-dialog").waitFor({ state: "detached" });
  }
  await page.getByTestId("result").waitFor();
  return said;
}

/**
 * Clicks the control that downloads a file and returns what came: its name, its bytes, the file as a
 * file input takes it back, and (for a .docx) the texts of its linked figures by id.
 */
export async function downloadBy(page, testId) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return downloaded(file);
}

/** What a download brought: its name, bytes, the file as an input takes it back, a .docx's parts and figure texts. */
async function downloaded(file) {
  const name = file.suggestedFilename();
  const bytes = readFileSync(await file.path());
  return {
    name,
    bytes,
    file: { name, mimeType: DOCX_MIME, buffer: bytes },
    parts: () => unzipSync(new Uint8Array(bytes)),
    slots: () => slotTexts(strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"])),
  };
}

/**
 * Clicks a review's save (保存更新后的报告, 应用, 另存为下一年度) that may first ask about what no record
 * supports or what may be short (the sample's 学习记录 and 电子保函 have rows left out): answers
 * 仍然保存 when asked. Resolves to what the question listed ("" when none was asked).
 */
export async function saveAnswering(page, testId) {
  await page.getByTestId(testId).click();
  const dialog = page.getByTestId("review-zeros-dialog");
  const asked = await dialog
    .waitFor({ timeout: 1500 })
    .then(() => true)
    .catch(() => false);
  if (!asked) return "";
  const said = await dialog.textContent();
  await page.getByTestId("review-zeros-confirm").click();
  await dialog.waitFor({ state: "detached" });
  return said;
}

/** downloadBy for a review's save that may ask first (saveAnswering): the file that comes after the answer. */
export async function downloadSaving(page, testId) {
  const [file] = await Promise.all([page.waitForEvent("download"), saveAnswering(page, testId)]);
  return downloaded(file);
}

/** In Word, 刷新数据 from this workbook file: waits for the review of what would change. */
export async function reviewRefreshFrom(page, file) {
  await page.getByTestId("refresh-pick-input").setInputFiles(file);
  await page.getByTestId("review").waitFor();
}

/** 应用 on an open review (answering 仍然保存 if it asks first), waiting for what the pane says it did. */
export async function applyReview(page) {
  await saveAnswering(page, "apply");
  await page.getByTestId("outcome").waitFor();
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
    running = { browser, url };
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

// ---------------------------------------------------------------------------------------------------
// Every control, then proof the pane still works. Fluent copies the provider's classes onto its
// portal layers (drop-down lists, dialogs, tooltips); a layer left covering the pane took every click
// while the pane looked blank. So after each control: the main button is visible, a point at its
// centre hits it, and a real mouse click there reaches it.

/** The pane's main buttons, most specific first; the first visible one is clicked to prove clicks land. */
const MAIN_BUTTONS = ["generate", "insert", "apply", "refresh-pick", "set-up", "reload"];

/** Waits until the pane is not busy (no spinner): a re-read or a generation has finished. */
export async function settle(page) {
  await page.waitForFunction(() => !document.querySelector("#pane .fui-Spinner"), null, { timeout: TIMEOUT });
}

/**
 * Fails unless the pane takes clicks: every visible main button is what `elementFromPoint` finds at
 * its centre, and a mouse click there reaches it. The click is caught before the pane's own handler
 * (a capturing listener on window), so proving it does not start a generation or a re-read.
 */
export async function assertPaneUsable(page, where) {
  await settle(page);
  const testId = await page.evaluate((ids) => {
    for (const id of ids) {
      const el = document.querySelector(`#pane [data-testid="${id}"]`);
      if (el && el.getClientRects().length > 0) return id;
    }
    return null;
  }, MAIN_BUTTONS);
  assert(testId, `${where}: no main button is visible (${MAIN_BUTTONS.join(", ")})`);
  const button = page.locator(`#pane [data-testid="${testId}"]`).first();
  // Scrolled to, measured and clicked as one attempt: a recount the pane starts after a choice (a
  // scope picked) can move the button between the measurement and the click, even after `settle`
  // (the recount's spinner may not have appeared yet). A cover that stays fails every attempt; a
  // layout that is still settling gets a few short waits. The click is caught before the pane's own
  // handler, so a missed attempt has no effect on the pane.
  let hit;
  let reached;
  for (let attempt = 0; attempt < 6; attempt++) {
    if (attempt > 0) {
      await page.waitForTimeout(300);
      await settle(page);
    }
    hit = await button.evaluate((el) => {
      el.scrollIntoView({ block: "center", inline: "nearest" });
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const top = document.elementFromPoint(x, y);
      const describe = (n) =>
        n ? `${n.tagName.toLowerCase()}${n.id ? "#" + n.id : ""}.${String(n.className).split(" ").slice(0, 3).join(".")}` : "nothing";
      return { x, y, inside: !!top && el.contains(top), top: describe(top), visible: r.width > 0 && r.height > 0 };
    });
    if (!hit.visible || !hit.inside) continue;
    await page.evaluate((id) => {
      window.__clickReached = null;
      window.__clickCatcher = (e) => {
        const t = e.target instanceof Element ? e.target : null;
        window.__clickReached = t && t.closest(`[data-testid="${id}"]`) ? true : t ? t.tagName.toLowerCase() : "nothing";
        e.stopPropagation();
        e.preventDefault();
      };
      window.addEventListener("click", window.__clickCatcher, { capture: true, once: true });
    }, testId);
    await page.mouse.click(hit.x, hit.y);
    // A click that never fired must not leave the catcher to swallow the clerk's next real click.
    reached = await page.evaluate(() => {
      window.removeEventListener("click", window.__clickCatcher, { capture: true });
      return window.__clickReached;
    });
    if (reached === true) break;
  }
  assert(hit.visible, `${where}: the main button ${testId} has no size`);
  assert(hit.inside, `${where}: a click at the centre of ${testId} reaches ${hit.top}, not the button`);
  assert(reached === true, `${where}: a mouse click on ${testId} did not reach it (${reached})`);
}

/** Closes whatever pop-up is open (list, menu, dialog, tooltip) the way the clerk would. */
async function closePopups(page, input) {
  for (let i = 0; i < 3; i++) {
    const open = await page
      .locator("[role=listbox]:visible, [role=menu]:visible, [role=dialog]:visible, [role=alertdialog]:visible")
      .count();
    if (!open) return;
    if (input === "mouse") {
      // Let a dialog finish fading in, then its last button (取消 / Cancel), as a clerk would.
      await page.waitForTimeout(300);
      const cancel = page.locator("[role=dialog]:visible, [role=alertdialog]:visible").getByRole("button").last();
      if (await cancel.count()) await cancel.click({ timeout: 5000 }).catch(() => {});
      else await page.keyboard.press("Escape");
    } else {
      await page.keyboard.press("Escape");
    }
    await page.waitForTimeout(150);
  }
}

/** A stable name for a control: its test id, else role and text (a list of like rows counts once). */
async function controlKey(locator) {
  return locator.evaluate((el) => {
    const id = el.getAttribute("data-testid");
    if (id) return `id:${id}`;
    return `${el.getAttribute("role") ?? el.tagName}:${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}`;
  });
}

async function activate(page, locator, input) {
  await locator.scrollIntoViewIfNeeded();
  if (input === "mouse") {
    await locator.click();
  } else {
    await locator.focus();
    await page.keyboard.press("Enter");
  }
}

/** Opens a drop-down's list; when it does not open, says whether the pane still takes clicks. */
async function openList(page, box, input, where) {
  await activate(page, box, input);
  const list = page.locator("[role=listbox]:visible");
  try {
    await list.waitFor({ timeout: 5000 });
  } catch {
    await assertPaneUsable(page, `${where}: the list did not open`);
    throw new Error(`${where}: the list did not open`);
  }
  return list;
}

/**
 * Opens each drop-down in scope and picks each of its options in turn (mouse: click; keyboard:
 * Enter to open, ArrowDown to the option, Enter), proving the pane after every pick; each drop-down
 * ends on the option it started with. Returns how many picks were made.
 */
export async function useEveryDropdown(page, where, input) {
  let picks = 0;
  const boxes = page.locator("#pane [role=combobox]");
  const count = await boxes.count();
  for (let b = 0; b < count; b++) {
    const box = boxes.nth(b);
    if (!(await box.isVisible()) || (await box.isDisabled())) continue;
    const name = (await box.getAttribute("aria-labelledby")) ?? `combobox ${b}`;
    const startValue = (await box.textContent()).trim();
    let list = await openList(page, box, input, `${where}: opening ${name} by ${input}`);
    const options = await list.getByRole("option").allTextContents();
    await closePopups(page, "keyboard");
    await assertPaneUsable(page, `${where}: after opening ${name} by ${input} and closing it with Escape`);
    const order = [...options.keys()].filter((i) => options[i].trim() !== startValue);
    order.push(options.findIndex((o) => o.trim() === startValue));
    for (const i of order) {
      if (i < 0) continue;
      await settle(page);
      const current = page.locator("#pane [role=combobox]").nth(b);
      list = await openList(page, current, input, `${where}: opening ${name} again by ${input}`);
      if (input === "mouse") {
        await list.getByRole("option").nth(i).click();
      } else {
        // Fluent opens the list with the active option on the selected one: walk to the top, then down.
        for (let k = 0; k < options.length; k++) await page.keyboard.press("ArrowUp");
        for (let k = 0; k < i; k++) await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
      }
      await page
        .locator("[role=listbox]:visible")
        .waitFor({ state: "detached", timeout: 5000 })
        .catch(() => {});
      picks++;
      await assertPaneUsable(page, `${where}: after picking “${options[i]}” in ${name} by ${input}`);
    }
    // Opened and dismissed without a pick.
    await openList(page, page.locator("#pane [role=combobox]").nth(b), input, `${where}: opening ${name} to close it`);
    await page.keyboard.press("Escape");
    await assertPaneUsable(page, `${where}: after closing ${name} with Escape`);
  }
  return picks;
}

/** Selects each tab in turn (mouse: click; keyboard: arrow keys from the first), proving the pane each time. */
export async function useEveryTab(page, where, input) {
  const tabs = page.locator("#pane [role=tab]");
  const count = await tabs.count();
  if (input === "keyboard" && count > 0) {
    await tabs.first().click();
    for (let i = 1; i < count; i++) {
      // The usability check's click moved focus to the main button: back to the previous tab.
      await tabs.nth(i - 1).focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      assert((await tabs.nth(i).getAttribute("aria-selected")) === "true", `${where}: ArrowRight did not select tab ${i}`);
      await assertPaneUsable(page, `${where}: after tab ${i} by keyboard`);
    }
  } else {
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await assertPaneUsable(page, `${where}: after tab ${i} by mouse`);
    }
  }
  return count;
}

/**
 * Uses every other control in the pane once — buttons, toggle and disclosure buttons, radios,
 * <details> — opening what they open (dialogs are dismissed, file choosers cancelled, downloads
 * accepted) and proving the pane after each. Like rows (one test id) count once. `skip` lists test
 * ids the scenario drives itself (an action that would change what the scenario checks).
 * Returns the keys of the controls used.
 */
export async function useEveryControl(page, where, input, { skip = [], tooltips = true } = {}) {
  const used = new Set(skip.map((id) => `id:${id}`));
  const chooser = (fc) => fc.setFiles([]).catch(() => {});
  page.on("filechooser", chooser);
  try {
    for (let round = 0; round < 200; round++) {
      const controls = page.locator(
        "#pane button:visible:not([disabled]):not([role=tab]):not([role=combobox]), #pane [role=radio]:visible, #pane input[type=radio]:visible, #pane summary:visible",
      );
      const n = await controls.count();
      let next = null;
      for (let i = 0; i < n; i++) {
        const key = await controlKey(controls.nth(i));
        if (!used.has(key)) {
          next = { control: controls.nth(i), key };
          break;
        }
      }
      if (!next) break;
      used.add(next.key);
      if (tooltips && input === "mouse") {
        await next.control.hover();
        const tip = page.locator("[role=tooltip]:visible");
        if (await tip.count()) await assertPaneUsable(page, `${where}: with the tooltip of ${next.key} shown`);
      }
      const tag = await next.control.evaluate((el) => el.tagName.toLowerCase());
      if (input === "keyboard" && tag !== "summary" && (await next.control.getAttribute("role")) !== "radio") {
        await next.control.focus();
        await page.keyboard.press(tag === "input" ? "Space" : "Enter");
      } else {
        await next.control.click();
      }
      await page.waitForTimeout(100);
      const popup = await page
        .locator("[role=dialog]:visible, [role=alertdialog]:visible, [role=menu]:visible, [role=listbox]:visible")
        .count();
      if (popup) await closePopups(page, input);
      await assertPaneUsable(page, `${where}: after ${next.key} by ${input}`);
    }
  } finally {
    page.off("filechooser", chooser);
  }
  return [...used].filter((k) => !skip.includes(k.replace(/^id:/, "")));
}

/** Every text in the pane, the screen reader's hidden live region included: what is said twice is found twice. */
export const paneTexts = (page) =>
  page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.getElementById("pane"), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) out.push(walker.currentNode.textContent);
    return out;
  });

/**
 * The sample with a table figure added to 指标定义 (电子保函按出函机构, 分组计数 top 3): how a scenario
 * gets a figure whose value is a table. 指标定义 is an Excel table, so its range grows over the row.
 * `drop`: that many guarantees of 交易一科 deleted, so the table's rows change.
 */
export function sampleWithIssuerTable({ name = "sample-ledgers.xlsx", drop = 0 } = {}) {
  return editedSample(name, (workbook) => {
    const definitions = workbook.getWorksheet("指标定义");
    const row = definitions.rowCount + 1;
    ["eg.by_issuer", "电子保函按出函机构", "电子保函", "分组计数:出函机构:前3", "状态≠撤销", "截至期末", "整数", ""].forEach(
      (v, c) => (definitions.getRow(row).getCell(c + 1).value = v),
    );
    const table = definitions.getTables()[0].table;
    table.tableRef = table.tableRef.replace(/\d+$/, String(row));
    if (table.autoFilterRef) table.autoFilterRef = table.autoFilterRef.replace(/\d+$/, String(row));
    if (drop) workbook.getWorksheet("电子保函-交易一科").spliceRows(3, drop);
  });
}
