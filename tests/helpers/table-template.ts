// A clerk's one-page template with a table figure in a paragraph of its own, for the table figure tests.
import type { Template } from "../../src/core/report";

export const TABLE_TEMPLATE: Template = {
  id: "tables-test",
  name: "电子保函开立情况",
  text: [
    "= {{setting.year}}年电子保函开立情况",
    "~",
    "截至{{setting.year}}年底累计开立电子保函{{eg.count}}笔，其中{{setting.year}}年按出函机构分列如下：",
    "{{eg.by_issuer}}",
    "以上情况，特此报告。",
  ].join("\n"),
};
