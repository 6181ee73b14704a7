import { useAction, type Action } from "../../../src/taskpane/shell/useAction";
import { renderHook } from "../../helpers/render-hook";

describe("useAction", () => {
  test("is idle at first", async () => {
    const host = await renderHook(useAction);
    expect(host.current.busy).toBeNull();
    expect(host.current.live).toBe("");
    expect(host.current.error).toBeNull();
    await host.unmount();
  });

  test("renders the progress while the work runs and the outcome after it", async () => {
    const host = await renderHook(useAction);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let running!: Promise<number | undefined>;
    await host.act(() => {
      running = host.current.run({
        stage: "read",
        message: "正在读取 a.xlsx…",
        work: async () => {
          await gate;
          return 7;
        },
        fail: () => null,
        done: () => "已读取",
      });
    });
    expect(host.current.busy).toBe("正在读取 a.xlsx…");
    expect(host.current.live).toBe("正在读取 a.xlsx…");
    await host.act(async () => {
      release();
      expect(await running).toBe(7);
    });
    expect(host.current.busy).toBeNull();
    expect(host.current.live).toBe("已读取");
    await host.unmount();
  });

  test("a failure renders as the view's error with the stage's words, and focuses the error notice", async () => {
    const host = await renderHook(useAction);
    const focused: string[] = [];
    host.current.errorRef.current = { focus: () => focused.push("error") } as unknown as HTMLDivElement;
    await host.act(() =>
      host.current.run({
        stage: "file" as "file" | "engine",
        message: "reading",
        work: async (step) => {
          await step("engine", "figures");
          throw new Error("engine broke");
        },
        fail: (stage) => ({ what: stage === "engine" ? "指标计算失败" : "文件读取失败", todo: "重试" }),
      }),
    );
    expect(host.current.busy).toBeNull();
    expect(host.current.error?.what).toBe("指标计算失败");
    expect(host.current.error?.detail).toContain("engine broke");
    expect(focused).toEqual(["error"]);
    await host.act(() => host.current.clearError());
    expect(host.current.error).toBeNull();
    await host.unmount();
  });

  test("fail shows a problem found outside an action, announce sets the live region", async () => {
    const host = await renderHook(useAction);
    await host.act(() => host.current.fail({ what: "无法选中", todo: "再试" }, new Error("busy")));
    expect(host.current.error?.what).toBe("无法选中");
    await host.act(() => host.current.announce("已保存"));
    expect(host.current.live).toBe("已保存");
    await host.unmount();
  });

  test("keeps the same run, announce and fail between renders, so effects that use them do not rerun", async () => {
    const host = await renderHook(useAction);
    const first: Action = host.current;
    await host.act(() => host.current.announce("x"));
    expect(host.current).not.toBe(first);
    expect(host.current.run).toBe(first.run);
    expect(host.current.announce).toBe(first.announce);
    expect(host.current.fail).toBe(first.fail);
    await host.unmount();
  });
});
