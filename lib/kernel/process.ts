import type { ErrnoCode } from "./errors";
import type { JsonValue } from "./clone";
import type { OpenFile } from "./fd";
import { newCounters, type Counters } from "./cost-model";
import type { Prng } from "./prng";

/** Returned by a syscall implementation that had to put its caller to sleep. */
export const BLOCKED: unique symbol = Symbol("blocked");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SyscallImpl = (k: import("./kernel").Kernel, p: Process, r: Request) => any;

export type ExitStatus = { exited: true; code: number } | { signaled: true; signal: string };

export type ProcState = "starting" | "ready" | "running" | "blocked" | "zombie" | "reaped";

/** One pending system call. Retried from scratch after every wake-up, so `progress` holds partial work. */
export class Request {
  resolve!: (v: unknown) => void;
  reject!: (e: unknown) => void;
  /** Partial progress kept across retries (e.g. bytes already written). */
  progress: unknown = undefined;
  /** Error to deliver instead of retrying (EINTR after a handler, EIDRM after removal). */
  forced: ErrnoCode | null = null;
  /** Set while the call was asleep and a caught signal woke it. */
  interrupted = false;
  /** Outcome already computed, waiting for a signal handler to finish before delivery. */
  done = false;
  value: unknown = undefined;
  error: unknown = undefined;
  /** Signal mask to restore when the call ends (sigsuspend). */
  restoreMask = -1;
  /** Whether the call has entered the kernel: a call that blocks and is retried on wake-up is still one system call. */
  entered = false;

  constructor(
    readonly name: string,
    readonly impl: SyscallImpl,
    readonly args: unknown[],
    /** false for calls that are plain memory accesses (shared memory), which are not syscalls. */
    readonly isSyscall: boolean,
    /** pause/sigsuspend/sleep are never restarted, even with SA_RESTART. */
    readonly restartable: boolean,
  ) {}
}

export type SigHandler = (sig: number) => unknown;
export interface SigAction {
  handler: SigHandler | "SIG_IGN" | "SIG_DFL";
  flags: number;
  mask: number;
}

/**
 * What a sleeping process waits on, as data (deadlock reports, failure classes): which object,
 * and who could let it go on. `holders` of a pipe are the processes that have the other end
 * open, the sleeper included (a reader holding its own write end never sees EOF).
 */
export type WaitObject =
  | { kind: "mutex"; id: number; name: string; owner: number }
  | { kind: "semaphore"; id: number; label: string; nums: number[] }
  | { kind: "pipe"; id: number; end: "read" | "write"; fd: number; holders: Array<{ pid: number; fd: number }> }
  | { kind: "children"; pids: number[] }
  | { kind: "signal"; call: "pause" | "sigsuspend" }
  | { kind: "queue"; id: number; op: "msgsnd" | "msgrcv" };

export interface WaitInfo {
  /** Human-readable: `read on pipe 2`, `mutex "m1" held by pid 4`. */
  describe: () => string;
  /** Pid holding the resource, where the kernel knows it. */
  holder?: () => number | undefined;
  /** The object waited on, as data; computed only when a run ends in a deadlock. */
  object?: () => WaitObject;
}

export interface HandlerFrame {
  req: Request | null;
  mask: number;
  action: SigAction;
}

export type EntryFn = (args: JsonValue[]) => unknown;

export class Process {
  state: ProcState = "starting";
  req: Request | null = null;
  module: Record<string, unknown> | null = null;
  // Assigned by the kernel right after construction.
  ipc!: object;
  fds: (OpenFile | null)[] = [];
  exit: ExitStatus | null = null;
  error: string | null = null;
  stopped = false;
  sigPending = 0;
  sigMask = 0;
  sigActions: (SigAction | undefined)[] = [];
  frames: HandlerFrame[] = [];
  waitQueue: Process[] | null = null;
  waitInfo: WaitInfo | null = null;
  counters: Counters = newCounters();
  output = "";
  /** Per-process resources released at exit; each subsystem keeps its own entries. */
  cleanups: ((p: Process) => void)[] = [];
  /** Strategy-private scheduling data (PCT priority). */
  priority = 0;
  /** Top-level processes are reaped by the harness, like jobs of a shell. */
  topLevel = false;
  /** In the kernel's ready queue. */
  queued = false;
  /** Where this process sleeps in wait()/waitpid(). */
  readonly childWaiters: Process[] = [];
  /**
   * A harness driver (its entry is trusted code, not an export of the student's module): it may
   * use latches, and no student process may signal it.
   */
  privileged = false;
  /** This process's own stream for ipc.random() and Math.random(); assigned at spawn. */
  random!: Prng;
  /** Builtin program body when the entry is not an export of the student module. */
  builtin: ((ipc: never, args: JsonValue[]) => unknown) | null = null;

  constructor(
    readonly pid: number,
    public ppid: number,
    public uid: number,
    public gid: number,
    readonly name: string,
    readonly args: JsonValue[],
    /** Either an export name of the program module, a builtin, or a harness-supplied function. */
    readonly entry: string | ((ipc: never, args: JsonValue[]) => unknown),
  ) {}

  get alive(): boolean {
    return this.state !== "zombie" && this.state !== "reaped";
  }
}
