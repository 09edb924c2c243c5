/**
 * Lost updates that the failing run did not show but that another schedule would: a process
 * read a shared-memory cell and later stored into it (a read-modify-write), and another
 * process wrote that cell with nothing ordering its write before the read or after the store.
 * The check often rejects such a program on a run where no update happened to be lost (a
 * teller that never locks fails "every teller must lock" on the very first schedule), and the
 * student still deserves to be shown the two accesses that conflict.
 *
 * "Ordering" is happens-before (Lamport 1978) over the trace, with vector clocks: program
 * order, a spawn before the child's first step, an exit before the wait that reaps it, and
 * every operation on one synchronisation object (a mutex, a semaphore set, a message queue, a
 * latch; pipes, sockets and signals as one object each) ordered with every earlier operation
 * on it. Treating every such call as both acquire and release orders more than the real
 * semantics do, so a race reported here is a real one; some real ones may go unreported.
 */
import { processRef } from "./trace-facts";
import type { FailingRun, FailureClass, ShmAccess } from "./types";

type Clock = Map<number, number>;

type Access = ShmAccess & { clock: Clock; write: boolean; plainStore: boolean; shmid: number; cell: number };

/** Calls that synchronise through the object `syncKey` names. Everything else (prints, yields, sleeps, shm calls) orders nothing. */
function syncKey(name: string, args: readonly unknown[] | undefined): string | null {
  const first = args?.[0];
  if (name.startsWith("mutex_") || name.startsWith("sem_") || name === "semop" || name === "semctl" || name === "msgsnd" || name === "msgrcv" || name === "msgctl") {
    return typeof first === "number" ? `ipc:${first}` : `call:${name}`;
  }
  if (name.startsWith("latch_")) return "latch";
  switch (name) {
    case "read":
    case "readBytes":
    case "write":
    case "close":
    case "dup":
    case "dup2":
    case "pipe":
    case "socket":
    case "bind":
    case "listen":
    case "accept":
    case "connect":
    case "send":
    case "recv":
    case "shutdown":
      // Descriptors are per process, so the trace does not say which pipe or socket: one object for all.
      return "descriptors";
    case "kill":
    case "pause":
    case "sigsuspend":
      return "signals";
  }
  return null;
}

const copy = (c: Clock): Clock => new Map(c);

function join(into: Clock, from: Clock | undefined): void {
  if (!from) return;
  for (const [pid, t] of from) if ((into.get(pid) ?? 0) < t) into.set(pid, t);
}

/** Whether access `a` happens before access `b`. */
const before = (a: Access, b: Access): boolean => (b.clock.get(a.pid) ?? 0) >= (a.clock.get(a.pid) ?? 0);

/**
 * The accesses to cell `target` ("shmid:index"), each with its vector clock. Accesses to the
 * other cells synchronise too (through their cell): a lock built from compareExchange and
 * store orders its critical sections like a kernel mutex would.
 */
function accessesOf(events: FailingRun["events"], target: string): Access[] {
  const clocks = new Map<number, Clock>();
  const atSpawn = new Map<number, Clock>();
  const atExit = new Map<number, Clock>();
  const objects = new Map<string, Clock>();
  const out: Access[] = [];
  const clockOf = (pid: number): Clock => {
    let c = clocks.get(pid);
    if (!c) {
      c = atSpawn.has(pid) ? copy(atSpawn.get(pid)!) : new Map();
      clocks.set(pid, c);
    }
    return c;
  };
  const sync = (c: Clock, key: string) => {
    join(c, objects.get(key));
    objects.set(key, copy(c));
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const c = clockOf(e.pid);
    c.set(e.pid, (c.get(e.pid) ?? 0) + 1);
    switch (e.kind) {
      case "spawn":
        if (typeof e.child === "number") atSpawn.set(e.child, copy(c));
        break;
      case "exit":
        atExit.set(e.pid, copy(c));
        break;
      case "signal":
        sync(c, "signals");
        break;
      case "syscall": {
        if (e.errno !== undefined && e.name !== "kill") break;
        const name = e.name ?? "";
        if (name === "wait" || name === "waitpid") {
          // Which child was reaped is in the result; joining every exit so far orders at least as much.
          for (const exited of atExit.values()) join(c, exited);
          break;
        }
        const key = syncKey(name, e.args);
        if (key) sync(c, key);
        break;
      }
      case "shm-read":
      case "shm-write": {
        if (typeof e.shmid !== "number" || typeof e.index !== "number") break;
        const cell = `${e.shmid}:${e.index}`;
        if (cell !== target) {
          sync(c, `cell:${cell}`);
          break;
        }
        out.push({
          event: i,
          step: e.step,
          pid: e.pid,
          value: typeof e.value === "number" && Number.isFinite(e.value) ? e.value : 0,
          clock: copy(c),
          write: e.kind === "shm-write",
          plainStore: e.kind === "shm-write" && e.name === "store",
          shmid: e.shmid,
          cell: e.index,
        });
        break;
      }
    }
  }
  return out;
}

/** Cells where some process stored after loading and another process wrote too: the only ones worth the clocks. */
function candidateCells(events: FailingRun["events"]): string[] {
  const loaded = new Set<string>();
  const storedAfterLoad = new Map<string, number>();
  const writers = new Map<string, Set<number>>();
  for (const e of events) {
    if ((e.kind !== "shm-read" && e.kind !== "shm-write") || typeof e.shmid !== "number" || typeof e.index !== "number") continue;
    const cell = `${e.shmid}:${e.index}`;
    if (e.kind === "shm-read") {
      loaded.add(`${e.pid}|${cell}`);
      continue;
    }
    let w = writers.get(cell);
    if (!w) writers.set(cell, (w = new Set()));
    w.add(e.pid);
    if (e.name === "store" && loaded.has(`${e.pid}|${cell}`)) storedAfterLoad.set(cell, e.pid);
  }
  return [...storedAfterLoad.keys()].filter((cell) => (writers.get(cell)?.size ?? 0) > 1);
}

export function classifyRacyUpdate(run: FailingRun): FailureClass | null {
  for (const cell of candidateCells(run.events)) {
    const list = accessesOf(run.events, cell);
    /** Per pid: its last load of this cell not yet followed by its own write. */
    const pendingLoad = new Map<number, Access>();
    for (const a of list) {
      if (!a.write) {
        pendingLoad.set(a.pid, a);
        continue;
      }
      const read = pendingLoad.get(a.pid);
      pendingLoad.delete(a.pid);
      if (!read || !a.plainStore) continue;
      // Another process's write that could land between this read and this store.
      const other = list.find((w) => w.write && w.pid !== a.pid && !before(w, read) && !before(a, w));
      if (!other) continue;
      const strip = (x: Access): ShmAccess => ({ event: x.event, step: x.step, pid: x.pid, value: x.value });
      return {
        kind: "lost-update",
        evidence: {
          shmid: a.shmid,
          cell: a.cell,
          writer: processRef(run, a.pid),
          other: processRef(run, other.pid),
          read: strip(read),
          overwritten: strip(other),
          store: strip(a),
          happened: false,
        },
        causeStep: { event: a.event, step: a.step, pid: a.pid },
      };
    }
  }
  return null;
}
