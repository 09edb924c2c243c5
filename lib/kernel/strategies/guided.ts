import type { Process } from "../process";
import type { Strategy } from "./types";

/**
 * A variation of a recorded schedule, for shrinking counterexamples: follow `prefix` exactly,
 * then keep the running process at the next decision (dropping the preemption the original
 * made there), then either
 *  - "calm": never preempt again (run the last process while it is ready, else the lowest pid), or
 *  - "follow": take the original's later choices (`rest`) in order when they are ready, else behave calmly.
 * Diverging from the prefix (the program is not deterministic) marks the run `diverged`.
 */
export class GuidedStrategy implements Strategy {
  readonly name = "min";
  private i = 0;
  private g = 0;
  diverged = false;
  /** Preemptions of the last run, and the decisions (0-based) where they happened. */
  preemptions = 0;
  readonly preemptedAt: number[] = [];

  constructor(
    private readonly prefix: readonly number[],
    private readonly mode: "calm" | "follow",
    private readonly rest: readonly number[] = [],
  ) {}

  beginRun(): void {
    this.i = 0;
    this.g = 0;
    this.diverged = false;
    this.preemptions = 0;
    this.preemptedAt.length = 0;
  }

  choose(ready: readonly Process[], last: Process | null): number {
    const idx = this.pick(ready, last);
    if (last && ready[idx] !== last && ready.includes(last)) {
      this.preemptions++;
      this.preemptedAt.push(this.i - 1);
    }
    return idx;
  }

  private pick(ready: readonly Process[], last: Process | null): number {
    const i = this.i++;
    if (i < this.prefix.length) {
      const idx = ready.findIndex((p) => p.pid === this.prefix[i]);
      if (idx >= 0) return idx;
      this.diverged = true;
      return 0;
    }
    if (i > this.prefix.length && this.mode === "follow" && this.g < this.rest.length) {
      const idx = ready.findIndex((p) => p.pid === this.rest[this.g]);
      this.g++;
      if (idx >= 0) return idx;
    }
    const cont = last ? ready.indexOf(last) : -1;
    return cont >= 0 ? cont : 0;
  }
}
