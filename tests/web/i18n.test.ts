// The web page's language: Chinese unless the address asks for English.
import { webLang } from "../../src/web/i18n";

describe("the web page's language", () => {
  it("is Chinese without ?lang, whatever the browser's language", () => {
    expect(webLang("")).toBe("zh-CN");
    expect(webLang("?file=x")).toBe("zh-CN");
  });

  it("is English only when the address asks for it (?lang=en, as the page's switch sets)", () => {
    expect(webLang("?lang=en")).toBe("en-US");
    expect(webLang("?lang=en-US")).toBe("en-US");
    expect(webLang("?lang=zh")).toBe("zh-CN");
    expect(webLang("?lang=fr")).toBe("zh-CN");
  });
});
