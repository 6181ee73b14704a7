// Browser test of 放置指标 in the Word pane (playground ?host=word, simulated Word) on a clerk's own
// document with placeholders (examples/fill-template.docx): pick the workbook, search the figures,
// 将占位符转为指标, insert a figure at the cursor, then 刷新数据 after a ledger change — every control
// used, the pane proven usable after each step. Screenshots: docs/screenshots/word-place-*.png.
// Build first: npx webpack --mode production --env playground
// Run:         node tests/e2e/word-place.e2e.mjs
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import {
  assert,
  assertNoHorizontalScroll,
  assertPaneUsable,
  paneScenario,
  runScenarios,
  SAMPLE_LEDGERS as SAMPLE,
  shot,
  useEveryControl,
  XLSX_MIME,
} from "./harness.mjs";

const DOC = "doc=examples/fill-template.docx";

/** The sample a week on: one e-guarantee entered by mistake deleted, so 电子保函笔数 moves. */
async function changedWorkbook() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(SAMPLE));
  workbook.getWorksheet("电子保函-交易一科").spliceRows(3, 1);
  return { name: "sample-ledgers.xlsx", mimeType: XLSX_MIME, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

async function documentState(page) {
  return page.evaluate(() => ({ controls: window.__playground.word.controls(), paragraphs: window.__playground.word.paragraphs() }));
}
const textsOf = (state, id) => state.controls.filter((c) => c.tag === `lr:${id}`).map((c) => c.text);

async function pickWorkbook(page) {
  await page
    .getByTestId("place-workbook-input")
    .setInputFiles({ name: "sample-ledgers.xlsx", mimeType: XLSX_MIME, buffer: readFileSync(SAMPLE) });
  await page.getByTestId("convert-placeholders").waitFor();
}

runScenarios(async (browser, url) => {
  const changed = await changedWorkbook();

  await paneScenario(
    browser,
    url,
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
      await page.getByTestId("word-figure").first().waitFor();
      await assertPaneUsable(page, "after 将占位符转为指标");
      await shot(page, "word-place-03-converted-zh-320");

      await page.getByTestId("sim-place-cursor").click();
      await page.getByTestId("figure-search").fill("服务企业");
      await page.getByTestId("insert-figure-eg.firms").click();
      await page.getByTestId("place-outcome").filter({ hasText: "服务企业家数" }).waitFor();
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

      await page.getByTestId("refresh-pick-input").setInputFiles(changed);
      await page.getByTestId("review").waitFor();
      await page.getByTestId("apply").click();
      await page.getByTestId("outcome").waitFor();
      state = await documentState(page);
      assert(
        textsOf(state, "eg.count").every((t) => t === "3371"),
        `eg.count after the refresh: ${textsOf(state, "eg.count")}`,
      );
      await assertPaneUsable(page, "after 刷新数据");
      await shot(page, "word-place-05-refreshed-zh-320");
    },
  );

  await paneScenario(
    browser,
    url,
    "On a generated report the playground's cursor button clicks after words the report has, and 插入 lands there",
    "host=word&width=320",
    async ({ page }) => {
      await page.getByTestId("word-figure").first().waitFor();
      const button = page.getByTestId("sim-place-cursor");
      const label = await button.textContent();
      const target = /“(.+)”/.exec(label)?.[1];
      assert(target && target !== "—", `the button should name text to click after: ${label}`);
      let state = await documentState(page);
      assert(state.paragraphs.some((p) => p.includes(target)), `“${target}” is not in the report: ${state.paragraphs.join(" | ")}`);
      await button.click();
      assert((await page.getByTestId("sim-load-error").count()) === 0, `the click failed: ${await page.getByTestId("sim-load-error").textContent().catch(() => "")}`);
      assert((await page.getByTestId("sim-edits").textContent()).includes("cursor"), "the click is listed among the clerk's edits");
      await pickWorkbook(page);
      await page.getByTestId("figure-search").fill("服务企业");
      await page.getByTestId("insert-figure-eg.firms").click();
      await page.getByTestId("place-outcome").filter({ hasText: "服务企业家数" }).waitFor();
      state = await documentState(page);
      const firms = textsOf(state, "eg.firms");
      assert(
        state.paragraphs.some((p) => firms.some((t) => p.includes(`${target}${t}`))),
        `the figure should follow “${target}”: ${state.paragraphs.join(" | ")}`,
      );
      await assertPaneUsable(page, "after 插入 at the clicked place");
    },
  );

  for (const [lang, width, input] of [
    ["zh", 320, "mouse"],
    ["en", 450, "keyboard"],
  ]) {
    const where = `place ${lang} ${width} ${input}`;
    const query = `host=word&width=${width}&${DOC}${lang === "en" ? "&lang=en" : ""}`;
    await paneScenario(
      browser,
      url,
      `Every control of 放置指标 (${lang}, ${width} px, ${input}) leaves the pane usable`,
      query,
      async ({ page }) => {
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
      },
    );
  }
});
