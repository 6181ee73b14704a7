// Serves the built playground (dist-playground/) and the sample workbooks (examples/) over plain
// http on localhost — no dev certificates, no Office. Used by `npm run playground` and the browser tests.
//   node scripts/playground.mjs [--port 3100]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** Maps a URL path into one of the two folders, refusing anything that escapes them. */
function fileFor(urlPath, folders) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  const [folder, rest] = path.startsWith("/examples/")
    ? [folders.examples, path.slice("/examples/".length)]
    : [folders.dist, path.slice(1) || "index.html"];
  const file = resolve(folder, rest);
  return file === folder || file.startsWith(folder + sep) ? file : null;
}

export async function startPlaygroundServer({
  port = 3100,
  host = "127.0.0.1",
  dist = join(repo, "dist-playground"),
  examples = join(repo, "examples"),
} = {}) {
  const folders = { dist: resolve(dist), examples: resolve(examples) };
  const server = createServer(async (req, res) => {
    const file = req.method === "GET" || req.method === "HEAD" ? fileFor(req.url ?? "/", folders) : null;
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error("not found");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": body.length,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("not found\n");
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  return { server, url: `http://${host}:${address.port}/` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const at = process.argv.indexOf("--port");
  const port = at > 0 ? Number(process.argv[at + 1]) : Number(process.env.PORT ?? 3100);
  if (!existsSync(join(repo, "dist-playground", "index.html"))) {
    console.error("dist-playground/ is missing: build it first with `npx webpack --mode development --env playground`.");
    process.exit(1);
  }
  const { url } = await startPlaygroundServer({ port });
  console.log(`Playground: ${url}  (try ${url}?lang=en, ?width=450, ?empty=1, ?platform=Mac)`);
}
