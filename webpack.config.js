/* eslint-disable no-undef */
// Builds the task pane (Office add-in template conventions) or, with `--env playground`, the
// playground: the same pane over the simulated Excel host, served over plain http by
// scripts/playground.mjs. Dev certificates are asked for only when serving the real pane.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const webConfig = require("./webpack.web.js");

const { productionManifest } = require("./scripts/manifest-url.cjs");

/** Where the production pane is hosted; the manifest copied into dist/ points there. */
const urlProd = process.env.LEDGER_REPORT_URL || "https://ledger-report.example.org/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/**
 * The intranet build (LEDGER_REPORT_OFFICE_JS=local): office.js and the host files it loads come from
 * the add-in's own origin (copied from the @microsoft/office-js package into office-js/), so the pane
 * loads nothing from outside. See README, "Deploying inside an agency".
 */
const officeJsLocal = process.env.LEDGER_REPORT_OFFICE_JS === "local";
/** Production source maps only when asked for (LEDGER_REPORT_SOURCE_MAPS=1): they would ship the source. */
const shipSourceMaps = process.env.LEDGER_REPORT_SOURCE_MAPS === "1";
/** The office.js files the pane can need: Excel and Word hosts, the loader's table and string files. */
const OFFICE_JS_FILES = {
  from: "node_modules/@microsoft/office-js/dist",
  to: "office-js",
  globOptions: {
    ignore: [
      "**/*.debug.js",
      "**/*.d.ts",
      "**/office-vsdoc.js",
      "**/outlook*",
      "**/onenote*",
      "**/powerpoint*",
      "**/project*",
      "**/access*",
    ],
  },
};

/**
 * Scripts only from the pane's own origin and the office.js CDN (office.js loads its host files from there).
 * `closed`: the intranet build, which must reach nothing outside its origin. office.js still carries the
 * addresses of Microsoft's telemetry (a hidden frame to telemetryservice.firstpartyapps.oaspapps.com, made by
 * its *-16.00 host files and the loader outside Office, and Aria beacons): frames and connections are held to
 * the pane's own origin, so the browser refuses them before any request leaves the machine.
 */
function contentSecurityPolicy(scriptOrigins, { closed = false } = {}) {
  return [
    `script-src 'self' ${scriptOrigins.join(" ")}`.trim(),
    ...(closed ? ["connect-src 'self'", "frame-src 'self'"] : []),
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

/**
 * The engine's Web Worker (src/worker): an entry of its own, written beside the pane's scripts as
 * engine-worker.<build hash>.js. The pane finds it from webpack's run-time build hash
 * (`__webpack_hash__`, src/worker/start.ts), so no `import.meta.url` is needed (the CommonJS
 * tsconfig the tests use refuses it). Same origin as the pane, as workers must be.
 */
const engineWorkerEntry = {
  import: "./src/worker/engine.worker.ts",
  filename: "engine-worker.[fullhash:8].js",
  // Inside a worker there is no document to add <script> tags to.
  chunkLoading: "import-scripts",
};

function tsRule() {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        // tsconfig says commonjs for jest; webpack needs ES modules to split `import()` into chunks.
        compilerOptions: { module: "esnext", moduleResolution: "node", target: "es2020", sourceMap: true },
      },
    },
  };
}

const common = (dev) => ({
  // Not eval-*: the CSP forbids eval. None in production unless asked: a map ships the whole source.
  devtool: dev || shipSourceMaps ? "source-map" : false,
  resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  module: { rules: [tsRule()] },
  performance: {
    // The initial JS budget is 300 KB gzip (about 1 MB minified); the docx writer is a lazy chunk.
    hints: dev ? false : "warning",
    maxEntrypointSize: 1_100_000,
    maxAssetSize: 1_100_000,
  },
  optimization: { splitChunks: { chunks: "async" } },
});

function paneConfig(dev) {
  return {
    ...common(dev),
    name: "pane",
    entry: { taskpane: "./src/taskpane/index.tsx", "engine-worker": engineWorkerEntry },
    output: {
      path: path.resolve(__dirname, process.env.LEDGER_REPORT_OUT || "dist"),
      filename: "[name].[contenthash:8].js",
      clean: true,
      publicPath: "",
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs: officeJsLocal ? "office-js/office.js" : OFFICE_JS_CDN,
        csp: officeJsLocal ? contentSecurityPolicy([], { closed: true }) : contentSecurityPolicy(["https://appsforoffice.microsoft.com"]),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/support.html", to: "support.html" },
          { from: "src/taskpane/unsupported-webview.js", to: "unsupported-webview.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content.toString(), urlProd)),
          },
          ...(officeJsLocal ? [OFFICE_JS_FILES] : []),
        ],
      }),
    ],
  };
}

function playgroundConfig(dev) {
  return {
    ...common(dev),
    // A test bench, never deployed: its stack traces should name our files.
    devtool: "source-map",
    entry: { playground: "./src/playground/index.tsx", "engine-worker": engineWorkerEntry },
    output: {
      path: path.resolve(__dirname, "dist-playground"),
      filename: "[name].[contenthash:8].js",
      clean: true,
      publicPath: "",
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
        // No office.js: the simulated host installs `Office` and `Excel` itself (see src/playground/index.tsx).
        csp: contentSecurityPolicy([]),
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
    ],
  };
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  if (env.playground) return { mode: options.mode || "production", ...playgroundConfig(dev) };
  // The offline web page alone (`npm run web`); a plain build makes it beside the add-in, in dist/web/.
  if (env.web) return { mode: options.mode || "production", ...webConfig(common(dev), { engineWorker: engineWorkerEntry }) };
  const config = { mode: options.mode || "production", ...paneConfig(dev) };
  if (env.WEBPACK_SERVE) {
    config.devServer = {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      server: { type: "https", options: await httpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }
  if (env.WEBPACK_SERVE) return config;
  return [config, { mode: config.mode, ...webConfig(common(dev), { engineWorker: engineWorkerEntry }), dependencies: ["pane"] }];
};
