import { createProgress } from "../../src/cli/progress";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

describe("the progress line", () => {
  it.each([
    ["when stderr is not a terminal, so exit-2 messages stay one line", false, 0, ["a", "b"]],
    ["on a terminal for a job quicker than the delay", true, 60_000, ["a"]],
  ])("stays silent %s", (_when, isTTY, delayMs, steps) => {
    const { written, stream } = fakeStream(isTTY);
    const p = createProgress(["a", "b"], stream, delayMs);
    for (const step of steps) p.step(step);
    p.done();
    expect(written).toEqual([]);
  });

  it("draws a bar with the current step on a terminal once the delay has passed, and clears it at the end", () => {
    const { written, stream } = fakeStream(true);
    const p = createProgress(["读取", "计算"], stream, 0);
    p.step("计算");
    p.done();
    expect(written[0]).toMatch(/^\r\[#+-*\] 计算/);
    expect(written[written.length - 1]).toBe("\r\x1b[K");
  });
});
