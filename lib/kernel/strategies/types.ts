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
}
