// The web page's language: Chinese unless the address asks for English.
import { webLang } from "../../src/web/i18n";

describe("the web page's language", () => {
  // Whatever the browser's language: only ?lang=en, as the page's switch sets, turns the page English.
  it.each(["", "?file=x", "?lang=zh", "?lang=fr"])("is Chinese for the address %j", (search) => {
    expect(webLang(search)).toBe("zh-CN");
  });
  it.each(["?lang=en", "?lang=en-US"])("is English for the address %j", (search) => {
    expect(webLang(search)).toBe("en-US");
  });
});
