import type { JsonValue } from "./clone";
import type { Counters } from "./cost-model";
import type { Ipc } from "./ipc";
import { makeSetupApi, type SetupApi } from "./ipc-api";
import { describeError, Kernel, type KernelOptions, type Outcome, type ProgramModule } from "./kernel";
import type { FileSpec } from "./fs";
import { deriveSeed } from "./prng";
import { decodeToken, encodeToken } from "./replay-token";
import { takeSnapshot, type Snapshot } from "./snapshot";
import { ExhaustiveStrategy } from "./strategies/exhaustive";
import { PctStrategy } from "./strategies/pct";
import { RandomStrategy } from "./strategies/random";
import { ReplayStrategy } from "./strategies/replay";
import type { Strategy } from "./strategies/types";
import { TRACE_VERSION, type TraceEvent } from "./trace";
import { kernelFailure as snapshotKernelFailure } from "./verdict";

/** A top-level process: an export name of the module, or a harness-written (privileged) driver function. */
export interface ProcessSpec {
  entry: string | ((ipc: Ipc, args: JsonValue[]) => unknown);
  args?: JsonValue[];
  uid?: number;
  gid?: number;
}

/** What runOnce/explore execute. */
export interface Program {
  /** Student module factory; instantiated afresh for every process. */
  module: ProgramModule;
  /** Export run as pid 1. */
  main?: string;
  args?: JsonValue[];
  /** uid/gid of the main process (default 0 = root). */
  uid?: number;
  gid?: number;
  /** More top-level processes, started after main in this order (pids 2, 3, … when main is given). */
  processes?: ProcessSpec[];
  /** Read-only files for open()/cat/ls. */
  files?: Record<string, FileSpec>;
  /** Text on fd 0 of top-level processes. */
  stdin?: string;
  /** Privileged setup before any process runs: create IPC objects, spawn processes as chosen users. */
  setup?(k: SetupApi): void;
  /** Judges a finished run from its JSON snapshot; returns a failure message or null. */
  check?(snapshot: Snapshot): string | null | undefined;
  /**
   * Judges several finished runs at once: one verdict per snapshot, in order. When present,
   * explore() calls it on batches of runs (growing from 1 to MAX_CHECK_BATCH) instead of
   * calling check() after every run, which matters when each call crosses a boundary (the
   * grader's sandbox asks the host for every verdict). The result is the same as checking
   * run by run: the first failing run is the one reported, and runs made after it are
   * discarded. replay() and runOnce() still use check().
   */
  checkMany?(snapshots: Snapshot[]): Array<string | null | undefined>;
  /** Signals that may legitimately kill processes (e.g. the driver sends SIGINT). */
  expectedSignals?: string[];
  /** Kernel options specific to this program (limits, capacities). */
  options?: KernelOptions;
}

export type StrategyName = "random" | "pct" | "exhaustive" | "replay";

export interface Trace {
  version: typeof TRACE_VERSION;
  seed: number;
  strategy: string;
  choices: number[];
  events: TraceEvent[];
  truncated: boolean;
  droppedEvents: number;
  outcome: Outcome;
  failure: string | null;
  counters: Counters;
  processes: Snapshot["processes"];
  output: Record<string, string>;
}

export interface RunResult {
  outcome: Outcome;
  /** Why this run counts as a failure, or null. */
  failure: string | null;
  trace: Trace | null;
  snapshot: Snapshot;
  replayToken: string;
  steps: number;
  counters: Counters;
}

export interface RunOptions extends KernelOptions {
  strategy?: StrategyName;
  /** Seed for the strategy and (unless dataSeed is given) for data nondeterminism. */
  seed?: number;
  dataSeed?: number;
  pctDepth?: number;
  /** For strategy "replay". */
  choices?: number[];
  /** Record a trace (default true). */
  trace?: boolean;
}

function makeStrategy(name: StrategyName, seed: number, o: RunOptions): Strategy {
  switch (name) {
    case "random":
      return new RandomStrategy(seed);
    case "pct":
      return new PctStrategy(seed, o.pctDepth ?? 3);
    case "exhaustive":
      return new ExhaustiveStrategy(Infinity, Infinity);
    case "replay":
      return new ReplayStrategy(o.choices ?? []);
  }
}

/** The largest batch explore() hands to Program.checkMany. */
export const MAX_CHECK_BATCH = 32;

function kernelFailure(program: Program, s: Snapshot): string | null {
  return snapshotKernelFailure(s, program.expectedSignals);
}

// takeSnapshot builds snapshots from fresh plain objects: a checker cannot reach the kernel.
function checkOne(program: Program, s: Snapshot): string | null {
  if (!program.check) return null;
  try {
    return program.check(s) || null;
  } catch (e) {
    return `check threw ${describeError(e)}`;
  }
}

/** Verdicts on runs that completed cleanly, one per snapshot, with checkMany when the program has it. */
function checkAll(program: Program, snapshots: Snapshot[]): (string | null)[] {
  if (!program.checkMany) return snapshots.map((s) => checkOne(program, s));
  let verdicts: Array<string | null | undefined>;
  try {
    verdicts = program.checkMany(snapshots);
  } catch (e) {
    verdicts = [`check threw ${describeError(e)}`];
  }
  if (!Array.isArray(verdicts) || verdicts.length !== snapshots.length) {
    const got = Array.isArray(verdicts) ? verdicts.length : typeof verdicts;
    return snapshots.map(() => `check returned ${got} verdicts for ${snapshots.length} runs`);
  }
  return verdicts.map((v) => v || null);
}

function judge(program: Program, s: Snapshot): string | null {
  return kernelFailure(program, s) ?? checkOne(program, s);
}

/** One run of `program` under `strategy`; the building block of runOnce, explore and replay. */
/** With `deferCheck`, only kernel-level failures are judged: the caller checks the snapshot later. */
async function execute(program: Program, strategy: Strategy, dataSeed: number, options: KernelOptions, tracing: boolean, deferCheck = false): Promise<RunResult> {
  const opts: KernelOptions = { ...program.options, ...options, seed: dataSeed, files: program.files, stdin: program.stdin };
  if (!tracing) opts.traceCap = 0;
  else if (!opts.traceCap) opts.traceCap = undefined;
  const k = new Kernel(program.module, strategy, opts);
  try {
    if (program.main) k.spawn(null, program.main, program.args ?? [], { uid: program.uid, gid: program.gid });
    program.setup?.(makeSetupApi(k));
    for (const spec of program.processes ?? []) k.spawn(null, spec.entry as never, spec.args ?? [], { uid: spec.uid, gid: spec.gid });
    await k.run();
  } catch (e) {
    k.end({ kind: "internal-error", message: `setup failed: ${describeError(e)}` });
  }
  strategy.endRun?.(k.steps);
  const snapshot = takeSnapshot(k);
  const failure = deferCheck ? kernelFailure(program, snapshot) : judge(program, snapshot);
  const replayToken = encodeToken({ strategy: strategy.name, seed: dataSeed, choices: k.choices });
  let trace: Trace | null = null;
  if (k.trace) {
    trace = {
      version: TRACE_VERSION,
      seed: dataSeed,
      strategy: strategy.name,
      choices: k.choices.slice(),
      events: k.trace.events,
      truncated: k.trace.dropped > 0,
      droppedEvents: k.trace.dropped,
      outcome: snapshot.outcome,
      failure,
      counters: snapshot.counters,
      processes: snapshot.processes,
      output: snapshot.output,
    };
  }
  return { outcome: snapshot.outcome, failure, trace, snapshot, replayToken, steps: k.steps, counters: snapshot.counters };
}

/** Runs a single schedule (default: seeded random, tracing on). */
export function runOnce(program: Program, options: RunOptions = {}): Promise<RunResult> {
  const seed = options.seed ?? 1;
  const strategy = makeStrategy(options.strategy ?? "random", seed, options);
  return execute(program, strategy, options.dataSeed ?? seed, options, options.trace !== false);
}

/** Re-runs the schedule a replay token describes, with tracing on: the same token always yields the same trace. */
export function replay(program: Program, token: string, options: KernelOptions = {}): Promise<RunResult> {
  const t = decodeToken(token);
  return execute(program, new ReplayStrategy(t.choices), t.seed, options, true);
}

export type ExploreStrategy = "mix" | "random" | "pct" | "exhaustive";

export interface ExploreOptions extends KernelOptions {
  strategy?: ExploreStrategy;
  /** Maximum number of schedules to run (default 1000). */
  budget?: number;
  seed?: number;
  /** Bug depth d for PCT (default: mix of 2 and 3). */
  pctDepth?: number;
  /** Highest preemption bound for exhaustive search (default unbounded). */
  maxPreemptions?: number;
  /** Wall-clock budget; needs `now`. */
  timeBudgetMs?: number;
  /** Injected clock in ms (the kernel itself never reads real time). */
  now?: () => number;
}

export type ExploreResult =
  | {
      passed: false;
      failure: string;
      outcome: Outcome;
      trace: Trace;
      snapshot: Snapshot;
      replayToken: string;
      /** Schedules run before the failing one was found (including it). */
      schedulesExplored: number;
      strategy: string;
      elapsedMs: number | null;
    }
  | {
      passed: true;
      schedulesExplored: number;
      /** Exhaustive search enumerated every interleaving (for the data seed it used). */
      exhausted: boolean;
      elapsedMs: number | null;
    };

/**
 * Searches schedules for a failure. The default "mix" rotates exhaustive
 * preemption-bounded DFS, PCT (d=2, d=3) and random runs, so shallow bugs fall
 * to the DFS and deep or long-running ones to the randomised strategies.
 * Runs are untraced; the failing schedule is replayed once with tracing on.
 */
export async function explore(program: Program, options: ExploreOptions = {}): Promise<ExploreResult> {
  const seed = options.seed ?? 1;
  const budget = options.budget ?? 1000;
  const mode = options.strategy ?? "mix";
  const now = options.now;
  const start = now ? now() : 0;
  const elapsed = () => (now ? now() - start : null);
  const exhaustive = new ExhaustiveStrategy(options.maxPreemptions ?? Infinity);
  const pcts = options.pctDepth ? [new PctStrategy(deriveSeed(seed, 2), options.pctDepth)] : [new PctStrategy(deriveSeed(seed, 2), 2), new PctStrategy(deriveSeed(seed, 3), 3)];
  const random = new RandomStrategy(deriveSeed(seed, 4));
  const rotation: Strategy[] = mode === "mix" ? [exhaustive, ...pcts, random] : mode === "exhaustive" ? [exhaustive] : mode === "pct" ? pcts : [random];
  let explored = 0;
  let turn = 0;
  // Runs that completed cleanly and wait for their check, oldest first.
  let unchecked: { run: RunResult; index: number; strategy: string }[] = [];
  let batchLimit = 1;
  const firstFailureOfBatch = (): Found | null => {
    if (!unchecked.length) return null;
    const batch = unchecked;
    unchecked = [];
    batchLimit = program.checkMany ? Math.min(2 * batchLimit, MAX_CHECK_BATCH) : 1;
    const verdicts = checkAll(program, batch.map((b) => b.run.snapshot));
    const i = verdicts.findIndex((v) => v !== null);
    return i < 0 ? null : { failure: verdicts[i]!, replayToken: batch[i].run.replayToken, index: batch[i].index, strategy: batch[i].strategy };
  };
  let found: Found | null = null;
  while (explored < budget && !found) {
    if (options.timeBudgetMs !== undefined && now && now() - start >= options.timeBudgetMs) break;
    let s = rotation[turn++ % rotation.length];
    if (s === exhaustive && exhaustive.exhausted) {
      if (rotation.length === 1) break;
      s = rotation[turn++ % rotation.length];
    }
    // Exhaustive DFS needs the same data decisions on every re-execution, so it keeps one data seed.
    const dataSeed = s === exhaustive ? seed : deriveSeed(seed, 100 + explored);
    const r = await execute(program, s, dataSeed, options, false, true);
    explored++;
    if (r.failure !== null) {
      // Earlier runs still waiting for their check come first.
      found = firstFailureOfBatch() ?? { failure: r.failure, replayToken: r.replayToken, index: explored, strategy: s.name };
    } else {
      unchecked.push({ run: r, index: explored, strategy: s.name });
      if (unchecked.length >= batchLimit) found = firstFailureOfBatch();
    }
  }
  found ??= firstFailureOfBatch();
  if (found) {
    const traced = await replay(program, found.replayToken, options);
    return {
      passed: false,
      failure: traced.failure ?? found.failure,
      outcome: traced.outcome,
      trace: traced.trace!,
      snapshot: traced.snapshot,
      replayToken: found.replayToken,
      schedulesExplored: found.index,
      strategy: found.strategy,
      elapsedMs: elapsed(),
    };
  }
  return { passed: true, schedulesExplored: explored, exhausted: exhaustive.complete, elapsedMs: elapsed() };
}

/** The first failing run explore() found: reported as if exploration had stopped right after it. */
type Found = { failure: string; replayToken: string; index: number; strategy: string };

/** Enumerates every interleaving (unbounded preemptions) and counts them; stops at `limit`. */
export async function countSchedules(program: Program, options: KernelOptions & { limit?: number } = {}): Promise<{ schedules: number; complete: boolean; failures: number }> {
  const s = new ExhaustiveStrategy(Infinity, Infinity);
  const limit = options.limit ?? 100_000;
  let failures = 0;
  let n = 0;
  while (!s.exhausted && n < limit) {
    const r = await execute(program, s, options.seed ?? 1, options, false);
    n++;
    if (r.failure !== null) failures++;
  }
  return { schedules: s.distinctSchedules, complete: s.complete, failures };
}
