// ES5 only: Internet Explorer (and the IE webview of Office 2016/2019) cannot parse the page's
// bundle, so this runs first and says in one line which browsers work. Inlined into index.html.
(function () {
  var modern =
    typeof window.Promise === "function" && typeof window.Symbol === "function" && "noModule" in document.createElement("script");
  if (modern) return;
  var zh = "此网页需要较新的浏览器：Microsoft Edge、Chrome、360 安全浏览器（极速模式）、国产操作系统自带的 Chromium 内核浏览器或 Firefox。";
  var en =
    "This page needs a current browser: Microsoft Edge, Chrome, 360 Secure Browser (speed mode), the Chromium-based browser of a domestic OS, or Firefox.";
  var lang = String(navigator.language || navigator.userLanguage || "zh");
  var line = document.createElement("p");
  line.id = "old-browser";
  line.setAttribute("role", "alert");
  line.appendChild(document.createTextNode(/^zh/i.test(lang) ? zh : en));
  document.body.insertBefore(line, document.body.firstChild);
})();
