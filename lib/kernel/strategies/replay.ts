import type { Process } from "../process";
import type { Strategy } from "./types";

/** Re-plays recorded choices (the pid picked at each decision with two or more ready processes). */
export class ReplayStrategy implements Strategy {
  readonly name = "replay";
  private i = 0;
  /** Preemptions of the last run: choices of another process while the one that ran last was still ready. */
  preemptions = 0;
  /** Decision indices (0-based) where the last run preempted. */
  readonly preemptedAt: number[] = [];
  constructor(private readonly choices: readonly number[]) {}
  beginRun(): void {
    this.i = 0;
    this.preemptions = 0;
    this.preemptedAt.length = 0;
  }
  choose(ready: readonly Process[], last: Process | null): number {
    if (this.i >= this.choices.length) throw new Error(`replay diverged: schedule has only ${this.choices.length} choices`);
    const pid = this.choices[this.i++];
    const idx = ready.findIndex((p) => p.pid === pid);
    if (idx < 0) throw new Error(`replay diverged at choice ${this.i - 1}: pid ${pid} is not ready (ready: ${ready.map((p) => p.pid).join(", ")})`);
    if (last && last.pid !== pid && ready.includes(last)) {
      this.preemptions++;
      this.preemptedAt.push(this.i - 1);
    }
    return idx;
  }
}
