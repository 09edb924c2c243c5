import { COST, newCounters } from "./cost-model";
import { cloneValue, type JsonValue } from "./clone";
import { Errno, IpcError, fail, userError, type ErrnoCode } from "./errors";
import { SA_RESTART, SIGALRM, SIGCHLD, SIGCONT, SIGKILL, SIGSTOP, signalName } from "./constants";
import { closeAllFds, closeFd, inheritFds, installFd, OpenFile } from "./fd";
import { deriveSeed, Prng } from "./prng";
import { BLOCKED, Process, Request, type ExitStatus, type SyscallImpl, type WaitInfo, type WaitObject } from "./process";
import { TraceRecorder, toTraceJson, type TraceEvent } from "./trace";
import type { Strategy } from "./strategies/types";
import { FileSystem, type FileSpec } from "./fs";
import { MsgTable } from "./msgqueue";
import { ShmTable } from "./shm";
import { SemTable } from "./sem";
import { SocketTable } from "./socket";
import { builtinNamed } from "./builtins";
import { makeIpc, type Ipc } from "./ipc-api";
import { utf8Decode } from "./utf8";
import { copyOut } from "./user-boundary";
import { Observer } from "./observations";

/** A student program: called afresh for every process, so module state is per process. */
export type ProgramModule = (ipc: Ipc) => Record<string, unknown>;

export interface KernelOptions {
  /** Seed for data nondeterminism: ipc.random(), how stream recv splits data. */
  seed?: number;
  maxSteps?: number;
  maxProcesses?: number;
  maxFds?: number;
  pipeCapacity?: number;
  /** Writes of at most this many bytes to a pipe are atomic. */
  pipeBuf?: number;
  msgQueueBytes?: number;
  msgMax?: number;
  socketBuffer?: number;
  listenBacklogMax?: number;
  /** Total characters of console output kept per run. */
  outputCap?: number;
  /** Maximum trace events kept; 0 disables tracing (fast exploration). */
  traceCap?: number;
  /** Microtask turns without any process reaching the kernel before the run is declared hung. */
  hangTicks?: number;
  /**
   * End the run with outcome `paused` at the first decision point after this many choices,
   * so a UI can replay a prefix of choices and ask a person for the next one.
   */
  stopAfterChoices?: number;
  files?: Record<string, FileSpec>;
  /** Text readable on fd 0 of top-level processes. */
  stdin?: string;
  /**
   * The line of the student's source an uncaught error was thrown from, or null. Only the
   * program's loader knows how its code was compiled and evaluated (the grader's harness maps
   * the stack through the compiler's source map); the kernel adds the line to the process's
   * error and to the trace, so the student is told where, not only what.
   */
  sourceLine?: (error: unknown) => number | null;
}

export type ResolvedOptions = Required<Omit<KernelOptions, "files" | "stdin" | "sourceLine">>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
  seed: 1,
  maxSteps: 50_000,
  maxProcesses: 64,
  maxFds: 64,
  pipeCapacity: 4096,
  pipeBuf: 512,
  msgQueueBytes: 16384,
  msgMax: 8192,
  socketBuffer: 16384,
  listenBacklogMax: 128,
  outputCap: 65536,
  traceCap: 20_000,
  hangTicks: 10_000,
  stopAfterChoices: Infinity,
};

export interface WaitForEdge {
  pid: number;
  name: string;
  waitsFor: string;
  holder?: number;
  /** What it waits on, as data, where the kernel describes it so (failure classes use it). */
  object?: WaitObject;
}

export type Outcome =
  | { kind: "completed" }
  | { kind: "deadlock"; message: string; waitFor: WaitForEdge[] }
  | { kind: "step-limit"; message: string; steps: number }
  | { kind: "hang"; pid: number; message: string }
  | { kind: "internal-error"; message: string }
  /** Stopped at a decision point because of `stopAfterChoices`; `ready` are the pids one could pick. */
  | { kind: "paused"; message: string; ready: number[] };

interface Timer {
  at: number;
  seq: number;
  pid: number;
  kind: "alarm" | "sleep";
}

export interface SpawnOptions {
  uid?: number;
  gid?: number;
  stdin?: number;
  stdout?: number;
  stderr?: number;
  /** Descriptors closed in the child after inheriting (posix_spawn_file_actions_addclose). */
  close?: number[];
}

const RESOLVED = Promise.resolve();
const DEFAULT_IGNORED = (1 << SIGCHLD) | (1 << SIGCONT);

/** A thrown value as text. It may be user code's (getters, proxies): whatever it does, this returns a string. */
/**
 * In-place removal and insertion for the ready and wait queues, which change at nearly every
 * step: `splice` allocates an array of the removed items each time, and in the sandbox that
 * garbage was a twentieth of everything a run allocated.
 */
function removeAt<T>(a: T[], i: number): void {
  if (i < 0) return;
  for (let j = i + 1; j < a.length; j++) a[j - 1] = a[j];
  a.length--;
}

function insertAt<T>(a: T[], i: number, v: T): void {
  a.push(v);
  for (let j = a.length - 1; j > i; j--) a[j] = a[j - 1];
  a[i] = v;
}

export function describeError(e: unknown): string {
  try {
    if (e instanceof Error) return `${String(e.name)}: ${String(e.message)}`;
    return `thrown value: ${String(toTraceJson(e))}`;
  } catch {
    return "a thrown value that could not be described";
  }
}

/**
 * The simulated kernel. Exactly one process runs at a time: a process runs
 * until it calls an ipc stub, the stub files a Request and calls schedule(),
 * which executes one ready request (possibly another process's) and resolves
 * its promise. So every decision happens synchronously inside a stub or a
 * completion callback, with no extra promise per step.
 */
export class Kernel {
  readonly opts: ResolvedOptions;
  readonly prng: Prng;
  readonly procs = new Map<number, Process>();
  readonly allProcs: Process[] = [];
  readonly ready: Process[] = [];
  readonly choices: number[] = [];
  readonly counters = newCounters();
  readonly trace: TraceRecorder | null;
  readonly fs: FileSystem;
  readonly msg: MsgTable;
  readonly shm: ShmTable;
  readonly sem: SemTable;
  readonly sockets: SocketTable;
  /** What the run did, as facts for the snapshot (observations.ts). */
  readonly obs: Observer;
  /** Privileged pseudo-process used by setup code and for kernel-initiated actions. */
  readonly kproc: Process;
  current: Process | null = null;
  steps = 0;
  outcome: Outcome | null = null;
  outputUsed = 0;
  outputTruncated = false;
  private nextPid = 1;
  private nextIpcId = 1;
  private nextObjId = 1;
  private readonly starting: Process[] = [];
  private last: Process | null = null;
  private timers: Timer[] = [];
  private timerSeq = 0;
  private progress = 0;
  private seenProgress = -1;
  private idleTicks = 0;
  private onEnd: (() => void) | null = null;
  /** Set while the kernel runs code that may trigger user code (describing a thrown value): calls are refused. */
  private sealed = false;
  private readonly sourceLine: ((error: unknown) => number | null) | null;

  constructor(
    readonly program: ProgramModule,
    readonly strategy: Strategy,
    options: KernelOptions = {},
  ) {
    const o: ResolvedOptions = { ...DEFAULT_OPTIONS };
    for (const key of Object.keys(DEFAULT_OPTIONS) as (keyof ResolvedOptions)[]) {
      const v = options[key];
      if (typeof v === "number") o[key] = v;
    }
    this.opts = o;
    this.prng = new Prng(o.seed);
    this.trace = o.traceCap > 0 ? new TraceRecorder(o.traceCap) : null;
    this.fs = new FileSystem(options.files ?? {}, options.stdin ?? "");
    this.sourceLine = options.sourceLine ?? null;
    const ids = () => this.nextIpcId++;
    this.msg = new MsgTable(ids);
    this.shm = new ShmTable(ids);
    this.sem = new SemTable(ids);
    this.sockets = new SocketTable();
    this.obs = new Observer(this);
    this.kproc = new Process(0, 0, 0, 0, "kernel", [], "kernel");
    this.kproc.state = "running";
    strategy.beginRun();
  }

  // ---------------------------------------------------------------- processes

  /**
   * Creates a process. `entry` is an export name of the student module (or a builtin), or a
   * trusted function from the harness (a driver, privileged). `exported` says whether the
   * parent's module has that export (the spawn stub finds out in the parent's turn); for
   * top-level processes the entry is resolved when the process starts.
   */
  spawn(parent: Process | null, entry: string | ((ipc: Ipc, args: JsonValue[]) => unknown), args: unknown[], opts: SpawnOptions = {}, exported: boolean | null = null): Process {
    if (this.procs.size >= this.opts.maxProcesses) fail("EAGAIN", "process limit reached");
    const parentUid = parent ? parent.uid : 0;
    const uid = opts.uid ?? parentUid;
    const gid = opts.gid ?? (parent ? parent.gid : 0);
    if (parentUid !== 0 && (uid !== parentUid || gid !== parent!.gid)) fail("EPERM", "only root may spawn as another user");
    const copied = cloneValue(args ?? []);
    if (!Array.isArray(copied)) fail("EINVAL", "args must be an array");
    let builtin: Process["builtin"] = null;
    let name: string;
    if (typeof entry === "function") {
      name = entry.name || "anonymous";
    } else {
      name = entry;
      // Top-level entries are resolved when the process starts (the module does not exist yet).
      if (exported === false) builtin = (builtinNamed(entry) as Process["builtin"]) ?? fail("ENOENT", `no program named "${entry}"`);
    }
    const stdio = [opts.stdin, opts.stdout, opts.stderr].map((fd) => (fd === undefined ? undefined : parent?.fds[fd] ?? fail("EBADF")));
    // Checked before anything changes: a bad entry must not fail half-way through the fd table.
    const close = opts.close ?? [];
    if (!Array.isArray(close) || !close.every((fd) => Number.isInteger(fd))) fail("EBADF", "close must list fd numbers");
    const isTop = !parent || parent === this.kproc;
    const p = new Process(this.nextPid++, isTop ? 0 : parent.pid, uid, gid, name, copied, entry as Process["entry"]);
    p.builtin = builtin;
    p.topLevel = isTop;
    p.privileged = typeof entry === "function";
    p.random = new Prng(deriveSeed(this.opts.seed, 1000 + p.pid));
    p.ipc = makeIpc(this, p);
    if (!isTop) {
      inheritFds(parent, p);
      p.sigMask = parent.sigMask;
      // exec resets caught signals to their default action; ignored ones stay ignored.
      p.sigActions = parent.sigActions.map((a) => (a && a.handler === "SIG_IGN" ? a : undefined));
    } else {
      installFd(this, p, this.fs.openStdin());
      installFd(this, p, new OpenFile(this.console));
      installFd(this, p, new OpenFile(this.console));
    }
    stdio.forEach((of, fd) => {
      if (!of) return;
      if (p.fds[fd]) closeFd(this, p, fd);
      installFd(this, p, of, fd);
    });
    for (const fd of close) if (p.fds[fd] && !stdio[fd]) closeFd(this, p, fd);
    this.procs.set(p.pid, p);
    this.allProcs.push(p);
    this.starting.push(p);
    this.strategy.onSpawn?.(p);
    this.obs.spawned(p.pid, isTop ? 0 : parent.pid, name, p.privileged ? "harness" : builtin ? "builtin" : "module");
    this.charge(parent ?? this.kproc, COST.SPAWN_NS);
    if (this.trace) this.record({ step: this.steps, pid: parent ? parent.pid : 0, kind: "spawn", child: p.pid, name, args: copied });
    return p;
  }

  /** fd 1/2 of top-level processes: appends to the writer's captured output. */
  private readonly console = {
    kind: "console" as const,
    write: (_k: Kernel, p: Process, _r: Request, _of: OpenFile, data: Uint8Array): number => {
      this.print(p, utf8Decode(data));
      return data.length;
    },
    release: () => {},
    describe: () => "console",
  };

  print(p: Process, text: string): void {
    const room = this.opts.outputCap - this.outputUsed;
    if (room <= 0) {
      this.outputTruncated = true;
      return;
    }
    if (text.length > room) {
      text = text.slice(0, room);
      this.outputTruncated = true;
    }
    this.outputUsed += text.length;
    this.obs.printed(p.pid, p.output.length);
    p.output += text;
    if (this.trace) this.record({ step: this.steps, pid: p.pid, kind: "print", text });
  }

  private enterProcess(p: Process): void {
    let result: unknown;
    try {
      // Each entry gets its own copy of the arguments: the kernel keeps p.args for itself.
      const args = copyOut(p.args) as JsonValue[];
      if (p.builtin) {
        p.module = {};
        result = p.builtin(p.ipc as never, args);
      } else if (typeof p.entry === "function") {
        // A harness driver: trusted code, which does not instantiate the student's module.
        p.module = {};
        result = p.entry(p.ipc as never, args);
      } else {
        p.module = this.program(p.ipc as Ipc);
        const fn = p.module[p.entry];
        const builtin = typeof fn === "function" ? undefined : builtinNamed(p.entry);
        if (typeof fn === "function") result = (fn as (a: JsonValue[]) => unknown)(args);
        else if (builtin) {
          this.obs.ranBuiltin(p.pid);
          result = builtin(p.ipc as Ipc, args);
        }
        else throw new Error(`program has no export named "${p.entry}"`);
      }
    } catch (e) {
      this.onThrow(p, e);
      return;
    }
    Promise.resolve(result).then(
      (v) => this.onReturn(p, v),
      (e) => this.onThrow(p, e),
    );
  }

  private onReturn(p: Process, v: unknown): void {
    this.progress++;
    if (!p.alive) return;
    const wasCurrent = this.current === p;
    if (p.req) this.processError(p, `returned while ipc.${p.req.name} was still pending (missing await?)`);
    this.terminate(p, { exited: true, code: typeof v === "number" && Number.isInteger(v) ? v & 255 : 0 });
    if (wasCurrent) this.schedule();
  }

  private onThrow(p: Process, e: unknown): void {
    this.progress++;
    if (!p.alive) return;
    const wasCurrent = this.current === p;
    // Describing a thrown value may run its getters: no ipc call may enter the kernel meanwhile.
    this.sealed = true;
    let description: string;
    let line: number | null = null;
    try {
      description = describeError(e);
      line = this.locate(e);
    } finally {
      this.sealed = false;
    }
    this.processError(p, `uncaught ${description}${line === null ? "" : ` (line ${line})`}`, line);
    this.terminate(p, { exited: true, code: 1 });
    if (wasCurrent) this.schedule();
  }

  processError(p: Process, message: string, line: number | null = null): void {
    if (p.error === null) p.error = message;
    if (this.trace) this.record(line === null ? { step: this.steps, pid: p.pid, kind: "error", message } : { step: this.steps, pid: p.pid, kind: "error", message, line });
  }

  /** The source line of a thrown error, from the loader's `sourceLine` (a positive integer or null, whatever it returns or throws). */
  private locate(e: unknown): number | null {
    if (!this.sourceLine) return null;
    try {
      const line = this.sourceLine(e);
      return typeof line === "number" && Number.isInteger(line) && line > 0 ? line : null;
    } catch {
      return null;
    }
  }

  /** Ends a process: releases its resources, turns it into a zombie and notifies the parent. */
  terminate(p: Process, status: ExitStatus): void {
    if (!p.alive) return;
    this.unready(p);
    this.unblock(p);
    p.req = null;
    p.frames.length = 0;
    p.state = "zombie";
    p.exit = status;
    this.obs.exited(p.pid);
    if (this.trace) this.record({ step: this.steps, pid: p.pid, kind: "exit", status: status as unknown as JsonValue });
    closeAllFds(this, p);
    for (let i = p.cleanups.length - 1; i >= 0; i--) p.cleanups[i](p);
    p.cleanups.length = 0;
    this.timers = this.timers.filter((t) => t.pid !== p.pid);
    const init = this.procs.get(1);
    const adopter = init && init.alive && p.pid !== 1 ? 1 : 0;
    for (const c of this.procs.values()) {
      if (c.ppid !== p.pid) continue;
      c.ppid = adopter;
      if (adopter && c.state === "zombie") this.wakeAll(init!.childWaiters);
    }
    if (p.topLevel) {
      this.reap(p);
      return;
    }
    const parent = this.procs.get(p.ppid);
    if (!parent || !parent.alive) return;
    if (parent.sigActions[SIGCHLD]?.handler === "SIG_IGN") {
      // POSIX: children of a process ignoring SIGCHLD never become zombies.
      this.reap(p);
      return;
    }
    this.wakeAll(parent.childWaiters);
    this.post(parent, SIGCHLD, p.pid);
  }

  /** Collects p's exit status: `by` is the waiting parent's pid, 0 for the harness or automatic reaping. */
  reap(p: Process, by = 0): void {
    this.obs.reaped(p.pid, by);
    p.state = "reaped";
    this.procs.delete(p.pid);
  }

  // ---------------------------------------------------------------- signals

  /** Sends a signal. Default actions take effect at once; handlers run at the target's next scheduling point. */
  post(t: Process, sig: number, from: number, via: "kill" | "kernel" = "kernel"): void {
    const seen = this.obs.signalSent(sig, signalName(sig), from, t.pid, via);
    if (!t.alive) {
      if (seen) seen.action = "target-exited";
      return;
    }
    if (sig === SIGKILL) {
      if (seen) seen.action = "terminated";
      if (this.trace) this.record({ step: this.steps, pid: t.pid, kind: "signal", signal: "SIGKILL", action: "terminate", from });
      this.terminate(t, { signaled: true, signal: "SIGKILL" });
      return;
    }
    if (sig === SIGSTOP) {
      if (seen) seen.action = "stopped";
      if (this.trace) this.record({ step: this.steps, pid: t.pid, kind: "signal", signal: "SIGSTOP", action: "stop", from });
      t.stopped = true;
      this.unready(t);
      return;
    }
    if (sig === SIGCONT && t.stopped) {
      t.stopped = false;
      if (t.state === "ready") this.insertReady(t);
    }
    const act = t.sigActions[sig];
    const ignored = act ? act.handler === "SIG_IGN" : (DEFAULT_IGNORED >> sig) & 1;
    if (this.trace) this.record({ step: this.steps, pid: t.pid, kind: "signal", signal: signalName(sig), action: ignored ? "ignore" : "pending", from });
    if (ignored) {
      if (seen) seen.action = "ignored";
      return;
    }
    if ((t.sigPending >> sig) & 1) {
      if (seen) seen.action = "merged";
    } else this.obs.signalPending(seen, t.pid, sig);
    t.sigPending |= 1 << sig;
    this.deliver(t);
  }

  /** Acts on pending, unmasked signals: default-terminate at once, caught ones wake a sleeping target. */
  deliver(p: Process): void {
    const d = p.sigPending & ~p.sigMask;
    if (!d || !p.alive) return;
    for (let sig = 1; sig < 32; sig++) {
      if (!((d >> sig) & 1)) continue;
      const act = p.sigActions[sig];
      if (!act || act.handler === "SIG_DFL") {
        p.sigPending &= ~(1 << sig);
        this.obs.signalActed(p.pid, sig, "terminated");
        if (this.trace) this.record({ step: this.steps, pid: p.pid, kind: "signal", signal: signalName(sig), action: "terminate" });
        this.terminate(p, { signaled: true, signal: signalName(sig) });
        return;
      }
    }
    if (p.state === "blocked" && p.req) {
      p.req.interrupted = true;
      this.unblock(p);
      this.makeReady(p);
    }
  }

  private handlerSignal(p: Process): number {
    const d = p.sigPending & ~p.sigMask;
    if (!d) return 0;
    for (let sig = 1; sig < 32; sig++) if ((d >> sig) & 1 && typeof p.sigActions[sig]?.handler === "function") return sig;
    return 0;
  }

  private startHandler(p: Process, sig: number): void {
    p.sigPending &= ~(1 << sig);
    const action = p.sigActions[sig]!;
    p.frames.push({ req: p.req, mask: p.sigMask, action });
    p.req = null;
    p.sigMask |= action.mask | (1 << sig);
    p.state = "running";
    this.current = p;
    this.progress++;
    this.obs.signalActed(p.pid, sig, "handled");
    if (this.trace) this.record({ step: this.steps, pid: p.pid, kind: "signal", signal: signalName(sig), action: "handler" });
    const handler = action.handler as (s: number) => unknown;
    RESOLVED.then(() => handler(sig)).then(
      () => this.handlerDone(p),
      (e) => this.onThrow(p, e),
    );
  }

  private handlerDone(p: Process): void {
    this.progress++;
    if (!p.alive) return;
    const wasCurrent = this.current === p;
    if (p.req) this.processError(p, `signal handler returned while ipc.${p.req.name} was still pending (missing await?)`);
    const f = p.frames.pop()!;
    p.sigMask = f.mask;
    const r = f.req!;
    if (!r.done && r.interrupted) {
      r.interrupted = false;
      if (!(r.restartable && f.action.flags & SA_RESTART)) r.forced = "EINTR";
    }
    p.req = r;
    this.makeReady(p);
    if (wasCurrent) this.schedule();
  }

  // ---------------------------------------------------------------- waiting

  block(p: Process, queue: Process[], info: WaitInfo): typeof BLOCKED {
    p.state = "blocked";
    p.waitQueue = queue;
    p.waitInfo = info;
    queue.push(p);
    if (this.trace) this.record({ step: this.steps, pid: p.pid, kind: "block", name: p.req?.name, on: info.describe() });
    return BLOCKED;
  }

  private unblock(p: Process): void {
    const q = p.waitQueue;
    if (!q) return;
    const i = q.indexOf(p);
    if (i >= 0) removeAt(q, i);
    p.waitQueue = null;
    p.waitInfo = null;
  }

  /** Wakes every sleeper; each retries its call, so conditions are re-checked rather than handed over. */
  wakeAll(queue: Process[], error?: ErrnoCode): void {
    if (queue.length === 0) return;
    const woken = queue.splice(0, queue.length);
    for (const p of woken) {
      p.waitQueue = null;
      p.waitInfo = null;
      if (error && p.req) p.req.forced = error;
      if (this.trace) this.record({ step: this.steps, pid: p.pid, kind: "wake", name: p.req?.name });
      this.makeReady(p);
    }
  }

  private makeReady(p: Process): void {
    p.state = "ready";
    if (!p.stopped) this.insertReady(p);
  }

  private insertReady(p: Process): void {
    if (p.queued) return;
    p.queued = true;
    const r = this.ready;
    let i = r.length;
    while (i > 0 && r[i - 1].pid > p.pid) i--;
    insertAt(r, i, p);
  }

  private unready(p: Process): void {
    if (!p.queued) return;
    p.queued = false;
    removeAt(this.ready, this.ready.indexOf(p));
  }

  // ---------------------------------------------------------------- time

  get now(): number {
    return this.counters.virtualTimeNs;
  }

  charge(p: Process, ns: number): void {
    this.counters.virtualTimeNs += ns;
    p.counters.virtualTimeNs += ns;
  }

  chargeCopy(p: Process, bytes: number, inet = false): void {
    this.counters.bytesCopied += bytes;
    p.counters.bytesCopied += bytes;
    this.charge(p, bytes * (COST.COPY_NS_PER_BYTE + (inet ? COST.INET_NS_PER_BYTE : 0)) + (inet ? COST.INET_OVERHEAD_NS : 0));
  }

  chargeShm(p: Process, atomic: boolean): void {
    this.counters.shmAccesses++;
    p.counters.shmAccesses++;
    this.charge(p, atomic ? COST.ATOMIC_NS : COST.SHM_ACCESS_NS);
  }

  addTimer(pid: number, kind: Timer["kind"], delayNs: number): Timer {
    const t: Timer = { at: this.now + delayNs, seq: this.timerSeq++, pid, kind };
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].at > t.at) i--;
    this.timers.splice(i, 0, t);
    return t;
  }

  /** alarm(2): replaces the pending alarm, returning the nanoseconds it had left. */
  replaceAlarm(p: Process, delayNs: number): number {
    const old = this.timers.find((t) => t.pid === p.pid && t.kind === "alarm");
    if (old) this.timers.splice(this.timers.indexOf(old), 1);
    if (delayNs > 0) this.addTimer(p.pid, "alarm", delayNs);
    return old ? Math.max(0, old.at - this.now) : 0;
  }

  private fireTimers(): void {
    while (this.timers.length && this.timers[0].at <= this.now) {
      const t = this.timers.shift()!;
      const p = this.procs.get(t.pid);
      if (!p || !p.alive) continue;
      if (t.kind === "alarm") this.post(p, SIGALRM, 0);
      else if (p.req && p.req.progress === t && p.state === "blocked") {
        p.req.progress = "elapsed";
        this.unblock(p);
        this.makeReady(p);
      }
    }
  }

  // ---------------------------------------------------------------- scheduling

  /** Starts the run; resolves when every process has finished or the run ended otherwise. */
  run(): Promise<void> {
    const done = new Promise<void>((res) => (this.onEnd = res));
    RESOLVED.then(() => this.schedule());
    RESOLVED.then(this.watchdog);
    return done;
  }

  /** A process awaiting something the kernel never resolves would otherwise hang the run silently. */
  private readonly watchdog = (): void => {
    if (this.outcome) return;
    if (this.progress !== this.seenProgress) {
      this.seenProgress = this.progress;
      this.idleTicks = 0;
    } else if (++this.idleTicks > this.opts.hangTicks) {
      const pid = this.current ? this.current.pid : 0;
      const message = `process ${pid} awaited something outside the kernel`;
      if (this.current) this.processError(this.current, message);
      this.end({ kind: "hang", pid, message });
      return;
    }
    RESOLVED.then(this.watchdog);
  };

  /** Files a system call from a process and lets the scheduler pick the next step. */
  submit(p: Process, name: string, impl: SyscallImpl, args: unknown[], isSyscall = true, restartable = true): Promise<unknown> {
    if (this.outcome) return new Promise(() => {});
    if (this.sealed) {
      this.processError(p, `called ipc.${name} from code the kernel ran while handling an error`);
      return new Promise(() => {});
    }
    if (p.req || p !== this.current) {
      this.processError(p, `called ipc.${name} while ipc.${p.req?.name ?? "another call"} was still pending (missing await?)`);
      const wasCurrent = this.current === p;
      this.terminate(p, { exited: true, code: 1 });
      if (wasCurrent) this.schedule();
      return new Promise(() => {});
    }
    const r = new Request(name, impl, args, isSyscall, restartable);
    const promise = new Promise((resolve, reject) => {
      r.resolve = resolve;
      r.reject = reject;
    });
    p.req = r;
    p.state = "ready";
    this.insertReady(p);
    this.progress++;
    this.schedule();
    return promise;
  }

  /** Runs a syscall as root outside any schedule (harness setup); blocking is an error there. */
  privileged<T>(name: string, impl: SyscallImpl, args: unknown[]): T {
    const r = new Request(name, impl, args, true, false);
    this.kproc.req = r;
    try {
      const v = impl(this, this.kproc, r);
      if (v === BLOCKED) throw new Error(`${name} would block during setup`);
      return v as T;
    } catch (e) {
      throw e instanceof Errno ? new IpcError(name, e.code, e.detail) : e;
    } finally {
      this.kproc.req = null;
    }
  }

  schedule(): void {
    try {
      this.scheduleLoop();
    } catch (e) {
      this.end({ kind: "internal-error", message: describeError(e) });
    }
  }

  private scheduleLoop(): void {
    this.current = null;
    for (;;) {
      if (this.outcome) return;
      if (this.starting.length) {
        const p = this.starting.shift()!;
        p.state = "running";
        this.current = p;
        if (this.trace) this.record({ step: this.steps, pid: p.pid, kind: "start", name: p.name });
        RESOLVED.then(() => this.enterProcess(p));
        return;
      }
      if (this.timers.length && this.timers[0].at <= this.now) this.fireTimers();
      const ready = this.ready;
      if (ready.length === 0) {
        if (this.timers.length) {
          // Everyone sleeps: jump the virtual clock to the next timer.
          this.counters.virtualTimeNs = this.timers[0].at;
          this.fireTimers();
          continue;
        }
        this.finish();
        return;
      }
      if (this.steps >= this.opts.maxSteps) {
        this.end({ kind: "step-limit", message: "possible livelock or busy-wait", steps: this.steps });
        return;
      }
      let p: Process;
      if (ready.length === 1) p = ready[0];
      else if (this.choices.length >= this.opts.stopAfterChoices) {
        this.end({ kind: "paused", message: `paused after ${this.choices.length} choices`, ready: ready.map((r) => r.pid) });
        return;
      } else {
        p = ready[this.strategy.choose(ready, this.last, this.steps)];
        this.choices.push(p.pid);
      }
      this.steps++;
      if (p !== this.last) {
        this.counters.contextSwitches++;
        p.counters.contextSwitches++;
        this.charge(p, COST.CONTEXT_SWITCH_NS);
        if (this.trace && this.last && this.last.queued) this.record({ step: this.steps, pid: this.last.pid, kind: "preempt", to: p.pid });
        if (this.last !== null && this.last.alive) this.obs.switched(this.last.pid, p.pid);
        this.last = p;
      }
      // User code between two system calls; a plain shared-memory access is itself a few
      // nanoseconds (charged by chargeShm), not a slice of user code.
      if (p.req?.isSyscall !== false) this.charge(p, COST.USER_STEP_NS);
      this.unready(p);
      if (this.step(p)) return;
    }
  }

  /** Performs p's pending operation. Returns true when p's user code (or a handler) will now run. */
  private step(p: Process): boolean {
    const r = p.req!;
    const sig = this.handlerSignal(p);
    if (sig) {
      this.startHandler(p, sig);
      return true;
    }
    if (!r.done) {
      if (r.forced) {
        r.error = new Errno(r.forced);
        r.forced = null;
      } else {
        if (r.isSyscall && !r.entered) {
          r.entered = true;
          this.counters.syscalls++;
          this.counters.modeSwitches += 2;
          p.counters.syscalls++;
          p.counters.modeSwitches += 2;
          this.charge(p, COST.SYSCALL_NS);
        }
        try {
          const v = r.impl(this, p, r);
          if (v === BLOCKED) return false;
          r.value = v;
        } catch (e) {
          r.error = e;
        }
      }
      r.done = true;
      if (this.trace && r.isSyscall) {
        const e: TraceEvent = { step: this.steps, pid: p.pid, kind: "syscall", name: r.name, args: r.args.map((a) => toTraceJson(a)) };
        if (r.error === undefined) e.result = toTraceJson(r.value);
        else e.errno = r.error instanceof Errno || r.error instanceof IpcError ? r.error.code : describeError(r.error);
        this.record(e);
      }
      if (!p.alive) return false;
      if (p.stopped) {
        p.state = "ready";
        return false;
      }
      const s = this.handlerSignal(p);
      if (s) {
        this.startHandler(p, s);
        return true;
      }
    }
    p.req = null;
    p.state = "running";
    this.current = p;
    if (r.restoreMask >= 0) {
      p.sigMask = r.restoreMask;
      this.deliver(p);
      if (!p.alive) return false;
    }
    // The one place results leave the kernel: as fresh copies, facades or fresh errors (user-boundary.ts).
    if (r.error !== undefined) r.reject(userError(r.name, r.error));
    else r.resolve(copyOut(r.value));
    return true;
  }

  private finish(): void {
    const stuck = [...this.procs.values()].filter((p) => p.alive);
    if (stuck.length === 0) {
      this.end({ kind: "completed" });
      return;
    }
    const waitFor = stuck.map((p): WaitForEdge => {
      const edge: WaitForEdge = {
        pid: p.pid,
        name: p.name,
        waitsFor: p.stopped ? "stopped by SIGSTOP" : p.waitInfo ? p.waitInfo.describe() : `${p.state} (${p.req?.name ?? "no call"})`,
      };
      const holder = p.waitInfo?.holder?.();
      if (holder !== undefined) edge.holder = holder;
      const object = p.stopped ? undefined : p.waitInfo?.object?.();
      if (object !== undefined) edge.object = object;
      return edge;
    });
    // A process that crashed earlier is often why the others wait forever: say so first.
    const crashed = this.allProcs.filter((p) => !p.alive && p.error !== null).map((p) => `pid ${p.pid} (${p.name}) failed earlier: ${p.error}`);
    const message =
      "deadlock: " +
      waitFor.map((e) => `pid ${e.pid} waits for ${e.waitsFor}${e.holder !== undefined && !e.waitsFor.includes("held by") ? ` (held by pid ${e.holder})` : ""}`).join("; ") +
      (crashed.length ? `; ${crashed.join("; ")}` : "");
    this.end({ kind: "deadlock", message, waitFor });
  }

  end(outcome: Outcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    this.current = null;
    this.onEnd?.();
  }

  /** Callers on paths that untraced runs take check `this.trace` first, so no event object is built for nothing. */
  record(e: TraceEvent): void {
    if (this.trace) this.trace.push(e);
  }

  /** Ids for pipes and sockets; per kernel so replays number objects identically. */
  newObjectId(): number {
    return this.nextObjId++;
  }

  lookupProcess(pid: unknown): Process {
    const p = typeof pid === "number" ? this.procs.get(pid) : undefined;
    if (!p) fail("ESRCH");
    return p;
  }
}
