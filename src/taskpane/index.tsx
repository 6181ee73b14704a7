// Task pane entry: office.js is loaded by a <script src> in taskpane.html before this bundle.
import { startPane } from "./start";

// unsupported-webview.js has already said why on Internet Explorer 11 / legacy Edge: nothing to start.
if (!(window as { ledgerReportUnsupportedWebview?: string }).ledgerReportUnsupportedWebview)
  void startPane({ container: document.getElementById("root")!, search: window.location.search });
