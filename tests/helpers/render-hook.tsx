// Runs a React hook in jest's node environment with react-dom's real client renderer: a component
// that renders nothing needs no DOM, only a container React can attach its (unused) listeners to.
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function bareContainer(): Element {
  const noop = () => undefined;
  const doc: Record<string, unknown> = { nodeType: 9, activeElement: null, addEventListener: noop, removeEventListener: noop };
  doc.defaultView = { document: doc, HTMLIFrameElement: class {} };
  const g = globalThis as { window?: unknown };
  g.window ??= globalThis;
  return {
    nodeType: 1,
    nodeName: "DIV",
    tagName: "DIV",
    namespaceURI: "http://www.w3.org/1999/xhtml",
    ownerDocument: doc,
    addEventListener: noop,
    removeEventListener: noop,
  } as unknown as Element;
}

export interface HookHost<T> {
  /** The hook's value from the latest render. */
  readonly current: T;
  /** Every value the hook returned, render by render. */
  readonly renders: T[];
  /** Runs something that updates state and waits until React has rendered it. */
  act<R>(fn: () => R | Promise<R>): Promise<R>;
  unmount(): Promise<void>;
}

export async function renderHook<T>(hook: () => T, wrap: (child: ReactNode) => ReactNode = (c) => c): Promise<HookHost<T>> {
  const renders: T[] = [];
  function Probe() {
    renders.push(hook());
    return null;
  }
  const root: Root = createRoot(bareContainer());
  await act(async () => root.render(wrap(<Probe />)));
  return {
    get current() {
      return renders[renders.length - 1];
    },
    renders,
    async act(fn) {
      let out: Awaited<ReturnType<typeof fn>> | undefined;
      await act(async () => {
        out = await fn();
      });
      return out as never;
    },
    unmount: () => act(async () => root.unmount()),
  };
}
