import ivm from "isolated-vm";
import { harnessBundle } from "./harness-bundle";
import type { HarnessResult, HarnessTest } from "./harness";

export type SandboxLimits = { memoryMb: number; cpuMs: number; wallMs: number };

export type SandboxOutcome =
  | { kind: "ok"; results: HarnessResult[]; cpuMs: number; wallMs: number }
  | { kind: "resource-limit"; reason: string; cpuMs: number; wallMs: number }
  | { kind: "error"; reason: string; cpuMs: number; wallMs: number };

export type SandboxJob = {
  /** The student's module compiled to CommonJS. */
  js: string;
  tests: HarnessTest[];
  seed: number;
  limits: SandboxLimits;
  /** Host-side judge of one run: test index and the run's snapshot as JSON. */
  check: (testIndex: number, snapshotJson: string) => string | null;
  onProgress?: (testsDone: number, testsTotal: number, schedulesExplored: number) => void;
};

const CPU_POLL_MS = 10;

/**
 * Runs one submission's tests in a fresh isolate with memory, CPU-time and wall-clock limits
 * (the clock covers async work too: the isolate is disposed when time runs out, whatever it
 * is awaiting). Nothing host-side is reachable from inside except two callbacks whose
 * arguments and results are copied primitives.
 */
export async function runInIsolate(job: SandboxJob): Promise<SandboxOutcome> {
  const started = performance.now();
  const isolate = new ivm.Isolate({ memoryLimit: job.limits.memoryMb });
  const cpuMs = () => (isolate.isDisposed ? lastCpuMs : (lastCpuMs = Number(isolate.cpuTime) / 1e6));
  let lastCpuMs = 0;
  const wallMs = () => performance.now() - started;
  let limitHit: string | null = null;
  const watchdog = setInterval(() => {
    if (isolate.isDisposed) return;
    if (cpuMs() > job.limits.cpuMs) limitHit = `CPU time limit exceeded (${job.limits.cpuMs} ms)`;
    else if (wallMs() > job.limits.wallMs) limitHit = `time limit exceeded (${job.limits.wallMs} ms wall clock)`;
    if (limitHit) isolate.dispose();
  }, CPU_POLL_MS);
  watchdog.unref?.();

  try {
    const context = await isolate.createContext();
    await (await isolate.compileScript(harnessBundle(), { filename: "ipclab:kernel.js" })).run(context, { timeout: job.limits.wallMs });
    const harness = await context.global.get("__ipclabHarness", { reference: true });
    const run = await harness.get("run", { reference: true });
    await context.global.delete("__ipclabHarness");

    const installStudent = await harness.get("installStudent", { reference: true });
    // Freeze the intrinsics before any student code is even evaluated.
    await (await harness.get("lockdown", { reference: true })).apply(harness.derefInto(), [], { timeout: job.limits.wallMs });

    // The student's CommonJS module, wrapped so each process gets a fresh instance.
    const wrapped = `(function (require, module, exports, console) {${job.js}\n})`;
    const factory = await (await isolate.compileScript(wrapped, { filename: "solution.js" })).run(context, { reference: true, timeout: job.limits.wallMs });
    await installStudent.apply(harness.derefInto(), [factory.derefInto()], { timeout: job.limits.wallMs });

    const checkRef = new ivm.Reference((i: number, snapshotJson: string) => job.check(i, snapshotJson));
    const progressRef = new ivm.Reference((done: number, total: number, explored: number) => job.onProgress?.(done, total, explored));
    const json = (await run.apply(undefined, [JSON.stringify(job.tests), job.seed, checkRef, progressRef], {
      result: { promise: true, copy: true },
      timeout: job.limits.wallMs,
    })) as string;
    return { kind: "ok", results: JSON.parse(json) as HarnessResult[], cpuMs: cpuMs(), wallMs: wallMs() };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    if (limitHit) return { kind: "resource-limit", reason: limitHit, cpuMs: cpuMs(), wallMs: wallMs() };
    if (/memory limit|Array buffer allocation failed|out of memory/i.test(message)) {
      return { kind: "resource-limit", reason: `memory limit exceeded (${job.limits.memoryMb} MB)`, cpuMs: cpuMs(), wallMs: wallMs() };
    }
    if (/Script execution timed out/i.test(message)) {
      return { kind: "resource-limit", reason: `time limit exceeded (${job.limits.wallMs} ms wall clock)`, cpuMs: cpuMs(), wallMs: wallMs() };
    }
    if (isolate.isDisposed) return { kind: "resource-limit", reason: `the sandbox was stopped: ${message}`, cpuMs: cpuMs(), wallMs: wallMs() };
    return { kind: "error", reason: message, cpuMs: cpuMs(), wallMs: wallMs() };
  } finally {
    clearInterval(watchdog);
    if (!isolate.isDisposed) isolate.dispose();
  }
}
