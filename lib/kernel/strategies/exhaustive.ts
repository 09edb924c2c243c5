import type { Process } from "../process";
import type { Strategy } from "./types";

interface Frame {
  /** Candidate pids; the previously running process first when it is still ready (no preemption). */
  options: number[];
  idx: number;
  preemptionsBefore: number;
  lastReady: boolean;
}

/**
 * Stateless depth-first search over scheduling choices (re-executing the
 * program from the start for each schedule) with iterative preemption
 * bounding (Musuvathi & Qadeer, PLDI 2007): all schedules with 0
 * preemptions, then ≤1, ≤2, … so the first failure found has the fewest
 * preemptions. A bound that prunes nothing means the space is exhausted.
 */
export class ExhaustiveStrategy implements Strategy {
  readonly name = "exhaustive";
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
  lastRunWasNew = true;

  constructor(
    readonly maxBound = Infinity,
    startBound = 0,
  ) {
    this.bound = Math.min(startBound, maxBound);
  }

  beginRun(): void {
    this.depth = 0;
    this.preemptions = 0;
  }

  choose(ready: readonly Process[], last: Process | null): number {
    let f = this.stack[this.depth];
    if (!f) {
      const lastReady = last !== null && ready.includes(last);
      const options = ready.map((p) => p.pid);
      if (lastReady) {
        options.splice(options.indexOf(last.pid), 1);
        options.unshift(last.pid);
      }
      f = { options, idx: 0, preemptionsBefore: this.preemptions, lastReady };
      this.stack.push(f);
    }
    this.depth++;
    if (f.lastReady && f.idx > 0) this.preemptions = f.preemptionsBefore + 1;
    const pid = f.options[f.idx];
    const i = ready.findIndex((p) => p.pid === pid);
    if (i < 0) throw new Error("exhaustive search diverged: the program is not deterministic");
    return i;
  }

  endRun(): void {
    this.stack.length = this.depth;
    this.lastRunWasNew = this.bound === 0 || this.preemptions === this.bound || this.bound === Infinity;
    if (this.lastRunWasNew) this.distinctSchedules++;
    while (this.stack.length) {
      const f = this.stack[this.stack.length - 1];
      if (f.idx + 1 < f.options.length) {
        if (f.lastReady && f.preemptionsBefore + 1 > this.bound) this.pruned = true;
        else {
          f.idx++;
          return;
        }
      }
      this.stack.pop();
    }
    // This bound is done.
    if (!this.pruned || this.bound >= this.maxBound) {
      this.exhausted = true;
      this.complete = !this.pruned;
    } else {
      this.bound++;
      this.pruned = false;
    }
  }
}
