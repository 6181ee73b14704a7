// Browser test of the task pane over the simulated Excel host (the playground), in headless Chromium.
// Build first: npx webpack --mode production --env playground
// Run:         node tests/e2e/pane.e2e.mjs          (screenshots go to docs/screenshots/)
import { join } from "node:path";
import {
  assert,
  assertNoHorizontalScroll,
  assertPaneUsable,
  downloadBy,
  editedSample,
  generateAnswering,
  generateReport,
  ledgerScenario,
  ledgersAppear,
  listedFigures,
  openPane,
  openWorkbookInExcel,
  pickOption,
  paneScenario,
  runScenarios,
  SAMPLE_LEDGERS,
  sampleWithIssuerTable,
  scenario,
  settle,
  shot,
  shots,
  useEveryControl,
  useEveryDropdown,
  useEveryTab,
} from "./harness.mjs";
import { ledgerFile, measureGenerate } from "./main-thread.mjs";

/**
 * After a confirm dialog closed, the pane is open to assistive technology again: neither #pane nor an
 * ancestor keeps aria-hidden="true", focus is on the outcome message or a control (never inside hidden
 * content), and a button found by its role and name — as a screen reader finds it — works: 重新读取
 * reads the workbook again (a new `read` call in the simulated host's log).
 */
async function assertReachableAfterConfirm(page, where, reloadName) {
  await page.waitForTimeout(600); // the dialog's closing motion and the focus manager's deferred un-hiding
  const hidden = await page.evaluate(() => document.querySelector("#pane")?.closest("[aria-hidden=true]") !== null);
  assert(!hidden, `${where}: #pane (or an ancestor) keeps aria-hidden="true"`);
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "nothing";
    if (el.closest("[aria-hidden=true]")) return "inside hidden content";
    if (el.getAttribute("data-testid") === "set-up-outcome" || el.matches("button, [role=tab], input")) return "ok";
    return `${el.tagName} ${el.getAttribute("data-testid") ?? ""}`;
  });
  assert(focus === "ok", `${where}: focus was left on ${focus}`);
  const reads = () =>
    page
      .getByTestId("sim-calls")
      .locator("tbody tr td:first-child", { hasText: /^read$/ })
      .count();
  const before = await reads();
  await page.getByRole("button", { name: reloadName, exact: true }).click();
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll("[data-testid=sim-calls] tbody tr td:first-child")].filter((td) => td.textContent === "read").length >
      n,
    before,
  );
  await settle(page);
  const tabs = await page.locator("#pane").getByRole("tab").count();
  assert(tabs === 3, `${where}: ${tabs} tabs are reachable by role, not the pane's 3`);
}

runScenarios(async (browser, url) => {
  // Every control of the Excel pane, at both widths, in both languages, by mouse and by keyboard.
  for (const [lang, width, input] of [
    ["zh", 320, "mouse"],
    ["en", 320, "keyboard"],
    ["zh", 450, "keyboard"],
    ["en", 450, "mouse"],
  ]) {
    const query = `width=${width}${lang === "en" ? "&lang=en" : ""}`;
    await ledgerScenario(
      `Every control of the Excel pane (${lang}, ${width} px, ${input}) leaves the pane usable`,
      query,
      async ({ page }) => {
        const where = `${lang} ${width} ${input}`;
        await assertPaneUsable(page, `${where}: on opening`);
        const tabs = await useEveryTab(page, where, input);
        assert(tabs === 3, `expected three tabs, saw ${tabs}`);
        let picks = 0;
        const used = [];
        for (let i = 0; i < tabs; i++) {
          await page.locator("#pane [role=tab]").nth(i).click();
          picks += await useEveryDropdown(page, `${where} tab ${i}`, input);
          // 生成报告 asks first about the sample's figures that may be short, once the figures are
          // counted (later than the walk looks for a dialog): driven here, the question answered, and
          // then the made report's own controls (save …) are walked too.
          const onGenerate = (await page.locator("#pane [data-testid=generate]:visible").count()) > 0;
          used.push(...(await useEveryControl(page, `${where} tab ${i}`, input, onGenerate ? { skip: ["generate"] } : {})));
          if (onGenerate) {
            const asked = await generateAnswering(page);
            assert(asked.includes("学习记录"), `${where}: 生成报告 asked: ${asked}`);
            used.push("id:generate");
            await assertPaneUsable(page, `${where}: after generating`);
            const ids = used.filter((k) => k.startsWith("id:")).map((k) => k.slice(3));
            used.push(...(await useEveryControl(page, `${where} tab ${i} after generating`, input, { skip: ids })));
          }
          await assertNoHorizontalScroll(page, `${where} tab ${i}`);
        }
        // 统计范围 and 报告模板 each have at least two choices in the sample (全部门 and its departments).
        assert(picks >= 3, `expected every option of 统计范围 and 报告模板 picked, saw ${picks} picks`);
        for (const id of ["toggle-issues", "issue", "show-source", "generate", "save", "reload"]) {
          assert(used.includes(`id:${id}`), `the control ${id} was never used (used: ${used.join(", ")})`);
        }
      },
    );
  }

  await paneScenario(
    "Chinese pane at 320 px: ledgers, issues, selecting a cell, figures, generate and save",
    "width=320",
    async ({ page }) => {
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
      // The sample repeats one 保函编号: both rows count, so it is said where the report is made.
      const before2 = await page.getByTestId("duplicate-keys").textContent();
      assert(
        // The place as the clerk reads it, not in formula syntax.
        /1 个编号重复（电子保函（交易二科） · A1304）.*两行都作为记录读取/.test(before2),
        `duplicate keys before generating: ${before2}`,
      );
      await generateReport(page);
      assert(await page.getByTestId("result").evaluate((el) => el === document.activeElement), "focus should move to the result");
      const dupAfter = await page.getByTestId("result-duplicates").textContent();
      assert(dupAfter.includes("两行都作为记录读取"), `the result should say the duplicate key: ${dupAfter}`);
      const steps = await page.getByTestId("steps").locator("li").allTextContents();
      assert(steps.length === 4 && steps[0].includes("读取台账") && steps[3].includes("排版"), `steps: ${steps.join(" | ")}`);
      await assertNoHorizontalScroll(page, "generate 320");
      await shot(page, "04-generate-zh-320");

      const report = await downloadBy(page, "save");
      const year = await page.getByTestId("field-year").inputValue();
      assert(report.name === `述职报告-${year}.docx`, `file name ${report.name}`);
      assert(report.bytes[0] === 0x50 && report.bytes[1] === 0x4b, "the download is not a zip");
      assert(report.parts()["word/document.xml"], "no word/document.xml in the download");
      const slots = report.slots();
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
    },
  );

  await ledgerScenario("English pane at 450 px (?lang=en)", "lang=en&width=450", async ({ page }) => {
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
    await generateReport(page);
    const summary = await page.getByTestId("result").textContent();
    assert(/Report generated/.test(summary), `result: ${summary}`);
    assert(/1 key\(s\) are duplicated .*both rows are read as records/.test(summary), `the result should say the duplicate key: ${summary}`);
    await assertNoHorizontalScroll(page, "generate 450 en");
    await shot(page, "07-generate-en-450");
  });

  await paneScenario(
    "Empty workbook: empty state, then set-up adds the sheets after a confirmation",
    "empty=1&width=320",
    async ({ page }) => {
      await page.getByTestId("empty-state").waitFor();
      assert((await page.getByText("这个工作簿还没有台账").count()) === 1, "empty-state title missing");
      await assertNoHorizontalScroll(page, "empty 320");
      await shot(page, "08-empty-zh-320");
      // The set-up dialog opened and dismissed by mouse (取消) and by keyboard (Escape) leaves the pane usable.
      for (const input of ["mouse", "keyboard"]) {
        const used = await useEveryControl(page, `empty 320 ${input}`, input);
        assert(used.includes("id:set-up"), `set-up was not used by ${input}: ${used.join(", ")}`);
      }
      await page.getByTestId("empty-state").waitFor();
      await page.getByTestId("set-up").click();
      await page.getByTestId("set-up-confirm").waitFor();
      await page.waitForTimeout(500); // let the dialog finish fading in
      await page.screenshot({ path: join(shots, "09-set-up-confirm-zh.png") });
      await page.getByTestId("set-up-confirm").click();
      const outcome = page.getByTestId("set-up-outcome");
      await outcome.waitFor();
      const text = await outcome.textContent();
      assert(/已添加 \d+ 张工作表/.test(text) && text.includes("报告设置"), `set-up outcome: ${text}`);
      await assertReachableAfterConfirm(page, "初始化工作簿 confirmed", "重新读取");
      await shot(page, "10-after-set-up-zh-320");
      await assertPaneUsable(page, "after 初始化工作簿");
      // A fresh workbook's ledgers have no records: their figures would be 0, listed before 生成报告
      // beside the 待补 ones, and Generate asks about both.
      await page.getByTestId("tab-generate").click();
      const zeros = page.getByTestId("empty-ledger-zeros");
      const zeroIds = await listedFigures(zeros, "zero-figure");
      assert(zeroIds.includes("eg.count") && zeroIds.includes("partners.count"), `0s listed: ${zeroIds.join()}`);
      assert(!zeroIds.includes("goals.count"), "a blank 手工值 is 待补, not a 0");
      assert((await zeros.textContent()).includes("允许为零"), "the list should say how to sign a right 0");
      await assertNoHorizontalScroll(page, "empty-ledger zeros 320");
      await shot(page, "10b-empty-ledger-zeros-zh-320");
      await page.getByTestId("generate").click();
      const ask = page.getByTestId("unresolved-dialog");
      const askedZeros = await listedFigures(ask, "zero-figure");
      assert(askedZeros.join() === zeroIds.join(), `the dialog asks about the same 0s: ${askedZeros.join()}`);
      await page.getByTestId("unresolved-cancel").click();
      await ask.waitFor({ state: "detached" });
      assert((await page.getByTestId("result").count()) === 0, "cancel must not make a report");
      await assertPaneUsable(page, "after asking about the 0s");
    },
  );

  await paneScenario("Confirming set-up in English leaves the pane reachable by role", "empty=1&width=320&lang=en", async ({ page }) => {
    await page.getByTestId("set-up").click();
    await page.getByTestId("set-up-confirm").click();
    await page.getByTestId("set-up-outcome").waitFor();
    await assertReachableAfterConfirm(page, "Set up workbook confirmed", "Read again");
    await assertPaneUsable(page, "after set-up (en)");
  });

  for (const [lang, add, reload] of [
    ["zh", "补齐缺少的工作表", "重新读取"],
    ["en", "Add the missing sheets", "Read again"],
  ]) {
    await ledgerScenario(
      `Confirming ${add} on a workbook without its 学习记录 ledger adds it and leaves the pane reachable by role`,
      `width=320&lang=${lang}`,
      async ({ page }) => {
        await openWorkbookInExcel(page, await sampleWithoutStudy());
        await page.getByTestId("tab-ledgers").click();
        await page.getByRole("button", { name: add }).click();
        await page.getByTestId("set-up-confirm").click();
        const outcome = await page.getByTestId("set-up-outcome").textContent();
        assert(outcome.includes("学习记录"), `the outcome should name the added 学习记录 sheet: ${outcome}`);
        await assertReachableAfterConfirm(page, `${add} confirmed`, reload);
        await assertPaneUsable(page, `after ${add}`);
      },
    );
  }

  await ledgerScenario(
    "On Mac the pane says up front that the report is made in Word, and offers no save",
    { query: "platform=Mac&width=320", tab: "generate" },
    async ({ page }) => {
      const text = await page.getByTestId("word-path").textContent();
      assert(text.includes("报告在 Word 中生成") && text.includes("插入报告"), `the Word path should come first: ${text}`);
      // Said before the fields and the generate button, not after four steps.
      const order = await page.evaluate(() => {
        const path = document.querySelector("[data-testid=word-path]");
        const button = document.querySelector("[data-testid=generate]");
        return !!(path.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert(order, "the Word path must be said before the generate button");
      await generateAnswering(page);
      assert((await page.getByTestId("save").count()) === 0, "no save button where downloads cannot work");
      assert((await page.getByTestId("save-blocked").count()) === 0, "no apology after generating: the way was said up front");
      await shot(page, "11-generate-mac-zh-320");
    },
  );

  await ledgerScenario(
    "On Windows desktop the Word path leads and saving is offered second",
    { query: "platform=PC&width=320&lang=en", tab: "generate" },
    async ({ page }) => {
      assert((await page.getByTestId("word-path").textContent()).includes("The report is made in Word"), "the Word path should lead");
      await generateAnswering(page);
      await page.getByTestId("save").waitFor();
      await assertNoHorizontalScroll(page, "generate pc 320 en");
      await shot(page, "15-generate-windows-en-320");
    },
  );

  await scenario("Issues read as the clerk reads them: errors first, places as 'sheet · cell', figures by name", async () => {
    for (const lang of ["zh", "en"]) {
      const { page, context, pageErrors } = await openPane(browser, url, `width=320${lang === "en" ? "&lang=en" : ""}`);
      await ledgersAppear(page);
      const toggles = page.getByTestId("toggle-issues");
      for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
      const cards = await page.getByTestId("ledger-card").evaluateAll((cards) =>
        cards.map((card) =>
          [...card.querySelectorAll("[data-testid=issue]")].map((issue) => ({
            place: issue.querySelector("[data-testid=issue-place]")?.textContent ?? "",
            font: issue.querySelector("[data-testid=issue-place]")
              ? getComputedStyle(issue.querySelector("[data-testid=issue-place]")).fontFamily
              : "",
            text: issue.textContent,
            cell: issue.getAttribute("data-cell"),
          })),
        ),
      );
      const severities = await page
        .getByTestId("ledger-card")
        .evaluateAll((cards) => cards.map((card) => [...card.querySelectorAll("[data-testid=issue]")].map((i) => i.dataset.severity)));
      const all = cards.flat();
      assert(all.length > 0, "the sample has issues to show");
      for (const issue of all) {
        assert(!/^'|'!/.test(issue.place) && !/!/.test(issue.place), `place in formula syntax: ${issue.place}`);
        if (issue.cell) assert(/ · [A-Z]+\d+$/.test(issue.place), `place should read 'sheet · C23': ${issue.place}`);
        assert(!/monospace|Consolas|Courier/i.test(issue.font), `place in a monospace font: ${issue.font}`);
        assert(!/\b[a-z_]+\.[a-z_.]+\b/.test(issue.text), `a figure id in a message: ${issue.text}`);
      }
      const study = cards[0];
      assert(
        study.some((i) => i.place === "2022年学习记录台账 · C23"),
        `the place of C23: ${study.map((i) => i.place).join(" | ")}`,
      );
      // Within a card: errors, then warnings, then notes.
      const RANK = { error: 0, warning: 1, info: 2 };
      for (const list of severities) {
        assert(
          list.every((sev, i) => i === 0 || RANK[sev] >= RANK[list[i - 1]]),
          `issues not sorted by severity: ${list.join(" ")}`,
        );
      }
      // The 错误 filter hides cards with no error.
      const filter = page.getByRole("group", { name: lang === "en" ? "Filter by severity" : "按级别筛选" });
      await filter.getByRole("button").nth(1).click();
      const shown = await page.getByTestId("ledger-card").count();
      const withErrors = await page
        .getByTestId("ledger-card")
        .evaluateAll((cards) => cards.filter((c) => /错误|error/i.test(c.textContent)).length);
      assert(shown === withErrors && shown > 0, `the error filter shows ${shown} cards, ${withErrors} with errors`);
      await filter.getByRole("button").nth(0).click();
      // No lone 行 / rows at 320 px: a count and its unit never break apart.
      const lone = await page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll("#pane span, #pane .fui-Caption1")) {
          for (const node of el.childNodes) {
            if (node.nodeType !== 3) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            const rects = [...range.getClientRects()];
            const text = node.textContent;
            if (rects.length > 1 && /(\d[\d,]*) ?(行|rows?)$/.test(text.trim())) {
              const last = rects[rects.length - 1];
              if (last.width < 30) out.push(text);
            }
          }
        }
        return out;
      });
      assert(lone.length === 0, `a lone 行 at 320 px: ${lone.join(" | ")}`);
      await shot(page, `16-issues-sorted-${lang}-320`);
      assert(pageErrors.length === 0, `page errors: ${pageErrors.join("; ")}`);
      await context.close();
    }
  });

  await ledgerScenario(
    "a figure whose ledger has rows left out for errors says it may be short, naming the cells; others say nothing",
    { query: "width=320", tab: "figures" },
    async ({ page }) => {
      const topic = page.locator("[data-testid=figure][data-figure='study.topic.count'] [data-testid=figure-rows-left-out]");
      const text = await topic.textContent();
      // Of the sample's two 学习记录 rows left out, only B44 (a 专题学习 whose date is the error) could count here;
      // D30 is a 专题研讨 (the seminar count's).
      // The cell with its sheet: a ledger may be kept on several sheets, each with a B44.
      assert(text === "可能偏少：“学习记录”有 1 行未计入（2022年学习记录台账 · B44）", `the study figure says: ${text}`);
      const partners = page.locator("[data-testid=figure][data-figure='partners.count']");
      await partners.waitFor();
      assert((await partners.getByTestId("figure-rows-left-out").count()) === 0, "a ledger with every row counted is marked");
      await topic.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, "17-figure-rows-left-out-zh-320.png") });
    },
  );

  await ledgerScenario(
    "查看来源 on a ledger read from two sheets selects each sheet's rows in turn and says so",
    { query: "width=320", tab: "figures" },
    async ({ page }) => {
      const eg = page.locator("[data-testid=figure][data-figure='eg.count']");
      await eg.getByTestId("show-source").click();
      const note = eg.getByTestId("source-selected");
      await note.waitFor();
      const first = await note.textContent();
      assert(/^已选中 电子保函-交易一科 的 [\d,]+ 行（第 1 张，共 2 张表）$/.test(first), `first note: ${first}`);
      const selection1 = await page.getByTestId("sim-selection").textContent();
      assert(selection1.startsWith("电子保函-交易一科!"), `Excel selection: ${selection1}`);
      await eg.getByTestId("show-source").click();
      await page.waitForFunction(
        (old) => document.querySelector("[data-figure='eg.count'] [data-testid=source-selected]")?.textContent !== old,
        first,
      );
      const second = await note.textContent();
      assert(
        /^已选中 电子保函（交易二科） 的 [\d,]+ 行（第 2 张，共 2 张表）$/.test(second) || /第 2 张，共 2 张表/.test(second),
        `second note: ${second}`,
      );
      const selection2 = await page.getByTestId("sim-selection").textContent();
      assert(!selection2.startsWith("电子保函-交易一科!"), `the second click should select the other sheet: ${selection2}`);
      const rows = (text) => Number(/的 ([\d,]+) 行/.exec(text)[1].replace(/,/g, ""));
      const total = Number((await eg.getByTestId("figure-source").textContent()).match(/([\d,]+) 行/)[1].replace(/,/g, ""));
      assert(
        rows(first) + rows(second) === total,
        `the two sheets' rows (${rows(first)} + ${rows(second)}) should make the figure's ${total}`,
      );
      await eg.scrollIntoViewIfNeeded();
      await shot(page, "17-source-two-sheets-zh-320");
    },
  );

  await ledgerScenario(
    "A manual figure edited in the 指标 tab is written to 指标定义 and recomputed",
    { query: "width=320", tab: "figures" },
    async ({ page }) => {
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
      await page.waitForFunction(
        () => document.querySelector("[data-figure='goals.count'] [data-testid=figure-text]")?.textContent === "25",
      );
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
    },
  );

  /** Text of one figure in the 指标 tab. */
  const figureText = (page, id) => page.locator(`[data-figure='${id}'] [data-testid=figure-text]`).textContent();

  await ledgerScenario(
    "Changing 年度 to 2023 in the pane shows 2023's figures in 指标 without 重新读取",
    { query: "width=320", tab: "figures" },
    async ({ page }) => {
      assert((await figureText(page, "study.seminar.count")) === "6", "2022 has 6 seminars");
      await page.getByTestId("tab-generate").click();
      await page.getByTestId("field-year").fill("2023");
      await page.getByTestId("tab-figures").click(); // leaving the field commits it
      await page.waitForFunction(
        () => document.querySelector("[data-figure='study.seminar.count'] [data-testid=figure-text]")?.textContent === "0",
      );
      assert((await figureText(page, "eg.count")) === "3378", `eg.count for 2023: ${await figureText(page, "eg.count")}`);
      const calls = await page.getByTestId("sim-calls").locator("tbody tr td:first-child").allTextContents();
      assert(calls[0] === "read" && calls[1] === "writeSettings", `the write should be followed by a re-read: ${calls.join(" ")}`);
      // The scope is recomputed at once too.
      await page.getByTestId("tab-generate").click();
      await page.getByTestId("field-scope").click();
      await page.getByRole("option", { name: "交易一科" }).click();
      await page.getByTestId("tab-figures").click();
      await page.waitForFunction(
        () => document.querySelector("[data-figure='eg.count'] [data-testid=figure-text]")?.textContent !== "3378",
      );
      await assertPaneUsable(page, "after year and scope");
    },
  );

  /** The clerk moves the report to 2023 in 报告设置 itself: 年度, 期间开始, 期间结束, cell by cell. */
  async function editYearInSheet(page) {
    const done = await page.evaluate(() => {
      const values = { 年度: 2023, 期间开始: "2023-01-01", 期间结束: "2023-12-31" };
      let n = 0;
      for (let row = 1; row <= 40; row++) {
        const item = window.__playground.cell("报告设置", `A${row}`);
        if (item in values) {
          window.__playground.edit("报告设置", `B${row}`, values[item]);
          n++;
        }
      }
      return n;
    });
    assert(done === 3, `报告设置 should have 年度, 期间开始 and 期间结束 rows, found ${done}`);
  }

  await ledgerScenario(
    "An edit in the sheets is picked up: re-read by itself when reading is quick",
    // "Quick" is the pane's own judgement (a read under its threshold); raised here so the scenario
    // means the same on a loaded CI machine, where reading the sample can itself take over a second.
    { query: "width=320&cheapReadMs=15000", tab: "figures" },
    async ({ page }) => {
      await editYearInSheet(page);
      await page.waitForFunction(
        () => document.querySelector("[data-figure='study.seminar.count'] [data-testid=figure-text]")?.textContent === "0",
      );
    },
  );

  await ledgerScenario(
    "An edit in the sheets marks the figures stale when reading is slow; one click re-reads",
    { query: "width=320&latency=1500", tab: "figures" },
    async ({ page }) => {
      await editYearInSheet(page);
      await page.getByTestId("stale").waitFor();
      assert((await figureText(page, "study.seminar.count")) === "6", "stale figures stay on screen until re-read");
      await assertNoHorizontalScroll(page, "stale 320");
      await shot(page, "14-stale-zh-320");
      await page.getByTestId("stale-reread").click();
      await page.waitForFunction(
        () => document.querySelector("[data-figure='study.seminar.count'] [data-testid=figure-text]")?.textContent === "0",
      );
      assert((await page.getByTestId("stale").count()) === 0, "the stale notice should go once re-read");
    },
  );

  await ledgerScenario(
    "生成 with 待补 figures: they are listed, a dialog asks, cancel makes nothing, confirm writes placeholders",
    { query: "width=320", tab: "generate" },
    async ({ page }) => {
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
      const asked = await listedFigures(dialog, "unresolved-figure");
      assert(asked.includes("study.topic.count") && !asked.includes("eg.count"), `asked about: ${asked.join()}`);
      assert((await dialog.textContent()).includes("部门"), "the dialog should say why (no 部门 information)");
      // The department is said once, above the names, not after each of them.
      const dialogScope = await dialog.getByTestId("list-scope").allTextContents();
      assert(
        dialogScope.length === 1 && dialogScope[0].startsWith("统计范围：交易一科"),
        `the dialog's scope line: ${dialogScope.join(" | ")}`,
      );
      // The name alone (its first span): the reason after it may well name the department it cannot count.
      const firstItem = await dialog
        .getByTestId("unresolved-figure")
        .first()
        .evaluate((li) => li.querySelector("span")?.textContent ?? "");
      assert(!firstItem.includes("交易一科"), `a name should not repeat the scope: ${firstItem}`);
      await page.screenshot({ path: join(shots, "13-unresolved-ask-zh.png") });
      await page.getByTestId("unresolved-cancel").click();
      await dialog.waitFor({ state: "detached" });
      assert((await page.getByTestId("result").count()) === 0, "cancel must not make a report");
      // The list above 生成报告 now names the same figures.
      const listed = await listedFigures(page.getByTestId("unresolved"), "unresolved-figure");
      assert(listed.join() === asked.join(), `listed above the button: ${listed.join()}`);
      const listScope = await page.getByTestId("unresolved").getByTestId("list-scope").allTextContents();
      assert(listScope.length === 1 && listScope[0].includes("交易一科"), `the list's scope line: ${listScope.join(" | ")}`);
      await assertNoHorizontalScroll(page, "unresolved 320");
      await shot(page, "14-unresolved-list-zh-320");

      await page.getByTestId("generate").click();
      await dialog.waitFor();
      await page.getByTestId("unresolved-confirm").click();
      await page.getByTestId("result").waitFor();
      const slots = (await downloadBy(page, "save")).slots();
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
    },
  );

  // The last new clerk (#10), finding 8: 生成报告 downloaded without asking about figures that may be
  // short, while 更新已有报告 and Word's 应用 asked. Finding 7: under a scope the 指标 tab did not say so.
  for (const lang of ["zh", "en"]) {
    const zh = lang === "zh";
    await ledgerScenario(
      `生成报告 (${lang}) asks about figures that may be short, naming them and the rows; cancel makes nothing, confirm makes the report`,
      { query: `width=320${zh ? "" : "&lang=en"}`, tab: "generate" },
      async ({ page }) => {
        // Listed above 生成报告 first, as the 待补 places and the 0s are.
        const above = await listedFigures(page.getByTestId("may-be-short"), "short-figure");
        assert(above.includes("study.topic.count") && !above.includes("partners.count"), `listed above the button: ${above.join()}`);
        await page.getByTestId("may-be-short").scrollIntoViewIfNeeded();
        await shot(page, `20a-generate-short-list-${lang}-320`);
        await page.getByTestId("generate").click();
        const dialog = page.getByTestId("unresolved-dialog");
        await dialog.waitFor();
        await page.waitForTimeout(600); // the dialog's opening motion
        const title = await dialog.locator("h2").first().textContent();
        assert(
          zh ? title.includes("可能偏少") && title.includes("仍然生成") : /may be short.*Generate anyway/.test(title),
          `the question: ${title}`,
        );
        const asked = await listedFigures(dialog, "short-figure");
        assert(asked.join() === above.join(), `asked about the same figures: ${asked.join()}`);
        // Each set of rows named once, over the figures it could belong in (B44 a 专题学习's, not D30 a 专题研讨's).
        const lines = await dialog.getByTestId("short-ledger").allTextContents();
        const topic = lines.filter((l) => l.includes("B44"));
        assert(topic.length === 1 && topic[0].includes("学习记录") && !topic[0].includes("D30"), `rows said: ${lines.join(" | ")}`);
        await assertNoHorizontalScroll(page, `short ask ${lang} 320`);
        await page.screenshot({ path: join(shots, `20-generate-short-ask-${lang}-320.png`) });
        await page.getByTestId("unresolved-cancel").click();
        await dialog.waitFor({ state: "detached" });
        assert((await page.getByTestId("result").count()) === 0, "cancel must not make a report");
        await assertPaneUsable(page, `after cancelling the short question (${lang})`);

        await page.getByTestId("generate").click();
        await dialog.waitFor();
        await page.getByTestId("unresolved-confirm").click();
        await page.getByTestId("result").waitFor();
        const slots = (await downloadBy(page, "save")).slots();
        assert(
          slots.get("study.topic.count")?.every((t) => /^\d+$/.test(t)),
          `study.topic.count in the report: ${slots.get("study.topic.count")}`,
        );
        await assertPaneUsable(page, `after generating anyway (${lang})`);
      },
    );

    await ledgerScenario(
      `Under a scope the 指标 tab (${lang}) says its figures count that department only`,
      { query: `width=320${zh ? "" : "&lang=en"}`, tab: "generate" },
      async ({ page }) => {
        await page.getByTestId("tab-figures").click();
        assert((await page.getByTestId("figures-scope").count()) === 0, "全部门 needs no scope line");
        await page.getByTestId("tab-generate").click();
        await pickOption(page, "field-scope", "交易一科");
        await settle(page);
        await page.getByTestId("tab-figures").click();
        const said = await page.getByTestId("figures-scope").textContent();
        assert(said.includes("交易一科") && said.startsWith(zh ? "统计范围" : "Scope"), `the 指标 tab says: ${said}`);
        await assertNoHorizontalScroll(page, `figures scope ${lang} 320`);
        await shot(page, `21-figures-scope-${lang}-320`);
        await assertPaneUsable(page, `figures under a scope (${lang})`);
      },
    );
  }

  await ledgerScenario(
    "A report made before 统计范围 changes is set aside, never saved as if it were current",
    "width=320",
    async ({ page }) => {
      await generateReport(page);
      await pickOption(page, "field-scope", "交易二科");
      await page.getByTestId("result-outdated").waitFor();
      assert((await page.getByTestId("save").count()) === 0, "the old report must not be offered for saving");
      await assertPaneUsable(page, "after the scope changed under a made report");
    },
  );

  // A table figure in the 指标 list (clerk 7, finding 8): once one run of every cell, so `1` `14.3%` wrapped into `114.3%`.
  for (const lang of ["zh", "en"])
    await ledgerScenario(
      `The 指标 list at 320 px (${lang}) shows a table figure as a small table, each cell apart`,
      `width=320${lang === "en" ? "&lang=en" : ""}`,
      async ({ page }) => {
        await openWorkbookInExcel(page, await sampleWithIssuerTable());
        await page.getByTestId("tab-figures").click();
        const figure = page.locator('[data-testid=figure][data-figure="eg.by_issuer"]');
        const table = figure.getByTestId("figure-table");
        await table.waitFor();
        const rows = await table.locator("tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
        assert(rows.length >= 3 && rows.every((r) => r.length === 3), `three cells a row: ${JSON.stringify(rows)}`);
        assert(rows[0][0] === "出函机构" && rows[rows.length - 1][0] === "合计", `header and 合计 rows: ${JSON.stringify(rows)}`);
        // Every count and share is a cell of its own: one number each, never two run together.
        for (const [, count, share] of rows.slice(1)) {
          assert(/^\d+$/.test(count) && /^\d+\.\d%$/.test(share), `a count and a share, apart: ${count} | ${share}`);
        }
        assert((await figure.getByTestId("figure-text").count()) === 0, "the table is not also shown as one run of text");
        await assertNoHorizontalScroll(page, `table figure ${lang} 320`);
        await figure.scrollIntoViewIfNeeded();
        await figure.screenshot({ path: join(shots, `16-figure-table-${lang}-320.png`) });
        await assertPaneUsable(page, `after the table figure (${lang})`);
      },
    );

  // The last new clerk (#10), item 7: switching tabs collapsed 查看问题; the clerk came back to a closed list.
  for (const lang of ["zh", "en"])
    await ledgerScenario(
      `查看问题 (${lang}) stays as the clerk left it after a look at the other tabs`,
      `width=320${lang === "en" ? "&lang=en" : ""}`,
      async ({ page }) => {
        await page.getByTestId("tab-ledgers").click();
        const toggles = page.getByTestId("toggle-issues");
        assert((await toggles.count()) >= 2, "the sample has at least two cards with issues");
        // The severity filter stays too: warnings only; then the first card with warnings opened.
        await page
          .getByRole("group")
          .getByRole("button", { name: lang === "zh" ? "警告" : "Warnings" })
          .click();
        await toggles.nth(0).click();
        const state = () => toggles.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-expanded")));
        const before = await state();
        assert(before[0] === "true", `the first card opened: ${before.join()}`);
        for (const tab of ["figures", "generate", "ledgers"]) await page.getByTestId(`tab-${tab}`).click();
        const after = await state();
        assert(JSON.stringify(after) === JSON.stringify(before), `after the tabs: ${after.join()} (was ${before.join()})`);
        assert((await page.getByTestId("issue").count()) > 0, "the opened card's issues show again");
        const pressed = await page
          .getByRole("group")
          .getByRole("button", { name: lang === "zh" ? "警告" : "Warnings" })
          .getAttribute("aria-pressed");
        assert(pressed === "true", `the filter stays on warnings: ${pressed}`);
        await shot(page, `17-issues-kept-open-${lang}-320`);
        // Closed again, it stays closed.
        await toggles.nth(0).click();
        await page.getByTestId("tab-figures").click();
        await page.getByTestId("tab-ledgers").click();
        assert((await toggles.nth(0).getAttribute("aria-expanded")) === "false", "closed stays closed");
        await assertPaneUsable(page, `after the tabs (${lang})`);
      },
    );

  // The last new clerk (#10), item 6: labels in the wrong language at 320 px (Fluent's clear button, the template's name, a 区间).
  for (const lang of ["zh", "en"])
    await ledgerScenario(
      `Labels of the 生成 and 指标 tabs (${lang}, 320 px) are in the pane's language`,
      { query: `width=320${lang === "en" ? "&lang=en" : ""}`, tab: "generate" },
      async ({ page }) => {
        const CJK = /[\u3400-\u9fff]/;
        // Fluent's Dropdown renders a clear button labelled in English whatever the pane's language.
        const clearLabels = await page
          .locator("#pane .fui-Dropdown__clearButton")
          .evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
        assert(clearLabels.length === 2, `two drop-downs' clear buttons: ${clearLabels.length}`);
        assert(
          clearLabels.every((l) => (lang === "zh" ? CJK.test(l) : l === "Clear selection")),
          `clear buttons' labels (${lang}): ${clearLabels.join(" | ")}`,
        );
        // The built-in template by its name in the pane's language, in the drop-down and in 报告模板.
        const templateField = page.locator("#pane .fui-Dropdown").nth(1).locator("button").first();
        const chosen = await templateField.textContent();
        const listed = await page.getByTestId("template-builtin").locator("span").first().textContent();
        for (const name of [chosen, listed])
          assert(
            lang === "zh" ? name.startsWith("抓党建工作述职报告") : !CJK.test(name),
            `the built-in template's name (${lang}): ${name}`,
          );
        // Its list opened and an option picked, as the clerk would.
        await templateField.focus();
        await page.keyboard.press("ArrowDown");
        const options = await page.getByRole("option").allTextContents();
        assert(
          options.every((o) => lang === "zh" || !CJK.test(o)),
          `template options (${lang}): ${options.join(" | ")}`,
        );
        await page.getByRole("option").first().click();
        await assertNoHorizontalScroll(page, `template name ${lang} 320`);
        await templateField.scrollIntoViewIfNeeded();
        await shot(page, `18-generate-labels-${lang}-320`);
        // A figure's 区间 in the pane's language on the 指标 tab.
        await page.getByTestId("tab-figures").click();
        const sources = await page.getByTestId("figure-source").allTextContents();
        const periods = lang === "zh" ? ["本期", "截至期末"] : ["up to 2022-12-31", "2022-01-01 to 2022-12-31"];
        assert(
          periods.some((p) => sources.some((s) => s.includes(p))),
          `a 区间 in ${lang}: ${sources.slice(0, 3).join(" | ")}`,
        );
        if (lang === "en")
          assert(!sources.some((s) => /本期|截至期末|全部/.test(s)), `no Chinese 区间 under English: ${sources.join(" | ")}`);
        await assertPaneUsable(page, `after the labels (${lang})`);
      },
    );

  await ledgerScenario("Dark theme (?theme=dark)", { query: "theme=dark&width=320", tab: "figures" }, async ({ page }) => {
    await shot(page, "12-figures-dark-zh-320");
  });

  // --- 列名对照: a renamed header answered with one click (issue #10, item 4) -------------------
  await ledgerScenario(
    "A renamed header (形式 → 学习方式) is answered with one click: 列名对照 gets the row and the figures return",
    "width=320",
    async ({ page }) => {
      const original = await figureTexts(page, STUDY_FIGURES);
      const card = await studyIssuesOfRenamedSample(page);
      // C4 also carries the figures the missing column leaves unresolved: the question is the one that asks.
      const issue = card.locator(`[data-testid=issue][data-cell="'2022年学习记录台账'!C4"]`).filter({ hasText: "是不是" });
      await issue.waitFor();
      const said = await issue.textContent();
      assert(said.includes("「学习方式」是不是“形式”？") && said.includes("整列未读取"), `the issue should ask at C4: ${said}`);
      const button = card.getByTestId("add-column-mapping");
      assert((await button.count()) === 1, "the issue should offer its 列名对照 row");
      await assertNoHorizontalScroll(page, "column mapping offer 320");
      await shot(page, "14-column-mapping-offer-zh-320");

      await button.click();
      const saved = page.getByTestId("column-map-saved");
      await saved.waitFor();
      const message = await saved.textContent();
      assert(/列名对照!A2/.test(message), `the notice should name the row written: ${message}`);
      const row = await page.evaluate(() => ["A2", "B2", "C2"].map((a) => window.__playground.cell("列名对照", a)));
      assert(row.join("|") === "学习记录|形式|学习方式", `列名对照 row 2: ${row.join("|")}`);
      const renamedHeader = await page.evaluate(() => window.__playground.cell("2022年学习记录台账", "C4"));
      assert(renamedHeader === "学习方式", `the clerk's header must stay as written, is ${renamedHeader}`);
      const calls = await page
        .getByTestId("sim-calls")
        .locator("tbody tr")
        .evaluateAll((rows) => rows.slice(0, 2).map((r) => r.cells[0].textContent));
      assert(calls.join(" ") === "read writeColumnMapping", `the pane should write, then read again: ${calls.join(" ")}`);

      // Read again: the question is gone and the study figures are what the untouched sample gives.
      await ledgersAppear(page);
      assert((await page.locator("[data-testid=add-column-mapping]").count()) === 0, "no offer left once answered");
      await assertNoHorizontalScroll(page, "column mapping saved 320");
      await shot(page, "15-column-mapping-saved-zh-320");
      const after = await figureTexts(page, STUDY_FIGURES);
      assert(
        JSON.stringify(after) === JSON.stringify(original),
        `study figures ${JSON.stringify(after)} should equal ${JSON.stringify(original)}`,
      );
      // The pane still works: generate the report from the renamed workbook.
      await generateReport(page);
    },
  );

  await ledgerScenario(
    "The renamed header's question and its one-click answer in English at 320 px",
    "lang=en&width=320",
    async ({ page }) => {
      const card = await studyIssuesOfRenamedSample(page);
      const said = await card
        .locator(`[data-testid=issue][data-cell="'2022年学习记录台账'!C4"]`)
        .filter({ hasText: "is this" })
        .textContent();
      assert(said.includes('"学习方式": is this 形式 (Form)?') && said.includes("whole column is ignored"), `English question: ${said}`);
      const button = card.getByTestId("add-column-mapping");
      assert((await button.textContent()).startsWith("Save to 列名对照"), `button: ${await button.textContent()}`);
      await assertNoHorizontalScroll(page, "column mapping offer 320 en");
      await shot(page, "16-column-mapping-offer-en-320");
      await button.click();
      await page.getByTestId("column-map-saved").waitFor();
      assert((await page.locator("[data-testid=add-column-mapping]").count()) === 0, "no offer left once answered");
    },
  );
  // Issue #12 item 7: desktop Office asks to restart a pane that stops answering. The engine and the
  // .docx writer run in a Web Worker; the pane shows each stage with its count meanwhile.
  const LARGE_ROWS = Number(process.env.E2E_LARGE_ROWS ?? 30_000);
  /** A scenario around one measured Generate (main-thread.mjs); its pane is closed whatever the steps did. */
  const generateScenario = (name, options, steps) =>
    scenario(name, async () => {
      const m = await measureGenerate(browser, options);
      try {
        await steps(m);
      } finally {
        await m.close();
      }
    });

  await generateScenario(
    `Generate on a ${LARGE_ROWS / 1000}k-row ledger runs in the worker, each stage shown, and never freezes the pane for Office's 5 s`,
    { file: ledgerFile(LARGE_ROWS) },
    async (m) => {
      const engineInWorker = await m.page.evaluate(() =>
        performance.getEntriesByType("resource").some((r) => r.name.includes("engine-worker.")),
      );
      assert(engineInWorker, "the engine worker script was never loaded");
      // Desktop Office restarts an add-in that does not answer for 5 s: that is the rule here. The
      // < 200 ms goal is measured by bench/main-thread.mjs, not asserted (timing on a shared machine).
      console.log(`  longest main-thread task after the read: ${m.longestAfterReadMs} ms`);
      assert(
        m.longestAfterReadMs < 5000,
        `a main-thread task of ${m.longestAfterReadMs} ms after the read (${m.longTasks.map((t) => Math.round(t.ms)).join(", ")} ms over the whole Generate)`,
      );
      const handedOver = m.said.filter((s) => /已交给后台计算 [\d,]+ \/ [\d,]+ 行/.test(s));
      assert(handedOver.length >= 3, `the rows handed to the worker are counted up: ${m.said.join(" | ")}`);
      assert(
        m.said.some((s) => /^校验：\d+ 个错误/.test(s)),
        `校验 is done with its counts before the end: ${m.said.join(" | ")}`,
      );
      assert(
        m.said.some((s) => /^计算指标：已校验 [\d,]+ 行/.test(s)),
        `计算指标 says how many rows were checked: ${m.said.join(" | ")}`,
      );
      assert(
        m.said.some((s) => s.startsWith("正在生成报告: 校验：已交给后台计算")),
        "the live region reads the hand-over aloud",
      );
      // The report is the real one: a .docx whose figures are the pane's.
      const report = await downloadBy(m.page, "save");
      assert(report.parts()["word/document.xml"] && report.slots().size >= 10, "the report has its figures");
      await assertPaneUsable(m.page, "after a large Generate");

      // 查看来源 on the big ledger: where Excel got a block holding more rows than the figure counts
      // (its rows lie in too many runs for one selection), the note says the block, never "N rows".
      await m.page.getByTestId("tab-figures").click();
      const eg = m.page.locator("[data-testid=figure][data-figure='eg.count']");
      await eg.getByTestId("show-source").click();
      const note = eg.getByTestId("source-selected");
      await note.waitFor();
      const said = await note.textContent();
      const selection = await m.page.getByTestId("sim-selection").textContent();
      const block = /!(\d+):(\d+)$/.exec(selection);
      const counted = Number((await eg.getByTestId("figure-source").textContent()).match(/([\d,]+) 行/)[1].replace(/,/g, ""));
      if (block && Number(block[2]) - Number(block[1]) + 1 > counted) {
        const rows = (Number(block[2]) - Number(block[1]) + 1).toLocaleString("en-US");
        assert(
          !said.startsWith("已选中") &&
            said.includes(`${block[1]}:${block[2]}`) &&
            said.includes(`共 ${rows} 行`) &&
            said.includes("不计入"),
          `Excel selected ${selection} for ${counted} rows, the pane said: ${said}`,
        );
      } else {
        assert(said.includes(`${counted.toLocaleString("en-US")} 行`), `the note should count the rows selected (${selection}): ${said}`);
      }
      await assertPaneUsable(m.page, "after 查看来源 on a large ledger");
      assert(m.pageErrors.length === 0, `page errors: ${m.pageErrors.join("; ")}`);
    },
  );

  await generateScenario(
    "Where no worker can start, Generate still makes the report on the main thread, stage by stage",
    // As on a page opened from file:// or under a CSP that refuses workers: the constructor throws.
    {
      file: SAMPLE_LEDGERS,
      query: "lang=en",
      init: () => {
        window.Worker = class {
          constructor() {
            throw new DOMException("Script cannot be accessed from origin 'null'.", "SecurityError");
          }
        };
      },
    },
    async (m) => {
      const loaded = await m.page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.includes("engine-worker.")));
      assert(!loaded, "no worker script should load when Worker cannot be constructed");
      assert(
        m.said.some((s) => /^Check: errors \d+, warnings \d+/.test(s)),
        `Check done with its counts: ${m.said.join(" | ")}`,
      );
      assert(
        m.said.some((s) => /^Compute figures: /.test(s)),
        `the stages are shown in English: ${m.said.join(" | ")}`,
      );
      assert((await downloadBy(m.page, "save")).parts()["word/document.xml"], "the report made on the main thread is a .docx");
      await shot(m.page, "generate-main-thread-en-320");
      await assertPaneUsable(m.page, "after Generate on the main thread");
      assert(m.pageErrors.length === 0, `page errors: ${m.pageErrors.join("; ")}`);
    },
  );

  await generateScenario(
    "A worker script that fails to load leaves Generate to the main thread, and the report is made",
    {
      file: SAMPLE_LEDGERS,
      // The worker starts but its script is missing: it reports an error event, never an answer.
      init: () => {
        const Real = window.Worker;
        window.Worker = class extends Real {
          constructor() {
            super("engine-worker.missing.js");
          }
        };
      },
    },
    async (m) => {
      assert(await m.page.getByTestId("result").isVisible(), "the report was made");
      await assertPaneUsable(m.page, "after the worker failed to load");
    },
  );
});

const STUDY_FIGURES = ["study.topic.count", "study.seminar.count", "study.youth_online.count", "study.lecture.count"];

/** The texts the 指标 tab shows for these figures. */
async function figureTexts(page, ids) {
  await page.getByTestId("tab-figures").click();
  await page.getByTestId("figure").first().waitFor();
  const out = {};
  for (const id of ids)
    out[id] = await page.locator(`[data-testid=figure][data-figure='${id}'] [data-testid=figure-text]`).first().textContent();
  return out;
}

/** examples/sample-ledgers.xlsx with 学习记录's header 形式 (C4) renamed 学习方式, as a clerk might. */
function renamedSample() {
  return editedSample("renamed.xlsx", (workbook) => {
    const study = workbook.worksheets.find((s) => s.name.includes("学习记录"));
    assert(study.getCell("C4").value === "形式", "the sample's 形式 header should be at C4");
    study.getCell("C4").value = "学习方式";
  });
}

/**
 * The clerk opens the renamed sample (as another file in Excel) and the issues of its 学习记录 card:
 * returns the card, where the question about the renamed header stands.
 */
async function studyIssuesOfRenamedSample(page) {
  await openWorkbookInExcel(page, await renamedSample());
  await page.getByTestId("tab-ledgers").click();
  const card = page.getByTestId("ledger-card").filter({ has: page.getByRole("heading", { name: "学习记录", exact: true }) });
  await card.getByTestId("toggle-issues").click();
  return card;
}

/** The sample without its 学习记录 ledger sheet: what 补齐缺少的工作表 is for. */
function sampleWithoutStudy() {
  return editedSample("no-study.xlsx", (workbook) => {
    const study = workbook.worksheets.find((s) => s.name.includes("学习记录"));
    assert(study, "the sample should have a 学习记录 ledger");
    workbook.removeWorksheet(study.id);
  });
}
