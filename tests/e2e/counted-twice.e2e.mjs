// Browser test of finding #10-1 in the Excel pane (playground, simulated Excel): the sample with a
// hidden copy of its 电子保函 sheet (`… (2)`, Excel's name for a copied sheet). The 指标 list marks the
// guarantee count and amount "可能偏大" with the copy's cells, the way it marks 可能偏少, and not 服务企业家数
// (a distinct count); the 台账 tab's issues say the copy is hidden. The pane stays usable after.
// Build first: npx webpack --mode production --env playground
// Run:         node tests/e2e/counted-twice.e2e.mjs     (screenshot: docs/screenshots/counted-twice-zh-320.png)
import { join } from "node:path";
import {
  assert,
  assertNoHorizontalScroll,
  assertPaneUsable,
  editedSample,
  ledgerScenario,
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
        /^可能偏大：“电子保函”有 [\d,]+ 行与另一行重复（编号相同或整行相同）且都已计入（.*'电子保函[^']* \(2\)'![A-Z]+\d+/.test(count),
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
});
