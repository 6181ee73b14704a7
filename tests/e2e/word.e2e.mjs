// Browser test of the pane in Word (playground ?host=word, simulated Word) and of the Excel pane's
// 更新已有报告, in headless Chromium. The changed workbook is the sample with one 共建单位 row added
// (inside its table) and one 电子保函 row removed, built here with exceljs.
// Build first: npx webpack --mode production --env playground
// Run:         node tests/e2e/word.e2e.mjs          (screenshots go to docs/screenshots/word-*.png)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import {
  applyReview,
  assert,
  assertNoHorizontalScroll,
  assertPaneUsable,
  downloadBy,
  editedSample,
  generateReport,
  ledgersAppear,
  listedFigures,
  openPane as openPaneIn,
  openWorkbookInExcel,
  paneScenario,
  reviewRefreshFrom,
  repo,
  runScenarios,
  sampleFile,
  scenario,
  setWorkbookId,
  shot,
  shots,
  useEveryControl,
  useEveryDropdown,
  wordFiguresAppear,
} from "./harness.mjs";

const LINK_NAMESPACE = "urn:ledger-report:link:1";
/** The figures the sample's 指标定义 defines; the report also links setting texts (setting.year …). */
const FIGURES = JSON.parse(readFileSync(join(repo, "examples", "sample-figures.expected.json"), "utf8")).figures.map((f) => f.id);

/**
 * The sample workbook after a month of the clerk's work: a partner unit signed up (a row added inside
 * the CoConstructionUnits table, whose range grows by one row as Excel's would) and one e-guarantee
 * entered by mistake deleted.
 */
async function changedWorkbook() {
  const edited = await editedSample("台账-更新.xlsx", (workbook) => {
    const partners = workbook.getWorksheet("共建单位");
    const last = partners.actualRowCount;
    partners.getRow(last + 1).values = [last, "内蒙古大学机关党委", new Date(Date.UTC(2022, 5, 1)), "党建联学", "有效", null, "综合科"];
    workbook.getWorksheet("电子保函-交易一科").spliceRows(3, 1);
  });
  const files = unzipSync(new Uint8Array(edited.buffer));
  // exceljs keeps a loaded table's XML as it was; grow its range over the new row.
  const table = Object.keys(files).find(
    (name) => name.startsWith("xl/tables/") && strFromU8(files[name]).includes('name="CoConstructionUnits"'),
  );
  assert(table, "the sample has no CoConstructionUnits table");
  files[table] = strToU8(
    strFromU8(files[table]).replace(/ref="([A-Z]+\d+):([A-Z]+)(\d+)"/g, (_, from, col, row) => `ref="${from}:${col}${Number(row) + 1}"`),
  );
  return { ...edited, buffer: Buffer.from(zipSync(files)) };
}

/** The sample saved as another workbook would be: the same ledgers under another 工作簿ID. */
function otherWorkbook() {
  return editedSample("别处的台账.xlsx", (workbook) => setWorkbookId(workbook, "00000000-0000-4000-8000-0000000000aa"));
}

/** The generated-at line is checked as the clerk in China reads it. */
/** Dates in the pane are said in the clerk's time zone. */
const WORD_CONTEXT = { timezoneId: "Asia/Shanghai" };

function openPane(browser, url, query) {
  return openPaneIn(browser, url, query, WORD_CONTEXT);
}

function wordScenario(name, query, steps) {
  return paneScenario(name, query, steps, WORD_CONTEXT);
}

/** A scenario in the Word pane on the open report: its figures' statuses shown before the steps begin. */
function reportScenario(name, query, steps) {
  return wordScenario(name, query, async (opened) => {
    await statuses(opened.page);
    await steps(opened);
  });
}

/** 重新读取 in the Word pane: the open document read again, its figures' statuses as the pane then shows them. */
async function readAgain(page) {
  await page.getByTestId("reload").click();
  return statuses(page);
}

/** Status of each figure as the pane shows it: id → { status, badge, detail }. */
async function statuses(page) {
  await wordFiguresAppear(page);
  const rows = await page.getByTestId("word-figure").evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute("data-figure"),
      status: li.getAttribute("data-status"),
      badge: li.querySelector("[data-testid=status-badge]").textContent,
      detail: li.lastElementChild.textContent,
    })),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The simulated document as it is, not as the pane describes it. */
async function documentState(page) {
  return page.evaluate(() => {
    const word = window.__playground.word;
    return { controls: word.controls(), paragraphs: word.paragraphs(), parts: word.parts() };
  });
}

function controlTexts(state, id) {
  return state.controls.filter((c) => c.tag === `lr:${id}`).map((c) => c.text);
}

function linkXml(state) {
  const parts = state.parts.filter((p) => p.namespaceUri === LINK_NAMESPACE);
  assert(parts.length === 1, `expected one link part, found ${parts.length}`);
  return parts[0].xml;
}

function recordText(xml, id) {
  const figure = new RegExp(`<figure id="${id.replace(/\./g, "\\.")}"[^>]*>[\\s\\S]*?<text>([^<]*)</text>`).exec(xml);
  return figure?.[1];
}

async function clerkEdits(page) {
  await page.getByTestId("sim-edit-narrative").click();
  await page.getByTestId("sim-edit-figure").click();
  await page.getByTestId("sim-delete-figure").click();
  const done = await page.getByTestId("sim-edits").textContent();
  assert(done.includes("narrative") && done.includes("hand edit") && done.includes("delete"), `clerk edits: ${done}`);
  const failures = await page.getByTestId("sim-load-error").allTextContents();
  assert(failures.length === 0, `clerk edit failed: ${failures.join("; ")}`);
}

/** In the Excel pane: the sample's report generated and saved, as the clerk's last year's report. */
async function generatedAndSaved(page) {
  await ledgersAppear(page);
  await generateReport(page);
  return downloadBy(page, "save");
}

runScenarios(async (browser, url) => {
  const changedFile = await changedWorkbook();
  // Every control of the Word pane — status, review, insert — at both widths, in both languages,
  // by mouse and by keyboard, proving the pane after each.
  for (const [lang, width, input] of [
    ["zh", 320, "mouse"],
    ["en", 320, "keyboard"],
    ["zh", 450, "keyboard"],
    ["en", 450, "mouse"],
  ]) {
    await scenario(`Every control of the Word pane (${lang}, ${width} px, ${input}) leaves the pane usable`, async () => {
      const query = `host=word&width=${width}${lang === "en" ? "&lang=en" : ""}`;
      const where = `word ${lang} ${width} ${input}`;
      const { page, context, pageErrors } = await openPane(browser, url, query);
      await statuses(page);
      await assertPaneUsable(page, `${where}: on opening`);
      await page.getByTestId("sim-edit-figure").click();
      const used = await useEveryControl(page, `${where} status`, input);
      await reviewRefreshFrom(page, changedFile);
      await useEveryDropdown(page, `${where} review`, input);
      used.push(...(await useEveryControl(page, `${where} review`, input, { skip: ["apply", "review-cancel", "reload", "refresh-pick"] })));
      assert(
        used.includes("id:choice-keep") && used.includes("id:choice-take"),
        `the conflict's choices were never used (used: ${used.join(", ")})`,
      );
      if (input === "mouse") await page.getByTestId("apply").click();
      else {
        await page.getByTestId("apply").focus();
        await page.keyboard.press("Enter");
      }
      await page.getByTestId("outcome").waitFor();
      await assertPaneUsable(page, `${where}: after 应用`);
      used.push(...(await useEveryControl(page, `${where} after apply`, input)));
      for (const id of ["reload", "refresh-pick"]) assert(used.includes(`id:${id}`), `the control ${id} was never used`);
      await assertNoHorizontalScroll(page, where);
      assert(pageErrors.length === 0, `page errors: ${pageErrors.join("; ")}`);
      await context.close();

      // An unlinked document: the insert view's controls.
      const empty = await openPane(browser, url, `${query}&empty=1`);
      await empty.page.getByTestId("insert-view").waitFor();
      await assertPaneUsable(empty.page, `${where} insert: on opening`);
      await useEveryControl(empty.page, `${where} insert`, input, { skip: ["insert"] });
      await empty.page.getByTestId("insert-pick-input").setInputFiles(sampleFile());
      await empty.page.getByTestId("insert-ready").waitFor();
      await useEveryControl(empty.page, `${where} insert ready`, input, { skip: ["insert"] });
      await assertPaneUsable(empty.page, `${where} insert: file picked`);
      assert(empty.pageErrors.length === 0, `page errors: ${empty.pageErrors.join("; ")}`);
      await empty.context.close();
    });
  }
  await wordScenario(
    "Word, Chinese at 320 px: status, clerk edits, 刷新数据 with a changed workbook, review, 应用",
    "host=word&width=320",
    async ({ page }) => {
      let rows = await statuses(page);
      assert(
        FIGURES.every((id) => rows.has(id)),
        `figures missing from the status list: ${FIGURES.filter((id) => !rows.has(id)).join()}`,
      );
      assert(
        [...rows.values()].every((r) => r.status === "current" && r.badge === "最新"),
        "a fresh report should be all 最新",
      );
      assert((await page.getByTestId("info-workbook").textContent()) === "sample-ledgers.xlsx", "source workbook not shown");
      const generated = await page.getByTestId("info-generated").textContent();
      assert(/^\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}$/.test(generated), `generated at: ${generated}`);
      assert((await page.getByTestId("info-period").textContent()) === "2022年1月1日至2022年12月31日", "period not shown");
      await assertNoHorizontalScroll(page, "word status 320");
      await shot(page, "word-01-status-zh-320");
      const before = await documentState(page);
      const linkBefore = linkXml(before);

      await clerkEdits(page);
      rows = await readAgain(page);
      assert(
        rows.get("partners.count").status === "edited" && rows.get("partners.count").badge === "手工修改",
        "hand edit not shown as 手工修改",
      );
      assert(rows.get("partners.count").detail.includes("十一"), `hand edit detail: ${rows.get("partners.count").detail}`);
      assert(
        rows.get("donations.count").status === "deleted" && rows.get("donations.count").badge === "已删除",
        "deletion not shown as 已删除",
      );
      await shot(page, "word-02-clerk-edits-zh-320");

      await reviewRefreshFrom(page, changedFile);
      assert(
        await page.getByTestId("word-review").evaluate((el) => el.contains(document.activeElement)),
        "focus should move to the review",
      );
      const conflicts = await listedFigures(page, "review-conflict");
      const removed = await listedFigures(page, "review-removed");
      const updates = await page
        .getByTestId("review-update")
        .evaluateAll((items) => items.map((li) => [li.getAttribute("data-figure"), li.textContent]));
      assert(conflicts.join() === "partners.count", `conflicts: ${conflicts.join()}`);
      assert(removed.join() === "donations.count", `removed: ${removed.join()}`);
      const eg = updates.find(([id]) => id === "eg.count");
      assert(eg && eg[1].includes("3372 → 3371"), `eg.count update: ${JSON.stringify(updates)}`);
      assert((await page.getByTestId("review-conflict").textContent()).includes("十一"), "the conflict should show the clerk's text");
      rows = await statuses(page);
      assert(
        rows.get("eg.count").status === "changed" && rows.get("eg.count").badge === "台账已变化",
        "eg.count should be 台账已变化 once the workbook is read",
      );
      assert((await page.getByTestId("status-source").textContent()).includes("台账-更新.xlsx"), "status source should name the workbook");
      await assertNoHorizontalScroll(page, "word review 320");
      await page.getByTestId("word-review").screenshot({ path: join(shots, "word-03-review-zh-320.png") });

      await applyReview(page);
      const outcome = page.getByTestId("outcome");
      assert(await outcome.evaluate((el) => el === document.activeElement), "focus should move to the result");
      const summary = await outcome.textContent();
      assert(/更新 \d+ 项，保留手工修改 1 项，已删除 1 项/.test(summary), `result: ${summary}`);

      const after = await documentState(page);
      assert(controlTexts(after, "eg.count").join() === "3371", `eg.count in the document: ${controlTexts(after, "eg.count")}`);
      assert(
        controlTexts(after, "partners.count").join() === "十一",
        `the hand edit was not kept: ${controlTexts(after, "partners.count")}`,
      );
      assert(controlTexts(after, "donations.count").length === 0, "the deleted figure came back");
      assert(
        after.paragraphs.some((p) => p.includes("三是明确重点工作（经办人已核实）。")),
        "the narrative edit was lost",
      );
      const linkAfter = linkXml(after);
      assert(linkAfter !== linkBefore, "the link part was not rewritten");
      assert(recordText(linkAfter, "eg.count") === "3371", `link record eg.count: ${recordText(linkAfter, "eg.count")}`);
      assert(
        recordText(linkAfter, "partners.count") === "11",
        "a kept hand edit must keep the old record, so the next refresh still sees it",
      );

      rows = await statuses(page);
      assert(rows.get("eg.count").status === "current", "after 应用 eg.count should be 最新");
      assert(rows.get("partners.count").status === "edited", "after 应用 the kept edit is still 手工修改");
      await assertNoHorizontalScroll(page, "word applied 320");
      await shot(page, "word-04-applied-zh-320");
    },
  );

  await reportScenario("Word: a click on a figure selects its control in the document", "host=word&width=320", async ({ page }) => {
    const row = page.locator("[data-testid=word-figure][data-figure='eg.count']");
    await row.getByTestId("word-figure-select").click();
    await page.waitForFunction(() => window.__playground.word.selection()?.tag === "lr:eg.count");
    const selected = await page.evaluate(() => window.__playground.word.selection());
    const state = await documentState(page);
    assert(selected.text === controlTexts(state, "eg.count")[0], `selected text ${selected.text}`);
    await assertPaneUsable(page, "after selecting a figure");
  });

  await reportScenario(
    "Word: before a refresh the pane says the saved file is read, and shows when it was saved",
    "host=word&width=320",
    async ({ page }) => {
      assert((await page.getByTestId("refresh-save-first").textContent()).includes("请先在 Excel 中保存"), "no reminder to save first");
      const savedAt = Date.UTC(2026, 11, 6, 1, 5); // 09:05 in Asia/Shanghai
      await page.getByTestId("refresh-pick-input").evaluate(
        (input, { bytes, name, savedAt }) => {
          const file = new File([new Uint8Array(bytes)], name, { lastModified: savedAt });
          const list = new DataTransfer();
          list.items.add(file);
          input.files = list.files;
          input.dispatchEvent(new Event("change", { bubbles: true }));
        },
        { bytes: [...sampleFile().buffer], name: "sample-ledgers.xlsx", savedAt },
      );
      await page.getByTestId("review").waitFor();
      const saved = await page.getByTestId("review-file-saved").textContent();
      assert(
        saved.includes("sample-ledgers.xlsx") && saved.includes("2026年12月6日") && saved.includes("09:05"),
        `saved-at line: ${saved}`,
      );
      await page.getByTestId("word-review").screenshot({ path: join(shots, "word-09-review-saved-at-zh-320.png") });
    },
  );

  await reportScenario(
    "Word: a hand edit the ledgers did not move is kept as written, not a conflict",
    "host=word&width=320",
    async ({ page }) => {
      await page.getByTestId("sim-edit-figure").click(); // partners.count 11 → 十一; the sample still says 11
      await reviewRefreshFrom(page, sampleFile());
      assert((await page.getByTestId("review-conflict").count()) === 0, "十一 over an unchanged 11 is not a conflict");
      assert((await page.getByTestId("review-kept").textContent()).includes("党建共建单位数"), "the kept edit should be named");
      const rows = await statuses(page);
      assert(rows.get("partners.count").detail.includes("保留你的写法"), `status detail: ${rows.get("partners.count").detail}`);
      await applyReview(page);
      const after = await documentState(page);
      assert(controlTexts(after, "partners.count").join() === "十一", "the clerk's 十一 must stay");
      assert((await page.getByTestId("outcome").textContent()).includes("Ctrl+Z"), "the undo hint on this platform is Ctrl+Z");
    },
  );

  await reportScenario(
    "Word: 生成下一年度 makes next year's report as a new file from the open document, which stays as it was",
    "host=word&width=320",
    async ({ page }) => {
      await page.getByTestId("sim-edit-figure").click(); // partners.count 11 → 十一
      const before = await documentState(page);
      const pick = () => page.getByTestId("next-year-pick-input").setInputFiles(sampleFile());
      // Cancel first: nothing is saved, nothing changes.
      await pick();
      await page.getByTestId("next-year-file-review").waitFor();
      await page.getByTestId("next-year-cancel").click();
      await page.waitForFunction(() => !document.querySelector("[data-testid=next-year-file-review]"));
      await pick();
      await page.getByTestId("next-year-file-review").waitFor();
      const note = await page.getByTestId("next-year-file-note").textContent();
      assert(note.includes("2023") && note.includes(".docx") && note.includes("不会被改动"), `the note should name 2023's file: ${note}`);
      const listed = await page
        .locator(
          "[data-testid=next-year-file-review] [data-testid=review-conflict], [data-testid=next-year-file-review] [data-testid=review-kept]",
        )
        .allTextContents();
      assert(listed.join().includes("党建共建单位数"), `the hand-typed figure should be listed: ${listed}`);
      await assertNoHorizontalScroll(page, "word next year file 320");
      await page.screenshot({ path: join(shots, "word-13-next-year-file-zh-320.png"), fullPage: true });
      const nextYear = await downloadBy(page, "next-year-save");
      assert(/2023\.docx$/.test(nextYear.name), `next year's file name: ${nextYear.name}`);
      const xml = nextYear.parts()["word/document.xml"];
      assert(xml && new TextDecoder().decode(xml).includes("十一"), "the new file keeps the clerk's 十一");
      await page.getByTestId("next-year-saved").waitFor();
      const after = await documentState(page);
      assert(JSON.stringify(after) === JSON.stringify(before), "the open document must not change");
      await page.screenshot({ path: join(shots, "word-14-next-year-saved-zh-320.png"), fullPage: true });
      // The pane still works: it reads the (unchanged, 2022) report again.
      await readAgain(page);
    },
  );

  // Word on a Mac cannot download from the pane: next year is made in the open document, with its Save As warning.
  await reportScenario(
    "Word on a Mac: 生成下一年度 turns the open report into next year's, words kept, the hand-typed figure listed and kept",
    "host=word&width=320&platform=Mac",
    async ({ page }) => {
      await page.getByTestId("sim-edit-narrative").click();
      await page.getByTestId("sim-edit-figure").click(); // partners.count 11 → 十一
      const before = await documentState(page);
      assert(
        controlTexts(before, "setting.year").every((t) => t === "2022"),
        `the report's year: ${controlTexts(before, "setting.year")}`,
      );
      await page.getByTestId("next-year-pick-input").setInputFiles(sampleFile());
      await page.getByTestId("review").waitFor();
      const note = await page.getByTestId("next-year-note").textContent();
      assert(note.includes("2023") && note.includes("另存为"), `the note should say 2023 and Save As: ${note}`);
      const listed = await page.locator("[data-testid=review-conflict], [data-testid=review-kept]").allTextContents();
      assert(listed.join().includes("党建共建单位数"), `the hand-typed figure should be listed: ${listed}`);
      await assertNoHorizontalScroll(page, "word next year 320");
      await page.screenshot({ path: join(shots, "word-12-next-year-zh-320.png"), fullPage: true });
      await applyReview(page);
      const after = await documentState(page);
      assert(
        controlTexts(after, "setting.year").every((t) => t === "2023"),
        `next year's year slots: ${controlTexts(after, "setting.year")}`,
      );
      assert(controlTexts(after, "partners.count").join() === "十一", "the clerk's 十一 must stay");
      assert(after.paragraphs.join("\n") !== before.paragraphs.join("\n"), "the document should have changed");
      assert(
        after.paragraphs.some((p) => p.includes("经办人")) === before.paragraphs.some((p) => p.includes("经办人")),
        "the narrative edit stays",
      );
      // The pane still works: it reads the document again as the 2023 report.
      await readAgain(page);
    },
  );

  await reportScenario("Word on a Mac: the undo hint says ⌘Z", "host=word&width=320&platform=Mac", async ({ page }) => {
    await reviewRefreshFrom(page, changedFile);
    await applyReview(page);
    assert(
      (await page.getByTestId("outcome").textContent()).includes("⌘Z"),
      `undo hint: ${await page.getByTestId("outcome").textContent()}`,
    );
  });

  await reportScenario("Word: taking the new value for one hand-edited figure writes it", "host=word&width=320", async ({ page }) => {
    await page.getByTestId("sim-edit-figure").click();
    await reviewRefreshFrom(page, changedFile);
    await page.getByTestId("review-conflict").getByRole("radio", { name: "采用新值" }).check();
    await applyReview(page);
    const after = await documentState(page);
    assert(controlTexts(after, "partners.count").join() === "12", `partners.count: ${controlTexts(after, "partners.count")}`);
    assert((await page.getByTestId("outcome").textContent()).includes("保留手工修改 0 项"), "no edit should be counted as kept");
  });

  await reportScenario("Word, English at 450 px: the status view", "host=word&lang=en&width=450", async ({ page }) => {
    await page.getByTestId("sim-edit-figure").click();
    await page.getByTestId("sim-delete-figure").click();
    const rows = await readAgain(page);
    assert(rows.get("goals.count").badge === "Up to date", `badge: ${rows.get("goals.count").badge}`);
    assert(rows.get("partners.count").badge === "Edited by hand", `badge: ${rows.get("partners.count").badge}`);
    assert(rows.get("donations.count").badge === "Deleted", `badge: ${rows.get("donations.count").badge}`);
    assert(
      (await page.getByRole("heading", { name: `Linked items in the report (${rows.size})` }).count()) === 1,
      "English heading missing",
    );
    assert((await page.getByTestId("info-period").textContent()) === "Jan 1, 2022 – Dec 31, 2022", "English period");
    await assertNoHorizontalScroll(page, "word status 450 en");
    await shot(page, "word-05-status-en-450");
  });

  await wordScenario("Word, unlinked document: 插入报告 from a picked workbook", "host=word&empty=1&width=320", async ({ page }) => {
    await page.getByTestId("insert-view").waitFor();
    await page.getByTestId("insert-pick-input").setInputFiles(sampleFile());
    await page.getByTestId("insert-ready").waitFor();
    assert(
      (await page.getByTestId("insert-ready").textContent()).includes("替换当前文档中的全部内容"),
      "the pane must say the insert replaces the document",
    );
    await assertNoHorizontalScroll(page, "word insert 320");
    await shot(page, "word-06-insert-zh-320");
    await page.getByTestId("insert").click();
    const outcome = page.getByTestId("outcome");
    await outcome.waitFor();
    assert((await outcome.textContent()).includes("保留了页面设置和页码"), `insert outcome: ${await outcome.textContent()}`);
    const rows = await statuses(page);
    assert(
      FIGURES.every((id) => rows.has(id)),
      `the inserted report should list every figure, saw ${[...rows.keys()].join()}`,
    );
    const state = await documentState(page);
    assert(
      FIGURES.every((id) => controlTexts(state, id).length > 0),
      "the figure controls were not inserted",
    );
    linkXml(state);
    await shot(page, "word-07-inserted-zh-320");
  });

  const otherFile = await otherWorkbook();

  await reportScenario(
    "Word: 刷新数据 from another workbook shows both and asks; cancel writes nothing, proceed reviews",
    "host=word&width=320",
    async ({ page }) => {
      const before = await documentState(page);
      await page.getByTestId("refresh-pick-input").setInputFiles(otherFile);
      const dialog = page.getByTestId("other-workbook-dialog");
      await dialog.waitFor();
      await page.waitForTimeout(500); // let the dialog finish fading in
      const report = await page.getByTestId("other-workbook-report").textContent();
      const chosen = await page.getByTestId("other-workbook-chosen").textContent();
      assert(report.includes("sample-ledgers.xlsx") && report.includes("5d1c2b7e"), `report line: ${report}`);
      assert(chosen.includes("别处的台账.xlsx") && chosen.includes("0000000000aa"), `chosen line: ${chosen}`);
      await page.screenshot({ path: join(shots, "word-09-other-workbook-zh.png") });
      await page.getByTestId("other-workbook-cancel").click();
      await dialog.waitFor({ state: "detached" });
      assert((await page.getByTestId("word-review").count()) === 0, "cancel must not review");
      const after = await documentState(page);
      assert(JSON.stringify(after) === JSON.stringify(before), "cancel must leave the document as it was");

      await page.getByTestId("refresh-pick-input").setInputFiles(otherFile);
      await dialog.waitFor();
      await page.getByTestId("other-workbook-proceed").click();
      await page.getByTestId("word-review").waitFor();
      assert(
        (await page.getByTestId("word-review").textContent()).includes("另一个工作簿"),
        "the review should say it is another workbook",
      );
      await assertNoHorizontalScroll(page, "word other workbook 320");
      await applyReview(page);
      // The pane still works: reload reads the document again.
      await readAgain(page);
    },
  );

  await wordScenario(
    "Excel: 更新已有报告 of a report from another workbook shows both and asks before anything",
    "width=320",
    async ({ page }) => {
      const reportFile = (await generatedAndSaved(page)).file;
      // The clerk opens a different workbook in Excel and picks that report.
      await openWorkbookInExcel(page, otherFile);
      await page.getByTestId("tab-generate").click();
      await page.getByTestId("update-pick-input").setInputFiles(reportFile);
      const dialog = page.getByTestId("other-workbook-dialog");
      await dialog.waitFor();
      await page.waitForTimeout(500);
      assert((await page.getByTestId("other-workbook-chosen").textContent()).includes("0000000000aa"), "the chosen workbook's id");
      await page.screenshot({ path: join(shots, "word-10-excel-other-workbook-zh.png") });
      await page.getByTestId("other-workbook-cancel").click();
      await dialog.waitFor({ state: "detached" });
      assert((await page.getByTestId("update-review").count()) === 0, "cancel must not review");
      await page.getByTestId("update-pick-input").setInputFiles(reportFile);
      await dialog.waitFor();
      await page.getByTestId("other-workbook-proceed").click();
      await page.getByTestId("update-review").waitFor();
      const refreshed = await downloadBy(page, "update-save");
      assert(refreshed.name.endsWith(".refreshed.docx"), `file name ${refreshed.name}`);
    },
  );

  await wordScenario(
    "Excel: 生成下一年度 from last year's report downloads next year's report, the old file untouched",
    "width=320",
    async ({ page }) => {
      const report = await generatedAndSaved(page);
      const lastYear = report.slots().get("setting.year")?.[0];
      assert(lastYear === "2022", `the generated report's year: ${lastYear}`);

      await page.getByTestId("update-next-year-pick-input").setInputFiles(report.file);
      await page.getByTestId("update-review").waitFor();
      const note = await page.getByTestId("update-next-year-note").textContent();
      assert(note.includes("2022") && note.includes("2023"), `the note should name both years: ${note}`);
      const updates = await listedFigures(page, "review-update");
      assert(updates.includes("setting.year"), `the year slot should be updated: ${JSON.stringify(updates)}`);
      await assertNoHorizontalScroll(page, "excel next year 320");
      await page.getByTestId("update-report").screenshot({ path: join(shots, "word-11-excel-next-year-zh-320.png") });

      const nextYear = await downloadBy(page, "update-save");
      const name = nextYear.name;
      assert(name.includes("2023") && name !== report.name, `next year's file name ${name} (last year's ${report.name})`);
      const slots = nextYear.slots();
      assert(
        slots.get("setting.year")?.every((t) => t === "2023"),
        `setting.year in next year's file: ${slots.get("setting.year")}`,
      );
      assert((await page.getByTestId("update-save-note").textContent()).includes(name), "the save note should name the new file");
      // The pane still works: an ordinary update of the same report right after.
      await page.getByTestId("update-pick-input").setInputFiles(report.file);
      await page.waitForFunction(() => !document.querySelector("[data-testid=update-next-year-note]"));
      await page.getByTestId("update-review").waitFor();
    },
  );

  await wordScenario(
    "Excel: 更新已有报告 with a generated .docx downloads a .refreshed.docx with the new figures",
    "width=320",
    async ({ page }) => {
      const report = await generatedAndSaved(page);

      // The ledgers change in Excel: the side panel opens the changed copy in the simulated host.
      await openWorkbookInExcel(page, changedFile);
      await page.getByTestId("tab-generate").click();
      await page.getByTestId("update-pick-input").setInputFiles(report.file);
      await page.getByTestId("update-review").waitFor();
      const updates = await page
        .getByTestId("review-update")
        .evaluateAll((items) => items.map((li) => [li.getAttribute("data-figure"), li.textContent]));
      assert(
        updates.some(([id, text]) => id === "eg.count" && text.includes("3372 → 3371")),
        `updates: ${JSON.stringify(updates)}`,
      );
      assert(
        updates.some(([id, text]) => id === "partners.count" && text.includes("11 → 12")),
        `updates: ${JSON.stringify(updates)}`,
      );
      await assertNoHorizontalScroll(page, "excel update 320");
      await page.getByTestId("update-report").screenshot({ path: join(shots, "word-08-excel-update-zh-320.png") });

      const refreshed = await downloadBy(page, "update-save");
      const expected = report.name.replace(/\.docx$/, ".refreshed.docx");
      assert(refreshed.name === expected, `file name ${refreshed.name}, expected ${expected}`);
      const slots = refreshed.slots();
      assert(slots.get("eg.count")?.join() === "3371", `eg.count in the refreshed file: ${slots.get("eg.count")}`);
      assert(
        slots.get("partners.count")?.every((t) => t === "12"),
        `partners.count in the refreshed file: ${slots.get("partners.count")}`,
      );
      assert((await page.getByTestId("update-save-note").textContent()).includes(expected), "the save note should name the file");
    },
  );
});
