/**
 * What kind of mistake a failing run shows, with the evidence from its trace: the grader
 * explains the failure by its class (lib/grader/failure-class-text.ts) rather than by the
 * test that happened to catch it, and the timeline opens on `causeStep`.
 *
 * Everything here is plain JSON, small and bounded (lists of at most MAX_EVIDENCE_ITEMS,
 * names of at most MAX_NAME_CHARS): it leaves the sandbox with the test's result.
 */
import type { Outcome } from "../kernel";
import type { Snapshot } from "../snapshot";
import type { TraceEvent } from "../trace";

export const MAX_EVIDENCE_ITEMS = 16;
export const MAX_NAME_CHARS = 64;

/** One event of the failing run's trace: its index in `trace.events`, its scheduler step and its process. */
export type TraceRef = { event: number; step: number; pid: number };

export type ProcessRef = { pid: number; name: string };

/** An IPC object as the evidence names it. `fd` is the descriptor the process used, where one did. */
export type ObjectRef =
  | { kind: "mutex"; id: number; name: string }
  | { kind: "semaphore"; id: number; name: string }
  | { kind: "pipe"; id: number; end: "read" | "write"; fd: number }
  | { kind: "children"; pids: number[] }
  | { kind: "signal"; call: "pause" | "sigsuspend" }
  | { kind: "queue"; id: number }
  | { kind: "other"; description: string };

/** One process of a deadlock: what it waits on, who could end the wait, and when it started waiting. */
export type WaitEdge = {
  process: ProcessRef;
  object: ObjectRef;
  /** The processes it waits for (the next one in the cycle first); for a pipe, with the descriptors they hold. */
  heldBy: Array<{ pid: number; fd?: number }>;
  blockedAt: TraceRef | null;
  /** For a mutex: when its holder took it. */
  acquiredAt?: TraceRef | null;
};

/** A shared-memory access of a lost update. */
export type ShmAccess = TraceRef & { value: number };

export type FailureEvidence = {
  /** The processes wait on each other in a cycle (`cycle` true), or wait on something nobody left alive will do (`cycle` false). */
  deadlock: { cycle: boolean; waits: WaitEdge[] };
  /**
   * `writer` read the cell, `other` wrote it, and `writer` then stored a value computed from
   * what it had read (`happened`). Or, when `happened` is false, this run kept them apart by
   * luck: nothing orders `other`'s write before the read or after the store, so another
   * schedule puts it between them and loses it.
   */
  "lost-update": { shmid: number; cell: number; writer: ProcessRef; other: ProcessRef; read: ShmAccess; overwritten: ShmAccess; store: ShmAccess; happened: boolean };
  /** `holder` still held `lock` when it exited (or the run ended); `waiters` wait on it forever. */
  "lock-not-released": { lock: ObjectRef; holder: ProcessRef; acquiredAt: TraceRef | null; exitedAt: TraceRef | null; waiters: ProcessRef[] };
  /** `process` locked a mutex it already held. */
  edeadlk: { process: ProcessRef; lock: ObjectRef; acquiredAt: TraceRef | null; relockAt: TraceRef; caught: boolean };
  /** Children that exited and were never waited for by `parent`. */
  zombie: { parent: ProcessRef; parentExitedAt: TraceRef | null; zombies: Array<ProcessRef & { exitedAt: TraceRef | null }> };
  /** `process` waits for a wake-up that already happened: before it started waiting, or taken by `consumedBy`. */
  "lost-wakeup": { process: ProcessRef; object: ObjectRef; wakeup: TraceRef; signal?: string; from?: number; consumedBy?: ProcessRef; consumedAt?: TraceRef | null; waitAt: TraceRef | null };
  /** A signal's default action killed `process`. */
  "signal-fatal": { signal: string; process: ProcessRef; from: number | null; sentAt: TraceRef | null; killedAt: TraceRef | null };
  /** A signal that never had its effect: merged with one already pending (signals do not queue), or still pending when the run ended. */
  "signal-lost": { signal: string; to: ProcessRef; from: number; how: "merged" | "pending"; sentAt: TraceRef | null; zombies: number[] };
  /** `process` ended with an error it did not catch (`error`, as the kernel describes it), thrown from the student's `line` when known. */
  "runtime-error": { process: ProcessRef; error: string; line: number | null; thrownAt: TraceRef | null };
  /** The run finished and the test's check rejected what it did. */
  "wrong-result": { failure: string };
  /** Something else: the run hit the step limit, hung, or a process threw. */
  unclassified: { outcome: Outcome["kind"]; failure: string };
};

export type FailureKind = keyof FailureEvidence;

export type FailureClass = { [K in FailureKind]: { kind: K; evidence: FailureEvidence[K]; causeStep: TraceRef | null } }[FailureKind];

/** What the classifier reads of a failing run: its trace, its snapshot and why it failed. */
export type FailingRun = {
  events: readonly TraceEvent[];
  outcome: Outcome;
  snapshot: Pick<Snapshot, "processes" | "zombies" | "mutexes" | "semaphores" | "errors" | "observed">;
  failure: string;
  /** Signals the scenario expects to kill processes (they are no failure). */
  expectedSignals?: readonly string[];
};

export const FAILURE_KINDS: readonly FailureKind[] = ["deadlock", "lost-update", "lock-not-released", "edeadlk", "zombie", "lost-wakeup", "signal-fatal", "signal-lost", "runtime-error", "wrong-result", "unclassified"];
