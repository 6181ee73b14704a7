// The production manifest: every dev-server URL (https://localhost:3000/…) rewritten to where the pane
// is hosted, and AppDomain to that host's origin. Used by webpack.config.js and tested on its own.

const DEV_URL = "https://localhost:3000/";

/** `url` must be the https address of the folder holding taskpane.html, e.g. https://intranet.example/ledger-report/. */
function productionManifest(xml, url) {
  const base = url.endsWith("/") ? url : `${url}/`;
  const { origin, protocol } = new URL(base);
  if (protocol !== "https:") throw new Error(`LEDGER_REPORT_URL must be an https address (Office loads add-ins over HTTPS only): ${url}`);
  const out = xml.split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(origin);
  if (/localhost/i.test(out)) throw new Error("the production manifest still names localhost");
  return out;
}

module.exports = { DEV_URL, productionManifest };
