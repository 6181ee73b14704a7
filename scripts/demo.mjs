// `npm run demo`: the main job on the bundled sample workbook —
// examples/sample-ledgers.xlsx → examples/out/述职报告.docx (+ .pdf and page PNGs where LibreOffice/poppler exist).
// `npm run demo -- --readme` also refreshes what the README shows: examples/sample-report.docx and
// docs/report-page-1.png, docs/report-page-2.png (A4 at 70 dpi, 579 × 819).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const readme = process.argv.includes("--readme");
const out = "examples/out";
mkdirSync(out, { recursive: true });
// Always rebuilt (about a second): a stale bundle would show yesterday's layout.
spawnSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });

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
if (readme) copyFileSync(docx, "examples/sample-report.docx");

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
if (has("soffice")) {
  const profile = mkdtempSync(join(tmpdir(), "lo-demo-"));
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, docx], {
    stdio: "ignore",
    timeout: 120000,
  });
  rmSync(profile, { recursive: true, force: true });
  const pdf = join(out, "述职报告.pdf");
  if (r.status === 0) {
    console.log(`PDF: ${pdf}`);
    if (has("pdftoppm")) {
      for (const f of readdirSync(out)) if (/^page-\d+\.png$/.test(f)) rmSync(join(out, f));
      // Every page, for a person to look at; pdftoppm names them page-1.png … (page-01.png past 9 pages).
      spawnSync("pdftoppm", ["-r", "70", "-png", pdf, join(out, "page")], { stdio: "ignore" });
      console.log(`Pages: ${join(out, "page-*.png")}`);
      if (readme) {
        for (const n of [1, 2])
          spawnSync("pdftoppm", ["-r", "70", "-png", "-f", `${n}`, "-l", `${n}`, "-singlefile", pdf, `docs/report-page-${n}`]);
        console.log("README: examples/sample-report.docx, docs/report-page-1.png, docs/report-page-2.png");
      }
    }
  } else console.log("LibreOffice could not convert the report to PDF (skipped).");
} else {
  console.log("LibreOffice (soffice) not found: skipped the PDF. apt-get install -y libreoffice-writer-nogui fonts-noto-cjk");
}
console.log(`Report: ${docx}`);
