import type { Process } from "../process";
import type { Strategy } from "./types";

/** Re-plays recorded choices (the pid picked at each decision with two or more ready processes). */
export class ReplayStrategy implements Strategy {
  readonly name = "replay";
  private i = 0;
  constructor(private readonly choices: readonly number[]) {}
  beginRun(): void {
    this.i = 0;
  }
  choose(ready: readonly Process[]): number {
    if (this.i >= this.choices.length) throw new Error(`replay diverged: schedule has only ${this.choices.length} choices`);
    const pid = this.choices[this.i++];
    const idx = ready.findIndex((p) => p.pid === pid);
    if (idx < 0) throw new Error(`replay diverged at choice ${this.i - 1}: pid ${pid} is not ready (ready: ${ready.map((p) => p.pid).join(", ")})`);
    return idx;
  }
}
