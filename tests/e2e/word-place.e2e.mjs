// Browser test of 放置指标 in the Word pane (playground ?host=word, simulated Word) on a clerk's own
// document with placeholders (examples/fill-template.docx): pick the workbook, search the figures,
// 将占位符转为指标, insert a figure at the cursor, then 刷新数据 after a ledger change — every control
// used, the pane proven usable after each step. Screenshots: docs/screenshots/word-place-*.png.
// Build first: npx webpack --mode production --env playground
// Run:         node tests/e2e/word-place.e2e.mjs
import { join } from "node:path";
import {
  applyReview,
  assert,
  assertNoHorizontalScroll,
  assertPaneUsable,
  editedSample,
  paneScenario,
  reviewRefreshFrom,
  runScenarios,
  sampleFile,
  sampleWithIssuerTable,
  setWorkbookId,
  shot,
  shots,
  useEveryControl,
  paneTexts,
  wordFiguresAppear,
} from "./harness.mjs";

const DOC = "doc=examples/fill-template.docx";

/** The sample a week on: one e-guarantee entered by mistake deleted, so 电子保函笔数 moves. */
function changedWorkbook() {
  return editedSample("sample-ledgers.xlsx", (workbook) => workbook.getWorksheet("电子保函-交易一科").spliceRows(3, 1));
}

/** The sample under another 工作簿ID: a colleague's copy, not the report's workbook. */
function otherWorkbook() {
  return editedSample("别处的台账.xlsx", (workbook) => setWorkbookId(workbook, "9f0e0000-0000-4000-8000-0000000000aa"));
}

/** The sample a week on (one e-guarantee fewer) under another 工作簿ID: another workbook where 电子保函笔数 differs. */
function otherChangedWorkbook() {
  return editedSample("别处的新台账.xlsx", (workbook) => {
    workbook.getWorksheet("电子保函-交易一科").spliceRows(3, 1);
    setWorkbookId(workbook, "9f0e0000-0000-4000-8000-0000000000bb");
  });
}

async function documentState(page) {
  return page.evaluate(() => ({ controls: window.__playground.word.controls(), paragraphs: window.__playground.word.paragraphs() }));
}
const textsOf = (state, id) => state.controls.filter((c) => c.tag === `lr:${id}`).map((c) => c.text);

/** 放置指标's workbook picked (the sample unless another is given): the figures are listed to place. */
async function pickWorkbook(page, file = sampleFile()) {
  await page.getByTestId("place-workbook-input").setInputFiles(file);
  await page.getByTestId("convert-placeholders").waitFor();
}

/** Searches the figures for `search` and inserts figure `id` at the cursor, waiting for the pane to name it placed. */
async function insertFigure(page, search, id, name) {
  await page.getByTestId("figure-search").fill(search);
  await page.getByTestId(`insert-figure-${id}`).click();
  await page.getByTestId("place-outcome").filter({ hasText: name }).waitFor();
}

/**
 * 放置指标's workbook picked, then the cursor put where the clerk inserts: in the report's paragraph
 * that already says 开立投标保证电子保函…笔 (after 充分释放企业现金流).
 */
async function readyToInsert(page, file) {
  await pickWorkbook(page, file);
  await cursorAfter(page, "充分释放企业现金流");
}

/**
 * A scenario on the sample's generated report open in Word (320 px unless the query says more), its
 * figures listed before the steps begin.
 */
const reportScenario = (name, steps, query = "host=word&width=320") =>
  paneScenario(name, query, async (opened) => {
    await wordFiguresAppear(opened.page);
    await steps(opened);
  });

/** Puts the simulated Word's cursor after this text of the document. */
const cursorAfter = (page, text) => page.evaluate((t) => window.__playground.word.placeCursorAfter(t), text);

runScenarios(async () => {
  const changed = await changedWorkbook();

  await paneScenario(
    "Word, a clerk's own document at 320 px: pick the workbook, search, 将占位符转为指标, insert at the cursor, 刷新数据",
    `host=word&width=320&${DOC}`,
    async ({ page }) => {
      await page.getByTestId("place-figures").waitFor();
      await pickWorkbook(page);
      // Grouped by ledger, settings last; the search narrows by name.
      const groups = await page.locator("[data-testid=place-figures] h3").allTextContents();
      assert(groups.includes("电子保函") && groups[groups.length - 1] === "报告设置", `groups: ${groups.join()}`);
      await assertNoHorizontalScroll(page, "place 320");
      await shot(page, "word-place-01-figures-zh-320");
      await page.getByTestId("figure-search").fill("保函");
      assert(await page.getByTestId("place-eg.count").isVisible(), "电子保函笔数 should match 保函");
      assert((await page.getByTestId("place-partners.count").count()) === 0, "党建共建单位数 should not match 保函");
      await shot(page, "word-place-02-search-zh-320");
      await page.getByTestId("figure-search").fill("没有这个");
      await page.getByTestId("figure-search-empty").waitFor();
      await page.getByTestId("figure-search").fill("");

      await page.getByTestId("convert-placeholders").click();
      const outcome = page.getByTestId("place-outcome");
      await outcome.waitFor();
      const said = await outcome.textContent();
      assert(said.includes("{{不认识的指标}}"), `the unknown placeholder must be named: ${said}`);
      let state = await documentState(page);
      const count = textsOf(state, "eg.count");
      assert(count.length === 2 && count.every((t) => t === "3372"), `eg.count controls: ${JSON.stringify(count)}`);
      assert(textsOf(state, "setting.year").join() === "2022", "the title's year should be a control");
      assert(
        state.paragraphs.some((p) => p.includes("{{不认识的指标}}")),
        "the unknown placeholder stays as typed",
      );
      // The document is now linked: the pane lists its figures.
      await wordFiguresAppear(page);
      await assertPaneUsable(page, "after 将占位符转为指标");
      await shot(page, "word-place-03-converted-zh-320");

      await page.getByTestId("sim-place-cursor").click();
      await insertFigure(page, "服务企业", "eg.firms", "服务企业家数");
      state = await documentState(page);
      assert(
        textsOf(state, "eg.firms").length === 2,
        `eg.firms should now be in the document twice: ${JSON.stringify(textsOf(state, "eg.firms"))}`,
      );
      assert(
        state.paragraphs.some((p) => p.includes("为企业减少资金占用1300余")),
        `inserted at the cursor: ${state.paragraphs.join(" | ")}`,
      );
      await shot(page, "word-place-04-inserted-zh-320");

      await reviewRefreshFrom(page, changed);
      await applyReview(page);
      state = await documentState(page);
      assert(
        textsOf(state, "eg.count").every((t) => t === "3371"),
        `eg.count after the refresh: ${textsOf(state, "eg.count")}`,
      );
      await assertPaneUsable(page, "after 刷新数据");
      await shot(page, "word-place-05-refreshed-zh-320");
    },
  );

  await reportScenario(
    "On a generated report the playground's cursor button clicks after words the report has, and 插入 lands there",
    async ({ page }) => {
      const button = page.getByTestId("sim-place-cursor");
      const label = await button.textContent();
      const target = /“(.+)”/.exec(label)?.[1];
      assert(target && target !== "—", `the button should name text to click after: ${label}`);
      let state = await documentState(page);
      assert(
        state.paragraphs.some((p) => p.includes(target)),
        `“${target}” is not in the report: ${state.paragraphs.join(" | ")}`,
      );
      await button.click();
      assert(
        (await page.getByTestId("sim-load-error").count()) === 0,
        `the click failed: ${await page
          .getByTestId("sim-load-error")
          .textContent()
          .catch(() => "")}`,
      );
      assert((await page.getByTestId("sim-edits").textContent()).includes("cursor"), "the click is listed among the clerk's edits");
      await pickWorkbook(page);
      await insertFigure(page, "服务企业", "eg.firms", "服务企业家数");
      state = await documentState(page);
      const firms = textsOf(state, "eg.firms");
      assert(
        state.paragraphs.some((p) => firms.some((t) => p.includes(`${target}${t}`))),
        `the figure should follow “${target}”: ${state.paragraphs.join(" | ")}`,
      );
      await assertPaneUsable(page, "after 插入 at the clicked place");
    },
  );

  await reportScenario(
    "Word, the sample's report at 320 px: inserting 电子保函笔数 from a workbook where it differs asks first; refresh first, or the document's value",
    async ({ page }) => {
      const cursor = () => cursorAfter(page, "充分释放企业现金流");
      await pickWorkbook(page, changed);
      await page.getByTestId("figure-search").fill("保函笔数");
      let state = await documentState(page);
      const copies = textsOf(state, "eg.count").length;
      assert(
        textsOf(state, "eg.count").every((t) => t === "3372"),
        `the report's eg.count: ${textsOf(state, "eg.count")}`,
      );

      // 1. Asked, cancelled: nothing placed.
      await cursor();
      await page.getByTestId("insert-figure-eg.count").click();
      const dialog = page.getByTestId("place-differs-dialog");
      await dialog.waitFor();
      const said = await page.getByTestId("place-differs-figure").textContent();
      assert(said.includes("3372") && said.includes("3371"), `the dialog names both values: ${said}`);
      // Each choice says what it does: the document's number is inserted; or a refresh instead, inserting nothing.
      const recordedText = await page.getByTestId("place-differs-recorded").textContent();
      assert(recordedText === "插入文档中已有的数字", `the recorded choice: ${recordedText}`);
      const refreshText = await page.getByTestId("place-differs-refresh").textContent();
      assert(refreshText.includes("刷新整份报告") && refreshText.includes("不插入"), `the refresh choice: ${refreshText}`);
      const means = await page.getByTestId("place-differs-refresh-means").textContent();
      assert(means.includes("您确认后才写入") && !means.includes("不是生成这份报告"), `the refresh choice's meaning: ${means}`);
      await page.waitForTimeout(500); // let the dialog finish fading in
      await page.screenshot({ path: join(shots, "word-place-07-differs-zh-320.png") });
      await page.getByTestId("place-differs-cancel").click();
      await dialog.waitFor({ state: "detached" });
      state = await documentState(page);
      assert(textsOf(state, "eg.count").length === copies, "cancelled: nothing may be placed");

      // 2. The document's value: one more copy, the same number, and the status stays 最新.
      await page.getByTestId("insert-figure-eg.count").click();
      await dialog.waitFor();
      await page.getByTestId("place-differs-recorded").click();
      await page.getByTestId("place-outcome").waitFor();
      state = await documentState(page);
      const placed = textsOf(state, "eg.count");
      assert(placed.length === copies + 1 && placed.every((t) => t === "3372"), `eg.count after the recorded insert: ${placed}`);
      const status = await page.locator('[data-testid=word-figure][data-figure="eg.count"]').getAttribute("data-status");
      assert(status === "current", `eg.count's copies agree, so it is 最新, not ${status}`);
      await assertPaneUsable(page, "after inserting the document's value");

      // 3. Refresh first: the review of the picked workbook, applied to every copy; then the insert needs no question.
      await cursor();
      await page.getByTestId("insert-figure-eg.count").click();
      await dialog.waitFor();
      await page.getByTestId("place-differs-refresh").click();
      await page.getByTestId("review").waitFor();
      const update = await page.locator('[data-testid=review-update][data-figure="eg.count"]').textContent();
      assert(update.includes("3372 → 3371"), `the review: ${update}`);
      await applyReview(page);
      await cursor();
      await page.getByTestId("insert-figure-eg.count").click();
      await page.getByTestId("place-outcome").filter({ hasText: "电子保函笔数" }).waitFor();
      state = await documentState(page);
      const after = textsOf(state, "eg.count");
      assert(after.length === copies + 2 && after.every((t) => t === "3371"), `eg.count after refresh + insert: ${after}`);
      await assertPaneUsable(page, "after refresh first, then insert");
      await shot(page, "word-place-08-refreshed-then-inserted-zh-320");
    },
  );

  await reportScenario(
    "Word, the sample's report at 320 px: inserting from another workbook (another 工作簿ID) asks as 刷新数据 does",
    async ({ page }) => {
      await readyToInsert(page, await otherWorkbook());
      const before = (await documentState(page)).controls.length;
      await page.getByTestId("figure-search").fill("服务企业");
      await page.getByTestId("insert-figure-eg.firms").click();
      const dialog = page.getByTestId("other-workbook-dialog");
      await dialog.waitFor();
      const chosen = await page.getByTestId("other-workbook-chosen").textContent();
      assert(chosen.includes("别处的台账.xlsx"), `the dialog names the chosen workbook: ${chosen}`);
      // It speaks of inserting — what happens to the inserted figure and that nothing else changes — not of refreshing.
      const body = await page.getByTestId("other-workbook-body").textContent();
      assert(body.includes("只有这次插入的指标") && body.includes("都不变") && !body.includes("全部按它重新计算"), `the body: ${body}`);
      const proceed = await page.getByTestId("other-workbook-proceed").textContent();
      assert(proceed === "仍从这个工作簿插入", `the go-on button: ${proceed}`);
      await page.waitForTimeout(500); // let the dialog finish fading in
      await page.screenshot({ path: join(shots, "word-place-09-other-workbook-zh-320.png") });
      await page.getByTestId("other-workbook-cancel").click();
      await dialog.waitFor({ state: "detached" });
      assert((await documentState(page)).controls.length === before, "cancelled: nothing placed");
      await page.getByTestId("convert-placeholders").click();
      await dialog.waitFor();
      const convertBody = await page.getByTestId("other-workbook-body").textContent();
      assert(convertBody.includes("占位符转为指标") && convertBody.includes("都不变"), `converting's body: ${convertBody}`);
      assert(
        (await page.getByTestId("other-workbook-proceed").textContent()) === "仍从这个工作簿转换占位符",
        "converting's go-on button says converting",
      );
      await page.getByTestId("other-workbook-cancel").click();
      await dialog.waitFor({ state: "detached" });
      await page.getByTestId("insert-figure-eg.firms").click();
      await dialog.waitFor();
      await page.getByTestId("other-workbook-proceed").click();
      await dialog.waitFor({ state: "detached" });
      await page.getByTestId("place-outcome").filter({ hasText: "服务企业家数" }).waitFor();
      assert((await documentState(page)).controls.length === before + 1, "confirmed: the figure is placed");
      await assertPaneUsable(page, "after placing from another workbook");
    },
  );

  await reportScenario(
    "Word, the sample's report at 320 px: inserting from another workbook where the figure differs asks each thing once — refreshing instead does not ask about the workbook again",
    async ({ page }) => {
      await readyToInsert(page, await otherChangedWorkbook());
      await page.getByTestId("figure-search").fill("保函笔数");
      const other = page.getByTestId("other-workbook-dialog");
      const differs = page.getByTestId("place-differs-dialog");
      await page.getByTestId("insert-figure-eg.count").click();
      await other.waitFor();
      await page.getByTestId("other-workbook-proceed").click();
      await other.waitFor({ state: "detached" });
      await differs.waitFor();
      const means = await page.getByTestId("place-differs-refresh-means").textContent();
      assert(
        means.includes("别处的新台账.xlsx") && means.includes("不是生成这份报告"),
        `the refresh choice names the other workbook: ${means}`,
      );
      await page.waitForTimeout(500); // let the dialog finish fading in
      await page.screenshot({ path: join(shots, "word-place-13-differs-other-workbook-zh-320.png") });
      await page.getByTestId("place-differs-refresh").click();
      await differs.waitFor({ state: "detached" });
      // Straight to the review: the clerk already chose this workbook, so the other-workbook question does not come back.
      await page.getByTestId("review").waitFor();
      assert((await other.count()) === 0, "refreshing instead must not ask about the other workbook again");
      await applyReview(page);
      await cursorAfter(page, "充分释放企业现金流");
      await page.getByTestId("insert-figure-eg.count").click();
      await page.getByTestId("place-outcome").filter({ hasText: "电子保函笔数" }).waitFor();
      assert((await other.count()) === 0 && (await differs.count()) === 0, "after the refresh, inserting asks nothing");
      const counts = textsOf(await documentState(page), "eg.count");
      assert(
        counts.every((t) => t === "3371"),
        `every copy says the refreshed number: ${counts}`,
      );
      await assertPaneUsable(page, "after refreshing instead, then inserting");
    },
  );

  for (const [lang, none, all] of [
    ["zh", "文档中没有找到", "全部门"],
    ["en", "No {{…}} placeholders", "All departments"],
  ])
    await reportScenario(
      `Word (${lang}): 将占位符转为指标 on a report without placeholders is information with what to do, not a success; the scope reads ${all}`,
      async ({ page }) => {
        const scope = await page.getByTestId("info-scope").textContent();
        assert(scope.includes(all), `the report's scope: ${scope}`);
        await pickWorkbook(page);
        const before = (await documentState(page)).controls.length;
        await page.getByTestId("convert-placeholders").click();
        const outcome = page.getByTestId("place-outcome");
        await outcome.waitFor();
        const said = await outcome.textContent();
        assert(said.includes(none) && said.includes(lang === "en" ? "{{name}}" : "{{名称}}"), `the outcome: ${said}`);
        assert((await outcome.getAttribute("data-intent")) === "info", "nothing found is information, not a success");
        assert((await documentState(page)).controls.length === before, "nothing converted");
        // Said once: the outcome is read aloud where it shows, not repeated in the live region.
        assert((await paneTexts(page)).filter((t) => t.includes(none)).length === 1, "the outcome is in the pane once");
        await assertPaneUsable(page, `${lang}: after converting a document without placeholders`);
        // The report's details (the scope) and 放置指标 with its outcome, each as the clerk sees it at 320 px.
        await page.getByTestId("report-info").screenshot({ path: join(shots, `word-place-14-scope-${lang}-320.png`) });
        await page.getByTestId("place-figures").evaluate((el) => el.scrollIntoView());
        await page.screenshot({
          path: join(shots, `word-place-15-no-placeholders-${lang}-320.png`),
          clip: { x: 0, y: 0, width: 320, height: 520 },
        });
      },
      `host=word&width=320${lang === "en" ? "&lang=en" : ""}`,
    );

  await reportScenario(
    "Word, the sample's report at 320 px: a refresh judges each copy of a figure — one that differs from unchanged ledgers is listed, never 'all agree'",
    async ({ page }) => {
      // 城市 is written twice; the second copy now says something else, the ledgers unchanged.
      await page.evaluate(() => window.__playground.word.typeInControl("lr:setting.city", "某县", 1));
      await page.getByTestId("reload").click();
      await wordFiguresAppear(page);
      await reviewRefreshFrom(page, sampleFile());
      const summary = await page.getByTestId("review-summary").textContent();
      assert(!summary.includes("所有数字都与台账一致"), `a differing copy is not "all agree": ${summary}`);
      const listed = await page.locator('[data-testid=review-differing][data-figure="setting.city"]').textContent();
      assert(listed.includes("某县") && listed.includes("某市"), `the differing copy is listed with both texts: ${listed}`);
      const detail = await page.locator('[data-testid=word-figure][data-figure="setting.city"]').textContent();
      assert(detail.includes("某县") && detail.includes("台账：某市"), `the status row says both: ${detail}`);
      await shot(page, "word-place-10-differing-copy-zh-320");
      await page.getByTestId("review-differing-take").click();
      // Still a place that differs (the ledgers did not change), now going back to the ledgers' value; counted in 将更新.
      const retaken = page.locator('[data-testid=review-retaken][data-figure="setting.city"]');
      await retaken.waitFor();
      assert(
        (await retaken.textContent()).includes("保存时改为台账值：某市"),
        `the retaken copy says what saving does: ${await retaken.textContent()}`,
      );
      assert((await page.getByTestId("review-conflict").count()) === 0, "the ledgers did not change: no 手工修改 (台账的值也变了) entry");
      const counted = await page.getByTestId("review-summary").textContent();
      assert(counted.includes("将更新 1 项"), `the summary counts what saving writes: ${counted}`);
      // Keeping it again puts it back as it was, then the ledgers' value is taken for good.
      await page.getByTestId("review-retaken-keep").click();
      await page.locator('[data-testid=review-differing][data-figure="setting.city"]').waitFor();
      await page.getByTestId("review-differing-take").click();
      await retaken.waitFor();
      await shot(page, "word-place-10b-differing-taken-zh-320");
      await applyReview(page);
      const cities = textsOf(await documentState(page), "setting.city");
      assert(cities.length === 2 && cities.every((t) => t === "某市"), `both copies say the ledgers' value: ${cities}`);
      await assertPaneUsable(page, "after taking the ledgers' value for a differing copy");
    },
  );

  await reportScenario(
    "Word, the sample's report at 320 px: a table figure inserted at the cursor, refreshed, its review by group and cell",
    async ({ page }) => {
      await readyToInsert(page, await sampleWithIssuerTable());
      const paragraphs = (await documentState(page)).paragraphs;
      await insertFigure(page, "出函机构", "eg.by_issuer", "电子保函按出函机构");
      let state = await documentState(page);
      const table = textsOf(state, "eg.by_issuer");
      assert(table.length === 1 && table[0].includes("出函机构") && table[0].includes("合计"), `the table figure's control: ${table}`);
      const at = paragraphs.findIndex((p) => p.includes("充分释放企业现金流"));
      assert(state.paragraphs[at] === paragraphs[at], "the cursor's paragraph stays whole; the table goes after it");
      await page.locator('[data-testid=word-figure][data-figure="eg.by_issuer"]').waitFor();
      await assertPaneUsable(page, "after inserting a table figure");
      await shot(page, "word-place-11-table-inserted-zh-320");

      await reviewRefreshFrom(page, await sampleWithIssuerTable({ drop: 40 }));
      const changes = await page
        .locator('[data-testid=review-update][data-figure="eg.by_issuer"] [data-testid=review-table-change]')
        .allTextContents();
      assert(
        changes.length > 0 && changes.some((c) => c.startsWith("合计「数量」")),
        `the table's review by group and cell: ${changes.join(" | ")}`,
      );
      assert(
        changes.every((c) => !c.includes("\n")),
        "each change is one cell, not the whole table",
      );
      await shot(page, "word-place-12-table-review-zh-320");
      await applyReview(page);
      state = await documentState(page);
      assert(textsOf(state, "eg.by_issuer")[0] !== table[0], "the table was refreshed in place");
      await assertPaneUsable(page, "after refreshing a table figure");
    },
  );

  for (const [lang, width, input] of [
    ["zh", 320, "mouse"],
    ["en", 450, "keyboard"],
  ]) {
    const where = `place ${lang} ${width} ${input}`;
    const query = `host=word&width=${width}&${DOC}${lang === "en" ? "&lang=en" : ""}`;
    await paneScenario(`Every control of 放置指标 (${lang}, ${width} px, ${input}) leaves the pane usable`, query, async ({ page }) => {
      await page.getByTestId("place-figures").waitFor();
      await assertPaneUsable(page, `${where}: on opening`);
      await pickWorkbook(page);
      await page.getByTestId("sim-place-cursor").click();
      // Every insert button, the converter and the rest; the report insert would replace the clerk's words.
      const used = await useEveryControl(page, where, input, { skip: ["insert"] });
      for (const id of ["convert-placeholders", "insert-figure-eg.count", "insert-figure-setting.org_name", "place-workbook"])
        assert(used.includes(`id:${id}`), `${where}: ${id} was never used (used: ${used.join(", ")})`);
      await assertPaneUsable(page, `${where}: after every control`);
      await assertNoHorizontalScroll(page, where);
      if (lang === "en") await shot(page, "word-place-06-en-450");
    });
  }
});
