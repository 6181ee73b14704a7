// Browser tests of the offline web page (dist/web, src/web) in headless Chromium: the pane's views
// and engine over files. Read → issues → figures → generate (document.xml equal to the CLI's for the
// same workbook and generation time) → update an existing report with a conflict → re-read a changed
// file, with and without the File System Access API; every control opened and used, the page still
// usable after each; nothing requested beyond the page's origin; opened from a folder on disk.
// Builds dist/web first when it is missing.   Run: node tests/e2e/web.e2e.mjs
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { parse } from "acorn";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { startPlaygroundServer } from "../../scripts/playground.mjs";
import {
  DOCX_MIME,
  SAMPLE_LEDGERS as SAMPLE,
  TIMEOUT,
  XLSX_MIME,
  assert,
  launchBrowser,
  repo,
  generateAnswering,
  saveAnswering,
  reportScenarios,
  scenario,
  shots,
  slotTexts,
} from "./harness.mjs";

const DIST = join(repo, "dist", "web");
/** The generation time given to both the CLI (SOURCE_DATE_EPOCH) and the page (a fixed clock). */
const EPOCH = 1_767_225_600; // 2026-01-01T00:00:00Z
const SAVED_AT = Date.UTC(2026, 10, 30, 1, 30); // the sample's modified time on the "disk"
const tmp = mkdtempSync(join(tmpdir(), "lr-web-e2e-"));

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: repo, encoding: "utf8", env: { ...process.env, ...env } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r;
}

function ensureBuilt() {
  if (!existsSync(join(DIST, "index.html"))) run(join(repo, "node_modules", ".bin", "webpack"), ["--mode", "production", "--env", "web"]);
  // The CLI bundle with this tree's generate (SOURCE_DATE_EPOCH), built in a second or two.
  run(process.execPath, ["scripts/build-cli.mjs"]);
}

/** What `ledger-report generate` writes for the sample at the fixed generation time. */
function cliReport() {
  const out = join(tmp, "cli-report.docx");
  run(process.execPath, ["bin/ledger-report.js", "generate", SAMPLE, "-o", out, "--force"], { SOURCE_DATE_EPOCH: String(EPOCH) });
  return new Uint8Array(readFileSync(out));
}

const part = (docx, name) => strFromU8(unzipSync(docx)[name]);
function linkPart(docx) {
  const files = unzipSync(docx);
  const name = Object.keys(files).find((n) => /^customXml\/item\d*\.xml$/.test(n) && strFromU8(files[n]).includes("<generatedAt>"));
  return name ? strFromU8(files[name]) : "";
}

/** The sample with the manual value of `figureId` in 指标定义 changed, as Excel would save it. */
async function workbookWithManual(figureId, value, dropSheet) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(SAMPLE));
  if (figureId) {
    const sheet = workbook.getWorksheet("指标定义");
    let header = 0;
    let idCol = 0;
    let manualCol = 0;
    sheet.eachRow((row, n) => {
      row.eachCell((cell, col) => {
        if (cell.value === "指标ID") [header, idCol] = [n, col];
        if (cell.value === "手工值") manualCol = col;
      });
    });
    assert(header && manualCol, "the sample's 指标定义 has 指标ID and 手工值");
    sheet.eachRow((row, n) => {
      if (n > header && row.getCell(idCol).value === figureId) row.getCell(manualCol).value = value;
    });
  }
  if (dropSheet) workbook.removeWorksheet(workbook.getWorksheet(dropSheet).id);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The clerk's edits to a generated report, as small XML edits: the text of `edited` changed by hand,
 * the control of `deleted` removed with its text.
 */
function editedReport(docx, edited, text, deleted) {
  const files = unzipSync(docx);
  let xml = strFromU8(files["word/document.xml"]);
  const sdts = xml.match(/<w:sdt>[\s\S]*?<\/w:sdt>/g) ?? [];
  const target = sdts.find((s) => s.includes(`w:val="lr:${edited}"`));
  assert(target, `no control lr:${edited} in the report`);
  xml = xml.replace(target, target.replace(/(<w:sdtContent>[\s\S]*?<w:t(?: [^>]*)?>)[^<]*(<\/w:t>)/, `$1${text}$2`));
  const gone = sdts.find((s) => s.includes(`w:val="lr:${deleted}"`));
  assert(gone, `no control lr:${deleted} in the report`);
  xml = xml.replace(gone, "");
  files["word/document.xml"] = strToU8(xml);
  return Buffer.from(zipSync(files));
}

/** A page with the File System Access API replaced by a "disk" the test writes (window.__lrDisk). */
async function openWeb(browser, url, { lang = "zh-CN", width = 1280, fsApi = true, fixedTime = false } = {}) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    acceptDownloads: true,
    locale: lang,
    timezoneId: "Asia/Shanghai",
  });
  await context.addInitScript((withFsApi) => {
    if (!withFsApi) {
      // As in Firefox: no file handles, so 重新读取 asks for the file again.
      delete window.showOpenFilePicker;
      if (window.DataTransferItem) delete DataTransferItem.prototype.getAsFileSystemHandle;
      return;
    }
    window.__lrDisk = null;
    window.showOpenFilePicker = async () => {
      if (!window.__lrDisk) throw new DOMException("The user aborted a request.", "AbortError");
      const name = window.__lrDisk.name;
      const getFile = async () => {
        const disk = window.__lrDisk;
        const binary = atob(disk.b64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        return new File([bytes], disk.name, { lastModified: disk.lastModified });
      };
      return [{ kind: "file", name, getFile }];
    };
  }, fsApi);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  if (fixedTime) await page.clock.setFixedTime(new Date(EPOCH * 1000));
  const seen = { requests: [], pageErrors: [], csp: [] };
  page.on("request", (r) => seen.requests.push(r.url()));
  page.on("pageerror", (e) => seen.pageErrors.push(e.message));
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.csp.push(m.text());
  });
  await page.goto(`${url}?lang=${lang === "zh-CN" ? "zh" : "en"}`);
  return { page, context, seen };
}

async function writeDisk(page, name, bytes, lastModified) {
  await page.evaluate((disk) => (window.__lrDisk = disk), { name, b64: Buffer.from(bytes).toString("base64"), lastModified });
}

/** Opens the sample through the (stubbed) File System Access dialog. */
async function chooseSample(page) {
  await writeDisk(page, "sample-ledgers.xlsx", readFileSync(SAMPLE), SAVED_AT);
  await page.getByTestId("choose-workbook").click();
  await page.getByTestId("ledger-card").first().waitFor();
}

/**
 * The page still works: its main button (`testId`) is visible and a click at its centre would reach
 * it — nothing (such as a portal layer left behind by a drop-down) lies over it.
 */
async function assertUsable(page, where, testId = "reload") {
  const button = page.getByTestId(testId).first();
  // The 生成 tab's may-be-short list appears once the figures are counted and moves the button down:
  // measured again after it settles (a few tries), so only a button that stays covered fails.
  let hit = { ok: false, what: "nothing" };
  for (let attempt = 0; attempt < 5 && !hit.ok; attempt++) {
    if (attempt > 0) await page.waitForTimeout(300);
    await button.scrollIntoViewIfNeeded();
    assert(await button.isVisible(), `${where}: ${testId} is not visible`);
    hit = await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { ok: !!top && el.contains(top), what: top ? `${top.tagName}.${top.className}` : "nothing" };
    });
  }
  assert(hit.ok, `${where}: a click at the centre of ${testId} reaches ${hit.what}`);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement.scrollWidth,
    clientWidth: document.scrollingElement.clientWidth,
  }));
  assert(scrollWidth <= clientWidth, `${where}: the page scrolls sideways (${scrollWidth} > ${clientWidth} px)`);
}

/** The viewport as the clerk sees it after the step, from the top of the page unless `keepScroll`. */
async function shot(page, name, keepScroll = false) {
  if (!keepScroll) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

function assertClean(seen, origin, where) {
  const outside = seen.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("blob:") && !u.startsWith("data:"));
  assert(seen.requests.length > 3, `${where}: expected to record the page's requests, saw ${seen.requests.length}`);
  assert(outside.length === 0, `${where}: requests left the origin: ${outside.join(", ")}`);
  assert(seen.csp.length === 0, `${where}: CSP violation: ${seen.csp[0]}`);
  assert(seen.pageErrors.length === 0, `${where}: page errors: ${seen.pageErrors.join("; ")}`);
}

async function figureText(page, id) {
  return page.locator(`[data-testid=figure][data-figure="${id}"] [data-testid=figure-text]`).textContent();
}

async function setManual(page, id, value) {
  const figure = page.locator(`[data-testid=figure][data-figure="${id}"]`);
  await figure.getByTestId("manual-input").fill(String(value));
  await figure.getByTestId("manual-save").click();
  await figure.getByTestId("manual-saved").waitFor();
}

async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

/** Opens a Fluent drop-down, checks its options are on screen, picks `option` (or leaves with Escape). */
async function useDropdown(page, dropdown, option, where) {
  await dropdown.click();
  const listbox = page.getByRole("listbox");
  await listbox.waitFor();
  assert((await listbox.getByRole("option").count()) > 0, `${where}: the drop-down lists no options`);
  if (option) await listbox.getByRole("option", { name: option, exact: true }).click();
  else await page.keyboard.press("Escape");
  await listbox.waitFor({ state: "hidden" });
  await assertUsable(page, `${where} (after the drop-down)`, "generate");
}

ensureBuilt();
const expected = cliReport();
const { server, url } = await startPlaygroundServer({ port: 0, dist: DIST });
const origin = new URL(url).origin;
const browser = await launchBrowser();
try {
  await scenario("the built page allows scripts only from itself and its one inline line, and fetches nothing elsewhere", async () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content=(["'])(.*?)\1/i.exec(html)?.[2] ?? "";
    const directive = (name) =>
      csp
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `)) ?? "";
    assert(directive("default-src") === "default-src 'none'", `default-src: ${csp}`);
    assert(/^script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'$/.test(directive("script-src")), `script-src: ${directive("script-src")}`);
    assert(directive("connect-src") === "connect-src 'self'", `connect-src: ${directive("connect-src")}`);
    assert(!/https?:|\*/.test(csp), `the CSP names no other origin: ${csp}`);
    assert(!/<script[^>]+src=["']?(https?:)?\/\//i.test(html), "no script from another origin");
    const sources = readdirSync(join(repo, "src", "web")).filter((f) => /\.tsx?$/.test(f));
    const injecting = sources.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\bfetch\(|XMLHttpRequest|sendBeacon/.test(readFileSync(join(repo, "src", "web", f), "utf8")),
    );
    assert(sources.length >= 8 && injecting.length === 0, `src/web sets no inner HTML and requests nothing: ${injecting.join(", ")}`);
  });

  await scenario("an old IE gets one line (ES5) saying which browsers work; a current browser does not", async () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert(inline.length === 1, `one inline script, found ${inline.length}`);
    parse(inline[0], { ecmaVersion: 5 }); // throws on anything IE cannot parse
    const runIn = (win) => {
      const inserted = [];
      const document = {
        body: { firstChild: null, insertBefore: (node) => inserted.push(node) },
        createElement: (tag) =>
          tag === "script"
            ? {}
            : {
                setAttribute() {},
                appendChild(text) {
                  this.text = text;
                },
              },
        createTextNode: (text) => text,
      };
      vm.runInNewContext(inline[0], { window: win, document, navigator: { userLanguage: "zh-CN" }, String, RegExp });
      return inserted.map((p) => p.text);
    };
    const ie = runIn({});
    assert(ie.length === 1 && /Edge/.test(ie[0]) && /Firefox/.test(ie[0]) && /Chrome/.test(ie[0]), `IE line: ${ie}`);
    // A current browser is checked in Chromium itself: the line must not appear there.
    const { page, context } = await openWeb(browser, url);
    await page.getByTestId("choose-workbook").waitFor();
    assert((await page.locator("#old-browser").count()) === 0, "Chromium was shown the old-browser line");
    await context.close();
  });

  await scenario("Chinese at 1280 px: choose → issues with places in words → figures → generate: document.xml is the CLI's", async () => {
    const { page, context, seen } = await openWeb(browser, url, { fixedTime: true });
    await page.getByTestId("choose-workbook").waitFor();
    await assertUsable(page, "start", "choose-workbook");
    await shot(page, "web-start-zh-1280");
    await chooseSample(page);
    const header = await page.getByTestId("web-file").textContent();
    assert(header.includes("sample-ledgers.xlsx") && header.includes("修改于 2026年11月30日"), `header: ${header}`);
    const cards = await page.getByTestId("ledger-card").count();
    assert(cards >= 3, `expected the sample's ledgers as cards, saw ${cards}`);

    // Every card's issues open; an issue's place is said in words.
    const toggles = page.getByTestId("toggle-issues");
    for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
    const issue = page.locator("[data-testid=issue][data-cell*='D30']").first();
    await issue.click();
    const place = await page.getByTestId("place-line").first().textContent();
    assert(place === "工作表“2022年学习记录台账”，第 30 行 D 列（D30）", `place of D30: ${place}`);
    assert((await issue.getAttribute("title")).includes("位置"), "the issue's hint speaks of its place, not of Excel");
    await assertUsable(page, "after an issue's place");
    await shot(page, "web-ledgers-zh-1280");
    await page.getByTestId("place-close").click();
    assert((await page.getByTestId("place").count()) === 0, "the place notice closes");
    for (const name of ["错误", "警告", "提示", "全部"]) {
      await page.getByRole("group", { name: "按级别筛选" }).getByRole("button", { name, exact: true }).click();
      await assertUsable(page, `filter ${name}`);
    }

    await page.getByTestId("tab-figures").click();
    await page.getByTestId("figure").first().waitFor();
    await page.getByTestId("show-source").first().click();
    const rows = await page.getByTestId("place-line").allTextContents();
    assert(rows.length >= 1 && /^工作表“.+”：第 \d/.test(rows[0]) && /共 [\d,]+ 行/.test(rows[0]), `查看来源 in words: ${rows}`);
    // One true message: the page selects nothing, so the figure says no "已选中 … 行" beside the places.
    assert((await page.getByTestId("source-selected").count()) === 0, "the page claims a selection it cannot make");
    await assertUsable(page, "after 查看来源");
    await page.getByTestId("place-close").click();

    await page.getByTestId("tab-generate").click();
    // The sample repeats one 保函编号: both rows count, and the page says so where the report is made.
    const dupBefore = await page.getByTestId("duplicate-keys").textContent();
    assert(dupBefore.includes("1 个编号重复") && dupBefore.includes("两行都作为记录读取"), `duplicate keys before generating: ${dupBefore}`);
    await generateAnswering(page);
    const dupAfter = await page.getByTestId("result-duplicates").textContent();
    assert(dupAfter.includes("两行都作为记录读取"), `the result should say the duplicate key: ${dupAfter}`);
    const report = await download(page, "save");
    assert(report.name === "述职报告-2022.docx", `download name: ${report.name}`);
    assert(part(report.bytes, "word/document.xml") === part(expected, "word/document.xml"), "document.xml differs from the CLI's");
    const generated = /<generatedAt>([^<]*)<\/generatedAt>/.exec(linkPart(report.bytes))?.[1];
    assert(generated === new Date(EPOCH * 1000).toISOString(), `the page's generation time: ${generated}`);
    assert(linkPart(report.bytes) === linkPart(expected), "the link record differs from the CLI's");
    // The reader, the engine and the writer ran in the page's Web Worker (as the pane's), not on its
    // main thread. Asked of the requests: the fixed clock replaces the page's performance timeline.
    assert(
      seen.requests.some((u) => u.includes("/engine-worker.")),
      "the engine worker was never loaded: the page computed on its main thread",
    );
    await assertUsable(page, "after generating", "generate");
    await shot(page, "web-generate-zh-1280");

    // Each drop-down opened and used; a changed setting is kept for the session, and said so.
    const [scope, template] = [page.getByTestId("field-scope"), page.getByRole("combobox").nth(1)];
    await useDropdown(page, scope, "交易一科", "scope");
    await page.getByTestId("session-changes").waitFor();
    assert((await page.getByTestId("session-changes").textContent()).includes("统计范围 = 交易一科"), "the session lists the scope");
    await useDropdown(page, scope, "全部门", "scope back");
    await useDropdown(page, template, null, "template");
    await page.getByTestId("field-year").fill("2023");
    await page.getByTestId("field-year").press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-testid=session-changes]")?.textContent.includes("年度 = 2023"));
    await page.getByTestId("field-year").fill("2022");
    await page.getByTestId("field-year").press("Enter");
    await assertUsable(page, "after the year", "generate");
    assertClean(seen, origin, "generate flow");
    await context.close();
  });

  await scenario(
    "更新已有报告: manual values kept for the session, a hand-edited figure is a conflict, taken; downloads under a new name",
    async () => {
      const { page, context, seen } = await openWeb(browser, url);
      await chooseSample(page);
      await page.getByTestId("tab-figures").click();
      await setManual(page, "goals.count", 30);
      const note = await page.locator('[data-figure="goals.count"] [data-testid=manual-saved]').textContent();
      assert(note.includes("文件没有被修改"), `the saved note says the file is untouched: ${note}`);
      assert((await figureText(page, "goals.count")) === "30", "the figure recomputes at once");
      await setManual(page, "xxqg.rank", 12);
      const session = await page.getByTestId("session-changes").textContent();
      assert(session.includes("手工值 = 30") && session.includes("手工值 = 12"), `session: ${session}`);
      await shot(page, "web-figures-zh-1280");

      // The CLI's report (20 / 40 / 10), then edited by the clerk: 20 → 25 by hand, 学习强国 threshold deleted.
      const edited = editedReport(expected, "goals.count", "25", "xxqg.threshold");
      await page.getByTestId("tab-generate").click();
      await page.getByTestId("update-pick-input").setInputFiles({ name: "述职报告-2022.docx", mimeType: DOCX_MIME, buffer: edited });
      await page.getByTestId("update-review").waitFor();
      const ids = async (testId) => page.getByTestId(testId).evaluateAll((els) => els.map((e) => e.getAttribute("data-figure")));
      assert((await ids("review-conflict")).join() === "goals.count", `conflicts: ${await ids("review-conflict")}`);
      assert((await ids("review-update")).includes("xxqg.rank"), `updates: ${await ids("review-update")}`);
      assert((await ids("review-removed")).includes("xxqg.threshold"), `removed: ${await ids("review-removed")}`);
      const disclosures = page.getByTestId("update-review").locator("summary");
      for (let i = 0; i < (await disclosures.count()); i++) await disclosures.nth(i).click();
      for (const all of ["review-take-all", "review-keep-all"]) {
        await page.getByTestId(all).click();
        await assertUsable(page, all, "update-save");
      }
      await page.locator('[data-testid=review-conflict][data-figure="goals.count"]').getByText("采用新值").click();
      await assertUsable(page, "after choosing take", "update-save");
      await shot(page, "web-update-zh-1280", true);
      // The sample's 学习记录 and 电子保函 have rows left out: saving asks first, and 仍然保存 saves.
      const [file] = await Promise.all([page.waitForEvent("download"), saveAnswering(page, "update-save")]);
      const refreshed = { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
      assert(refreshed.name === "述职报告-2022.refreshed.docx", `download name: ${refreshed.name}`);
      const slots = slotTexts(part(refreshed.bytes, "word/document.xml"));
      assert(slots.get("goals.count")?.join() === "30", `goals.count taken: ${slots.get("goals.count")}`);
      assert(slots.get("xxqg.rank")?.join() === "12", `xxqg.rank updated: ${slots.get("xxqg.rank")}`);
      assert(!slots.has("xxqg.threshold"), "a deleted figure is never put back");
      assertClean(seen, origin, "update flow");
      await context.close();
    },
  );

  await scenario("重新读取 with the File System Access API: unchanged, then changed on disk (its modified time shown)", async () => {
    const { page, context, seen } = await openWeb(browser, url);
    await chooseSample(page);
    await page.getByTestId("reload").click();
    await page.getByTestId("reread").waitFor();
    const same = await page.getByTestId("reread").textContent();
    assert(same.includes("没有变化") && same.includes("2026年11月30日"), `unchanged: ${same}`);
    const savedAgain = Date.UTC(2026, 11, 6, 7, 5);
    await writeDisk(page, "sample-ledgers.xlsx", await workbookWithManual("goals.count", 21), savedAgain);
    await page.getByTestId("reload").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=reread]")?.textContent.includes("修改过"));
    const changed = await page.getByTestId("reread").textContent();
    assert(changed.includes("2026年12月6日 15:05"), `the change's time in the clerk's zone: ${changed}`);
    assert((await page.getByTestId("web-file").textContent()).includes("2026年12月6日"), "the header shows the new modified time");
    await page.getByTestId("tab-figures").click();
    assert((await figureText(page, "goals.count")) === "21", "figures come from the file as changed");
    await assertUsable(page, "after 重新读取");
    assertClean(seen, origin, "re-read");
    await context.close();
  });

  await scenario("without file handles (as in Firefox): choose, 重新读取 asks again, another workbook, drop, a .docx refused", async () => {
    const { page, context, seen } = await openWeb(browser, url, { fsApi: false });
    const pick = async (click, file) => {
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), click()]);
      await chooser.setFiles(file);
    };
    await pick(() => page.getByTestId("choose-workbook").click(), SAMPLE);
    await page.getByTestId("ledger-card").first().waitFor();
    const hint = await page.getByTestId("reload").getAttribute("title");
    assert(hint.includes("再次选择 sample-ledgers.xlsx"), `重新读取 says it will ask for the file again: ${hint}`);
    const changedPath = join(tmp, "sample-ledgers.xlsx");
    writeFileSync(changedPath, await workbookWithManual("goals.count", 22));
    await pick(() => page.getByTestId("reload").click(), changedPath);
    await page.waitForFunction(() => document.querySelector("[data-testid=reread]")?.textContent.includes("修改过"));
    await page.getByTestId("tab-figures").click();
    assert((await figureText(page, "goals.count")) === "22", "figures come from the file chosen again");

    const otherPath = join(tmp, "另一个台账.xlsx");
    writeFileSync(otherPath, readFileSync(SAMPLE));
    await pick(() => page.getByTestId("choose-other").click(), otherPath);
    await page.waitForFunction(() => document.querySelector("[data-testid=web-file]")?.textContent.includes("另一个台账.xlsx"));
    await page.getByTestId("ledger-card").first().waitFor();

    const drop = async (name, b64, type) =>
      page.evaluate(
        ({ name, b64, type }) => {
          const binary = atob(b64);
          const bytes = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
          const data = new DataTransfer();
          data.items.add(new File([bytes], name, { type }));
          const target = document.querySelector("[data-testid=web-page]");
          target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
          target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        { name, b64, type },
      );
    await drop("报告.docx", Buffer.from(expected).toString("base64"), DOCX_MIME);
    await page.getByTestId("error").waitFor();
    assert((await page.getByTestId("error").textContent()).includes("不是 .xlsx 工作簿"), "a dropped report is refused in words");
    await page.getByTestId("error").getByText("详细信息").click();
    await assertUsable(page, "after a refused drop");
    await drop("拖入的台账.xlsx", readFileSync(SAMPLE).toString("base64"), XLSX_MIME);
    await page.waitForFunction(() => document.querySelector("[data-testid=web-file]")?.textContent.includes("拖入的台账.xlsx"));
    await page.getByTestId("ledger-card").first().waitFor();
    await assertUsable(page, "after a drop");
    assertClean(seen, origin, "no handles");
    await context.close();
  });

  await scenario("a workbook missing a ledger: 补齐缺少的工作表 explains in a dialog that the page never changes the file", async () => {
    const { page, context } = await openWeb(browser, url);
    await writeDisk(page, "缺队伍.xlsx", await workbookWithManual(null, null, "队伍"), SAVED_AT);
    await page.getByTestId("choose-workbook").click();
    await page.getByTestId("missing-ledgers").waitFor();
    await page.getByTestId("set-up").click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    assert((await dialog.textContent()).includes("网页不会修改你的工作簿"), "the dialog says the page does not change the file");
    // It only explains: one button, no 取消 beside it doing the same thing.
    const buttons = await dialog.getByRole("button").allTextContents();
    assert(buttons.join("|") === "知道了", `the dialog's buttons: ${buttons.join("|")}`);
    await dialog.getByRole("button", { name: "知道了" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("set-up-web").waitFor();
    await assertUsable(page, "after the set-up dialog");
    await context.close();
  });

  await scenario("an English-language browser gets the page in Chinese first, and its English link switches it", async () => {
    const { page, context, seen } = await openWeb(browser, url, { lang: "en-US" });
    await page.goto(url); // no ?lang: as a clerk opens the address
    await page.getByTestId("choose-workbook").waitFor();
    assert((await page.evaluate(() => document.documentElement.lang)) === "zh-CN", "the page's language should be Chinese");
    assert((await page.getByRole("heading", { level: 1 }).textContent()) === "台账成文 · 网页版", "the Chinese title first");
    await page.getByTestId("language-switch").click();
    await page.waitForURL(/[?&]lang=en/);
    assert((await page.getByRole("heading", { level: 1 }).textContent()) === "Ledger Report · web", "English after the switch");
    assert((await page.getByTestId("language-switch").textContent()) === "中文", "the switch offers Chinese back");
    await chooseSample(page);
    await assertUsable(page, "after switching to English");
    assert(seen.pageErrors.length === 0, `page errors: ${seen.pageErrors.join("; ")}`);
    await context.close();
  });

  for (const [lang, width] of [
    ["en-US", 1280],
    ["zh-CN", 768],
    ["en-US", 768],
  ]) {
    const tag = `${lang === "zh-CN" ? "zh" : "en"}-${width}`;
    await scenario(`tried at ${width} px in ${lang}: start, ledgers with a place, figures, generate, update review`, async () => {
      const { page, context, seen } = await openWeb(browser, url, { lang, width });
      await page.getByTestId("choose-workbook").waitFor();
      await assertUsable(page, "start", "choose-workbook");
      await shot(page, `web-start-${tag}`);
      await chooseSample(page);
      await page.getByTestId("toggle-issues").first().click();
      await page.locator("[data-testid=issue][data-cell]").first().click();
      await page.getByTestId("place").waitFor();
      await assertUsable(page, `ledgers ${tag}`);
      await shot(page, `web-ledgers-${tag}`);
      await page.getByTestId("tab-figures").click();
      await page.getByTestId("figure").first().waitFor();
      await assertUsable(page, `figures ${tag}`);
      await shot(page, `web-figures-${tag}`);
      await page.getByTestId("tab-generate").click();
      await generateAnswering(page);
      await assertUsable(page, `generate ${tag}`, "generate");
      await shot(page, `web-generate-${tag}`);
      await page.getByTestId("update-pick-input").setInputFiles({
        name: "report.docx",
        mimeType: DOCX_MIME,
        buffer: editedReport(expected, "goals.count", "25", "xxqg.threshold"),
      });
      await page.getByTestId("update-review").waitFor();
      await assertUsable(page, `update ${tag}`, "update-save");
      await shot(page, `web-update-${tag}`, true);
      if (lang === "en-US") {
        const text = await page.locator("main").textContent();
        assert(!/查看问题|生成报告|重新读取/.test(text), "English page shows Chinese controls");
      }
      assertClean(seen, origin, tag);
      await context.close();
    });
  }

  /** Opens a page from disk as a clerk would (double-click), reads the sample, makes and saves a report. */
  async function fromDisk(path, allowed) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const errors = [];
    const requests = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`file://${path}`);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.evaluate(() => delete window.showOpenFilePicker).then(() => page.getByTestId("choose-workbook").click()),
    ]);
    await chooser.setFiles(SAMPLE);
    await page.getByTestId("ledger-card").first().waitFor();
    await page.getByTestId("tab-generate").click();
    await generateAnswering(page);
    const report = await download(page, "save");
    assert(
      part(report.bytes, "word/document.xml") === part(expected, "word/document.xml"),
      "the report saved from disk differs from the CLI's",
    );
    assert(errors.length === 0, `errors under file://: ${errors.join("; ")}`);
    const outside = requests.filter((u) => !allowed(u) && !u.startsWith("blob:") && !u.startsWith("data:"));
    assert(outside.length === 0, `requests beyond the page's files: ${outside.join(", ")}`);
    await context.close();
  }

  await scenario(
    "opened from its folder on disk (file://index.html): the lazy chunks load from the folder, a report is saved",
    async () => {
      await fromDisk(join(DIST, "index.html"), (u) => u.startsWith(`file://${DIST}/`));
    },
  );

  await scenario("the single self-contained file, alone in a folder (file://), makes and saves the same report", async () => {
    const alone = mkdtempSync(join(tmpdir(), "lr-single-"));
    const single = join(alone, "台账成文.html");
    writeFileSync(single, readFileSync(join(DIST, "ledger-report-offline.html")));
    await fromDisk(single, (u) => decodeURIComponent(u) === `file://${single}`);
  });
} finally {
  await browser.close();
  server.close();
}
reportScenarios();
