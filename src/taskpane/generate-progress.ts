// The generate view's steps (读取台账 → 校验 → 计算指标 → 排版) as the engine reports its way through
// them: pure, so the order and the words are tested without a browser. The engine runs in a Web
// Worker and reports each stage; the pane shows the stage and its count, and its live region reads
// the active step aloud.
import type { MessageKey, Translate } from "./i18n";
import type { RunProgress } from "../worker/client";

export type StepState = "pending" | "active" | "done";
export interface Step {
  label: MessageKey;
  state: StepState;
  /** Set when done: the step with its counts. */
  done?: string;
  /** Set while active, when the engine has said how far it got. */
  doing?: string;
}

export const STEPS: MessageKey[] = ["stepRead", "stepCheck", "stepFigures", "stepLayout"];
const CHECK = 1;
const FIGURES = 2;

export function initialSteps(): Step[] {
  return STEPS.map((label, i) => ({ label, state: i === 0 ? "active" : "pending" }));
}

export function markStep(steps: Step[], index: number, state: StepState, done?: string): Step[] {
  return steps.map((step, i) => (i === index ? { label: step.label, state, done } : step));
}

/** The steps after one progress message of the engine. */
export function stepsAfter(steps: Step[], progress: RunProgress, t: Translate): Step[] {
  switch (progress.stage) {
    case "send":
      return steps.map((step, i) =>
        i === CHECK ? { ...step, state: "active", doing: t("stepSendProgress", { rows: progress.rows, total: progress.total }) } : step,
      );
    case "check": {
      const checked = markStep(steps, CHECK, "done", t("stepCheckDone", { errors: progress.errors, warnings: progress.warnings }));
      return checked.map((step, i) =>
        i === FIGURES ? { ...step, state: "active", doing: t("stepCheckProgress", { rows: progress.rows }) } : step,
      );
    }
    case "figures":
      return steps.map((step, i) =>
        i === FIGURES ? { ...step, state: "active", doing: t("stepReportProgress", { count: progress.figures }) } : step,
      );
    case "report":
      return steps;
  }
}

/** What the step list and the live region say for one step. */
export function stepText(step: Step, t: Translate): string {
  return step.done ?? step.doing ?? t(step.label);
}
