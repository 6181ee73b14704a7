// Task pane entry: office.js is loaded by a <script src> in taskpane.html before this bundle.
import { startPane } from "./start";

void startPane({ container: document.getElementById("root")!, search: window.location.search });
