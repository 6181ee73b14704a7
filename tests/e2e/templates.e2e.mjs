// Browser test of 报告模板 in the Excel pane (playground, simulated Excel): 选择 Word 模板… stores the
// clerk's own template in the workbook (hidden sheet 报告模板库), the list shows it beside the built-in
// one, and 填写并下载 fills it from the ledgers — every control used, the pane usable after.
// Build first: npx webpack --mode production --env playground
// Run:         node tests/e2e/templates.e2e.mjs     (screenshots: docs/screenshots/templates-*.png)
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import {
  assert,
  assertNoHorizontalScroll,
  assertPaneUsable,
  DOCX_MIME,
  FILL_TEMPLATE as TEMPLATE,
  generateAnswering,
  paneScenario,
  pickOption,
  runScenarios,
  shot,
  slotTexts,
  useEveryControl,
  paneTexts,
} from "./harness.mjs";

runScenarios(async () => {
  await paneScenario(
    "Excel, Chinese at 320 px: 选择 Word 模板… stores it in the workbook; 填写并下载 fills it",
    "width=320",
    async ({ page }) => {
      await page.getByTestId("tab-generate").click();
      const view = page.getByTestId("templates-view");
      await view.waitFor();
      assert((await page.getByTestId("template-builtin").count()) === 1, "the built-in template should be listed");
      await page
        .getByTestId("template-choose-input")
        .setInputFiles({ name: "工作总结.docx", mimeType: DOCX_MIME, buffer: readFileSync(TEMPLATE) });
      await page.getByTestId("template-note").waitFor();
      assert(
        (await page.getByTestId("template-note").textContent()).includes("ledger-report fill"),
        "the note should say how the command line uses it",
      );
      // Said once — in the note, which is read aloud where it shows — not a second time in the live region.
      const savedSaid = (await paneTexts(page)).filter((t) => t.includes("已把“工作总结”保存到工作簿"));
      assert(savedSaid.length === 1, `the saved message should be in the pane once, not ${savedSaid.length} times`);
      const stored = await page.getByTestId("template-stored").evaluateAll((items) => items.map((li) => li.getAttribute("data-name")));
      assert(stored.join() === "工作总结", `stored templates: ${stored.join()}`);
      await view.scrollIntoViewIfNeeded();
      await assertNoHorizontalScroll(page, "templates 320");
      await shot(page, "templates-01-stored-zh-320");

      // The sample's guarantee figures may be short and too large: the fill asks before downloading.
      await page.getByTestId("template-fill-工作总结").click();
      await page.getByTestId("template-marks-dialog").waitFor();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-marks-confirm").click()]);
      assert(/^工作总结-\d{4}\.docx$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`);
      const parts = unzipSync(new Uint8Array(readFileSync(await download.path())));
      const slots = slotTexts(strFromU8(parts["word/document.xml"]));
      assert(slots.get("eg.count")?.length === 2, `eg.count in the filled document: ${JSON.stringify([...slots])}`);
      assert(strFromU8(parts["word/footer1.xml"]).includes("lr:setting.year"), "the footer's year should be a linked control");
      await page.getByTestId("template-marks-dialog").waitFor({ state: "detached" });
      await page.getByTestId("template-note").filter({ hasText: "{{不认识的指标}}" }).waitFor();
      // The progress line's words go once the fill is done; its outcome is said once.
      const texts = await paneTexts(page);
      assert(!texts.some((t) => t.includes("正在用台账数字填写模板")), "the progress message must go when the fill is done");
      assert(texts.filter((t) => /已填写 \d+ 个占位符/.test(t)).length === 1, "the fill's outcome should be in the pane once");
      await shot(page, "templates-02-filled-zh-320");

      // Stored in the workbook itself (its hidden sheet; hidden is checked in tests/adapters/excel/stored-templates.test.ts).
      const cells = await page.evaluate(() => [window.__playground.cell("报告模板库", "A1"), window.__playground.cell("报告模板库", "A2")]);
      assert(cells.join() === "名称,工作总结", `the template sheet holds: ${cells.join()}`);
    },
  );

  await paneScenario("Every control of 报告模板 (en, 450 px, keyboard) leaves the pane usable", "width=450&lang=en", async ({ page }) => {
    await page.getByTestId("tab-generate").click();
    await page.getByTestId("templates-view").waitFor();
    // The scope above the templates reads in English.
    const scope = await page.getByTestId("field-scope").textContent();
    assert(scope.includes("All departments") && !scope.includes("全部门"), `the scope in English: ${scope}`);
    // Away to a department and back: the workbook is written 全部门, what it stores, never the English words.
    const scopeIs = (value) =>
      page.waitForFunction((v) => {
        for (let row = 1; row <= 40; row++)
          if (window.__playground.cell("报告设置", `A${row}`) === "统计范围") return window.__playground.cell("报告设置", `B${row}`) === v;
        return false;
      }, value);
    await pickOption(page, "field-scope", "交易一科");
    await scopeIs("交易一科");
    await pickOption(page, "field-scope", "All departments");
    await scopeIs("全部门");
    await page.getByTestId("templates-view").waitFor();
    await page
      .getByTestId("template-choose-input")
      .setInputFiles({ name: "monthly.docx", mimeType: DOCX_MIME, buffer: readFileSync(TEMPLATE) });
    await page.getByTestId("template-stored").first().waitFor();
    page.on("download", () => {});
    // 生成报告 asks first about the sample's figures that may be short (once they are counted, later
    // than the walk looks for a dialog): the walk leaves it, and it is driven here with its question answered.
    // 填写并下载 asks too (the sample's guarantee figures may be short and too large), after the fill has
    // run: driven here from the keyboard, its question answered each way.
    const used = await useEveryControl(page, "templates en 450", "keyboard", { skip: ["generate", "template-fill-monthly"] });
    await generateAnswering(page);
    await assertPaneUsable(page, "templates: after generating");
    for (const answer of ["template-marks-cancel", "template-marks-confirm"]) {
      await page.getByTestId("template-fill-monthly").focus();
      await page.keyboard.press("Enter");
      const ask = page.getByTestId("template-marks-dialog");
      await ask.waitFor();
      assert(/may be too large/.test(await ask.textContent()), `the fill's question: ${await ask.textContent()}`);
      await page.getByTestId(answer).focus();
      await page.keyboard.press("Enter");
      await ask.waitFor({ state: "detached" });
      await assertPaneUsable(page, `templates: after ${answer}`);
    }
    used.push("id:template-fill-monthly");
    for (const id of ["template-choose", "template-fill-monthly"])
      assert(used.includes(`id:${id}`), `${id} was never used (used: ${used.join(", ")})`);
    await assertPaneUsable(page, "templates: after every control");
    await page.getByTestId("templates-view").scrollIntoViewIfNeeded();
    await shot(page, "templates-03-en-450");
  });
});
