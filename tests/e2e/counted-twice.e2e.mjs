// Browser test of finding #10-1 in the Excel pane (playground, simulated Excel): the sample with a
// hidden copy of its 电子保函 sheet (`… (2)`, Excel's name for a copied sheet). The 指标 list marks the
// guarantee count and amount "可能偏大" with the copy's cells, the way it marks 可能偏少, and not 服务企业家数
// (a distinct count); the 台账 tab's issues say the copy is hidden. The pane stays usable after.
//
// Then, in zh and en at 320 px on the sample (it repeats one 保函编号 across its two department sheets,
// both rows counted in 电子保函笔数 and 减少企业资金占用): the 生成 tab lists the may-be-too-large
// figures with their values and the question names them (取消 makes nothing, 仍然生成 makes it);
// 报告模板's 填写并下载 asks the same before downloading (取消 downloads nothing); 更新已有报告 over the
// report lists them although unchanged and asks before saving. The pane stays usable after.
// Build first: npx webpack --mode production --env playground
// Run:         node tests/e2e/counted-twice.e2e.mjs     (screenshot: docs/screenshots/counted-twice-zh-320.png)
import { join } from "node:path";
import { readFileSync } from "node:fs";
import {
  assert,
  assertNoHorizontalScroll,
  assertPaneUsable,
  editedSample,
  ledgerScenario,
  paneScenario,
  reviewRefreshFrom,
  sampleFile,
  wordFiguresAppear,
  downloadBy,
  DOCX_MIME,
  FILL_TEMPLATE,
  openWorkbookInExcel,
  runScenarios,
  shots,
} from "./harness.mjs";

/** The sample with its first 电子保函 sheet copied, as Excel names and (here) hides the copy. */
function sampleWithHiddenCopy() {
  return editedSample("hidden-copy.xlsx", (workbook) => {
    const original = workbook.worksheets.find((s) => s.name.includes("电子保函"));
    assert(original, "the sample should have a 电子保函 sheet");
    const copy = workbook.addWorksheet(`${original.name} (2)`, { state: "hidden" });
    original.eachRow((row, n) => {
      row.eachCell((cell, c) => {
        copy.getRow(n).getCell(c).value = cell.value;
      });
    });
  });
}

runScenarios(async () => {
  await ledgerScenario(
    "a hidden copy of 电子保函: the count and the amount say 可能偏大 with the copy's cells, the distinct count does not, the sheet is said hidden",
    { query: "width=320" },
    async ({ page }) => {
      await openWorkbookInExcel(page, await sampleWithHiddenCopy());
      await page.getByTestId("tab-figures").click();
      const mark = (id) => page.locator(`[data-testid=figure][data-figure='${id}'] [data-testid=figure-rows-counted-twice]`);
      await mark("eg.count").waitFor();
      const count = await mark("eg.count").textContent();
      // The sample itself repeats one 保函编号 (its key.duplicate warning); the copy repeats every one.
      assert(
        /^可能偏大：“电子保函”有 [\d,]+ 行与另一行重复（编号相同或整行相同）且都已计入（.*电子保函[^、（]* \(2\) · [A-Z]+\d+/.test(count),
        `the count says: ${count}`,
      );
      const amount = await mark("eg.amount").textContent();
      assert(amount === count, `the amount says: ${amount}`);
      assert((await mark("eg.firms").count()) === 0, "服务企业家数 counts each firm once, yet is marked");
      assert((await mark("partners.count").count()) === 0, "a ledger without a repeated key is marked");
      await mark("eg.count").scrollIntoViewIfNeeded();
      await assertNoHorizontalScroll(page, "指标 with a counted-twice mark");
      // The guarantee figures as the clerk reads them: 可能偏少 and 可能偏大 under each.
      await page.locator("[data-testid=figure][data-figure='eg.count']").screenshot({ path: join(shots, "counted-twice-zh-320.png") });

      await page.getByTestId("tab-ledgers").click();
      const card = page.getByTestId("ledger-card").filter({ has: page.getByRole("heading", { name: "电子保函", exact: true }) });
      await card.getByTestId("toggle-issues").click();
      await card
        .getByText(/是隐藏的/)
        .first()
        .waitFor();
      await assertPaneUsable(page, "after the 指标 and 台账 tabs");
    },
  );

  for (const lang of ["zh", "en"]) {
    const zh = lang === "zh";
    await ledgerScenario(
      `${lang} at 320 px: 生成, 填写并下载 and 更新已有报告 list the figures that may be too large and ask before making or saving`,
      { query: `width=320${zh ? "" : "&lang=en"}`, tab: "generate" },
      async ({ page }) => {
        let downloads = 0;
        page.on("download", () => downloads++);
        const tooLarge = zh ? /可能偏大/ : /may be too large/i;

        // 1. Listed above 生成报告, with the value the report will show and the cell with its sheet.
        const box = page.getByTestId("may-be-too-large");
        await box.waitFor();
        const listed = await box.getByTestId("large-figure").evaluateAll((els) => els.map((e) => e.getAttribute("data-figure")));
        assert(listed.includes("eg.count") && listed.includes("eg.amount"), `listed as too large: ${listed.join()}`);
        const line = await box.getByTestId("large-ledger").first().textContent();
        assert(/电子保函（交易二科） · A\d+/.test(line), `the repeated row said with its sheet: ${line}`);
        assert(/电子保函笔数[：:] ?[\d,]+/.test(await box.textContent()), `the value beside the figure: ${await box.textContent()}`);
        await box.scrollIntoViewIfNeeded();
        await assertNoHorizontalScroll(page, `${lang} 生成 with the too-large list`);
        await page.screenshot({ path: join(shots, `too-large-generate-${lang}-320.png`) });

        // 2. Asked in one question with the short ones: 取消 makes nothing.
        await page.getByTestId("generate").click();
        const ask = page.getByTestId("unresolved-dialog");
        await ask.waitFor();
        const asked = await ask.textContent();
        assert(tooLarge.test(asked), `the question says may be too large: ${asked}`);
        assert((await ask.getByTestId("large-figure").count()) >= 2, "the question lists the too-large figures");
        assert((await ask.getByTestId("short-figure").count()) >= 1, "the question lists the short ones too, in one question");
        await page.waitForTimeout(400); // the dialog fades in
        await page.screenshot({ path: join(shots, `too-large-ask-${lang}-320.png`) });
        await page.getByTestId("unresolved-cancel").click();
        await ask.waitFor({ state: "detached" });
        assert((await page.getByTestId("result").count()) === 0, "取消 made a report");
        // 3. 仍然生成 makes it.
        await page.getByTestId("generate").click();
        await page.getByTestId("unresolved-confirm").click();
        await ask.waitFor({ state: "detached" });
        await page.getByTestId("result").waitFor();
        const report = await downloadBy(page, "save");

        // 4. 报告模板 → 填写并下载 asks the same before downloading; 取消 downloads nothing.
        await page
          .getByTestId("template-choose-input")
          .setInputFiles({ name: "工作总结.docx", mimeType: DOCX_MIME, buffer: readFileSync(FILL_TEMPLATE) });
        await page.getByTestId("template-stored").first().waitFor();
        const before = downloads;
        await page.getByTestId("template-fill-工作总结").click();
        const fillAsk = page.getByTestId("template-marks-dialog");
        await fillAsk.waitFor();
        const fillAsked = await fillAsk.textContent();
        assert(tooLarge.test(fillAsked), `填写并下载 asks about the too-large figures: ${fillAsked}`);
        assert((await fillAsk.getByTestId("large-figure").count()) >= 1, "the fill's question lists the figures");
        assert(/截至期末/.test(fillAsked), `the 截至期末 notice: ${fillAsked}`);
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(shots, `too-large-fill-ask-${lang}-320.png`) });
        await page.getByTestId("template-marks-cancel").click();
        await fillAsk.waitFor({ state: "detached" });
        await page.waitForTimeout(500);
        assert(downloads === before, "取消 downloaded the filled template");
        const note = await page.getByTestId("template-note").textContent();
        assert(zh ? note.includes("未下载") : note.includes("Not downloaded"), `the note says nothing was downloaded: ${note}`);
        await page.getByTestId("template-fill-工作总结").click();
        await fillAsk.waitFor();
        const [filled] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-marks-confirm").click()]);
        assert(/^工作总结-\d{4}\.docx$/.test(filled.suggestedFilename()), `filled: ${filled.suggestedFilename()}`);
        await page.getByTestId("template-note").getByTestId("large-figure").first().waitFor();

        // 5. 更新已有报告 over the report just made: nothing changed, yet the doubled figures are listed and asked about.
        await page.getByTestId("update-pick-input").setInputFiles(report.file);
        const review = page.getByTestId("review-may-be-too-large");
        await review.waitFor();
        const reviewed = await review.getByTestId("review-too-large").evaluateAll((els) => els.map((e) => e.getAttribute("data-figure")));
        assert(reviewed.includes("eg.count"), `the review lists the unchanged doubled count: ${reviewed.join()}`);
        const hint = await review.textContent();
        assert(!hint.includes("Excel 任务窗格") && !hint.includes("Excel pane"), `inside the Excel pane the hint points here: ${hint}`);
        await review.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, `too-large-review-${lang}-320.png`) });
        await page.getByTestId("update-save").click();
        const saveAsk = page.getByTestId("review-zeros-dialog");
        await saveAsk.waitFor();
        const saveAsked = await saveAsk.textContent();
        assert(tooLarge.test(saveAsked) && (await saveAsk.getByTestId("review-too-large").count()) >= 1, `the save asks: ${saveAsked}`);
        await page.getByTestId("review-zeros-cancel").click();
        await saveAsk.waitFor({ state: "detached" });
        const [saved] = await Promise.all([
          page.waitForEvent("download"),
          (async () => {
            await page.getByTestId("update-save").click();
            await page.getByTestId("review-zeros-confirm").click();
          })(),
        ]);
        assert(saved.suggestedFilename().endsWith(".docx"), `saved: ${saved.suggestedFilename()}`);
        await assertNoHorizontalScroll(page, `${lang} after the update`);
        await assertPaneUsable(page, `${lang}: after 生成, 填写并下载 and 更新已有报告 asked about the too-large figures`);
      },
    );
  }

  await paneScenario(
    "Word at 320 px: 刷新数据 lists the unchanged figures that may be too large and asks before 应用; 取消 writes nothing",
    "host=word&width=320",
    async ({ page }) => {
      await wordFiguresAppear(page);
      await reviewRefreshFrom(page, sampleFile());
      const box = page.getByTestId("review-may-be-too-large");
      await box.waitFor();
      const listed = await box.getByTestId("review-too-large").evaluateAll((els) => els.map((e) => e.getAttribute("data-figure")));
      assert(listed.includes("eg.count"), `the doubled count, unchanged, is listed: ${listed.join()}`);
      const said = await box.textContent();
      // In Word the rows are listed by the Excel pane: said so, with each cell's sheet.
      assert(said.includes("Excel 任务窗格") && /电子保函（交易二科） · A\d+/.test(said), `the Word review says: ${said}`);
      await box.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, "too-large-word-review-zh-320.png") });
      await page.getByTestId("apply").click();
      const ask = page.getByTestId("review-zeros-dialog");
      await ask.waitFor();
      assert(/可能偏大/.test(await ask.locator("h2").first().textContent()), "the question's title names the too-large figures");
      assert((await ask.getByTestId("review-too-large").count()) >= 1, "the question lists them");
      await page.getByTestId("review-zeros-cancel").click();
      await ask.waitFor({ state: "detached" });
      assert((await page.getByTestId("outcome").count()) === 0, "取消 applied the refresh");
      await page.getByTestId("apply").click();
      await ask.waitFor();
      await page.getByTestId("review-zeros-confirm").click();
      await page.getByTestId("outcome").waitFor();
      await assertPaneUsable(page, "Word, after 应用 answered");
    },
  );
});
