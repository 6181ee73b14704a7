import { createProgress } from "../../src/cli/progress";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

describe("the progress line", () => {
  it("stays silent when stderr is not a terminal, so exit-2 messages stay one line", () => {
    const { written, stream } = fakeStream(false);
    const p = createProgress(["a", "b"], stream, 0);
    p.step("a");
    p.step("b");
    p.done();
    expect(written).toEqual([]);
  });

  it("stays silent on a terminal for a job quicker than the delay", () => {
    const { written, stream } = fakeStream(true);
    const p = createProgress(["a", "b"], stream, 60_000);
    p.step("a");
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
