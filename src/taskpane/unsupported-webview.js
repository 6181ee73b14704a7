/* Ledger Report: the check that runs before the pane's bundle, in ES5 only.
 *
 * Volume-licensed Office 2016/2019 always shows add-ins in Internet Explorer 11 (Trident); Office 2016/2019
 * retail and older Microsoft 365 builds without the WebView2 runtime in legacy Edge (EdgeHTML). Office 2021,
 * retail or volume-licensed, uses WebView2 (Microsoft's table: "Browsers and webview controls used by Office
 * Add-ins"). So the advice differs: nothing installed changes Trident under volume-licensed Office, while
 * the WebView2 runtime moves EdgeHTML computers onto a webview that runs the pane. The pane's bundle is ES2020 and does not parse there,
 * so without this the pane would stay blank. On those webviews this script says, in the clerk's
 * language, which Office versions run the add-in and what to use instead, and tells the bundle not
 * to start. It is served from the add-in's own origin (the CSP allows scripts from 'self' only) and
 * must stay plain ES5: no let/const, arrow functions, template strings or newer APIs.
 * See https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11
 */
(function () {
  var ua = window.navigator.userAgent || "";
  var trident = ua.indexOf("Trident/") !== -1 || ua.indexOf("MSIE ") !== -1;
  var edgeHtml = /Edge\/\d/.test(ua);
  if (!trident && !edgeHtml) return;
  window.ledgerReportUnsupportedWebview = trident ? "Trident" : "EdgeHTML";

  var base = String(window.location.href)
    .split("?")[0]
    .split("#")[0]
    .replace(/[^/]*$/, "");
  var webPage = base + "web/index.html";

  var TEXT = {
    "zh-CN": {
      title: "此版本的 Office 无法运行台账成文加载项",
      why:
        "这台电脑上的 Office 用旧版浏览器组件（" +
        (trident ? "Internet Explorer 11" : "旧版 Edge") +
        "）显示加载项，台账成文需要更新的组件，所以任务窗格无法打开。",
      works:
        "可以运行的 Office：Office 2021 及更新版本（零售版、批量许可版均可）、Microsoft 365、装有 Microsoft Edge WebView2 运行时的零售版 Office 2016/2019，以及 Office 网页版。" +
        "批量许可版 Office 2016/2019 不能运行；Word 2016 只支持 WordApi 1.1，即使能打开也无法刷新报告中的数字。",
      instead: "改用以下任一方式，功能相同，文件不会上传：",
      web: "离线网页：用 Chrome、Edge 或其他新版浏览器打开下面的地址，选择台账工作簿即可生成报告或更新已有报告：",
      cli: "命令行（由信息管理员安装）：ledger-report generate 台账.xlsx -o 报告.docx；更新已有报告：ledger-report refresh 台账.xlsx 报告.docx。",
      admin: trident
        ? "批量许可版 Office 2016/2019 总是用 Internet Explorer 11 显示加载项，安装其他组件也不会改变；要在 Office 中使用，需升级到 Office 2021 或更新版本、或 Microsoft 365。零售版 Office 2016/2019 可请信息管理员安装 Microsoft Edge WebView2 运行时。"
        : "如需在 Office 中使用，请信息管理员在这台电脑上安装 Microsoft Edge WebView2 运行时，然后重新打开 Office。",
    },
    "en-US": {
      title: "This version of Office cannot run the Ledger Report add-in",
      why:
        "Office on this computer shows add-ins in an old browser component (" +
        (trident ? "Internet Explorer 11" : "legacy Edge") +
        "); Ledger Report needs a newer one, so its task pane cannot open.",
      works:
        "Office that runs it: Office 2021 or later (retail or volume-licensed), Microsoft 365, retail Office 2016/2019 with the Microsoft Edge WebView2 Runtime installed, and Office on the web. " +
        "Volume-licensed Office 2016/2019 cannot; Word 2016 has WordApi 1.1 only and could not refresh a report's figures even where it opens.",
      instead: "Use one of these instead; they do the same and upload nothing:",
      web: "The offline web page: open this address in Chrome, Edge or another current browser, then pick the ledger workbook to generate a report or update one:",
      cli: "The command line (installed by your IT administrator): ledger-report generate ledgers.xlsx -o report.docx; to update a report: ledger-report refresh ledgers.xlsx report.docx.",
      admin: trident
        ? "Volume-licensed Office 2016/2019 always shows add-ins in Internet Explorer 11, whatever else is installed; to use it inside Office, upgrade to Office 2021 or later, or Microsoft 365. On retail Office 2016/2019, your IT administrator can install the Microsoft Edge WebView2 Runtime."
        : "To use it inside Office, ask your IT administrator to install the Microsoft Edge WebView2 Runtime on this computer, then open Office again.",
    },
  };

  function languageOf(tag) {
    return /^zh/i.test(tag || "") ? "zh-CN" : /^en/i.test(tag || "") ? "en-US" : null;
  }

  function el(name, text, style) {
    var node = document.createElement(name);
    if (text) node.appendChild(document.createTextNode(text));
    if (style) node.style.cssText = style;
    return node;
  }

  var box = null;
  function show(lang) {
    var t = TEXT[lang] || TEXT["zh-CN"];
    var root = document.getElementById("root") || document.body;
    if (!root) return;
    if (box && box.parentNode) box.parentNode.removeChild(box);
    box = el("div", "", "font-family:'Microsoft YaHei','Segoe UI',sans-serif;font-size:14px;line-height:1.6;padding:16px;color:#242424;");
    box.id = "unsupported-webview";
    box.setAttribute("role", "alert");
    box.setAttribute("lang", lang);
    box.appendChild(el("h1", t.title, "font-size:18px;margin:0 0 12px;"));
    box.appendChild(el("p", t.why));
    box.appendChild(el("p", t.works));
    box.appendChild(el("p", t.instead, "font-weight:bold;"));
    var list = el("ol", "", "padding-left:20px;");
    var item = el("li", t.web);
    var link = el("a", webPage, "display:block;word-break:break-all;margin-top:4px;");
    link.href = webPage;
    link.target = "_blank";
    link.id = "unsupported-webview-web-page";
    item.appendChild(link);
    list.appendChild(item);
    list.appendChild(el("li", t.cli));
    box.appendChild(list);
    box.appendChild(el("p", t.admin, "color:#616161;"));
    root.appendChild(box);
  }

  var nav = window.navigator;
  var lang = languageOf(nav.language || nav.userLanguage || nav.browserLanguage) || "zh-CN";
  var query = /[?&]lang=([^&]+)/.exec(window.location.search || "");
  if (query) lang = languageOf(decodeURIComponent(query[1])) || lang;

  function start() {
    show(lang);
    // office.js runs in these webviews: Office's own display language wins once it is known.
    var office = window.Office;
    if (office && typeof office.onReady === "function") {
      try {
        office.onReady(function () {
          var shown = office.context && languageOf(office.context.displayLanguage);
          if (shown && shown !== lang) {
            lang = shown;
            show(lang);
          }
        });
        // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no optional catch binding
      } catch (ignored) {
        /* the message in the browser's language stands */
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
