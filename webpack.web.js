// The offline web page (src/web): the pane's views and engine over files, built beside the add-in
// into dist/web/ (index.html + its scripts). Used by webpack.config.js for `npm run build` and
// `--env web`. Scripts only from the page's own folder, plus the one inline ES5 line for old IE,
// allowed by its hash; nothing may be fetched from anywhere else.
const path = require("path");
const fs = require("fs");
const crypto = require("crypto");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const INLINE_HASH = "__OLD_BROWSER_SCRIPT_HASH__";

function oldBrowserScript() {
  const code = fs
    .readFileSync(path.resolve(__dirname, "src/web/old-browser.js"), "utf8")
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .map((line) => line.trim())
    .join("");
  return `<script>${code}</script>`;
}

/**
 * Puts the hash of the inline script, as it finally stands in index.html, into the page's CSP: at the
 * last stage of processing assets, after webpack's own HTML minimizer has rewritten the script.
 */
class InlineScriptHashPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.compilation.tap("InlineScriptHashPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "InlineScriptHashPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const html = compilation.getAsset("index.html");
        if (!html) return;
        const text = html.source.source().toString();
        const inline = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
        if (inline.length !== 1) throw new Error(`web page: expected one inline script, found ${inline.length}`);
        const hash = crypto.createHash("sha256").update(inline[0], "utf8").digest("base64");
        compilation.updateAsset("index.html", new sources.RawSource(text.replace(INLINE_HASH, hash)));
      });
    });
  }
}

/**
 * The same page as one self-contained file (`ledger-report-offline.html`) to copy onto a disk or a
 * USB stick and open from there: every script inline — the lazy chunks registered before the entry
 * runs, so `import()` finds them without loading anything — each allowed by its hash, the icon as
 * a data URL. Chromium runs it from file:// (classic inline scripts need no origin; module scripts
 * and workers from file:// would be refused as cross-origin).
 */
class SingleFilePlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.compilation.tap("SingleFilePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "SingleFilePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT + 1 }, () => {
        const index = compilation.getAsset("index.html");
        if (!index) return;
        let html = index.source.source().toString();
        const entryTag = /<script defer(?:="defer")? src="?([^" >]+)"?><\/script>/.exec(html);
        if (!entryTag) throw new Error("web page: no entry script tag in index.html");
        const code = (name) =>
          compilation
            .getAsset(name)
            .source.source()
            .toString()
            .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "")
            .replace(/<\/script/gi, "<\\/script");
        // Not the engine worker: inline it would run as page script, and a page from file:// may not
        // start a worker anyway (origin 'null'); the one-file copy computes on its main thread.
        const chunks = compilation
          .getAssets()
          .map((a) => a.name)
          .filter((name) => name.endsWith(".js") && name !== entryTag[1] && !name.startsWith("engine-worker."))
          .sort();
        const scripts = [...chunks.map(code), code(entryTag[1])];
        const hashes = scripts.map((js) => `'sha256-${crypto.createHash("sha256").update(js, "utf8").digest("base64")}'`);
        const icon = compilation.getAsset("icon-32.png");
        html = html
          .replace(entryTag[0], "")
          .replace("script-src 'self' ", () => `script-src ${hashes.join(" ")} `)
          .replace(/href="?icon-32\.png"?/, () =>
            icon ? `href="data:image/png;base64,${Buffer.from(icon.source.source()).toString("base64")}"` : "",
          )
          .replace("</body>", () => `${scripts.map((js) => `<script>${js}</script>`).join("")}</body>`);
        // Marked minimized so webpack's HTML minimizer leaves it (and the hashed scripts) as they are.
        compilation.emitAsset("ledger-report-offline.html", new sources.RawSource(html), { minimized: true });
      });
    });
  }
}

function webContentSecurityPolicy(inlineHash) {
  return [
    "default-src 'none'",
    `script-src 'self' 'sha256-${inlineHash}'`,
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** `engineWorker`: the engine's Web Worker entry (webpack.config.js), the same one the pane runs. */
module.exports = function webConfig(common, { engineWorker } = {}) {
  return {
    ...common,
    name: "web",
    // The budget is for what a browser loads from the folder; the one-file copy is for disks and USB sticks.
    performance: { ...common.performance, assetFilter: (name) => name.endsWith(".js") },
    entry: { web: "./src/web/index.tsx", ...(engineWorker ? { "engine-worker": engineWorker } : {}) },
    output: {
      // Inside the add-in's folder (LEDGER_REPORT_OUT, as the pane's build), where the old-webview message links to it.
      path: path.resolve(__dirname, process.env.LEDGER_REPORT_OUT || "dist", "web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      // Relative: the folder works wherever it is put (intranet server, beside the add-in, or on disk).
      publicPath: "",
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/web/web.html",
        chunks: ["web"],
        scriptLoading: "defer",
        csp: webContentSecurityPolicy(INLINE_HASH),
        oldBrowserScript: oldBrowserScript(),
        favicon: "./assets/icon-32.png",
      }),
      new InlineScriptHashPlugin(),
      new SingleFilePlugin(),
    ],
  };
};
module.exports.webContentSecurityPolicy = webContentSecurityPolicy;
