/**
 * What the kernel saw a run do: facts recorded by the kernel itself while it executed the
 * processes' operations, so that an exercise's check can judge what really happened (who
 * sent and who received each message, who wrote and who read each shared-memory cell, which
 * signals were delivered and handled, which processes overlapped) instead of what a program
 * printed or left behind in state it controls.
 *
 * Recording is always on and cheap: counters where a count suffices, short logs with caps
 * where order matters, nothing allocated per step. The recorder (`Observer`) lives in the
 * kernel; `Observations` is its plain-JSON view in the snapshot. The read helpers at the end
 * are pure functions for checks (they run in the judge isolate: no kernel code, no Node APIs).
 */
import { cloneValue, type JsonValue } from "./clone";
import { packedArray } from "./user-boundary";
import type { Snapshot } from "./snapshot";

// ------------------------------------------------------------------------------------------
// The snapshot's view
// ------------------------------------------------------------------------------------------

/** A point of the run: scheduling steps so far and the virtual clock (ns). */
export interface Moment {
  step: number;
  time: number;
}

export interface ObservedProcess {
  pid: number;
  /** The pid that spawned it; 0 for the test's own top-level processes (main, drivers, `processes`). */
  parent: number;
  name: string;
  /** `module`: an export of the submission; `builtin`: one of the kernel's programs (cat, grep, wc…); `harness`: a test driver. */
  program: "module" | "builtin" | "harness";
  spawned: Moment;
  /** null if it never exited (the run ended otherwise). */
  exited: Moment | null;
  /** When its exit status was collected and by whom: its parent's pid, or 0 (the harness, or automatically because the parent ignored SIGCHLD). */
  reaped: (Moment & { by: number }) | null;
}

/**
 * One shared-memory operation, in kernel order: `[op, pid, cell, value, prev, prevWriter]`.
 * `value` is the cell after the operation, `prev` before it, `prevWriter` the pid whose write
 * produced `prev` (0: never written since the test created or filled the segment; -1: not
 * tracked, for segments over 65,536 cells). Every write is logged (`store`, `add` = fetchAdd,
 * `cas` = compareExchange that replaced the value); a read (`load`, or a `cas` that did not
 * replace, with `value === prev`) is logged only when it read another process's write.
 */
export type ShmOp = ["load" | "store" | "add" | "cas", number, number, number, number, number];

export interface ObservedShm {
  id: number;
  key: number;
  size: number;
  /** Creating pid; 0 = created by the test before the run (the scenario's `objects`). */
  creator: number;
  /** When IPC_RMID marked it for removal, and by whom. */
  removed: (Moment & { by: number }) | null;
  /** Per pid: plain loads, plain stores, atomic operations (fetchAdd, compareExchange). Complete, never capped. */
  access: Record<string, { loads: number; stores: number; atomics: number }>;
  /** See ShmOp. Capped: `dropped` counts operations not logged. */
  ops: ShmOp[];
  dropped: number;
}

export interface ObservedMessage {
  type: number;
  /** The message's data when its size is at most 128 bytes; otherwise `digest` (FNV-1a of its text or JSON). */
  data?: JsonValue;
  digest?: string;
  size: number;
  /** Sending pid; 0 = put in the queue by the test before the run. */
  from: number;
  /** Receiving pid, or null if nobody received it (still queued, or the queue was removed). */
  to: number | null;
  /** Position among all the receives on this queue (0, 1, …), or null. */
  received: number | null;
}

export interface ObservedQueue {
  id: number;
  key: number;
  creator: number;
  removed: (Moment & { by: number }) | null;
  /** Every message sent to the queue, in send order (capped: `dropped` counts the others). */
  messages: ObservedMessage[];
  dropped: number;
}

export interface ObservedSemaphores {
  id: number;
  key: number;
  label: string;
  creator: number;
  removed: (Moment & { by: number }) | null;
  /** Per pid, completed semaphore operations (sembufs, sem_wait, sem_post): decrements, increments, wait-for-zero. */
  ops: Record<string, { down: number; up: number; zero: number }>;
}

export interface ObservedMutex {
  id: number;
  name: string;
  creator: number;
  /** Per pid, successful locks (mutex_lock, mutex_trylock) and unlocks. */
  ops: Record<string, { locks: number; unlocks: number }>;
}

export interface ObservedPipe {
  id: number;
  creator: number;
  /** Bytes per pid that wrote into the pipe / read out of it. */
  written: Record<string, number>;
  read: Record<string, number>;
}

export interface ObservedSignal {
  signal: string;
  /** Sender: a pid (for SIGCHLD the child that exited, for SIGPIPE the writer itself), 0 = the kernel (SIGALRM). */
  from: number;
  to: number;
  /** `kill` = sent with kill(); `kernel` = raised by the kernel (SIGCHLD, SIGPIPE, SIGALRM). */
  via: "kill" | "kernel";
  /** When it was sent. */
  step: number;
  time: number;
  /**
   * What became of it: `handled` (a handler ran), `terminated` / `stopped` (its default action),
   * `ignored`, `merged` (the same signal was already pending: signals do not queue), `pending`
   * (never acted on: blocked until the target exited or the run ended), `target-exited`.
   */
  action: "handled" | "terminated" | "stopped" | "ignored" | "merged" | "pending" | "target-exited";
  /** When the handler started, for `handled`. */
  handled: Moment | null;
}

/** Per pid, when each `print` (or write to the console) happened: `[offset in output, step, time]`. */
export interface ObservedPrints {
  calls: Array<[number, number, number]>;
  /** Print calls not recorded (cap). */
  dropped: number;
}

export interface Observations {
  processes: ObservedProcess[];
  /** Pairs [a, b] (a < b) of processes with a context switch between them while both were alive. */
  interleaved: Array<[number, number]>;
  shm: ObservedShm[];
  msgQueues: ObservedQueue[];
  semaphores: ObservedSemaphores[];
  mutexes: ObservedMutex[];
  pipes: ObservedPipe[];
  signals: ObservedSignal[];
  prints: Record<string, ObservedPrints>;
  /** Records not kept because a cap was reached (processes, objects, signals, pairs). */
  dropped: number;
}

// ------------------------------------------------------------------------------------------
// Caps
// ------------------------------------------------------------------------------------------

export const OBSERVATION_CAPS = {
  processes: 1024,
  /** Objects of each kind (segments, queues, semaphore sets, mutexes, pipes). */
  objects: 64,
  /** Logged operations per segment. */
  shmOpsPerSegment: 4096,
  /** Logged operations over all the segments the run created (those the test created have only their own cap). */
  shmOpsCreated: 8192,
  /** Segments larger than this do not track who wrote each cell. */
  trackedCells: 65536,
  messagesPerQueue: 2048,
  /** Logged messages over all the queues the run created (those the test created have only their own cap). */
  messagesCreated: 4096,
  /** Message data kept as is up to this size in bytes, else a digest. */
  messageData: 128,
  signals: 1024,
  printsPerProcess: 1024,
  printsTotal: 8192,
  /** Interleaved pairs involving a pid ≥ 32 (smaller pids are tracked in bit masks, uncapped). */
  widePairs: 4096,
} as const;

// ------------------------------------------------------------------------------------------
// The recorder (kernel side)
// ------------------------------------------------------------------------------------------

type Clock = { readonly steps: number; readonly now: number };
type Removal = (Moment & { by: number }) | null;

const moment = (c: Clock): Moment => ({ step: c.steps, time: c.now });

/** Per-pid counters in a flat array of small integers: `width` counters per pid. */
function countUp(a: number[], width: number, pid: number, slot: number, n = 1): void {
  const i = pid * width + slot;
  while (a.length <= i) a.push(0);
  a[i] += n;
}

/** The non-zero rows of a countUp array, by pid. */
function countsByPid<T>(a: number[], width: number, make: (row: number[]) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (let i = 0; i < a.length; i += width) {
    let any = false;
    for (let j = 0; j < width; j++) if (a[i + j]) any = true;
    if (!any) continue;
    const row: number[] = [];
    for (let j = 0; j < width; j++) row.push(a[i + j] ?? 0);
    out[i / width] = make(row);
  }
  return out;
}

/** One process, flat (no nested objects: the recorder allocates as little as it can). */
class ProcessRecord {
  exitStep = -1;
  exitTime = -1;
  reapStep = -1;
  reapTime = -1;
  reapBy = 0;
  /** Bit b: interleaved with pid b (b < 32, b > pid). */
  mix = 0;
  constructor(
    readonly pid: number,
    readonly parent: number,
    readonly name: string,
    public program: ObservedProcess["program"],
    readonly spawnStep: number,
    readonly spawnTime: number,
  ) {}
}

const SHM_OPS: ShmOp[0][] = ["load", "store", "add", "cas"];

export class ShmRecord {
  /** Per pid: loads, stores, atomics. */
  private readonly access: number[] = [];
  /** Logged operations, six numbers each (the op as an index into SHM_OPS). */
  private readonly ops: number[] = [];
  private logged = 0;
  dropped = 0;
  removed: Removal = null;
  /** Who wrote each cell last (0 = nobody since creation), allocated on the first write. */
  private writers: Int32Array | number[] | null = null;

  constructor(
    readonly id: number,
    readonly key: number,
    readonly size: number,
    readonly creator: number,
    /** Shared budget of the run's own segments; null for the test's segments. */
    private readonly budget: { left: number } | null,
  ) {}

  private log(op: number, pid: number, cell: number, value: number, prev: number, writer: number): void {
    if (this.logged >= OBSERVATION_CAPS.shmOpsPerSegment || (this.budget !== null && this.budget.left <= 0)) {
      this.dropped++;
      return;
    }
    if (this.budget !== null) this.budget.left--;
    this.logged++;
    this.ops.push(op, pid, cell, value, prev, writer);
  }

  /** A plain load, or a compareExchange that did not replace (`atomic`). */
  read(pid: number, cell: number, value: number, atomic: boolean): void {
    const slot = atomic ? 2 : 0;
    const i = pid * 3 + slot;
    if (i < this.access.length) this.access[i]++;
    else countUp(this.access, 3, pid, slot);
    if (this.writers === null) return;
    const w = this.writers[cell];
    if (w !== 0 && w !== pid) this.log(atomic ? 3 : 0, pid, cell, value, value, w);
  }

  /** op: 1 store, 2 fetchAdd, 3 compareExchange that replaced the value. */
  write(op: 1 | 2 | 3, pid: number, cell: number, value: number, prev: number): void {
    const slot = op === 1 ? 1 : 2;
    const i = pid * 3 + slot;
    if (i < this.access.length) this.access[i]++;
    else countUp(this.access, 3, pid, slot);
    let w = -1;
    if (this.size <= OBSERVATION_CAPS.trackedCells) {
      // A plain array is cheaper to make than a typed one for the small segments most runs use.
      if (this.writers === null) this.writers = this.size <= 256 ? packedArray(this.size, 0) : new Int32Array(this.size);
      w = this.writers[cell];
      this.writers[cell] = pid;
    }
    this.log(op, pid, cell, value, prev, w);
  }

  view(): ObservedShm {
    const ops: ShmOp[] = [];
    const o = this.ops;
    for (let i = 0; i < o.length; i += 6) ops.push([SHM_OPS[o[i]], o[i + 1], o[i + 2], o[i + 3], o[i + 4], o[i + 5]]);
    return {
      id: this.id,
      key: this.key,
      size: this.size,
      creator: this.creator,
      removed: this.removed && { ...this.removed },
      access: countsByPid(this.access, 3, ([loads, stores, atomics]) => ({ loads, stores, atomics })),
      ops,
      dropped: this.dropped,
    };
  }
}

/** The kernel-side record of one message; the queue's record keeps them in send order. */
export interface MessageRecord {
  type: number;
  data: JsonValue | undefined;
  digest: string | undefined;
  size: number;
  from: number;
  to: number | null;
  received: number | null;
}

export class MsgRecord {
  readonly messages: MessageRecord[] = [];
  dropped = 0;
  removed: Removal = null;
  private receives = 0;
  constructor(
    readonly id: number,
    readonly key: number,
    readonly creator: number,
    /** Shared budget of the run's own queues; null for the test's queues. */
    private readonly budget: { left: number } | null,
  ) {}

  sent(pid: number, type: number, data: JsonValue, size: number): MessageRecord | null {
    if (this.messages.length >= OBSERVATION_CAPS.messagesPerQueue || (this.budget !== null && this.budget.left <= 0)) {
      this.dropped++;
      return null;
    }
    if (this.budget !== null) this.budget.left--;
    const small = size <= OBSERVATION_CAPS.messageData;
    const m: MessageRecord = { type, data: small ? data : undefined, digest: small ? undefined : digestOf(data), size, from: pid, to: null, received: null };
    this.messages.push(m);
    return m;
  }

  /** Every receive takes a position, logged message or not, so positions stay comparable. */
  receivedBy(m: MessageRecord | null | undefined, pid: number): void {
    const n = this.receives++;
    if (!m) return;
    m.to = pid;
    m.received = n;
  }

  view(): ObservedQueue {
    return {
      id: this.id,
      key: this.key,
      creator: this.creator,
      removed: this.removed && { ...this.removed },
      messages: this.messages.map((m) => {
        const o: ObservedMessage = { type: m.type, size: m.size, from: m.from, to: m.to, received: m.received };
        if (m.digest !== undefined) o.digest = m.digest;
        else o.data = cloneValue(m.data);
        return o;
      }),
      dropped: this.dropped,
    };
  }
}

export class SemRecord {
  /** Per pid: decrements, increments, waits for zero. */
  private readonly ops: number[] = [];
  removed: Removal = null;
  constructor(
    readonly id: number,
    readonly key: number,
    readonly label: string,
    readonly creator: number,
  ) {}
  op(pid: number, op: number): void {
    countUp(this.ops, 3, pid, op < 0 ? 0 : op > 0 ? 1 : 2);
  }
  view(): ObservedSemaphores {
    return {
      id: this.id,
      key: this.key,
      label: this.label,
      creator: this.creator,
      removed: this.removed && { ...this.removed },
      ops: countsByPid(this.ops, 3, ([down, up, zero]) => ({ down, up, zero })),
    };
  }
}

export class MutexRecord {
  /** Per pid: locks, unlocks. */
  private readonly ops: number[] = [];
  constructor(
    readonly id: number,
    readonly name: string,
    readonly creator: number,
  ) {}
  locked(pid: number): void {
    countUp(this.ops, 2, pid, 0);
  }
  unlocked(pid: number): void {
    countUp(this.ops, 2, pid, 1);
  }
  view(): ObservedMutex {
    return { id: this.id, name: this.name, creator: this.creator, ops: countsByPid(this.ops, 2, ([locks, unlocks]) => ({ locks, unlocks })) };
  }
}

export class PipeRecord {
  /** Per pid: bytes written, bytes read. */
  private readonly bytes: number[] = [];
  constructor(
    readonly id: number,
    readonly creator: number,
  ) {}
  wrote(pid: number, n: number): void {
    countUp(this.bytes, 2, pid, 0, n);
  }
  read(pid: number, n: number): void {
    countUp(this.bytes, 2, pid, 1, n);
  }
  view(): ObservedPipe {
    const written: Record<string, number> = {};
    const read: Record<string, number> = {};
    for (const [pid, [w, r]] of Object.entries(countsByPid(this.bytes, 2, (row) => row))) {
      if (w) written[pid] = w;
      if (r) read[pid] = r;
    }
    return { id: this.id, creator: this.creator, written, read };
  }
}

/**
 * The recorder: one per kernel, fed by small hooks in the kernel's modules. Objects it no
 * longer records (over a cap) get a null record, and their hooks cost a null check. Maps and
 * sets are only made when first needed: most runs are short, and allocation is their cost.
 */
export class Observer {
  /** In spawn order, which is pid order. */
  private readonly procs: ProcessRecord[] = [];
  /** Interleaved pairs with a pid ≥ 32, as lo * 65536 + hi. */
  private wide: Set<number> | null = null;
  private readonly shms: ShmRecord[] = [];
  private shmBudget: { left: number } | null = null;
  private readonly queues: MsgRecord[] = [];
  private msgBudget: { left: number } | null = null;
  private readonly sems: SemRecord[] = [];
  private readonly mutexes: MutexRecord[] = [];
  private readonly pipes: PipeRecord[] = [];
  private readonly signals: ObservedSignal[] = [];
  /** The latest entry of each pending signal, by pid * 64 + signal number. */
  private pendingSignals: Map<number, ObservedSignal> | null = null;
  private prints: Map<number, ObservedPrints> | null = null;
  private printsLeft: number = OBSERVATION_CAPS.printsTotal;
  private dropped = 0;

  constructor(private clock: Clock) {}

  /** The run is over: keep its final moment instead of the kernel (a snapshot may outlive it). */
  detach(): void {
    this.clock = { steps: this.clock.steps, now: this.clock.now };
  }

  // ---------------------------------------------------------------- processes

  spawned(pid: number, parent: number, name: string, program: ObservedProcess["program"]): void {
    if (this.procs.length >= OBSERVATION_CAPS.processes) {
      this.dropped++;
      return;
    }
    this.procs.push(new ProcessRecord(pid, parent, name, program, this.clock.steps, this.clock.now));
  }

  private proc(pid: number): ProcessRecord | null {
    // Pids are handed out in spawn order from 1, and every spawn is recorded until the cap.
    const ps = this.procs;
    const r = ps[pid - 1];
    if (r !== undefined && r.pid === pid) return r;
    // Otherwise (a spawn failed half-way, or past the cap) a binary search: records are in pid order.
    let lo = 0;
    let hi = ps.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid].pid === pid) return ps[mid];
      if (ps[mid].pid < pid) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** A top-level entry that turned out to be a builtin program. */
  ranBuiltin(pid: number): void {
    const r = this.proc(pid);
    if (r !== null) r.program = "builtin";
  }

  exited(pid: number): void {
    const r = this.proc(pid);
    if (r === null) return;
    r.exitStep = this.clock.steps;
    r.exitTime = this.clock.now;
  }

  reaped(pid: number, by: number): void {
    const r = this.proc(pid);
    if (r === null) return;
    r.reapStep = this.clock.steps;
    r.reapTime = this.clock.now;
    r.reapBy = by;
  }

  /** The scheduler switched from `a` (still alive) to `b`. */
  switched(a: number, b: number): void {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    if (hi < 32) {
      const r = this.proc(lo);
      if (r !== null) r.mix |= 1 << hi;
      return;
    }
    this.wide ??= new Set();
    if (this.wide.size < OBSERVATION_CAPS.widePairs) this.wide.add(lo * 65536 + hi);
  }

  // ---------------------------------------------------------------- objects

  shm(id: number, key: number, size: number, creator: number): ShmRecord | null {
    if (this.shms.length >= OBSERVATION_CAPS.objects) return this.drop();
    const budget = creator === 0 ? null : (this.shmBudget ??= { left: OBSERVATION_CAPS.shmOpsCreated });
    const r = new ShmRecord(id, key, size, creator, budget);
    this.shms.push(r);
    return r;
  }

  msgQueue(id: number, key: number, creator: number): MsgRecord | null {
    if (this.queues.length >= OBSERVATION_CAPS.objects) return this.drop();
    const budget = creator === 0 ? null : (this.msgBudget ??= { left: OBSERVATION_CAPS.messagesCreated });
    const r = new MsgRecord(id, key, creator, budget);
    this.queues.push(r);
    return r;
  }

  semaphores(id: number, key: number, label: string, creator: number): SemRecord | null {
    if (this.sems.length >= OBSERVATION_CAPS.objects) return this.drop();
    const r = new SemRecord(id, key, label, creator);
    this.sems.push(r);
    return r;
  }

  mutex(id: number, name: string, creator: number): MutexRecord | null {
    if (this.mutexes.length >= OBSERVATION_CAPS.objects) return this.drop();
    const r = new MutexRecord(id, name, creator);
    this.mutexes.push(r);
    return r;
  }

  pipe(id: number, creator: number): PipeRecord | null {
    if (this.pipes.length >= OBSERVATION_CAPS.objects) return this.drop();
    const r = new PipeRecord(id, creator);
    this.pipes.push(r);
    return r;
  }

  removal(by: number): Moment & { by: number } {
    return { step: this.clock.steps, time: this.clock.now, by };
  }

  private drop(): null {
    this.dropped++;
    return null;
  }

  // ---------------------------------------------------------------- signals

  /** A signal was sent; returns its entry (or null over the cap) for the caller to set its action. */
  signalSent(sig: number, name: string, from: number, to: number, via: ObservedSignal["via"]): ObservedSignal | null {
    if (this.signals.length >= OBSERVATION_CAPS.signals) return this.drop();
    const e: ObservedSignal = { signal: name, from, to, via, step: this.clock.steps, time: this.clock.now, action: "pending", handled: null };
    this.signals.push(e);
    return e;
  }

  /** The entry stays `pending` until the target acts on the signal. */
  signalPending(e: ObservedSignal | null, to: number, sig: number): void {
    if (e) (this.pendingSignals ??= new Map()).set(to * 64 + sig, e);
  }

  /** The target acted on a pending signal: its handler started, or its default action ended it. */
  signalActed(to: number, sig: number, action: "handled" | "terminated"): void {
    const key = to * 64 + sig;
    const e = this.pendingSignals?.get(key);
    if (!e) return;
    this.pendingSignals!.delete(key);
    e.action = action;
    if (action === "handled") e.handled = moment(this.clock);
  }

  // ---------------------------------------------------------------- output

  printed(pid: number, offset: number): void {
    this.prints ??= new Map();
    let r = this.prints.get(pid);
    if (!r) this.prints.set(pid, (r = { calls: [], dropped: 0 }));
    if (r.calls.length >= OBSERVATION_CAPS.printsPerProcess || this.printsLeft <= 0) {
      r.dropped++;
      return;
    }
    this.printsLeft--;
    r.calls.push([offset, this.clock.steps, this.clock.now]);
  }

  // ---------------------------------------------------------------- the snapshot's view

  view(): Observations {
    const interleaved: Array<[number, number]> = [];
    for (const p of this.procs) for (let b = p.pid + 1; b < 32; b++) if ((p.mix >>> b) & 1) interleaved.push([p.pid, b]);
    if (this.wide) for (const k of [...this.wide].sort((x, y) => x - y)) interleaved.push([Math.floor(k / 65536), k % 65536]);
    const prints: Record<string, ObservedPrints> = {};
    if (this.prints) for (const [pid, r] of this.prints) prints[pid] = { calls: r.calls.map((c) => [c[0], c[1], c[2]]), dropped: r.dropped };
    return {
      processes: this.procs.map((p) => ({
        pid: p.pid,
        parent: p.parent,
        name: p.name,
        program: p.program,
        spawned: { step: p.spawnStep, time: p.spawnTime },
        exited: p.exitStep < 0 ? null : { step: p.exitStep, time: p.exitTime },
        reaped: p.reapStep < 0 ? null : { step: p.reapStep, time: p.reapTime, by: p.reapBy },
      })),
      interleaved,
      shm: this.shms.map((r) => r.view()),
      msgQueues: this.queues.map((r) => r.view()),
      semaphores: this.sems.map((r) => r.view()),
      mutexes: this.mutexes.map((r) => r.view()),
      pipes: this.pipes.map((r) => r.view()),
      signals: this.signals.map((e) => ({ ...e, handled: e.handled && { ...e.handled } })),
      prints,
      dropped: this.dropped,
    };
  }
}

/** FNV-1a (32 bits) of a message's text, or of its JSON, as 8 hex digits. */
export function digestOf(data: JsonValue): string {
  const text = typeof data === "string" ? data : JSON.stringify(data);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

// ------------------------------------------------------------------------------------------
// Read helpers for checks (pure)
// ------------------------------------------------------------------------------------------

const EMPTY: Observations = { processes: [], interleaved: [], shm: [], msgQueues: [], semaphores: [], mutexes: [], pipes: [], signals: [], prints: {}, dropped: 0 };

/** The run's observations (empty ones for a snapshot made without them). */
export function observed(s: Snapshot): Observations {
  return s.observed ?? EMPTY;
}

/** The observed process `pid`, if any. */
export function observedProcess(s: Snapshot, pid: number): ObservedProcess | undefined {
  return observed(s).processes.find((p) => p.pid === pid);
}

/** The processes `pid` spawned, in spawn order. */
export function childrenOf(s: Snapshot, pid: number): ObservedProcess[] {
  return observed(s).processes.filter((p) => p.parent === pid);
}

/** Segments that had this key, in creation order (a key can be reused after IPC_RMID); `creator` narrows them down (0 = the test's own). */
export function shmWithKey(s: Snapshot, key: number, creator?: number): ObservedShm[] {
  return observed(s).shm.filter((seg) => seg.key === key && (creator === undefined || seg.creator === creator));
}

/** Queues that had this key, in creation order; `creator` narrows them down (0 = the test's own). */
export function queuesWithKey(s: Snapshot, key: number, creator?: number): ObservedQueue[] {
  return observed(s).msgQueues.filter((q) => q.key === key && (creator === undefined || q.creator === creator));
}

/**
 * A process's output as lines, each with the moment of the print call that produced its first
 * character (null when that call was not recorded, past the cap).
 */
export function timedLines(s: Snapshot, pid: number): Array<{ text: string; at: Moment | null }> {
  const text = s.output[pid] ?? "";
  const calls = observed(s).prints[pid]?.calls ?? [];
  const out: Array<{ text: string; at: Moment | null }> = [];
  let c = -1;
  let offset = 0;
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) {
    while (c + 1 < calls.length && calls[c + 1][0] <= offset) c++;
    const recorded = c >= 0 && (c + 1 < calls.length || (observed(s).prints[pid]?.dropped ?? 0) === 0);
    out.push({ text: line, at: recorded ? { step: calls[c][1], time: calls[c][2] } : null });
    offset += line.length + 1;
  }
  return out;
}
