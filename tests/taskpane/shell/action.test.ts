import { IDLE, paneError, runAction, type ActionState } from "../../../src/taskpane/shell/action";

/** A view's state as runAction sees it, with every state it passed through. */
function store(initial: ActionState = IDLE) {
  let state = initial;
  const seen: ActionState[] = [];
  return {
    set: (update: (s: ActionState) => ActionState) => {
      state = update(state);
      seen.push(state);
    },
    get state() {
      return state;
    },
    seen,
  };
}
const noPaint = () => Promise.resolve();

describe("runAction", () => {
  test("shows and announces the first message, then each stage's, and is idle again with the outcome announced", async () => {
    const view = store();
    const shown: (string | null)[] = [];
    const result = await runAction(
      view.set,
      {
        stage: "file" as "file" | "compare",
        message: "reading",
        work: async (step) => {
          shown.push(view.state.busy);
          await step("compare", "comparing");
          shown.push(view.state.busy);
          return 42;
        },
        fail: () => ({ what: "x", todo: "y" }),
        done: (n) => `done ${n}`,
      },
      noPaint,
    );
    expect(result).toBe(42);
    expect(shown).toEqual(["reading", "comparing"]);
    expect(view.seen.map((s) => s.live)).toContain("comparing");
    expect(view.state).toEqual({ busy: null, live: "done 42", error: null });
  });

  test("a failure is worded for the stage it happened in, and carries the raw error for IT", async () => {
    const view = store();
    const boom = Object.assign(new Error("ItemNotFound"), { code: "ItemNotFound", debugInfo: { statement: "x.load()" } });
    const result = await runAction(
      view.set,
      {
        stage: "file" as "file" | "refresh",
        message: "reading",
        work: async (step) => {
          await step("refresh", "comparing");
          throw boom;
        },
        fail: (stage) => ({ what: `failed in ${stage}`, todo: "try again" }),
      },
      noPaint,
    );
    expect(result).toBeUndefined();
    expect(view.state.busy).toBeNull();
    expect(view.state.live).toBe("");
    expect(view.state.error?.what).toBe("failed in refresh");
    expect(view.state.error?.todo).toBe("try again");
    expect(view.state.error?.detail).toContain("Error: ItemNotFound");
    expect(view.state.error?.detail).toContain("code: ItemNotFound");
    expect(view.state.error?.detail).toContain('debugInfo: {"statement":"x.load()"}');
  });

  test("a failure the view handles itself (fail gives null) shows no error", async () => {
    const view = store();
    await runAction(view.set, { stage: "s", work: async () => Promise.reject(new Error("other workbook")), fail: () => null }, noPaint);
    expect(view.state).toEqual(IDLE);
  });

  test("a new action clears the last action's error before it starts", async () => {
    const view = store({ busy: null, live: "", error: paneError({ what: "old", todo: "t" }, "x") });
    let errorDuringWork: unknown = "unset";
    await runAction(
      view.set,
      {
        stage: "s",
        work: async () => {
          errorDuringWork = view.state.error;
        },
        fail: () => null,
      },
      noPaint,
    );
    expect(errorDuringWork).toBeNull();
  });

  test("an action without a message leaves the progress line and the announcement as they were", async () => {
    const view = store({ busy: null, live: "ready", error: null });
    await runAction(view.set, { stage: "s" as "s" | "t", work: async (step) => step("t"), fail: () => null }, noPaint);
    expect(view.seen.every((s) => s.busy === null)).toBe(true);
    expect(view.state.live).toBe("ready");
  });

  test("each stage lets the page paint before the synchronous work that follows", async () => {
    const order: string[] = [];
    const paint = async () => {
      order.push("paint");
    };
    await runAction(
      store().set,
      {
        stage: "a" as "a" | "b",
        work: async (step) => {
          await step("b", "engine");
          order.push("engine");
        },
        fail: () => null,
      },
      paint,
    );
    expect(order).toEqual(["paint", "engine"]);
  });
});

describe("paneError", () => {
  test("keeps the clerk's words and adds the technical detail of a non-Error too", () => {
    expect(paneError({ what: "w", where: "here", todo: "t" }, "plain")).toEqual({ what: "w", where: "here", todo: "t", detail: "plain" });
  });

  test("an error that wraps another keeps the wrapped one's Office code for IT", () => {
    const office = Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
    const wrapped = Object.assign(new Error("could not save"), { cause: office });
    const detail = paneError({ what: "w", todo: "t" }, wrapped).detail;
    expect(detail).toContain("Error: could not save");
    expect(detail).toContain("cause: Error: The requested resource doesn't exist.");
    expect(detail).toContain("code: ItemNotFound");
  });
});
