// One measurement in a fresh process: `node --expose-gc child.js <task> <arg>`. The task's modules
// are loaded before the clock starts (every side pays its own load the same way: not at all), the
// heap is collected, the task runs once, and the result goes to stdout as one marked JSON line.
// Peak RSS is the process's high-water mark, module loading included.
import { RESULT_MARKER, type TaskName } from "./protocol";

async function load(task: TaskName): Promise<(arg: string) => unknown> {
  // Dynamic imports keep each child to its own libraries: the exceljs child never loads docx.
  switch (task) {
    case "oursRead":
      return (await import("./tasks/ours")).oursRead;
    case "oursEndToEnd":
      return (await import("./tasks/ours")).oursEndToEnd;
    case "exceljs": {
      const libs = await import("./tasks/libs");
      require("exceljs");
      return libs.exceljsRead;
    }
    case "sheetjs": {
      const libs = await import("./tasks/libs");
      require("@e965/xlsx");
      return libs.sheetjsRead;
    }
    case "core": {
      const { coreEvaluate } = await import("./tasks/core");
      return (arg) => coreEvaluate(Number(arg));
    }
    case "office":
      return (await import("./tasks/office")).officePath;
  }
}

async function main(): Promise<void> {
  const [task, arg] = process.argv.slice(2) as [TaskName, string];
  const fn = await load(task);
  if (!fn) throw new Error(`unknown bench task ${task}`);
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await fn(arg);
  const ms = performance.now() - started;
  // CPU time of the whole process (every thread): on a busy machine wall time says more about the
  // neighbours than about the code, and a reader that waits on I/O between chunks loses less of it.
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  // maxRSS is in kilobytes (getrusage ru_maxrss on Linux).
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify({ task, ms, cpuMs, peakRssMb, result })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
