// A progress line on stderr that appears only once a job has taken longer than a second, so quick
// runs stay quiet and scripts reading stdout never see it.

export interface Progress {
  step(label: string): void;
  done(): void;
}

export function createProgress(steps: string[], stream: NodeJS.WriteStream = process.stderr, delayMs = 1000): Progress {
  const started = Date.now();
  const tty = Boolean(stream.isTTY);
  let index = -1;
  let shown = false;
  let current = "";

  const draw = () => {
    if (Date.now() - started < delayMs) return;
    const width = 20;
    const filled = Math.round((width * Math.max(index, 0)) / steps.length);
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${current}`;
    if (tty) stream.write(`\r${bar}\x1b[K`);
    else stream.write(`${bar}\n`);
    shown = true;
  };
  // A step can be long (a large ledger); redraw so the line appears on time even mid-step.
  const timer = setInterval(draw, 250);
  timer.unref?.();

  return {
    step(label: string) {
      index = Math.max(index + 1, steps.indexOf(label));
      current = label;
      draw();
    },
    done() {
      clearInterval(timer);
      if (shown && tty) stream.write("\r\x1b[K");
    },
  };
}
