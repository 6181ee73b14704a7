// The generate view's steps as the engine worker reports its way through them.
import { makeT } from "../../src/taskpane/i18n";
import { initialSteps, markStep, stepText, stepsAfter } from "../../src/taskpane/generate-progress";

const zh = makeT("zh-CN");
const en = makeT("en-US");

describe("the generate steps while the engine works", () => {
  const read = () => markStep(initialSteps(), 0, "done", "读取台账：1 张表，9 个单元格");

  it("shows the rows handed to the worker on the 校验 step, counting up, in both languages", () => {
    const steps = stepsAfter(read(), { stage: "send", rows: 40000, total: 100000 }, zh);
    expect(steps[1].state).toBe("active");
    expect(stepText(steps[1], zh)).toBe("校验：已交给后台计算 40,000 / 100,000 行");
    expect(stepText(stepsAfter(read(), { stage: "send", rows: 40000, total: 100000 }, en)[1], en)).toBe(
      "Check: 40,000 of 100,000 rows handed to the background",
    );
  });

  it("marks 校验 done with its counts once the ledgers are checked and moves on to 计算指标", () => {
    const sent = stepsAfter(read(), { stage: "send", rows: 100000, total: 100000 }, zh);
    const checked = stepsAfter(sent, { stage: "check", rows: 99990, errors: 2, warnings: 7 }, zh);
    expect(checked[1]).toMatchObject({ state: "done", done: "校验：2 个错误，7 个警告" });
    expect(checked[1].doing).toBeUndefined();
    expect(checked[2].state).toBe("active");
    expect(stepText(checked[2], zh)).toBe("计算指标：已校验 99,990 行");
    const figured = stepsAfter(checked, { stage: "figures", figures: 20 }, zh);
    expect(stepText(figured[2], zh)).toBe("计算指标：20 项，正在成文");
    // Laying out is never marked by the engine's progress: the view marks it when the .docx is made.
    expect(stepsAfter(figured, { stage: "report", blocks: 16 }, zh)[3].state).toBe("pending");
  });

  it("says a step's own name while nothing more is known", () => {
    expect(stepText(initialSteps()[2], zh)).toBe("计算指标");
  });
});
