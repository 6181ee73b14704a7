// `npm run web`: serves the built web page (dist/web/) on http://127.0.0.1:3200 for a try — the
// same static files an intranet server would serve. The sample workbook is at examples/.
//   node scripts/web.mjs [--port 3200]
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startPlaygroundServer } from "./playground.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(repo, "dist", "web");
const at = process.argv.indexOf("--port");
const port = at > 0 ? Number(process.argv[at + 1]) : Number(process.env.PORT ?? 3200);
if (!existsSync(join(dist, "index.html"))) {
  console.error("dist/web/ is missing: build it first with `npx webpack --mode production --env web`.");
  process.exit(1);
}
const { url } = await startPlaygroundServer({ port, dist });
console.log(`Web page: ${url}  (choose or drop examples/sample-ledgers.xlsx; ${url}?lang=en for English)`);
console.log(`Offline on disk: open ${join(dist, "index.html")} in Chrome or Edge.`);
