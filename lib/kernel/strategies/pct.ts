import { Prng } from "../prng";
import type { Process } from "../process";
import type { Strategy } from "./types";

/**
 * Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010): random
 * distinct priorities, always run the highest-priority ready process, and at
 * d-1 random steps demote the running process below everyone. A bug of depth
 * d is found with probability ≥ 1/(n·k^(d-1)) per run.
 */
export class PctStrategy implements Strategy {
  readonly name = "pct";
  private readonly prng: Prng;
  private changePoints: number[] = [];
  private nextChange = 0;
  /** Estimated run length, learnt from previous runs. */
  private k = 32;

  constructor(
    seed: number,
    readonly depth = 3,
  ) {
    this.prng = new Prng(seed);
  }

  beginRun(): void {
    this.changePoints = [];
    for (let i = 0; i < this.depth - 1; i++) this.changePoints.push(1 + this.prng.int(this.k));
    this.changePoints.sort((a, b) => a - b);
    this.nextChange = 0;
  }

  onSpawn(p: Process): void {
    p.priority = this.depth + this.prng.float();
  }

  choose(ready: readonly Process[], last: Process | null, step: number): number {
    while (this.nextChange < this.changePoints.length && step >= this.changePoints[this.nextChange]) {
      if (last) last.priority = this.depth - 1 - this.nextChange;
      this.nextChange++;
    }
    let best = 0;
    for (let i = 1; i < ready.length; i++) if (ready[i].priority > ready[best].priority) best = i;
    return best;
  }

  endRun(steps: number): void {
    if (steps > this.k) this.k = steps;
  }
}
