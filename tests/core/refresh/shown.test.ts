// A document's warnings name only the figures it holds (issue #10): issuesForDocument on plain issues.
import type { FigureResult, Issue } from "../../../src/core/types";
import { issueText } from "../../../src/core/messages";
import { issuesForDocument } from "../../../src/core/refresh/shown";

const zero = { code: "period_empty" as const, reason: "", reasonEn: "" };
const figure = (id: string, name: string, ledger: string | null, zeroToSee?: typeof zero) =>
  ({ id, name, ledger, ...(zeroToSee ? { zeroToSee } : {}) }) as Pick<FigureResult, "id" | "name" | "ledger" | "zeroToSee">;
const FIGURES = [
  figure("community_groups.count", "加入社区群个数", "活动记录", zero),
  figure("donations.count", "捐赠次数", "活动记录", zero),
  figure("eg.unused", "不在报告中", "电子保函"),
];
const words = {
  at: "",
  atEn: "",
  ledger: "活动记录",
  records: 24,
  period: "期间",
  periodEn: "the period",
  dated: "",
  datedEn: "",
  name: "加入社区群个数",
};
const periodEmpty: Issue = {
  severity: "warning",
  code: "figure.period_empty",
  ...issueText("figure.period_empty", words),
  ledger: "活动记录",
  figure: "community_groups.count",
  words,
};

describe("issuesForDocument", () => {
  it("names, as the ledger's example 0, a figure the document shows instead of one it does not", () => {
    const [issue] = issuesForDocument([periodEmpty], FIGURES, new Set(["donations.count"]));
    expect(issue.figure).toBe("donations.count");
    expect(issue.message).toContain("“捐赠次数”");
    expect(issue.message).not.toContain("加入社区群个数");
    expect(issue.messageEn).toContain('"捐赠次数"');
  });

  it("says a figure is not in the document where it holds no figure to name instead", () => {
    const unresolved: Issue = {
      severity: "warning",
      code: "figure.unresolved",
      message: "“不在报告中”无法计算",
      messageEn: "cannot",
      figure: "eg.unused",
    };
    const [empty, other] = issuesForDocument([periodEmpty, unresolved], FIGURES, new Set(["setting.year"]));
    expect(empty.message).toMatch(/（“加入社区群个数”不在本文档中。）$/);
    expect(other.message).toBe("“不在报告中”无法计算（“不在报告中”不在本文档中。）");
    expect(other.messageEn).toBe('cannot ("不在报告中" is not in this document.)');
  });

  it("leaves an issue about a shown figure, or about no figure, as it is", () => {
    const plain: Issue = { severity: "error", code: "required.blank", message: "x", messageEn: "x" };
    const issues = [periodEmpty, plain];
    expect(issuesForDocument(issues, FIGURES, new Set(["community_groups.count"]))).toEqual(issues);
  });
});
