import { GETALL, GETVAL, IPC_NOWAIT, IPC_RMID, IPC_SET, IPC_STAT, SEM_UNDO, SETALL, SETVAL } from "./constants";
import { fail } from "./errors";
import type { Kernel } from "./kernel";
import { checkAccess, IpcNamespace, isOwner, makePerm, R, setPerm, W, type IpcPerm } from "./perm";
import { BLOCKED, type Process, type Request } from "./process";
import type { MutexRecord, SemRecord } from "./observations";
import { packedArray } from "./user-boundary";

const SEMVMX = 32767;
const SEMMSL = 250;

class SemSet {
  readonly vals: number[];
  readonly pids: number[];
  readonly waiters: Process[] = [];
  removed = false;
  /** What the kernel observes of it (observations.ts); null for harness latches and past the cap. */
  obs: SemRecord | null = null;
  constructor(
    readonly id: number,
    readonly key: number,
    readonly perm: IpcPerm,
    nsems: number,
    /** How deadlock reports name it: `sem 3` or `sem "/name"`. */
    readonly label: string,
  ) {
    this.vals = packedArray(nsems, 0);
    this.pids = packedArray(nsems, 0);
  }
}

class Mutex {
  owner = 0;
  /** What the kernel observes of it (observations.ts); null past the cap. */
  obs: MutexRecord | null = null;
  readonly waiters: Process[] = [];
  constructor(
    readonly id: number,
    readonly name: string,
    readonly perm: IpcPerm,
  ) {}
}

export interface SemOp {
  num: number;
  op: number;
  flags?: number;
}

export class SemTable {
  readonly ns: IpcNamespace<SemSet>;
  /** SEM_UNDO adjustments per process, applied when it exits. */
  readonly undo = new Map<Process, Map<SemSet, number[]>>();
  readonly named = new Map<string, SemSet>();
  readonly mutexes = new Map<string, Mutex>();
  readonly mutexById = new Map<number, Mutex>();
  constructor(readonly ids: () => number) {
    this.ns = new IpcNamespace<SemSet>(ids);
  }

  snapshot() {
    return {
      semaphores: [...this.ns.byId.values()].map((s) => ({ id: s.id, key: s.key, label: s.label, values: s.vals.slice() })),
      mutexes: [...this.mutexById.values()].map((m) => ({ id: m.id, name: m.name, owner: m.owner })),
    };
  }
}

function undoFor(k: Kernel, p: Process, set: SemSet): number[] {
  let m = k.sem.undo.get(p);
  if (!m) {
    m = new Map();
    k.sem.undo.set(p, m);
    const table = m;
    p.cleanups.push(() => {
      for (const [s, adj] of table) {
        if (s.removed) continue;
        adj.forEach((a, i) => (s.vals[i] = Math.min(SEMVMX, Math.max(0, s.vals[i] + a))));
        k.wakeAll(s.waiters);
      }
      k.sem.undo.delete(p);
    });
  }
  let adj = m.get(set);
  if (!adj) m.set(set, (adj = packedArray(set.vals.length, 0)));
  return adj;
}

/** Applies every operation or none; sleeps until all can proceed together. */
function semopCore(k: Kernel, p: Process, set: SemSet, ops: SemOp[], what: string): number | typeof BLOCKED {
  const vals = set.vals.slice();
  for (const o of ops) {
    const v = vals[o.num];
    const ok = o.op > 0 ? v + o.op <= SEMVMX : o.op === 0 ? v === 0 : v + o.op >= 0;
    if (!ok) {
      if (o.op > 0) fail("ERANGE");
      if ((o.flags ?? 0) & IPC_NOWAIT) fail("EAGAIN");
      return k.block(p, set.waiters, {
        describe: () => `${what} on ${set.label} [${ops.map((x) => x.num).join(", ")}]`,
        holder: () => {
          const pid = set.pids[o.num];
          return pid && pid !== p.pid ? pid : undefined;
        },
        object: () => ({ kind: "semaphore", id: set.id, label: set.label, nums: ops.map((x) => x.num) }),
      });
    }
    vals[o.num] = v + o.op;
  }
  let changed = false;
  for (const o of ops) {
    if (set.obs !== null) set.obs.op(p.pid, o.op);
    if (o.op !== 0) changed = true;
    set.pids[o.num] = p.pid;
    if ((o.flags ?? 0) & SEM_UNDO && o.op !== 0) undoFor(k, p, set)[o.num] -= o.op;
  }
  for (let i = 0; i < vals.length; i++) set.vals[i] = vals[i];
  if (changed) k.wakeAll(set.waiters);
  return 0;
}

function lookupSet(k: Kernel, id: unknown): SemSet {
  const set = k.sem.ns.lookup(id);
  return set;
}

export function sysSemget(k: Kernel, p: Process, r: Request): number {
  const [key, nsems, flags = 0] = r.args as [number, number, number?];
  if (!Number.isInteger(nsems) || nsems < 0 || nsems > SEMMSL) fail("EINVAL");
  return k.sem.ns.get(
    p,
    key,
    flags,
    (id) => {
      if (nsems === 0) fail("EINVAL", "nsems must be positive when creating");
      const set = new SemSet(id, key, makePerm(p, flags), nsems, `sem ${id}`);
      set.obs = k.obs.semaphores(id, key, set.label, p.pid);
      return set;
    },
    (set) => {
      if (nsems > set.vals.length) fail("EINVAL");
    },
  );
}

export function sysSemop(k: Kernel, p: Process, r: Request): number | typeof BLOCKED {
  const [id, ops] = r.args as [number, SemOp[]];
  const set = lookupSet(k, id);
  if (!Array.isArray(ops) || ops.length === 0) fail("EINVAL", "ops must be a non-empty array");
  for (const o of ops) {
    if (!o || !Number.isInteger(o.num) || o.num < 0 || o.num >= set.vals.length || !Number.isInteger(o.op)) fail("EINVAL", "bad sembuf");
  }
  checkAccess(p, set.perm, ops.some((o) => o.op !== 0) ? W : R);
  return semopCore(k, p, set, ops, "semop");
}

function clearUndo(k: Kernel, set: SemSet, num: number | null): void {
  for (const m of k.sem.undo.values()) {
    const adj = m.get(set);
    if (adj) adj.forEach((_, i) => (num === null || i === num ? (adj[i] = 0) : 0));
  }
}

export function sysSemctl(k: Kernel, p: Process, r: Request): unknown {
  const [id, num, cmd, arg] = r.args as [number, number, number, unknown];
  const set = lookupSet(k, id);
  const checkNum = () => {
    if (!Number.isInteger(num) || num < 0 || num >= set.vals.length) fail("EINVAL", "semaphore number out of range");
  };
  const checkVal = (v: unknown) => {
    if (typeof v !== "number" || !Number.isInteger(v)) fail("EINVAL");
    if (v < 0 || v > SEMVMX) fail("ERANGE");
    return v;
  };
  switch (cmd) {
    case GETVAL:
      checkNum();
      checkAccess(p, set.perm, R);
      return set.vals[num];
    case GETALL:
      checkAccess(p, set.perm, R);
      return set.vals.slice();
    case SETVAL:
      checkNum();
      checkAccess(p, set.perm, W);
      set.vals[num] = checkVal(arg);
      set.pids[num] = p.pid;
      clearUndo(k, set, num);
      k.wakeAll(set.waiters);
      return 0;
    case SETALL: {
      checkAccess(p, set.perm, W);
      if (!Array.isArray(arg) || arg.length !== set.vals.length) fail("EINVAL", "SETALL needs one value per semaphore");
      const vals = arg.map(checkVal);
      vals.forEach((v, i) => (set.vals[i] = v));
      clearUndo(k, set, null);
      k.wakeAll(set.waiters);
      return 0;
    }
    case IPC_STAT:
      checkAccess(p, set.perm, R);
      return { key: set.key, ...set.perm, nsems: set.vals.length };
    case IPC_SET:
      setPerm(p, set.perm, (arg as object) ?? {});
      return 0;
    case IPC_RMID:
      if (!isOwner(p, set.perm)) fail("EPERM");
      removeSet(k, set, p.pid);
      return 0;
  }
  return fail("EINVAL", "unknown semctl command");
}

function removeSet(k: Kernel, set: SemSet, by: number): void {
  set.removed = true;
  if (set.obs !== null) set.obs.removed = k.obs.removal(by);
  k.sem.ns.remove(set);
  k.wakeAll(set.waiters, "EIDRM");
}

// ------------------------------------------------------------ POSIX named semaphores

/** sem_open(name, {create, excl, value, mode}) → handle. */
export function sysSemOpen(k: Kernel, p: Process, r: Request): number {
  const [name, o = {}] = r.args as [string, { create?: boolean; excl?: boolean; value?: number; mode?: number }?];
  if (typeof name !== "string" || name.length === 0) fail("EINVAL");
  const existing = k.sem.named.get(name);
  if (existing) {
    if (o.create && o.excl) fail("EEXIST");
    checkAccess(p, existing.perm, R | W);
    return existing.id;
  }
  if (!o.create) fail("ENOENT");
  const value = o.value ?? 0;
  if (!Number.isInteger(value) || value < 0 || value > SEMVMX) fail("EINVAL");
  const set = new SemSet(k.sem.ids(), -1, makePerm(p, o.mode ?? 0o600), 1, `sem "${name}"`);
  set.vals[0] = value;
  set.obs = k.obs.semaphores(set.id, -1, set.label, p.pid);
  k.sem.named.set(name, set);
  k.sem.ns.byId.set(set.id, set);
  return set.id;
}

function namedOp(op: number, nowait: boolean, what: string) {
  return (k: Kernel, p: Process, r: Request): number | typeof BLOCKED => {
    const set = lookupSet(k, r.args[0]);
    return semopCore(k, p, set, [{ num: 0, op, flags: nowait ? IPC_NOWAIT : 0 }], what);
  };
}
export const sysSemWait = namedOp(-1, false, "sem_wait");
export const sysSemTrywait = namedOp(-1, true, "sem_trywait");
export const sysSemPost = namedOp(1, false, "sem_post");

export function sysSemGetvalue(k: Kernel, _p: Process, r: Request): number {
  return lookupSet(k, r.args[0]).vals[0];
}

export function sysSemClose(k: Kernel, _p: Process, r: Request): number {
  lookupSet(k, r.args[0]);
  return 0;
}

/** Removes the name; processes that already opened it keep using the semaphore. */
export function sysSemUnlink(k: Kernel, p: Process, r: Request): number {
  const set = k.sem.named.get(r.args[0] as string);
  if (!set) fail("ENOENT");
  if (!isOwner(p, set.perm)) fail("EACCES");
  k.sem.named.delete(r.args[0] as string);
  return 0;
}

// ------------------------------------------------------------ mutexes

/** mutex_create(name, {mode}) → handle; opens the existing mutex of that name (process-shared). */
export function sysMutexCreate(k: Kernel, p: Process, r: Request): number {
  const [name, o = {}] = r.args as [string, { mode?: number }?];
  if (typeof name !== "string" || name.length === 0) fail("EINVAL");
  const existing = k.sem.mutexes.get(name);
  if (existing) {
    checkAccess(p, existing.perm, R | W);
    return existing.id;
  }
  const m = new Mutex(k.sem.ids(), name, makePerm(p, o.mode ?? 0o600));
  m.obs = k.obs.mutex(m.id, name, p.pid);
  k.sem.mutexes.set(name, m);
  k.sem.mutexById.set(m.id, m);
  return m.id;
}

function lookupMutex(k: Kernel, id: unknown): Mutex {
  const m = typeof id === "number" ? k.sem.mutexById.get(id) : undefined;
  if (!m) fail("EINVAL", "not a mutex handle");
  return m;
}

function lockMutex(k: Kernel, p: Process, r: Request, wait: boolean): number | typeof BLOCKED {
  const m = lookupMutex(k, r.args[0]);
  if (m.owner === 0) {
    m.owner = p.pid;
    if (m.obs !== null) m.obs.locked(p.pid);
    return 0;
  }
  if (m.owner === p.pid) fail("EDEADLK", `mutex "${m.name}" is already held by this process`);
  if (!wait) fail("EBUSY");
  return k.block(p, m.waiters, {
    describe: () => `mutex "${m.name}" held by pid ${m.owner}${k.procs.get(m.owner)?.alive ? "" : " (exited)"}`,
    holder: () => m.owner,
    object: () => ({ kind: "mutex", id: m.id, name: m.name, owner: m.owner }),
  });
}

export const sysMutexLock = (k: Kernel, p: Process, r: Request) => lockMutex(k, p, r, true);
export const sysMutexTrylock = (k: Kernel, p: Process, r: Request) => lockMutex(k, p, r, false);

export function sysMutexUnlock(k: Kernel, p: Process, r: Request): number {
  const m = lookupMutex(k, r.args[0]);
  if (m.owner !== p.pid) fail("EPERM", m.owner ? `mutex "${m.name}" is held by pid ${m.owner}` : `mutex "${m.name}" is not locked`);
  m.owner = 0;
  if (m.obs !== null) m.obs.unlocked(p.pid);
  k.wakeAll(m.waiters);
  return 0;
}

// ------------------------------------------------------------ harness latches

/** A semaphore outside every namespace: no key, name or id leads to it, only the harness's token. */
export type Latch = SemSet;

export function createLatch(k: Kernel, name: string): Latch {
  return new SemSet(k.sem.ids(), -1, makePerm(k.kproc, 0o600), 1, `harness latch "${name}"`);
}

function latchOp(op: number, what: string) {
  return (k: Kernel, p: Process, r: Request): number | typeof BLOCKED => {
    const latch = r.args[0];
    if (!(latch instanceof SemSet) || !p.privileged) fail("EINVAL", "not a latch");
    return semopCore(k, p, latch, [{ num: 0, op }], what);
  };
}
export const sysLatchWait = latchOp(-1, "latch_wait");
export const sysLatchPost = latchOp(1, "latch_post");
