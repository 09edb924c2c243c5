import type { Kernel } from "../kernel";
import type { Process } from "../process";

/**
 * Picks which ready process performs its pending operation next. Called only
 * when at least two processes are ready; `ready` is sorted by pid, `last` is
 * the process that performed the previous step (a choice of anything else
 * while `last` is ready is a preemption).
 */
export interface Strategy {
  readonly name: string;
  beginRun(): void;
  choose(ready: readonly Process[], last: Process | null, step: number): number;
  onSpawn?(p: Process): void;
  /** Called after each run with its step count. */
  endRun?(steps: number): void;
  /**
   * Called by run.ts with the run's kernel before it starts, when the strategy wants to watch
   * every step (forced ones included): `beforeStep` then runs just before each step, with the
   * process about to perform its pending operation. Returns nothing; a strategy that cannot
   * be given the kernel (see run.ts) simply never sees `beforeStep`.
   */
  attach?(kernel: Kernel, watching: boolean): void;
  beforeStep?(p: Process): void;
  /** True when the strategy cut the last run short because it could only repeat explored behaviour. */
  readonly aborted?: boolean;
}

/** Thrown from a strategy to end a run that can only repeat what was explored already. */
export class RunPruned extends Error {
  constructor() {
    super("run pruned: every continuation is equivalent to an explored one");
    this.name = "RunPruned";
  }
}
