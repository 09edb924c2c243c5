import ivm from "isolated-vm";
import { harnessBundle, sesBootstrap } from "./harness-bundle";
import type { HarnessResult, HarnessTest } from "./harness";

export type SandboxLimits = { memoryMb: number; cpuMs: number; wallMs: number };

export type SandboxOutcome =
  | { kind: "ok"; results: HarnessResult[]; cpuMs: number; wallMs: number }
  | { kind: "resource-limit"; reason: string; cpuMs: number; wallMs: number }
  | { kind: "error"; reason: string; cpuMs: number; wallMs: number };

export type SandboxJob = {
  /** The student's module compiled to CommonJS. */
  js: string;
  /** For each line of `js`, the student's source line (0: none), so errors name the line they wrote. */
  lines?: readonly number[];
  tests: HarnessTest[];
  seed: number;
  limits: SandboxLimits;
  /**
   * Host-side judge of a batch of runs of one test: the test's index and the runs' snapshots
   * as a JSON array; returns one verdict (failure message or null) per run, as a JSON array.
   */
  judge: (testIndex: number, snapshotsJson: string) => string;
  onProgress?: (testsDone: number, testsTotal: number, schedulesExplored: number) => void;
};

const CPU_POLL_MS = 10;
/** The largest results JSON the host parses (traces are cut to ~150 KB per test inside). */
const MAX_RESULTS_CHARS = 4_000_000;
/** Schedules of each of the kernel's example programs run to warm a prepared isolate. */
const WARM_UP_SCHEDULES = 5;
/** Trusted set-up gets this long before the isolate is given up on. */
const SETUP_TIMEOUT_MS = 5000;
/** An isolate serves at most this many submissions, one after another (ADR 018). */
const MAX_JOBS_PER_ISOLATE = 200;
/** It serves another only if its heap holds less than this share of its limit after a job… */
const REUSE_HEAP_SHARE = 0.5;
/** …and its thread is free again within this long (nothing a submission started still runs). */
const IDLE_WAIT_MS = 250;

/** An isolate with the kernel and harness loaded: all that precedes student code except, maybe, the lockdown. */
type LoadedIsolate = { isolate: ivm.Isolate; context: ivm.Context; harness: ivm.Reference; memoryMb: number; locked: boolean; jobs: number };

/** What this process's sandbox did, for tests and the bench. */
export const sandboxStats = { isolatesLoaded: 0, jobs: 0, jobsOnReusedIsolates: 0, isolatesRetired: 0 };

async function call(loaded: LoadedIsolate, name: string, args: unknown[] = []): Promise<unknown> {
  const fn = await loaded.harness.get(name, { reference: true });
  return fn.apply(loaded.harness.derefInto(), args, { timeout: SETUP_TIMEOUT_MS, result: { promise: true, copy: true } });
}

/** V8's code cache of each trusted script, made by the first isolate of this process. */
const codeCache = new Map<string, ivm.ExternalCopy<ArrayBuffer>>();

/** Compiles a trusted script, from V8's code cache when an earlier isolate made one (~6 ms less per isolate). */
async function compileCached(isolate: ivm.Isolate, code: string, filename: string): Promise<ivm.Script> {
  const cachedData = codeCache.get(filename);
  const script = await isolate.compileScript(code, cachedData ? { filename, cachedData } : { filename, produceCachedData: true });
  const result = script as ivm.Script & ivm.CachedDataResult & { cachedDataRejected?: boolean };
  if (!cachedData && result.cachedData) codeCache.set(filename, result.cachedData);
  else if (cachedData && result.cachedDataRejected) codeCache.delete(filename);
  return script;
}

async function loadIsolate(memoryMb: number): Promise<LoadedIsolate> {
  const isolate = new ivm.Isolate({ memoryLimit: memoryMb });
  try {
    const context = await isolate.createContext();
    // SES first: lockdown() must precede all other code, so the kernel itself runs hardened.
    await (await compileCached(isolate, sesBootstrap(), "ipclab:ses.js")).run(context, { timeout: SETUP_TIMEOUT_MS });
    await (await compileCached(isolate, harnessBundle(), "ipclab:kernel.js")).run(context, { timeout: SETUP_TIMEOUT_MS });
    const harness = await context.global.get("__ipclabHarness", { reference: true });
    await context.global.delete("__ipclabHarness");
    sandboxStats.isolatesLoaded++;
    return { isolate, context, harness, memoryMb, locked: false, jobs: 0 };
  } catch (error) {
    if (!isolate.isDisposed) isolate.dispose();
    throw error;
  }
}

/** Makes the student compartment and hardens the global object: before any student code is even evaluated. */
async function lockDown(loaded: LoadedIsolate): Promise<void> {
  if (loaded.locked) return;
  await call(loaded, "seal");
  loaded.locked = true;
}

type Spare = { memoryMb: number; taken: boolean; ready: Promise<LoadedIsolate | null> };

let prepareAhead = false;
let spare: Spare | null = null;

/**
 * Loads the next job's isolate now, then warms its JIT one example program at a time until
 * a job takes it: a worker that waits gets a warm isolate, one that is busy (a deadline
 * rush) wastes at most a slice of warm-up on it.
 */
function prepareSpare(memoryMb: number): void {
  const s: Spare = { memoryMb, taken: false, ready: Promise.resolve(null) };
  s.ready = (async () => {
    const loaded = await loadIsolate(memoryMb);
    for (let i = 0; !s.taken; i++) {
      if (!(await call(loaded, "warmUp", [i, WARM_UP_SCHEDULES]))) {
        await lockDown(loaded);
        break;
      }
    }
    return loaded;
  })().catch(() => null); // a failed spare: the job builds its own isolate
  spare = s;
}

/**
 * From now on, a spare isolate is prepared while the worker waits (see prepareSpare), for
 * when the previous submission's isolate may not serve the next (see recycle). For grader
 * worker processes; one-off runs (the CLI) do not need it.
 */
export function prepareIsolatesAhead(memoryMb = 64): void {
  prepareAhead = true;
  if (!spare) prepareSpare(memoryMb);
}

/** The isolate that served the previous submission, if it may serve another (see recycle). */
let reusable: Promise<LoadedIsolate | null> | null = null;

/**
 * Whether `loaded`, which just served a submission cleanly, may serve the next: its harness
 * forgets the submission, its thread must be free (a submission's code can leave work queued
 * behind its last run, and the next submission must not wait for it or be charged for it), its
 * heap small, and it must not have served too many. Otherwise it is disposed.
 */
async function recycle(loaded: LoadedIsolate): Promise<LoadedIsolate | null> {
  const retire = () => {
    if (!loaded.isolate.isDisposed) loaded.isolate.dispose();
    sandboxStats.isolatesRetired++;
    return null;
  };
  if (loaded.jobs >= MAX_JOBS_PER_ISOLATE || loaded.isolate.isDisposed) return retire();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const free = (async () => {
      await call(loaded, "reset");
      return (await call(loaded, "idle")) === true;
    })();
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), IDLE_WAIT_MS)));
    if (!(await Promise.race([free, late]))) return retire();
    const heap = await loaded.isolate.getHeapStatistics();
    if (heap.used_heap_size > REUSE_HEAP_SHARE * loaded.memoryMb * 1024 * 1024) return retire();
    return loaded;
  } catch {
    return retire();
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The previous submission's isolate if it may serve this one (warm: no lockdown to pay, and the
 * JIT has seen the kernel), else the prepared spare if it fits the job's memory limit, else a
 * fresh isolate; locked down in every case.
 */
async function takeIsolate(memoryMb: number): Promise<LoadedIsolate> {
  const r = reusable;
  reusable = null;
  if (r) {
    const previous = await r;
    if (previous && previous.memoryMb === memoryMb && !previous.isolate.isDisposed) return previous;
    if (previous && !previous.isolate.isDisposed) previous.isolate.dispose();
  }
  const s = spare;
  spare = null;
  let loaded: LoadedIsolate | null = null;
  if (s) {
    s.taken = true;
    loaded = await s.ready;
    if (loaded && (loaded.memoryMb !== memoryMb || loaded.isolate.isDisposed)) {
      if (!loaded.isolate.isDisposed) loaded.isolate.dispose();
      loaded = null;
    }
  }
  loaded ??= await loadIsolate(memoryMb);
  try {
    await lockDown(loaded);
  } catch (error) {
    if (!loaded.isolate.isDisposed) loaded.isolate.dispose();
    throw error;
  }
  return loaded;
}

/**
 * Runs one submission's tests in a compartment of its own, with memory, CPU-time and
 * wall-clock limits (the clock covers async work too: the isolate is disposed when time runs
 * out, whatever it is awaiting). The isolate has run only trusted code, or earlier submissions
 * that each ended within every limit, in compartments of their own (ADR 018). Nothing host-side is reachable from inside except two callbacks whose
 * arguments and results are copied primitives.
 */
export async function runInIsolate(job: SandboxJob): Promise<SandboxOutcome> {
  const started = performance.now();
  let ready: LoadedIsolate;
  try {
    ready = await takeIsolate(job.limits.memoryMb);
    if (ready.jobs > 0) sandboxStats.jobsOnReusedIsolates++;
    ready.jobs++;
    sandboxStats.jobs++;
    // A spare is prepared now, on another thread, while this job runs, for when this isolate
    // cannot serve the next one: loading SES costs ~30 ms, more than the gap between two
    // submissions, so preparing it after the job would put it on the next student's path.
    if (prepareAhead && !spare) prepareSpare(job.limits.memoryMb);
  } catch (error) {
    if (prepareAhead && !spare) prepareSpare(job.limits.memoryMb);
    return { kind: "error", reason: `the sandbox could not be set up: ${String((error as Error)?.message ?? error)}`, cpuMs: 0, wallMs: performance.now() - started };
  }
  const { isolate, harness } = ready;
  // Preparing the isolate (trusted code) is not the submission's CPU time.
  const cpuAtStart = Number(isolate.cpuTime) / 1e6;
  let lastCpuMs = 0;
  const cpuMs = () => (isolate.isDisposed ? lastCpuMs : (lastCpuMs = Number(isolate.cpuTime) / 1e6 - cpuAtStart));
  const wallMs = () => performance.now() - started;
  let limitHit: string | null = null;
  let clean = false;
  const watchdog = setInterval(() => {
    if (isolate.isDisposed) return;
    if (cpuMs() > job.limits.cpuMs) limitHit = `CPU time limit exceeded (${job.limits.cpuMs} ms)`;
    else if (wallMs() > job.limits.wallMs) limitHit = `time limit exceeded (${job.limits.wallMs} ms wall clock)`;
    if (limitHit) isolate.dispose();
  }, CPU_POLL_MS);
  watchdog.unref?.();

  try {
    const run = await harness.get("run", { reference: true });
    const installStudent = await harness.get("installStudent", { reference: true });
    // The student's CommonJS module as text: the harness evaluates it in the student compartment.
    await installStudent.apply(harness.derefInto(), [job.js, JSON.stringify(job.lines ?? [])], { timeout: job.limits.wallMs });

    const judgeRef = new ivm.Reference((i: number, snapshotsJson: string) => job.judge(i, snapshotsJson));
    const progressRef = new ivm.Reference((done: number, total: number, explored: number) => job.onProgress?.(done, total, explored));
    const json = (await run.apply(undefined, [JSON.stringify(job.tests), job.seed, judgeRef, progressRef], {
      result: { promise: true, copy: true },
      timeout: job.limits.wallMs,
    })) as string;
    // Parsed only when bounded: the harness bounds what it sends, and the host does not rely on that.
    if (typeof json !== "string" || json.length > MAX_RESULTS_CHARS) {
      return { kind: "resource-limit", reason: `the test results exceeded ${MAX_RESULTS_CHARS / 1e6} MB`, cpuMs: cpuMs(), wallMs: wallMs() };
    }
    let results: unknown;
    try {
      results = JSON.parse(json);
    } catch {
      results = null;
    }
    clean = true;
    return { kind: "ok", results: Array.isArray(results) ? (results as HarnessResult[]) : [], cpuMs: cpuMs(), wallMs: wallMs() };
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
    // Only an isolate whose job ended within every limit serves again: one that hit a limit may
    // have been stopped anywhere, in the kernel or the harness.
    if (clean && !limitHit && !isolate.isDisposed) {
      // Jobs run one at a time in a grader worker; should two overlap (in-process callers), the
      // isolate kept is the newest and the other is disposed.
      const older = reusable;
      reusable = recycle(ready);
      void older?.then((o) => o && !o.isolate.isDisposed && o.isolate.dispose());
    } else if (!isolate.isDisposed) isolate.dispose();
    // A job whose isolate could not be taken prepared none: make sure a spare is on its way.
    if (prepareAhead && !spare) prepareSpare(job.limits.memoryMb);
  }
}
