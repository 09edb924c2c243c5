import type { ExploreStrategy, KernelOptions, Snapshot, JsonValue } from "../../kernel";
import type { Localized } from "../types";

/**
 * A test scenario is DATA: it crosses into the sandbox, so it carries no code. Everything
 * that judges (the `check`) stays on the host's side, in its judge isolate, and sees only a
 * copied snapshot.
 */
export type ObjectSpec =
  | { kind: "shm"; key: number; size: number; mode?: number; owner?: number; init?: number[] }
  | { kind: "msgq"; key: number; mode?: number; owner?: number; messages?: Array<{ type: number; data: JsonValue }> }
  | { kind: "sem"; key: number; values: number[]; mode?: number; owner?: number }
  | { kind: "named-sem"; name: string; value: number; mode?: number }
  | { kind: "mutex"; name: string; mode?: number };

/** A privileged helper process the harness runs alongside the student's processes. */
export type DriverSpec =
  /** Sends a signal after yielding the CPU `afterYields` times (the scheduler varies when it lands). */
  | {
      kind: "signal";
      target: number;
      signal: string;
      afterYields?: number;
      repeat?: number;
      /** First wait until every other process is blocked (the system is idle), e.g. to shut a server down once its work is done. */
      whenIdle?: boolean;
      /**
       * First sleep this many virtual seconds. The clock only jumps while every process is blocked or
       * asleep, so the signal lands at a quiet moment: e.g. with jobs that each sleep 1 s, 2.5 lands
       * in the middle of everyone's third job, never before the targets have set up their handlers.
       */
      afterSeconds?: number;
    }
  /** Sends messages to a queue (by key), e.g. jobs for a pre-forked server; `wait` first takes a harness semaphore (see below). */
  | { kind: "send-messages"; key: number; messages: Array<{ type: number; data: JsonValue }>; wait?: string; afterSeconds?: number }
  /**
   * A stream-socket client the student cannot tamper with: connects to `address` (retrying while nobody
   * listens), sends each string of `sends` with its own send() ({ wait } entries take a harness semaphore
   * first), shuts down its write side, reads until EOF and prints everything it received as one JSON
   * string. Then it posts the harness semaphore `post`, if given.
   * Harness semaphores are named semaphores private to drivers ("harness:" + name), created at 0.
   */
  | { kind: "stream-client"; address: string; sends: Array<string | { wait: string }>; post?: string; uid?: number; gid?: number }
  /**
   * Probes keyed System V objects as another user: waits until each key exists, then prints one line per
   * attempt, e.g. "shm 0x5100 read: EACCES", "shm 0x5100 write: ok", "msgq 0x5101 read: EACCES",
   * "msgq 0x5101 write: EACCES" (read = shmat read-only / msgctl IPC_STAT; write = shmat read-write /
   * a msgsnd of invalid type 0, which checks permission and sends nothing), or "shm 0x5100: never created". Then it posts the harness semaphore `post`.
   */
  | { kind: "ipc-probe"; uid: number; gid: number; shm?: number[]; msgq?: number[]; post?: string };

export type ProcessEntry = { entry: string; args?: JsonValue[]; uid?: number; gid?: number };

export type Scenario = {
  /** Export run as pid 1 (unless only `processes` are given). */
  main?: string;
  args?: JsonValue[];
  uid?: number;
  gid?: number;
  /** More top-level processes (export names or builtins), pids 2, 3, … */
  processes?: ProcessEntry[];
  files?: Record<string, string | { content: string; mode?: number; uid?: number; gid?: number }>;
  stdin?: string;
  /** IPC objects created (as root unless `owner`) before any process runs. */
  objects?: ObjectSpec[];
  drivers?: DriverSpec[];
  /** Signals that may legitimately end processes in this scenario. */
  expectedSignals?: string[];
  options?: KernelOptions;
};

export type ExploreSettings = {
  strategy?: ExploreStrategy;
  budget?: number;
  maxPreemptions?: number;
  pctDepth?: number;
  missTarget?: number;
  reduction?: boolean;
  timeBudgetMs?: number;
};

export type TestDefinition = {
  id: string;
  title: Localized;
  points: number;
  /** Shown to the student when the test fails: teaches, without giving the answer away. */
  message: Localized;
  scenario: Scenario;
  /** Defaults to one run with the exercise's exploration settings. */
  explore?: ExploreSettings;
  /**
   * Judges one finished run; returns a student-facing failure reason or null. Runs in the
   * grader's judge isolate (lib/grader/judge/), never in the sandbox: no Node APIs.
   */
  check?: (snapshot: Snapshot) => string | null | undefined;
};

/** Identity helper so test files get types without importing anything else. */
export function defineTests(tests: TestDefinition[]): TestDefinition[] {
  return tests;
}
