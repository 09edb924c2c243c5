import { fail } from "./errors";
import type { Process } from "./process";
import { IPC_CREAT, IPC_EXCL, IPC_PRIVATE } from "./constants";

/** Owner, creator and mode bits, as in `struct ipc_perm`. */
export interface IpcPerm {
  uid: number;
  gid: number;
  cuid: number;
  cgid: number;
  mode: number;
}

export const R = 4;
export const W = 2;

export function makePerm(p: Process, mode: number): IpcPerm {
  return { uid: p.uid, gid: p.gid, cuid: p.uid, cgid: p.gid, mode: mode & 0o777 };
}

export function hasAccess(p: Process, perm: IpcPerm, need: number): boolean {
  if (p.uid === 0 || need === 0) return true;
  let granted: number;
  if (p.uid === perm.uid || p.uid === perm.cuid) granted = (perm.mode >> 6) & 7;
  else if (p.gid === perm.gid || p.gid === perm.cgid) granted = (perm.mode >> 3) & 7;
  else granted = perm.mode & 7;
  return (granted & need) === need;
}

export function checkAccess(p: Process, perm: IpcPerm, need: number): void {
  if (!hasAccess(p, perm, need)) fail("EACCES");
}

/** The access implied by the mode bits passed to xxxget/sem_open when opening an existing object. */
export function requestedAccess(flags: number): number {
  return (flags & 0o444 ? R : 0) | (flags & 0o222 ? W : 0);
}

/** IPC_SET: only the owner, the creator or root may change ownership and mode. */
export function setPerm(p: Process, perm: IpcPerm, change: { uid?: number; gid?: number; mode?: number }): void {
  if (p.uid !== 0 && p.uid !== perm.uid && p.uid !== perm.cuid) fail("EPERM");
  if (change.uid !== undefined) perm.uid = change.uid;
  if (change.gid !== undefined) perm.gid = change.gid;
  if (change.mode !== undefined) perm.mode = change.mode & 0o777;
}

export function isOwner(p: Process, perm: IpcPerm): boolean {
  return p.uid === 0 || p.uid === perm.uid || p.uid === perm.cuid;
}

export interface KeyedObject {
  id: number;
  key: number;
  perm: IpcPerm;
}

/**
 * The System V key→id namespace shared by message queues, shared memory and
 * semaphores: IPC_PRIVATE always creates, IPC_CREAT|IPC_EXCL insists on
 * creating, and opening an existing object checks the requested mode bits.
 */
export class IpcNamespace<T extends KeyedObject> {
  readonly byId = new Map<number, T>();
  private readonly byKey = new Map<number, T>();

  constructor(private readonly nextId: () => number) {}

  get(p: Process, key: number, flags: number, create: (id: number) => T, validateExisting?: (o: T) => void): number {
    if (typeof key !== "number" || !Number.isInteger(key)) fail("EINVAL", "key must be an integer");
    if (key !== IPC_PRIVATE) {
      const existing = this.byKey.get(key);
      if (existing) {
        if (flags & IPC_CREAT && flags & IPC_EXCL) fail("EEXIST");
        checkAccess(p, existing.perm, requestedAccess(flags));
        validateExisting?.(existing);
        return existing.id;
      }
      if (!(flags & IPC_CREAT)) fail("ENOENT");
    }
    const obj = create(this.nextId());
    this.byId.set(obj.id, obj);
    if (key !== IPC_PRIVATE) this.byKey.set(key, obj);
    return obj.id;
  }

  lookup(id: unknown): T {
    const o = typeof id === "number" ? this.byId.get(id) : undefined;
    if (!o) fail("EINVAL", `no object with id ${String(id)}`);
    return o;
  }

  /** Frees the key at once (a new xxxget creates a fresh object) even if removal itself is deferred. */
  unlinkKey(o: T): void {
    if (this.byKey.get(o.key) === o) this.byKey.delete(o.key);
  }

  remove(o: T): void {
    this.unlinkKey(o);
    this.byId.delete(o.id);
  }
}
