// Browser test of the task pane over the simulated Excel host (the playground), in headless Chromium.
// Build first: npx webpack --mode production --env playground
// Run:         node tests/e2e/pane.e2e.mjs          (screenshots go to docs/screenshots/)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { assert, assertNoHorizontalScroll, openPane, runScenarios, scenario, shot, shots, slotTexts } from "./harness.mjs";

async function ledgersAppear(page) {
  await page.getByTestId("ledger-card").first().waitFor();
  return page.getByTestId("ledger-card").count();
}

runScenarios(async (browser, url) => {
  await scenario("Chinese pane at 320 px: ledgers, issues, selecting a cell, figures, generate and save", async () => {
    const { page, context, pageErrors } = await openPane(browser, url, "width=320");
    const cards = await ledgersAppear(page);
    assert(cards >= 3, `expected the sample's ledgers as cards, saw ${cards}`);
    for (const name of ["学习记录", "共建单位", "电子保函"]) {
      assert((await page.getByRole("heading", { name, exact: true }).count()) === 1, `no card for ${name}`);
    }
    await assertNoHorizontalScroll(page, "ledgers 320");
    await page.getByTestId("tab-ledgers").click();
    await shot(page, "01-ledgers-zh-320");

    // Open the first card that lists issues with a cell, and click one: Excel selects that cell.
    const toggles = page.getByTestId("toggle-issues");
    assert((await toggles.count()) > 0, "the sample workbook should have issues to show");
    await toggles.first().click();
    const issue = page.locator("[data-testid=issue][data-cell]").first();
    await issue.waitFor();
    const cell = await issue.getAttribute("data-cell");
    await issue.click();
    await page.waitForFunction(
      (want) => document.querySelector("[data-testid=sim-selection]")?.textContent === want,
      cell.replace(/^'(.*)'!/, "$1!"),
    );
    await assertNoHorizontalScroll(page, "issues 320");
    await shot(page, "02-issues-zh-320");

    // Severity filter narrows the list.
    await page.getByRole("group", { name: "按级别筛选" }).getByRole("button", { name: "错误" }).click();
    await assertNoHorizontalScroll(page, "filtered issues 320");

    await page.getByTestId("tab-figures").click();
    await page.getByTestId("figure").first().waitFor();
    const figures = await page
      .locator("[data-testid=figure-section]:not([data-unused]) [data-testid=figure]")
      .evaluateAll((items) =>
        items.map((li) => ({ id: li.getAttribute("data-figure"), text: li.querySelector("[data-testid=figure-text]").textContent })),
      );
    assert(figures.length >= 10, `expected the default figures, saw ${figures.length}`);
    await assertNoHorizontalScroll(page, "figures 320");
    await shot(page, "03-figures-zh-320");
    const before = await page.getByTestId("sim-selection").textContent();
    await page.getByTestId("show-source").first().click();
    await page.waitForFunction((old) => document.querySelector("[data-testid=sim-selection]")?.textContent !== old, before);

    await page.getByTestId("tab-generate").click();
    await page.getByTestId("generate").click();
    const result = page.getByTestId("result");
    await result.waitFor();
    assert(await result.evaluate((el) => el === document.activeElement), "focus should move to the result");
    const steps = await page.getByTestId("steps").locator("li").allTextContents();
    assert(steps.length === 4 && steps[0].includes("读取台账") && steps[3].includes("排版"), `steps: ${steps.join(" | ")}`);
    await assertNoHorizontalScroll(page, "generate 320");
    await shot(page, "04-generate-zh-320");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save").click()]);
    const year = await page.getByTestId("field-year").inputValue();
    assert(download.suggestedFilename() === `述职报告-${year}.docx`, `file name ${download.suggestedFilename()}`);
    const bytes = readFileSync(await download.path());
    assert(bytes[0] === 0x50 && bytes[1] === 0x4b, "the download is not a zip");
    const parts = unzipSync(new Uint8Array(bytes));
    assert(parts["word/document.xml"], "no word/document.xml in the download");
    const slots = slotTexts(strFromU8(parts["word/document.xml"]));
    for (const figure of figures) {
      const texts = slots.get(figure.id);
      assert(texts && texts.length > 0, `figure ${figure.id} has no content control in the document`);
      assert(
        texts.every((t) => t === figure.text),
        `figure ${figure.id}: document has ${texts.join("/")}, pane shows ${figure.text}`,
      );
    }
    // The generated report survives a look at another tab.
    await page.getByTestId("tab-figures").click();
    await page.getByTestId("tab-generate").click();
    assert(await page.getByTestId("result").isVisible(), "the result should still be shown after switching tabs");
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join("; ")}`);
    await context.close();
  });

  await scenario("English pane at 450 px (?lang=en)", async () => {
    const { page, context, pageErrors } = await openPane(browser, url, "lang=en&width=450");
    await ledgersAppear(page);
    // innerText: Fluent keeps a hidden bold copy of each tab's label to reserve its width.
    const tabs = await page.getByRole("tab").evaluateAll((items) => items.map((tab) => tab.innerText.trim()));
    assert(tabs.join("|") === "Ledgers|Figures|Generate", `tabs: ${tabs.join("|")}`);
    await page.getByTestId("tab-ledgers").click();
    await page.getByTestId("toggle-issues").first().click();
    await assertNoHorizontalScroll(page, "ledgers 450 en");
    await shot(page, "05-ledgers-en-450");
    await page.getByTestId("tab-figures").click();
    await assertNoHorizontalScroll(page, "figures 450 en");
    await shot(page, "06-figures-en-450");
    await page.getByTestId("tab-generate").click();
    await page.getByTestId("generate").click();
    await page.getByTestId("result").waitFor();
    const summary = await page.getByTestId("result").textContent();
    assert(/Report generated/.test(summary), `result: ${summary}`);
    await assertNoHorizontalScroll(page, "generate 450 en");
    await shot(page, "07-generate-en-450");
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join("; ")}`);
    await context.close();
  });

  await scenario("Empty workbook: empty state, then set-up adds the sheets after a confirmation", async () => {
    const { page, context, pageErrors } = await openPane(browser, url, "empty=1&width=320");
    await page.getByTestId("empty-state").waitFor();
    assert((await page.getByText("这个工作簿还没有台账").count()) === 1, "empty-state title missing");
    await assertNoHorizontalScroll(page, "empty 320");
    await shot(page, "08-empty-zh-320");
    await page.getByTestId("set-up").click();
    await page.getByTestId("set-up-confirm").waitFor();
    await page.waitForTimeout(500); // let the dialog finish fading in
    await page.screenshot({ path: join(shots, "09-set-up-confirm-zh.png") });
    await page.getByTestId("set-up-confirm").click();
    const outcome = page.getByTestId("set-up-outcome");
    await outcome.waitFor();
    const text = await outcome.textContent();
    assert(/已添加 \d+ 张工作表/.test(text) && text.includes("报告设置"), `set-up outcome: ${text}`);
    await shot(page, "10-after-set-up-zh-320");
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join("; ")}`);
    await context.close();
  });

  await scenario("On Mac the pane says plainly that it cannot save, and what to do instead", async () => {
    const { page, context } = await openPane(browser, url, "platform=Mac&width=320");
    await ledgersAppear(page);
    await page.getByTestId("tab-generate").click();
    await page.getByTestId("generate").click();
    await page.getByTestId("save-blocked").waitFor();
    assert((await page.getByTestId("save").count()) === 0, "no save button where downloads cannot work");
    await shot(page, "11-generate-mac-zh-320");
    await context.close();
  });

  await scenario("A manual figure edited in the 指标 tab is written to 指标定义 and recomputed", async () => {
    const { page, context, pageErrors } = await openPane(browser, url, "width=320");
    await ledgersAppear(page);
    await page.getByTestId("tab-figures").click();
    const goals = page.locator("[data-testid=figure][data-figure='goals.count']");
    await goals.waitFor();
    assert((await goals.getByTestId("figure-text").textContent()) === "20", "goals.count should start at 20");
    const input = goals.getByRole("textbox", { name: "目标要求条数 的手工值" });
    assert((await input.inputValue()) === "20", `the input should hold the manual value, has ${await input.inputValue()}`);

    // A typo is explained in the clerk's words and cannot be saved.
    await input.fill("25条");
    await goals.getByText("“25条”不是数字").waitFor();
    assert(await goals.getByTestId("manual-save").isDisabled(), "an invalid value must not be saveable");

    // Enter saves, as the button does.
    await input.fill("25");
    await input.press("Enter");
    const saved = goals.getByTestId("manual-saved");
    await saved.waitFor();
    const message = await saved.textContent();
    const cell = /已写入 (\S+)/.exec(message)?.[1];
    assert(cell && cell.startsWith("指标定义!"), `success message should name the cell: ${message}`);
    await page.waitForFunction(() => document.querySelector("[data-figure='goals.count'] [data-testid=figure-text]")?.textContent === "25");
    assert(await input.evaluate((el) => el === document.activeElement), "focus should stay in the value after Enter");
    const [sheet, address] = cell.split("!");
    const stored = await page.evaluate(([s, a]) => window.__playground.cell(s, a), [sheet, address]);
    assert(stored === 25, `the workbook's ${cell} should hold 25, holds ${JSON.stringify(stored)}`);
    const calls = await page.getByTestId("sim-calls").locator("tbody tr").first().locator("td").allTextContents();
    // Newest first: the re-read; the write is the row below it.
    const write = await page.getByTestId("sim-calls").locator("tbody tr").nth(1).locator("td").allTextContents();
    assert(calls[0] === "read", `after the write the pane should read the workbook again, saw ${calls.join(" ")}`);
    assert(write[0] === "writeManualValue" && Number(write[1]) <= 2, `write: ${write.join(" ")}`);
    await assertNoHorizontalScroll(page, "manual figure 320");
    await goals.scrollIntoViewIfNeeded();
    await shot(page, "13-manual-figure-zh-320");
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join("; ")}`);
    await context.close();
  });

  await scenario("生成 with 待补 figures: they are listed, a dialog asks, cancel makes nothing, confirm writes placeholders", async () => {
    const { page, context, pageErrors } = await openPane(browser, url, "width=320");
    await ledgersAppear(page);
    await page.getByTestId("tab-generate").click();
    // The sample's 学习记录 says nothing about departments: scoped to 交易一科, its figures are 待补.
    // Opened from the keyboard: in headless Chromium a mouse click on this Dropdown opens and closes it again.
    await page.getByTestId("field-scope").focus();
    await page.keyboard.press("ArrowDown");
    await page.getByRole("option").first().waitFor();
    const options = await page.getByRole("option").allTextContents();
    assert(options[0] === "全部门" && options.includes("交易一科"), `scope options: ${options.join()}`);
    await page.getByRole("option", { name: "交易一科" }).click();
    await page.getByTestId("generate").click();
    const dialog = page.getByTestId("unresolved-dialog");
    await dialog.waitFor();
    await page.waitForTimeout(500); // let the dialog finish fading in
    const asked = await dialog.getByTestId("unresolved-figure").evaluateAll((items) => items.map((li) => li.getAttribute("data-figure")));
    assert(asked.includes("study.topic.count") && !asked.includes("eg.count"), `asked about: ${asked.join()}`);
    assert((await dialog.textContent()).includes("部门"), "the dialog should say why (no 部门 information)");
    await page.screenshot({ path: join(shots, "13-unresolved-ask-zh.png") });
    await page.getByTestId("unresolved-cancel").click();
    await dialog.waitFor({ state: "detached" });
    assert((await page.getByTestId("result").count()) === 0, "cancel must not make a report");
    // The list above 生成报告 now names the same figures.
    const listed = await page
      .getByTestId("unresolved")
      .getByTestId("unresolved-figure")
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-figure")));
    assert(listed.join() === asked.join(), `listed above the button: ${listed.join()}`);
    await assertNoHorizontalScroll(page, "unresolved 320");
    await shot(page, "14-unresolved-list-zh-320");

    await page.getByTestId("generate").click();
    await dialog.waitFor();
    await page.getByTestId("unresolved-confirm").click();
    await page.getByTestId("result").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save").click()]);
    const slots = slotTexts(strFromU8(unzipSync(new Uint8Array(readFileSync(await download.path())))["word/document.xml"]));
    assert(
      slots.get("study.topic.count")?.every((t) => t === "［待补：专题学习党的二十大精神次数］"),
      `study.topic.count in the report: ${slots.get("study.topic.count")}`,
    );
    assert(
      slots.get("eg.count")?.every((t) => /^\d+$/.test(t)),
      `eg.count in the report: ${slots.get("eg.count")}`,
    );
    // The 指标 tab marks them 待补, with the reason.
    await page.getByTestId("tab-figures").click();
    const topic = page.locator("[data-testid=figure][data-figure='study.topic.count']");
    assert((await topic.getByTestId("figure-unresolved").textContent()) === "待补", "the figure should be marked 待补");
    assert((await topic.getByTestId("figure-unresolved-reason").textContent()).includes("部门"), "the figure should say why");
    await shot(page, "15-figures-unresolved-zh-320");
    // The pane still works: back to the ledgers.
    await page.getByTestId("tab-ledgers").click();
    await ledgersAppear(page);
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join("; ")}`);
    await context.close();
  });

  await scenario("Dark theme (?theme=dark)", async () => {
    const { page, context } = await openPane(browser, url, "theme=dark&width=320");
    await ledgersAppear(page);
    await page.getByTestId("tab-figures").click();
    await shot(page, "12-figures-dark-zh-320");
    await context.close();
  });
});
