import type { Kernel } from "../kernel";
import type { Process } from "../process";

/**
 * What one scheduling step may touch, for partial-order reduction: two steps of different
 * processes are independent (they commute, and neither enables nor disables the other) when
 * their footprints do not conflict. Footprints name objects by their kernel ids, so they mean
 * the same thing in every re-execution of a schedule's prefix.
 *
 * A step is a process's pending operation plus the user code that follows it up to the next
 * operation. That code only touches the process's own module instance (each process has its
 * own), so what is shared is what the operation touches, plus whatever the process's exit does
 * when the code returns or throws: the caller marks such a step global afterwards.
 *
 * The model is deliberately coarse: an operation it does not know, anything that creates or
 * removes IPC objects or processes (ids are handed out in order, so their order matters),
 * waiting for a child (the kernel records when it was reaped), signals, timers and sockets
 * (their receive splits draw from the kernel's shared random stream) are global, i.e.
 * dependent on every other step. What it treats as independent:
 *  - operations on different semaphore sets, mutexes, message queues, pipes or shared-memory
 *    segments; two loads from one segment (a write to a segment conflicts with every access
 *    to it, as the kernel logs the segment's operations in one order: observations.ts);
 *  - process-local calls (signal dispositions and masks, sched_yield, open, console writes),
 *    which touch only the caller's own state.
 * What equivalent schedules may still differ in, so checks must not depend on it: the cost
 * counters and virtual time (they depend on how often the CPU changed hands), the `interleaved`
 * pairs, the relative order of two loads in a segment's log, and the step numbers of events
 * of different processes that are not ordered by a conflict (a print and a global event, such
 * as a spawn, an exit or a signal, keep their order). Steps taken while a timer is pending are
 * global, because the virtual clock then decides when the timer fires.
 */
export interface Footprint {
  /** Conflicts with every step. */
  global: boolean;
  /** Objects touched: `ipc:<id>` for an IPC object (a shared-memory segment's cells and log), `ipc:<id>@attach` for a segment's attachments, `pipe <id>`, `file <path>`. */
  keys: string[];
  /** Parallel to keys: whether the step may modify that object. */
  writes: boolean[];
}

export const GLOBAL: Footprint = Object.freeze({ global: true, keys: [], writes: [] }) as Footprint;
const LOCAL: Footprint = Object.freeze({ global: false, keys: [], writes: [] }) as Footprint;

const one = (key: string, write = true): Footprint => ({ global: false, keys: [key], writes: [write] });

/** Calls that touch only the calling process (its signal state, its descriptor table, its console). */
const PROCESS_LOCAL = new Set(["sched_yield", "signal", "sigaction", "sigprocmask", "sigpending", "pause", "sigsuspend", "open", "readdir"]);
/** Calls on one System V object or handle given as the first argument. */
const ON_IPC_ID = new Set(["msgsnd", "msgrcv", "semop", "sem_wait", "sem_trywait", "sem_post", "sem_getvalue", "sem_close", "mutex_lock", "mutex_trylock", "mutex_unlock"]);
const SHM_READ = new Set(["load"]);
const SHM_WRITE = new Set(["store", "fetchAdd", "compareExchange"]);
const FD_CALLS = new Set(["read", "readBytes", "write", "close", "dup", "fcntl"]);
const IPC_RMID = 0;

function ipcKey(id: unknown): string | null {
  return typeof id === "number" && Number.isInteger(id) ? `ipc:${id}` : null;
}

/** The object behind a descriptor of `p`: null when the descriptor is not open (the call fails with EBADF, touching nothing). */
function fdObject(p: Process, fd: unknown): string | null | typeof GLOBAL {
  const of = typeof fd === "number" ? p.fds[fd] : undefined;
  if (!of) return null;
  switch (of.ops.kind) {
    case "console":
      return null; // the caller's own captured output
    case "file":
      return of.ops.describe(); // `file <path>`: the offset lives in the description, which children share
    case "pipe": {
      const m = /^pipe (\d+) /.exec(of.ops.describe());
      return m ? `pipe ${m[1]}` : GLOBAL;
    }
    default:
      return GLOBAL; // sockets
  }
}

function onFds(p: Process, fds: unknown[]): Footprint {
  const keys: string[] = [];
  for (const fd of fds) {
    const o = fdObject(p, fd);
    if (o === GLOBAL) return GLOBAL;
    if (o !== null && !keys.includes(o as string)) keys.push(o as string);
  }
  return keys.length ? { global: false, keys, writes: keys.map(() => true) } : LOCAL;
}

/** The footprint of `p`'s next step, from its pending operation (before it runs). */
export function stepFootprint(k: Kernel, p: Process): Footprint {
  if (timersPending(k)) return GLOBAL;
  const r = p.req;
  if (!r) return GLOBAL;
  const name = r.name;
  const args = r.args;
  if (!r.isSyscall) {
    // Shared-memory accesses: [view, index, …]. Reads of a segment commute; a write goes into
    // the segment's one log of operations, so it is ordered with every access to the segment.
    const view = args[0] as { seg?: { id?: unknown } } | undefined;
    const key = ipcKey(view?.seg?.id);
    if (!key) return GLOBAL;
    if (SHM_READ.has(name)) return one(key, false);
    if (SHM_WRITE.has(name)) return one(key, true);
    return GLOBAL;
  }
  if (PROCESS_LOCAL.has(name)) return LOCAL;
  if (ON_IPC_ID.has(name)) {
    const key = ipcKey(args[0]);
    return key ? one(key) : LOCAL; // a non-numeric id or handle fails with EINVAL, touching nothing
  }
  if (FD_CALLS.has(name)) return onFds(p, [args[0]]);
  switch (name) {
    case "dup2":
      return onFds(p, [args[0], args[1]]);
    // Attaching and detaching change the segment's attach count (and the last detach of a
    // removed segment frees it), not its cells: accesses go through the process's own view.
    case "shmat": {
      const key = ipcKey(args[0]);
      return key ? one(`${key}@attach`) : LOCAL;
    }
    case "shmdt": {
      const key = ipcKey((args[0] as { seg?: { id?: unknown } } | undefined)?.seg?.id);
      return key ? one(`${key}@attach`) : LOCAL;
    }
    case "msgctl":
    case "shmctl": {
      const key = ipcKey(args[0]);
      return args[1] === IPC_RMID || !key ? GLOBAL : one(key);
    }
    case "semctl": {
      const key = ipcKey(args[0]);
      return args[2] === IPC_RMID || !key ? GLOBAL : one(key);
    }
    case "latch_wait":
    case "latch_post": {
      const key = ipcKey((args[0] as { id?: unknown } | undefined)?.id);
      return key ? one(key) : GLOBAL;
    }
  }
  return GLOBAL;
}

/** A kernel whose timers cannot be seen counts as having some (no reduction rather than an unsound one). */
function timersPending(k: Kernel): boolean {
  const timers = (k as unknown as { timers?: unknown }).timers;
  return !Array.isArray(timers) || timers.length > 0;
}

/** `ipc:5@attach` (the attach count) and `ipc:5#2` are parts of `ipc:5`, and only of it. */
function isPart(part: string, whole: string): boolean {
  if (part.length <= whole.length || !part.startsWith(whole)) return false;
  const c = part.charCodeAt(whole.length);
  return c === 35 /* # */ || c === 64 /* @ */;
}

function keysConflict(a: string, b: string): boolean {
  return a === b || isPart(a, b) || isPart(b, a);
}

/** Whether two steps of different processes may fail to commute. */
export function dependent(a: Footprint, b: Footprint): boolean {
  if (a.global || b.global) return true;
  for (let i = 0; i < a.keys.length; i++) {
    for (let j = 0; j < b.keys.length; j++) {
      if ((a.writes[i] || b.writes[j]) && keysConflict(a.keys[i], b.keys[j])) return true;
    }
  }
  return false;
}
