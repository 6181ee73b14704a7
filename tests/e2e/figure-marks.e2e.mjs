// Browser test (playground, simulated Excel) of the marks under a figure on the 指标 list.
//
// 1. The sample with one 学习记录 row's 形式 typed in the
// clerk's own words (`专题研讨会` for 专题研讨). The row is counted, as 其他, so the panes must not say
// it was "not counted" (the sample has one such row already, C10): on the 指标 list, 专题研讨次数 says its 形式 is not one of the values and was
// counted as 其他, with the cell; 生成报告's question lists it the same way and gives the reason that
// fits. zh and en at 320 px, each with 取消 (nothing made) and the pane usable after.
//
// 2. The sample with one firm's name typed again under another firm's credit code: 服务企业家数 says it
// may be off, naming the code cell, and 电子保函笔数 says nothing of it.
// Build first: npx webpack --mode production --env playground
// Run:         node tests/e2e/figure-marks.e2e.mjs     (screenshots: docs/screenshots/read-as-other-*-320.png, identity-zh-320.png)
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

/** The sample with its first 2022 专题研讨 row's 形式 written `专题研讨会`; resolves with that cell's address. */
async function sampleWithOwnWord() {
  let at = "";
  const file = await editedSample("own-word.xlsx", (workbook) => {
    const sheet = workbook.worksheets.find((s) => s.name.includes("学习记录"));
    assert(sheet, "the sample should have a 学习记录 sheet");
    sheet.eachRow((row, n) => {
      const date = row.getCell(2).value;
      if (at || row.getCell(3).value !== "专题研讨" || !(date instanceof Date) || date.getUTCFullYear() !== 2022) return;
      row.getCell(3).value = "专题研讨会";
      at = `C${n}`;
    });
    assert(at, "the sample should have a 2022 专题研讨 row");
  });
  return { file, at };
}

/** The sample with its second 2022 guarantee of 交易一科 given the first one's firm name; resolves with that row's code cell. */
async function sampleWithNameUnderTwoCodes() {
  let at = "";
  const file = await editedSample("name-two-codes.xlsx", (workbook) => {
    const sheet = workbook.worksheets.find((s) => s.name.includes("交易一科") && s.name.includes("保函"));
    assert(sheet, "the sample should have 交易一科's 电子保函 sheet");
    let first = null;
    sheet.eachRow((row, n) => {
      const date = row.getCell(3).value;
      if (at || !(date instanceof Date) || date.getUTCFullYear() !== 2022) return;
      if (first === null) first = row;
      else if (row.getCell(5).value !== first.getCell(5).value) {
        row.getCell(4).value = first.getCell(4).value;
        at = `E${n}`;
      }
    });
    assert(at, "the sample should have two 2022 guarantees of 交易一科");
  });
  return { file, at };
}

runScenarios(async () => {
  await ledgerScenario(
    "zh at 320 px: 服务企业家数 whose firm name stands under two codes says it may be off, naming the cell; 电子保函笔数 does not",
    { query: "width=320" },
    async ({ page }) => {
      const { file, at } = await sampleWithNameUnderTwoCodes();
      await openWorkbookInExcel(page, file);
      await page.getByTestId("tab-figures").click();
      const mark = page.locator("[data-testid=figure][data-figure='eg.firms'] [data-testid=figure-identity]");
      await mark.waitFor();
      const said = await mark.textContent();
      assert(
        new RegExp(`^可能不准：有 \\d+ 处投标企业与统一社会信用代码不一致（[^）]*${at}[、）]`).test(said),
        `服务企业家数 says: ${said}`,
      );
      assert(
        (await page.locator("[data-testid=figure][data-figure='eg.count'] [data-testid=figure-identity]").count()) === 0,
        "电子保函笔数 is marked",
      );
      await mark.scrollIntoViewIfNeeded();
      await assertNoHorizontalScroll(page, "指标 with an identity mark");
      await page.locator("[data-testid=figure][data-figure='eg.firms']").screenshot({ path: join(shots, "identity-zh-320.png") });
      await assertPaneUsable(page, "after the 指标 tab");

      // 生成报告 asks about it, with the value and the cells; 取消 makes nothing.
      await page.getByTestId("tab-generate").click();
      await page.getByTestId("generate").click();
      const ask = page.getByTestId("unresolved-dialog");
      await ask.waitFor();
      const title = await ask.getByRole("heading").first().textContent();
      assert(/\d+ 项指标可能不准，仍然生成？$/.test(title), `the question's title: ${title}`);
      const line = await ask.locator("[data-testid=off-figure][data-figure='eg.firms']").textContent();
      assert(new RegExp(`^服务企业家数：[\\d,]+余?（\\d+ 处：[^）]*${at}[、）]`).test(line), `the question lists: ${line}`);
      await ask.locator("[data-testid=off-figure]").first().scrollIntoViewIfNeeded();
      await page.waitForTimeout(400); // the dialog fades in
      await page.screenshot({ path: join(shots, "identity-ask-zh-320.png") });
      await page.getByTestId("unresolved-cancel").click();
      await ask.waitFor({ state: "detached" });
      assert((await page.getByTestId("result").count()) === 0, "取消 made a report");
      await assertPaneUsable(page, "after 取消");
    },
  );

  for (const lang of ["zh", "en"]) {
    const zh = lang === "zh";
    await ledgerScenario(
      `${lang} at 320 px: a 形式 in the clerk's own words is said as counted as 其他 on the 指标 list and in 生成报告's question`,
      { query: `width=320${zh ? "" : "&lang=en"}` },
      async ({ page }) => {
        const { file, at } = await sampleWithOwnWord();
        await openWorkbookInExcel(page, file);
        await page.getByTestId("tab-figures").click();
        const mark = page.locator("[data-testid=figure][data-figure='study.seminar.count'] [data-testid=figure-rows-left-out]");
        await mark.waitFor();
        const said = await mark.textContent();
        const asOther = zh
          ? new RegExp(`有 \\d+ 行的“形式”不是可选值，已按“其他”统计，没有计入这些指标（[^）]*学习记录[^）]*[ 、]${at}[、）]`)
          : new RegExp(
              `\\d+ row\\(s\\) of 学习记录 have a "形式" that is not one of its values, counted as 其他 and not in these figures \\([^)]*学习记录[^)]*[ ,]${at}[,)]`,
            );
        assert(asOther.test(said), `专题研讨次数 says: ${said}`);
        // The row is counted: nothing says the cell was left out.
        assert(!new RegExp(zh ? `未计入（[^）]*${at}` : `not counted \\([^)]*${at}`).test(said), `the 其他 row said not counted: ${said}`);
        await mark.scrollIntoViewIfNeeded();
        await assertNoHorizontalScroll(page, `${lang} 指标 with a row read as 其他`);
        await page
          .locator("[data-testid=figure][data-figure='study.seminar.count']")
          .screenshot({ path: join(shots, `read-as-other-figure-${lang}-320.png`) });

        await page.getByTestId("tab-generate").click();
        const box = page.getByTestId("may-be-short");
        await box.waitFor();
        // Its heading and reason fit rows counted as 其他 too, not only rows counted in no figure.
        const boxText = await box.textContent();
        assert(
          (zh ? /台账有行未计入这些指标.*或用词不是可选值、已按“其他”统计/ : /not counted in these figures.*counted as 其他/).test(boxText),
          `the box says: ${boxText}`,
        );
        const line = await box.getByTestId("short-ledger").filter({ hasText: "其他" }).first().textContent();
        assert(asOther.test(line), `生成 lists: ${line}`);
        await page.getByTestId("generate").click();
        const ask = page.getByTestId("unresolved-dialog");
        await ask.waitFor();
        const asked = await ask.textContent();
        assert(asOther.test(asked), `the question says: ${asked}`);
        assert(
          (zh ? /或有行的用词不是可选值、按“其他”统计/ : /counted as 其他 and so not in these figures/).test(asked),
          `the question's reason: ${asked}`,
        );
        await page.waitForTimeout(400); // the dialog fades in
        await page.screenshot({ path: join(shots, `read-as-other-ask-${lang}-320.png`) });
        await page.getByTestId("unresolved-cancel").click();
        await ask.waitFor({ state: "detached" });
        assert((await page.getByTestId("result").count()) === 0, "取消 made a report");
        await assertPaneUsable(page, `${lang} after 取消`);
      },
    );
  }
});
