import type { Counters } from "./cost-model";
import type { Kernel, Outcome } from "./kernel";
import type { ExitStatus, Process, ProcState } from "./process";
import { cloneValue, type JsonValue } from "./clone";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
  uid: number;
  gid: number;
  /** `reaped` processes are gone from the table; `zombie` ones still occupy a slot. */
  state: ProcState;
  exit: ExitStatus | null;
  error: string | null;
  counters: Counters;
}

/** Plain-JSON view of a finished run, the only thing a `check` function sees. */
export interface Snapshot {
  outcome: Outcome;
  steps: number;
  processes: ProcessInfo[];
  exitStatuses: Record<string, ExitStatus | null>;
  zombies: number[];
  errors: { pid: number; message: string }[];
  output: Record<string, string>;
  outputTruncated: boolean;
  shm: { id: number; key: number; size: number; nattch: number; dest: boolean; data: number[] }[];
  msgQueues: { id: number; key: number; messages: { type: number; data: JsonValue }[] }[];
  semaphores: { id: number; key: number; label: string; values: number[] }[];
  mutexes: { id: number; name: string; owner: number }[];
  counters: Counters;
}

/**
 * Builds the run's snapshot from fresh objects that share nothing with the kernel, so a
 * check may read (or even modify) it without affecting anything else.
 */
export function takeSnapshot(k: Kernel): Snapshot {
  const exitOf = (p: Process): ExitStatus | null => (p.exit ? { ...p.exit } : null);
  const processes = k.allProcs.map((p) => ({
    pid: p.pid,
    ppid: p.ppid,
    name: p.name,
    uid: p.uid,
    gid: p.gid,
    state: p.state,
    exit: exitOf(p),
    error: p.error,
    counters: { ...p.counters },
  }));
  const exitStatuses: Record<string, ExitStatus | null> = {};
  const output: Record<string, string> = {};
  for (const p of k.allProcs) {
    exitStatuses[p.pid] = exitOf(p);
    if (p.output) output[p.pid] = p.output;
  }
  const sem = k.sem.snapshot();
  return {
    outcome: k.outcome ? (cloneValue(k.outcome) as unknown as Outcome) : { kind: "internal-error", message: "run did not finish" },
    steps: k.steps,
    processes,
    exitStatuses,
    zombies: k.allProcs.filter((p) => p.state === "zombie").map((p) => p.pid),
    errors: k.allProcs.filter((p) => p.error !== null).map((p) => ({ pid: p.pid, message: p.error! })),
    output,
    outputTruncated: k.outputTruncated,
    shm: k.shm.snapshot(),
    msgQueues: k.msg.snapshot(),
    semaphores: sem.semaphores,
    mutexes: sem.mutexes,
    counters: { ...k.counters },
  };
}
