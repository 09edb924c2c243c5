import type { JsonValue } from "./clone";
import type { Counters } from "./cost-model";
import type { Ipc } from "./ipc";
import { makeSetupApi, type SetupApi } from "./ipc-api";
import { describeError, Kernel, type KernelOptions, type Outcome, type ProgramModule } from "./kernel";
import type { FileSpec } from "./fs";
import { deriveSeed } from "./prng";
import { decodeToken, encodeToken } from "./replay-token";
import { takeSnapshot, type Snapshot } from "./snapshot";
import type { Process } from "./process";
import { pctDistinctRunsFor, STATED_BUG_DEPTH, type Coverage } from "./strategies/coverage";
import { ExhaustiveStrategy } from "./strategies/exhaustive";
import { GuidedStrategy } from "./strategies/guided";
import { PctStrategy, stepRange } from "./strategies/pct";
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
  /** Where in the student's source an uncaught error was thrown (its line), when the program's loader can tell: see KernelOptions.sourceLine. */
  sourceLine?: (error: unknown) => number | null;
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
  /** Scheduling decisions made (points where two or more processes were ready). */
  decisions: number;
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
      // A single run has no earlier runs to learn its length from: guess one.
      return new PctStrategy(seed, o.pctDepth ?? 3, 32);
    case "exhaustive":
      return new ExhaustiveStrategy({ startBound: Infinity });
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

/**
 * Lets a strategy watch every step of a run, forced ones included (the kernel consults it only
 * at decisions). The kernel has no hook for that, so its step method is wrapped on this one
 * instance; should it ever be renamed, the strategy is told it is not watching (and runs
 * without partial-order reduction) rather than trusting an incomplete picture.
 */
function watchSteps(k: Kernel, strategy: Strategy): boolean {
  if (!strategy.beforeStep) return false;
  const step = (k as unknown as { step?: (p: Process) => boolean }).step;
  if (typeof step !== "function") return false;
  const before = strategy.beforeStep.bind(strategy);
  try {
    // An own property, defined rather than assigned: it works even where the prototype is frozen (SES).
    Object.defineProperty(k, "step", {
      value(this: Kernel, p: Process): boolean {
        before(p);
        return step.call(this, p);
      },
      configurable: true,
      writable: true,
    });
  } catch {
    return false;
  }
  return true;
}

/** Runs `program` under `strategy` to its end: the building block of runOnce, explore and replay. */
async function runKernel(program: Program, strategy: Strategy, dataSeed: number, options: KernelOptions, tracing: boolean): Promise<Kernel> {
  const opts: KernelOptions = { ...program.options, ...options, seed: dataSeed, files: program.files, stdin: program.stdin, sourceLine: program.sourceLine };
  if (!tracing) opts.traceCap = 0;
  else if (!opts.traceCap) opts.traceCap = undefined;
  const k = new Kernel(program.module, strategy, opts);
  strategy.attach?.(k, watchSteps(k, strategy));
  try {
    if (program.main) k.spawn(null, program.main, program.args ?? [], { uid: program.uid, gid: program.gid });
    program.setup?.(makeSetupApi(k));
    for (const spec of program.processes ?? []) k.spawn(null, spec.entry as never, spec.args ?? [], { uid: spec.uid, gid: spec.gid });
    await k.run();
  } catch (e) {
    k.end({ kind: "internal-error", message: `setup failed: ${describeError(e)}` });
  }
  strategy.endRun?.(k.steps);
  return k;
}

/** The result of a finished run. With `deferCheck`, only kernel-level failures are judged: the caller checks the snapshot later. */
function finishRun(program: Program, k: Kernel, strategy: Strategy, dataSeed: number, deferCheck: boolean, knownToken?: string): RunResult {
  const snapshot = takeSnapshot(k);
  const failure = deferCheck ? kernelFailure(program, snapshot) : judge(program, snapshot);
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
  const result = { outcome: snapshot.outcome, decisions: k.choices.length, failure, trace, snapshot, steps: k.steps, counters: snapshot.counters } as RunResult;
  // Encoded when asked for: most runs of an exploration pass, and nobody reads their token.
  let token = knownToken;
  const strategyName = strategy.name;
  return Object.defineProperty(result, "replayToken", { enumerable: true, get: () => (token ??= encodeToken({ strategy: strategyName, seed: dataSeed, choices: k.choices })) });
}

/** One run of `program` under `strategy`. */
async function execute(program: Program, strategy: Strategy, dataSeed: number, options: KernelOptions, tracing: boolean, deferCheck = false): Promise<RunResult> {
  return finishRun(program, await runKernel(program, strategy, dataSeed, options, tracing), strategy, dataSeed, deferCheck);
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

export type ExploreStrategy = "mix" | "random" | "pct" | "exhaustive" | "auto";

export interface ExploreOptions extends KernelOptions {
  /**
   * "auto": preemption-bounded exhaustive search up to `maxPreemptions` (default 2) with
   * partial-order reduction, if it can be expected to finish within `budget` runs; otherwise
   * the bounds that fit in half the budget, then PCT with depth `pctDepth` (default 2) until a
   * bug of depth ≤ 2 would be missed with probability at most `missTarget`, or the budget is
   * spent (one run in four is uniformly random, for deeper bugs, and not counted in the bound).
   * Either way the result says what was covered (`coverage`).
   * "mix" (the default) rotates exhaustive search, PCT (d=2, d=3) and random runs.
   */
  strategy?: ExploreStrategy;
  /** Maximum number of schedules to run (default 1000). */
  budget?: number;
  seed?: number;
  /** Bug depth d for PCT (default: mix of 2 and 3; 2 for "auto"). */
  pctDepth?: number;
  /** Highest preemption bound for exhaustive search (default unbounded; 2 for "auto"). */
  maxPreemptions?: number;
  /** "auto": the miss probability for bugs of depth ≤ 2 that PCT runs until (default 0.01). */
  missTarget?: number;
  /** Partial-order reduction (sleep sets) in exhaustive search (default true). */
  reduction?: boolean;
  /** Try to find a failing schedule with fewer preemptions, then fewer steps, than the first one found (default true). */
  shrink?: boolean;
  /** Wall-clock budget; needs `now`. */
  timeBudgetMs?: number;
  /** Injected clock in ms (the kernel itself never reads real time). */
  now?: () => number;
}

export type { Coverage } from "./strategies/coverage";

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
      /** Preemptions in the reported schedule (the fewest found for this failure). */
      preemptions?: number;
      /** What was explored before the failure turned up. */
      coverage?: Coverage;
      elapsedMs: number | null;
    }
  | {
      passed: true;
      schedulesExplored: number;
      /** Exhaustive search enumerated every interleaving (for the data seed it used). */
      exhausted: boolean;
      /** What the exploration covered (see Coverage). */
      coverage?: Coverage;
      elapsedMs: number | null;
    };

/** Runs cut short by partial-order reduction are cheap, but not free: at most this many per budgeted schedule. */
const PRUNED_RUNS_PER_SCHEDULE = 4;
/** Most extra runs spent shrinking a counterexample. */
const SHRINK_RUNS = 24;
/** In "auto", one run in this many after the exhaustive search is uniformly random rather than PCT. */
const RANDOM_SHARE = 4;

/** Which strategy runs next, and what the runs so far covered. */
interface Plan {
  next(runs: number): Strategy | null;
  coverage(): Coverage;
  exhaustive: ExhaustiveStrategy | null;
  /** Every run uses the exploration's seed as its data seed (else each run gets its own). */
  fixedDataSeed: boolean;
}

function exhaustiveCoverage(s: ExhaustiveStrategy, stoppedEarly: boolean): Coverage {
  const complete = s.exhausted && !stoppedEarly;
  return {
    kind: "exhaustive",
    // An unbounded search (countSchedules) states the most preemptions it met, with allInterleavings.
    preemptionBound: s.bound === Infinity ? s.maxPreemptionsSeen : s.bound,
    schedules: s.distinctSchedules,
    complete,
    allInterleavings: complete && s.complete,
    reduction: s.reduction ? "sleep-sets" : "none",
  };
}

function pctCoverage(p: PctStrategy, e: ExhaustiveStrategy | null): Coverage {
  const c: Coverage = {
    kind: "pct",
    depth: p.depth,
    runs: p.countedRuns,
    processes: p.maxProcesses,
    steps: p.steps,
    missProbability: p.missProbability(STATED_BUG_DEPTH),
    distinct: p.distinct,
  };
  // The bounds the exhaustive search finished before it gave up.
  const done = e && e.bound !== Infinity ? e.bound - 1 : -1;
  if (e && done >= 0) c.exhaustive = { preemptionBound: done, schedules: e.schedulesThroughBound[done] };
  return c;
}

/**
 * Estimated runs of preemption bound `b` of an exhaustive search, from what the lower bounds
 * took (`runs[j]`, measured or estimated; `cut[j]`, the choices bound j forbade, measured).
 * Bound b repeats bound b−1's schedules and adds, for each choice bound b−1 cut, at least one
 * schedule starting with it: runs[b−1] + cut[b−1]. Without that count (two bounds ahead),
 * each bound grows by a little less than the ratio before it. Rough, but it only decides when
 * to stop trying to finish the search and spend what is left on PCT.
 */
function estimateBound(runs: readonly number[], cut: readonly (number | undefined)[], b: number): number {
  if (b === 0) return 1;
  const prev = runs[b - 1];
  const cutBefore = cut[b - 1];
  if (cutBefore !== undefined) return prev + 1.25 * cutBefore;
  return (0.6 * prev * prev) / Math.max(1, runs[b - 2] ?? 1);
}

/** The runs bounds `from`…`to` of `e` can be expected to take. */
function estimateBounds(e: ExhaustiveStrategy, from: number, to: number): number {
  const runs = e.runsPerBound.slice(0, from);
  let total = 0;
  for (let b = from; b <= to; b++) {
    runs[b] = estimateBound(runs, e.cutPerBound, b);
    total += runs[b];
  }
  return total;
}

function makePlan(mode: ExploreStrategy, seed: number, o: ExploreOptions, budget: number, stoppedEarly: () => boolean): Plan {
  const reduction = o.reduction ?? true;
  if (mode === "auto") {
    // `budget` runs in all. Bound 0 of the exhaustive search comes first (a quarter of the
    // budget at most): it finds the simplest failures and shows how large the program is. Then,
    // at each bound: finish the search up to maxBound if that is expected to fit in the budget;
    // else PCT, if it is expected to reach the target miss probability; else the bounds that
    // fit in half the budget (a statement of their own, e.g. every schedule with at most one
    // preemption), and PCT with the rest.
    const maxBound = o.maxPreemptions ?? 2;
    const e = new ExhaustiveStrategy({ maxBound, reduction });
    const depth = o.pctDepth ?? STATED_BUG_DEPTH;
    const target = o.missTarget ?? 0.01;
    let pct: PctStrategy | null = null;
    const random = new RandomStrategy(deriveSeed(seed, 4));
    let pctTurn = 0;
    let used = 0;
    let cap = budget / 4;
    let planned = 0; // the bound the cap was last set for
    const plan = () => {
      const left = budget - used;
      const pctRuns = pctDistinctRunsFor(target, e.maxProcesses, stepRange(e.maxDecisions), depth, left + 1);
      const finish = estimateBounds(e, e.bound, maxBound);
      // Room for PCT as well, should the estimate be short: it takes over where the search stops.
      if (finish + pctRuns <= left) return budget - pctRuns;
      if (finish <= left) return budget;
      if (pctRuns <= left) return used;
      // (With a margin: a bound cut short states nothing.)
      return estimateBounds(e, e.bound, e.bound) <= 0.75 * (budget / 2 - used) ? budget / 2 : used;
    };
    return {
      exhaustive: e,
      fixedDataSeed: true,
      next() {
        // A run the sleep sets cut short costs about half a run.
        if (e.aborted && !pct) used -= 0.5;
        if (!pct) {
          if (e.exhausted) return null;
          if (e.bound !== planned && e.runsPerBound[e.bound] === undefined) {
            planned = e.bound;
            cap = plan();
          }
          if (used < cap) {
            used++;
            return e;
          }
          // Same data seed for every run (as the exhaustive search): configurations are then drawn without replacement.
          pct = new PctStrategy(deriveSeed(seed, 2), depth, e.maxDecisions, e.maxProcesses, true);
        }
        if (used >= budget || pct.spaceExhausted) return null;
        if (pct.countedRuns > 0 && pct.missProbability(STATED_BUG_DEPTH) <= target) return null;
        used++;
        // Every RANDOM_SHARE-th run is a uniformly random schedule: bugs deeper than PCT's d (a
        // deadlock of five philosophers needs four preemptions) fall to those more often. They
        // count for nothing in the stated bound.
        return ++pctTurn % RANDOM_SHARE === 0 ? random : pct;
      },
      coverage: () => (pct && pct.runs > 0 ? pctCoverage(pct, e) : exhaustiveCoverage(e, stoppedEarly() || !e.exhausted)),
    };
  }
  const exhaustive = new ExhaustiveStrategy({ maxBound: o.maxPreemptions ?? Infinity, reduction });
  const pcts = o.pctDepth ? [new PctStrategy(deriveSeed(seed, 2), o.pctDepth)] : [new PctStrategy(deriveSeed(seed, 2), 2), new PctStrategy(deriveSeed(seed, 3), 3)];
  const random = new RandomStrategy(deriveSeed(seed, 4));
  const rotation: Strategy[] = mode === "mix" ? [exhaustive, ...pcts, random] : mode === "exhaustive" ? [exhaustive] : mode === "pct" ? pcts : [random];
  let turn = 0;
  let randomRuns = 0;
  return {
    exhaustive: rotation.includes(exhaustive) ? exhaustive : null,
    fixedDataSeed: false,
    next(runs) {
      if (runs >= budget) return null;
      let s = rotation[turn++ % rotation.length];
      if (s === exhaustive && exhaustive.exhausted) {
        if (rotation.length === 1) return null;
        s = rotation[turn++ % rotation.length];
      }
      if (s === random) randomRuns++;
      return s;
    },
    coverage() {
      if (mode === "exhaustive" || (mode === "mix" && exhaustive.exhausted)) return exhaustiveCoverage(exhaustive, stoppedEarly() || !exhaustive.exhausted);
      const pct = pcts.find((p) => p.depth === STATED_BUG_DEPTH) ?? pcts[0];
      if (mode === "random" || pct.runs === 0) return { kind: "random", runs: randomRuns };
      return pctCoverage(pct, mode === "mix" ? exhaustive : null);
    },
  };
}

/**
 * Searches schedules for a failure (see ExploreOptions.strategy). Runs are untraced; the
 * failing schedule is shrunk (fewest preemptions, then fewest steps, for the same failure)
 * and replayed once with tracing on. Everything depends on the seed only.
 */
export async function explore(program: Program, options: ExploreOptions = {}): Promise<ExploreResult> {
  const seed = options.seed ?? 1;
  const budget = options.budget ?? 1000;
  const mode = options.strategy ?? "mix";
  const now = options.now;
  const start = now ? now() : 0;
  const elapsed = () => (now ? now() - start : null);
  let found: Found | null = null;
  const plan = makePlan(mode, seed, options, budget, () => found !== null);
  const maxPruned = PRUNED_RUNS_PER_SCHEDULE * budget;
  let explored = 0;
  // Runs that completed cleanly and wait for their check, oldest first.
  let unchecked: { run: RunResult; index: number; strategy: string; preemptions: number | undefined }[] = [];
  let batchLimit = 1;
  /** Replay tokens of the runs judged (or waiting for their check). */
  const judged = new Set<string>();
  const firstFailureOfBatch = (): Found | null => {
    if (!unchecked.length) return null;
    const batch = unchecked;
    unchecked = [];
    batchLimit = program.checkMany ? Math.min(2 * batchLimit, MAX_CHECK_BATCH) : 1;
    const verdicts = checkAll(program, batch.map((b) => b.run.snapshot));
    const i = verdicts.findIndex((v) => v !== null);
    return i < 0 ? null : { failure: verdicts[i]!, replayToken: batch[i].run.replayToken, index: batch[i].index, strategy: batch[i].strategy, preemptions: batch[i].preemptions };
  };
  while (!found) {
    if (options.timeBudgetMs !== undefined && now && now() - start >= options.timeBudgetMs) break;
    const s = plan.next(explored);
    if (!s) break;
    const e = s === plan.exhaustive ? plan.exhaustive : null;
    if (e && e.prunedRuns >= maxPruned) break;
    // Exhaustive DFS needs the same data decisions on every re-execution, so it keeps one data seed.
    const dataSeed = e || plan.fixedDataSeed ? seed : deriveSeed(seed, 100 + explored);
    const k = await runKernel(program, s, dataSeed, options, false);
    if (e?.aborted) continue; // cut short by the sleep sets: equivalent to explored schedules
    explored++;
    // The same choices with the same data seed make the same run: its verdict is known (had it
    // failed, exploration would have stopped there). So is that of a run the previous preemption
    // bound already made. Neither needs a snapshot.
    const token = encodeToken({ strategy: s.name, seed: dataSeed, choices: k.choices });
    if ((e && !e.lastRunWasNew) || judged.has(token)) continue;
    judged.add(token);
    const r = finishRun(program, k, s, dataSeed, true, token);
    const preemptions = e ? e.lastPreemptions : undefined;
    if (r.failure !== null) {
      // Earlier runs still waiting for their check come first.
      found = firstFailureOfBatch() ?? { failure: r.failure, replayToken: r.replayToken, index: explored, strategy: s.name, preemptions };
    } else {
      unchecked.push({ run: r, index: explored, strategy: s.name, preemptions });
      if (unchecked.length >= batchLimit) found = firstFailureOfBatch();
    }
  }
  found ??= firstFailureOfBatch();
  const coverage = plan.coverage();
  if (found) {
    // Preemption-bounded search already found the fewest preemptions; other strategies' schedules are shrunk.
    const best = options.shrink === false || found.strategy === "exhaustive" ? found : await shrink(program, found, options);
    const traced = await replay(program, best.replayToken, options);
    return {
      passed: false,
      failure: traced.failure ?? found.failure,
      outcome: traced.outcome,
      trace: traced.trace!,
      snapshot: traced.snapshot,
      replayToken: best.replayToken,
      schedulesExplored: found.index,
      strategy: found.strategy,
      preemptions: best.preemptions,
      coverage,
      elapsedMs: elapsed(),
    };
  }
  return { passed: true, schedulesExplored: explored, exhausted: plan.exhaustive?.complete ?? false, coverage, elapsedMs: elapsed() };
}

/** The first failing run explore() found: reported as if exploration had stopped right after it. */
type Found = { failure: string; replayToken: string; index: number; strategy: string; preemptions?: number };

/** A failing schedule, with what shrinking compares: preemptions, then steps. */
type Candidate = { choices: number[]; preemptedAt: number[]; preemptions: number; steps: number; token: string };

/**
 * Looks for a schedule with the same failure and fewer preemptions (then fewer steps): at
 * each preemption of the best schedule so far, keep the running process instead, then either
 * never preempt again or follow the rest of the schedule. At most SHRINK_RUNS runs.
 */
async function shrink(program: Program, found: Found, options: KernelOptions): Promise<Found> {
  const t = decodeToken(found.replayToken);
  const original = new ReplayStrategy(t.choices);
  const k = await runKernel(program, original, t.seed, options, false);
  let best: Candidate = { choices: k.choices.slice(), preemptedAt: original.preemptedAt.slice(), preemptions: original.preemptions, steps: k.steps, token: found.replayToken };
  let runs = 0;
  let improved = true;
  while (improved && best.preemptions > 0 && runs < SHRINK_RUNS) {
    improved = false;
    for (const at of best.preemptedAt) {
      for (const mode of ["calm", "follow"] as const) {
        if (runs >= SHRINK_RUNS) break;
        runs++;
        const g = new GuidedStrategy(best.choices.slice(0, at), mode, best.choices.slice(at));
        const gk = await runKernel(program, g, t.seed, options, false);
        if (g.diverged) continue;
        const better = g.preemptions < best.preemptions || (g.preemptions === best.preemptions && gk.steps < best.steps);
        if (!better) continue;
        const r = finishRun(program, gk, g, t.seed, true);
        const failure = r.failure ?? checkAll(program, [r.snapshot])[0];
        if (failure !== found.failure) continue;
        best = { choices: gk.choices.slice(), preemptedAt: g.preemptedAt.slice(), preemptions: g.preemptions, steps: gk.steps, token: r.replayToken };
        improved = true;
        break;
      }
      if (improved) break;
    }
  }
  return { ...found, replayToken: best.token, preemptions: best.preemptions };
}

/**
 * Enumerates every interleaving (unbounded preemptions) and counts them; stops at `limit`.
 * With `reduction`, full sleep sets skip reorderings of independent steps: `schedules` then
 * counts one schedule per class of equivalent ones (and runs cut short do not count).
 */
export async function countSchedules(program: Program, options: KernelOptions & { limit?: number; reduction?: boolean } = {}): Promise<{ schedules: number; complete: boolean; failures: number }> {
  const s = new ExhaustiveStrategy({ startBound: Infinity, reduction: options.reduction ?? false });
  const limit = options.limit ?? 100_000;
  let failures = 0;
  let n = 0;
  while (!s.exhausted && n < limit) {
    const k = await runKernel(program, s, options.seed ?? 1, options, false);
    n++;
    if (s.aborted) continue;
    if (finishRun(program, k, s, options.seed ?? 1, false).failure !== null) failures++;
  }
  return { schedules: s.distinctSchedules, complete: s.complete, failures };
}
