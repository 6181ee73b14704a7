// The pane talks to nobody but its own origin: every request the playground page makes while
// reading the ledgers, generating and saving a report is recorded, and each must stay on the
// page's origin (or be a blob:/data: URL the pane made itself). The page's CSP must restrict
// scripts to 'self' (plus the office.js CDN in the real build), and no script may be injected.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { startPlaygroundServer } from "../../scripts/playground.mjs";
import { TIMEOUT, generateAnswering, launchBrowser, repo } from "./harness.mjs";

let failed = 0;
const lines = [];
function check(condition, message) {
  lines.push(`${condition ? "ok  " : "FAIL"} ${message}`);
  if (!condition) failed++;
}

const html = readFileSync(join(repo, "dist-playground", "index.html"), "utf8");
// The built HTML is minified: attribute quotes may be gone.
const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content=(["'])(.*?)\1/i.exec(html)?.[2] ?? "";
check(/script-src 'self'(;|$)/.test(csp), `the playground's CSP allows scripts only from 'self' (${csp})`);
check(
  !/unsafe-eval|unsafe-inline/.test(csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? ""),
  "no unsafe-eval or unsafe-inline for scripts",
);

// The production pane's policy, as webpack writes it (the CDN is where office.js and its host files come from).
const config = readFileSync(join(repo, "webpack.config.js"), "utf8");
check(
  /contentSecurityPolicy\(\["https:\/\/appsforoffice\.microsoft\.com"\]\)/.test(config),
  "the production pane allows scripts only from 'self' and the office.js CDN",
);
const paneFiles = ["src/taskpane", "src/playground"].flatMap((d) =>
  readdirSync(join(repo, d), { recursive: true }).map((f) => join(repo, d, String(f))),
);
const injecting = paneFiles.filter((f) => /\.tsx?$/.test(f) && /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(f, "utf8")));
check(
  paneFiles.length > 10 && injecting.length === 0,
  `the pane never sets inner HTML (${paneFiles.length} files scanned)${injecting.length ? `: ${injecting.join(", ")}` : ""}`,
);

const { server, url } = await startPlaygroundServer({ port: 0 });
const origin = new URL(url).origin;
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, acceptDownloads: true, locale: "zh-CN" });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const violations = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${url}?width=320`);
  await page.getByTestId("ledger-card").first().waitFor();
  await page.getByTestId("tab-generate").click();
  await generateAnswering(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save").click()]);
  await download.path();
  const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("blob:") && !u.startsWith("data:"));
  check(requests.length > 0, `recorded ${requests.length} requests while generating and saving a report`);
  check(outside.length === 0, `no request leaves the pane's origin${outside.length ? `: ${outside.join(", ")}` : ""}`);
  check(violations.length === 0, `no CSP violation reported${violations.length ? `: ${violations[0]}` : ""}`);
  await context.close();
} finally {
  await browser.close();
  server.close();
}
console.log(lines.join("\n"));
console.log(`${lines.length - failed}/${lines.length} security checks passed`);
process.exit(failed ? 1 : 0);
