import type { Counters } from "./cost-model";
import type { Kernel, Outcome } from "./kernel";
import type { ExitStatus, Process, ProcState } from "./process";
import { cloneValue, type JsonValue } from "./clone";
import type { Observations, Observer } from "./observations";

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

/**
 * Plain-JSON view of a finished run, the only thing a `check` function sees. `shm`, `msgQueues`,
 * `semaphores` and `mutexes` are the objects still alive at the end, as any process could have
 * left them; `observed` is what the kernel saw the run do (observations.ts), which no process
 * can forge: checks judge that, never what a program printed or left behind.
 */
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
  /** The kernel's record of the run: always present in snapshots the kernel makes (optional only for hand-made ones). */
  observed?: Observations;
}

/** Observers whose view a snapshot has not built yet. */
const PENDING = new WeakMap<object, Observer>();

function settle(snapshot: object, value: Observations | undefined): void {
  try {
    Object.defineProperty(snapshot, "observed", { value, enumerable: true, configurable: true, writable: true });
    PENDING.delete(snapshot);
  } catch {
    // A frozen snapshot keeps its accessor: every read builds a fresh view.
  }
}

/** Shared by every snapshot (no closure per run): builds the view on first read, then becomes a data property. */
const LAZY_OBSERVED: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: object): Observations | undefined {
    const value = PENDING.get(this)?.view();
    settle(this, value);
    return value;
  },
  set(this: object, value: Observations | undefined) {
    settle(this, value);
  },
};

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
  const snapshot: Snapshot = {
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
  // The observations are copied out when first read (by a check, or by JSON.stringify on the way
  // to the host), as a plain data property from then on: the many exploration runs whose checks
  // never look at them do not pay for the copy.
  k.obs.detach();
  PENDING.set(snapshot, k.obs);
  Object.defineProperty(snapshot, "observed", LAZY_OBSERVED);
  return snapshot;
}
