// Refreshing the open report from a workbook: read (one sync) → recompute with the document's own
// period and scope (as the file path does, src/adapters/docx/refresh.ts) → plan for the pane's
// review → apply (one sync). The plan is the same one the file patcher makes on the same document.
import { recomputeForReport } from "../../core/refresh/recompute";
import { planRefresh, type RefreshOptions } from "../../core/refresh/plan";
import type { FigureResult, Issue, LinkRecord, RawWorkbook, ReportSettings } from "../../core/types";
import { applyRefresh, type ApplyResult, type WordRefreshPlan } from "./apply";
import { defaultRun, type WordEnvironment, type WordMessage, type WordRun } from "./host";
import { readLinkedReport, WordLinkError, type LinkedReportRead } from "./read";

export interface WordRefreshOptions extends RefreshOptions {
  /** Settings chosen in the pane over the document's own period and scope. */
  overrides?: Partial<ReportSettings>;
  /** Refresh even from a workbook whose 工作簿ID is not the report's; otherwise OtherWorkbookError and nothing is written. */
  allowOtherWorkbook?: boolean;
  generatedAt?: string;
  run?: WordRun;
  env?: Partial<WordEnvironment>;
}

export interface WordRefresh {
  plan: WordRefreshPlan;
  issues: Issue[];
  /** The recomputed figures: the review sets apart the 0s no record supports (zeroToSee). */
  figures: FigureResult[];
  /** What the clerk should know before applying (e.g. Track Changes is on). */
  notices: WordMessage[];
  /** The same read and figures planned again, e.g. with the clerk's per-conflict choices. */
  replan(options: RefreshOptions): WordRefreshPlan;
  /** Writes a plan (by default the first one) in one sync. */
  apply(plan?: WordRefreshPlan): Promise<ApplyResult>;
}

function planFor(read: LinkedReportRead, record: LinkRecord, fresh: LinkRecord, options: RefreshOptions): WordRefreshPlan {
  const plan = planRefresh(record, read.controls, fresh, options);
  return { ...plan, controls: read.controls, linkPart: read.linkPart, extraLinkParts: read.extraLinkParts, previous: record };
}

const TRACKING_NOTICE: WordMessage = {
  message:
    "文档开启了修订（或数字中有未处理的修订）：更新的数字将作为修订显示，原来的数字显示为删除。判断手工修改时按接受修订后的文字比较，不会把修订误认为手工修改。接受所有修订后，文档即为更新后的样子。",
  messageEn:
    "Track Changes is on (or a figure holds tracked changes): updated figures will show as tracked insertions, the old ones as deletions. Hand edits are judged on the text with changes accepted, so tracked changes are never taken for hand edits. Accept all changes to finish.",
};

/** Reads the open report and plans its refresh from the workbook; throws WordLinkError when it cannot be refreshed. */
export async function refreshInWord(workbook: RawWorkbook, options: WordRefreshOptions = {}): Promise<WordRefresh> {
  const run = options.run ?? defaultRun;
  const read = await readLinkedReport(run, options.env);
  if (read.problem || !read.record) {
    const p = read.problem ?? {
      code: "link_damaged" as const,
      message: "报告关联数据无法读取。",
      messageEn: "The report's link data cannot be read.",
    };
    throw new WordLinkError(p.code, p.message, p.messageEn);
  }
  const record = read.record;
  const { fresh, issues } = recomputeForReport(workbook, record, options);
  const plan = planFor(read, record, fresh.link, options);
  const notices: WordMessage[] = [];
  if (read.changeTracking) notices.push(TRACKING_NOTICE);
  return {
    plan,
    issues,
    figures: fresh.figures,
    notices,
    replan: (again) => planFor(read, record, fresh.link, again),
    apply: (chosen = plan) => applyRefresh(chosen, run, options.env),
  };
}
