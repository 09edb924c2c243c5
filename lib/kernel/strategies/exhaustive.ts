import type { Kernel } from "../kernel";
import type { Process } from "../process";
import { dependent, GLOBAL, stepFootprint, type Footprint } from "./footprint";
import { RunPruned, type Strategy } from "./types";

/** A process whose next step need not be taken here: an equivalent schedule was (or will be) run elsewhere. */
interface Asleep {
  pid: number;
  fp: Footprint;
}

interface Frame {
  /** Candidate pids, the previously running process first when it is still ready (no preemption); sleeping ones left out. */
  options: number[];
  idx: number;
  preemptionsBefore: number;
  /** The process that ran the step before this decision, when it is still ready (choosing another is a preemption). */
  lastPid: number;
  lastReady: boolean;
  /** Sleep set on arrival. */
  sleep: Asleep[];
  /** Children explored here that later siblings may put to sleep (see `endRun`). */
  done: Asleep[];
  /** Footprint of the current child's step, recorded when it ran. */
  childFp: Footprint | null;
}

export interface ExhaustiveOptions {
  /** Highest preemption bound (default unbounded). */
  maxBound?: number;
  /** Bound of the first iteration (default 0; Infinity searches everything at once). */
  startBound?: number;
  /** Sleep-set partial-order reduction (default false; explore() turns it on). */
  reduction?: boolean;
}

/**
 * Stateless depth-first search over scheduling choices (re-executing the program from the
 * start for each schedule) with iterative preemption bounding (Musuvathi & Qadeer, PLDI
 * 2007): all schedules with 0 preemptions, then ≤1, ≤2, … so the first failure found has the
 * fewest preemptions. A bound that prunes nothing means the space is exhausted.
 *
 * With `reduction`, sleep sets (Godefroid 1996) skip schedules that only reorder independent
 * steps (footprint.ts) of one already run. The strategy watches every step, forced ones too
 * (`beforeStep`), and cuts a run short (RunPruned) as soon as every ready process is asleep:
 * whatever follows is equivalent to something explored. Under a preemption bound, a plain
 * sleep set is unsound (Coons et al., OOPSLA 2013: moving a step to the front of an
 * equivalent schedule can cost a preemption, which the bound then forbids), so only the
 * non-preempting child of a node, the process that was already running, is put to sleep for
 * its siblings: moving that step to the front never adds a preemption, so every schedule
 * within the bound still has an equivalent one run within the bound. Unbounded search
 * (startBound Infinity) uses full sleep sets.
 */
export class ExhaustiveStrategy implements Strategy {
  readonly name = "exhaustive";
  readonly maxBound: number;
  readonly reduction: boolean;
  private stack: Frame[] = [];
  private depth = 0;
  private preemptions = 0;
  private pruned = false;
  bound: number;
  /** True once there is nothing left to run (up to maxBound). */
  exhausted = false;
  /** True when the search finished without the bound pruning anything: every schedule was run. */
  complete = false;
  /** Schedules with exactly `bound` preemptions, i.e. not already run under a smaller bound. */
  distinctSchedules = 0;
  /** Runs cut short by the sleep sets. */
  prunedRuns = 0;
  /** Runs (schedules, repeats included) made under each bound so far. */
  readonly runsPerBound: number[] = [];
  /** Choices each bound cut (they cost one preemption too many): each starts at least one schedule of the next bound. */
  readonly cutPerBound: number[] = [];
  /** distinctSchedules when each bound was finished: every schedule with at most that many preemptions. */
  readonly schedulesThroughBound: number[] = [];
  /** The most preemptions any run had. */
  maxPreemptionsSeen = 0;
  lastRunWasNew = true;
  /** Preemptions of the last run. */
  lastPreemptions = 0;
  /** Most decisions and most processes any run had (runs cut short included). */
  maxDecisions = 0;
  maxProcesses = 0;
  private spawned = 0;
  aborted = false;
  // Partial-order reduction state of the current run.
  private kernel: Kernel | null = null;
  private watching = false;
  private sleep: Asleep[] = [];
  private pending: { p: Process; fp: Footprint; frame: Frame | null } | null = null;
  private decided: Frame | null = null;

  constructor(options: ExhaustiveOptions = {}) {
    this.maxBound = options.maxBound ?? Infinity;
    this.bound = Math.min(options.startBound ?? 0, this.maxBound);
    this.reduction = options.reduction ?? false;
  }

  /** Sleep sets need to see every step; without that, the search runs unreduced. */
  private get reducing(): boolean {
    return this.reduction && this.watching;
  }

  attach(kernel: Kernel, watching: boolean): void {
    this.kernel = kernel;
    this.watching = watching;
  }

  beginRun(): void {
    this.depth = 0;
    this.preemptions = 0;
    this.aborted = false;
    this.sleep = [];
    this.pending = null;
    this.decided = null;
    this.spawned = 0;
  }

  onSpawn(): void {
    this.spawned++;
  }

  /** Applies the previous step to the sleep set, now that it is known whether the process survived it. */
  private settle(): void {
    const s = this.pending;
    if (!s) return;
    this.pending = null;
    // An exit (return, throw, a fatal signal) closes descriptors, wakes the parent, detaches memory: global.
    const fp = s.p.alive ? s.fp : GLOBAL;
    if (s.frame) s.frame.childFp = fp;
    if (this.sleep.length) this.sleep = this.sleep.filter((z) => z.pid !== s.p.pid && !dependent(z.fp, fp));
  }

  /** The bound forbids `n` choices here. */
  private cut(n: number): void {
    this.pruned = true;
    if (this.bound !== Infinity) this.cutPerBound[this.bound] = (this.cutPerBound[this.bound] ?? 0) + n;
  }

  private prune(): never {
    this.aborted = true;
    throw new RunPruned();
  }

  beforeStep(p: Process): void {
    if (!this.reducing) return;
    this.settle();
    const frame = this.decided;
    this.decided = null;
    // A forced step by a sleeping process: every ready process is asleep.
    if (frame === null && this.sleep.some((z) => z.pid === p.pid)) this.prune();
    this.pending = { p, fp: stepFootprint(this.kernel!, p), frame };
  }

  choose(ready: readonly Process[], last: Process | null): number {
    this.settle();
    let f = this.stack[this.depth];
    if (!f) {
      const lastReady = last !== null && ready.includes(last);
      let options = ready.map((p) => p.pid);
      if (lastReady) {
        options.splice(options.indexOf(last.pid), 1);
        options.unshift(last.pid);
      }
      const asleep = this.reducing ? this.sleep : [];
      if (asleep.length) options = options.filter((pid) => !asleep.some((z) => z.pid === pid));
      if (options.length === 0) this.prune();
      // The continuation is asleep and every other choice would exceed the bound.
      if (lastReady && options[0] !== last.pid && this.preemptions + 1 > this.bound) {
        this.cut(options.length);
        this.prune();
      }
      f = { options, idx: 0, preemptionsBefore: this.preemptions, lastPid: last?.pid ?? 0, lastReady, sleep: asleep, done: [], childFp: null };
      this.stack.push(f);
    }
    this.depth++;
    const pid = f.options[f.idx];
    this.preemptions = f.preemptionsBefore + (f.lastReady && pid !== f.lastPid ? 1 : 0);
    if (this.reducing) {
      this.sleep = f.done.length ? f.sleep.concat(f.done) : f.sleep;
      this.decided = f;
    }
    const i = ready.findIndex((p) => p.pid === pid);
    if (i < 0) throw new Error("exhaustive search diverged: the program is not deterministic");
    return i;
  }

  endRun(): void {
    this.settle();
    this.kernel = null;
    this.stack.length = this.depth;
    this.lastPreemptions = this.preemptions;
    if (!this.aborted && this.preemptions > this.maxPreemptionsSeen) this.maxPreemptionsSeen = this.preemptions;
    if (this.depth > this.maxDecisions) this.maxDecisions = this.depth;
    if (this.spawned > this.maxProcesses) this.maxProcesses = this.spawned;
    if (this.aborted) {
      this.prunedRuns++;
      this.lastRunWasNew = false;
    } else {
      if (this.bound !== Infinity) this.runsPerBound[this.bound] = (this.runsPerBound[this.bound] ?? 0) + 1;
      this.lastRunWasNew = this.bound === 0 || this.preemptions === this.bound || this.bound === Infinity;
      if (this.lastRunWasNew) this.distinctSchedules++;
    }
    const fullSleep = this.bound === Infinity;
    while (this.stack.length) {
      const f = this.stack[this.stack.length - 1];
      if (f.idx + 1 < f.options.length) {
        const next = f.options[f.idx + 1];
        if (f.lastReady && next !== f.lastPid && f.preemptionsBefore + 1 > this.bound) this.cut(f.options.length - f.idx - 1);
        else {
          // Within a bound only the non-preempting child may sleep for its siblings (see the class comment).
          const child = f.options[f.idx];
          if (this.reducing && f.childFp && (fullSleep || (f.lastReady && child === f.lastPid))) f.done.push({ pid: child, fp: f.childFp });
          f.idx++;
          f.childFp = null;
          return;
        }
      }
      this.stack.pop();
    }
    // This bound is done.
    if (this.bound !== Infinity) this.schedulesThroughBound[this.bound] = this.distinctSchedules;
    if (!this.pruned || this.bound >= this.maxBound) {
      this.exhausted = true;
      this.complete = !this.pruned;
    } else {
      this.bound++;
      this.pruned = false;
    }
  }
}
