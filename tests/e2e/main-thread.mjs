// Measures how long the pane's main thread is held during Generate, in the playground over the
// simulated Excel host: a PerformanceObserver('longtask') installed before the page's own scripts,
// and every text the step list and the live region show while it runs. Shared by the browser test
// (tests/e2e/pane.e2e.mjs) and `npm run bench` (bench/main-thread.mjs). Not named *.e2e.mjs.
import { spawnSync } from "node:child_process";
import { basename, dirname, join } from "node:path";
import { generateAnswering, repo } from "./harness.mjs";
import { startPlaygroundServer } from "../../scripts/playground.mjs";

/** The bench's deterministic 电子保函 ledger of `rows` rows (written once into bench/data, git-ignored). */
export function ledgerFile(rows) {
  const r = spawnSync(process.execPath, [join(repo, "scripts/run-ts.mjs"), "bench/ledger-file.ts", String(rows)], {
    cwd: repo,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`bench/ledger-file.ts ${rows}: ${r.stderr}`);
  return r.stdout.trim().split("\n").pop();
}

/** Installed before the page's scripts: records long tasks and what the pane says while it works. */
function watchPage() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  window.__said = [];
  const note = () => {
    // The pane's root in the playground (beside the simulated Excel); the whole page on the web page.
    // Before <body> is parsed there is nothing to read yet.
    const root = document.querySelector("#pane") ?? document.body;
    if (!root) return;
    for (const el of root.querySelectorAll("[data-testid=steps] li, [data-testid=live]")) {
      const text = el.textContent.trim();
      if (text && window.__said.at(-1) !== text && !window.__said.includes(text)) window.__said.push(text);
      // When the workbook has been read (读取台账 done): from here on the engine and the writer work.
      if (window.__readDoneAt === undefined && /^(读取台账：|Read ledgers:)/.test(text)) window.__readDoneAt = performance.now();
    }
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * Opens the playground on `file` (served from its own folder), waits until the pane has read it,
 * then clicks 生成报告 and waits for the report (confirming 待补 figures if asked). Returns the long
 * tasks that began between the click and the result, the longest of them, the longest after the
 * workbook was read (the read itself is Office.js work on the main thread: in the playground the
 * simulated host's too), and what the pane said meanwhile.
 * `init` runs in the page before its scripts too (the fallback test takes `Worker` away there).
 */
export async function measureGenerate(browser, { file, query = "", init, timeout = 300_000, web = false } = {}) {
  // The web page (dist/web) over the file chosen in it, or the playground's pane over the simulated Excel host.
  const { server, url } = await startPlaygroundServer(
    web ? { port: 0, dist: join(repo, "dist", "web") } : { port: 0, examples: dirname(file) },
  );
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: "zh-CN", acceptDownloads: true });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.addInitScript(watchPage);
    if (init) await page.addInitScript(init);
    let openMs = null;
    if (web) {
      // The page's own file input (as in Firefox): no file handle needed.
      await page.addInitScript(() => delete window.showOpenFilePicker);
      await page.goto(`${url}?lang=zh`);
      const opened = await page.evaluate(() => performance.now());
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("choose-workbook").click()]);
      await chooser.setFiles(file);
      await page.getByTestId("tab-generate").click();
      // Opening the file (its read, then the first figures) is reported apart from Generate.
      openMs = Math.round(
        await page.evaluate((from) => Math.max(0, ...window.__longTasks.filter((t) => t.start >= from).map((t) => t.ms)), opened),
      );
    } else {
      await page.goto(`${url}?file=examples/${encodeURIComponent(basename(file))}${query ? `&${query}` : ""}`);
      await page.getByTestId("tab-generate").click();
    }
    await page.waitForFunction(() => !(document.querySelector("#pane") ?? document.body).querySelector(".fui-Spinner"));
    const started = await page.evaluate(() => {
      window.__said = [];
      window.__readDoneAt = undefined;
      return performance.now();
    });
    // 生成报告 asks first about the sample's figures that may be short: answered as the clerk would.
    await generateAnswering(page);
    const finished = await page.evaluate(() => performance.now());
    // Long tasks are reported a moment after they end.
    await page.waitForTimeout(200);
    const { tasks, said, readDoneAt } = await page.evaluate(() => ({
      tasks: window.__longTasks,
      said: window.__said,
      readDoneAt: window.__readDoneAt,
    }));
    const during = tasks.filter((t) => t.start >= started && t.start <= finished);
    // After the read: the engine, handing over the rows, the result and the writer — this work's part.
    const afterRead = during.filter((t) => readDoneAt !== undefined && t.start >= readDoneAt);
    return {
      page,
      context,
      pageErrors,
      generateMs: Math.round(finished - started),
      longTasks: during,
      longestMs: Math.round(Math.max(0, ...during.map((t) => t.ms))),
      longestAfterReadMs: Math.round(Math.max(0, ...afterRead.map((t) => t.ms))),
      readMs: readDoneAt === undefined ? null : Math.round(readDoneAt - started),
      /** Web page only: the longest task while the chosen file was opened (read in the page), before Generate. */
      openLongestMs: openMs,
      said,
      close: async () => {
        await context.close();
        server.close();
      },
    };
  } catch (error) {
    await context.close();
    server.close();
    throw error;
  }
}
