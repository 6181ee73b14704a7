// `npm run demo`: the main job on the bundled sample workbook —
// examples/sample-ledgers.xlsx → examples/out/述职报告.docx (+ .pdf and page-1 .png where LibreOffice/poppler exist).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const out = "examples/out";
mkdirSync(out, { recursive: true });
if (!existsSync("dist-cli/ledger-report.js")) spawnSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });

const docx = join(out, "述职报告.docx");
rmSync(docx, { force: true });
const gen = spawnSync(process.execPath, ["bin/ledger-report.js", "generate", "examples/sample-ledgers.xlsx", "-o", docx], {
  stdio: "inherit",
});
// Exit 1 means the sample's deliberate error rows were left out — the report is still written.
if ((gen.status !== 0 && gen.status !== 1) || !existsSync(docx)) {
  console.error("demo: the report was not generated (see the message above).");
  process.exit(gen.status || 2);
}

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
if (has("soffice")) {
  const profile = mkdtempSync(join(tmpdir(), "lo-demo-"));
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, docx], {
    stdio: "ignore",
    timeout: 120000,
  });
  if (r.status === 0) {
    console.log(`PDF: ${join(out, "述职报告.pdf")}`);
    if (has("pdftoppm")) {
      spawnSync("pdftoppm", ["-r", "80", "-png", "-f", "1", "-l", "1", join(out, "述职报告.pdf"), join(out, "page")], { stdio: "ignore" });
    }
  } else console.log("LibreOffice could not convert the report to PDF (skipped).");
} else {
  console.log("LibreOffice (soffice) not found: skipped the PDF. apt-get install -y libreoffice-writer-nogui fonts-noto-cjk");
}
console.log(`Report: ${docx}`);
