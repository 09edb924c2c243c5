import { Prng } from "../prng";
import type { Process } from "../process";
import type { Strategy } from "./types";

/** Uniform choice among ready processes at every scheduling point. */
export class RandomStrategy implements Strategy {
  readonly name = "random";
  private readonly prng: Prng;
  constructor(seed: number) {
    this.prng = new Prng(seed);
  }
  beginRun(): void {}
  choose(ready: readonly Process[]): number {
    return this.prng.int(ready.length);
  }
}
