/**
 * Lost updates: a process read a shared-memory cell, another process then wrote the cell,
 * and the first stored a value into it without reading it again: its store was computed from
 * the old value, so it overwrites (loses) the other's update. The store is the cause.
 * Atomic operations (fetchAdd, a successful compareExchange) read and write in one step and
 * are never the store of a lost update; they do count as the other's write.
 */
import { processRef } from "./trace-facts";
import type { FailingRun, FailureClass, ShmAccess } from "./types";

type Access = ShmAccess;

const access = (event: number, step: number, pid: number, value: unknown): Access => ({ event, step, pid, value: typeof value === "number" && Number.isFinite(value) ? value : 0 });

export function classifyLostUpdate(run: FailingRun): FailureClass | null {
  /** Per cell ("shmid:index"): its last write. */
  const lastWrite = new Map<string, Access>();
  /** Per process and cell ("pid:shmid:index"): its last read, if it has not written the cell since. */
  const pendingRead = new Map<string, Access>();
  const events = run.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.kind !== "shm-read" && e.kind !== "shm-write") continue;
    const cell = `${e.shmid}:${e.index}`;
    const mine = `${e.pid}:${cell}`;
    if (e.kind === "shm-read") {
      pendingRead.set(mine, access(i, e.step, e.pid, e.value));
      continue;
    }
    const read = pendingRead.get(mine);
    const other = lastWrite.get(cell);
    if (e.name === "store" && read && other && other.pid !== e.pid && other.event > read.event && other.value !== read.value) {
      return {
        kind: "lost-update",
        evidence: {
          shmid: e.shmid ?? -1,
          cell: e.index ?? -1,
          writer: processRef(run, e.pid),
          other: processRef(run, other.pid),
          read,
          overwritten: other,
          store: access(i, e.step, e.pid, e.value),
          happened: true,
        },
        causeStep: { event: i, step: e.step, pid: e.pid },
      };
    }
    pendingRead.delete(mine);
    lastWrite.set(cell, access(i, e.step, e.pid, e.value));
  }
  return null;
}
