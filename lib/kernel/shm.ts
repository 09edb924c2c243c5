import { IPC_RMID, IPC_SET, IPC_STAT } from "./constants";
import { fail } from "./errors";
import type { Kernel } from "./kernel";
import { checkAccess, IpcNamespace, isOwner, makePerm, R, setPerm, W, type IpcPerm } from "./perm";
import type { Process, Request, SyscallImpl } from "./process";
import { makeFacade, TO_USER, type Facadeable } from "./user-boundary";
import type { ShmRecord } from "./observations";

const MAX_CELLS = 1 << 20;

class ShmSegment {
  nattch = 0;
  dest = false;
  lpid = 0;
  /** What the kernel observes of it (observations.ts); null past the cap. */
  obs: ShmRecord | null = null;
  readonly data: Float64Array;
  constructor(
    readonly id: number,
    readonly key: number,
    readonly perm: IpcPerm,
    readonly size: number,
    readonly cpid: number,
  ) {
    this.data = new Float64Array(size);
  }
}

/**
 * An attachment, kernel-side. User code never holds it: it gets the hardened facade from
 * [TO_USER] (id, size, readonly and the four accesses), whose methods close over this view.
 * Each access is a scheduling point but not a system call: shared memory is plain memory once
 * mapped, which is exactly why unsynchronised load/store sequences race.
 */
export class ShmView implements Facadeable {
  attached = true;
  readonly traceTag: string;
  private facade: object | null = null;

  constructor(
    private readonly k: Kernel,
    readonly owner: Process,
    readonly seg: ShmSegment,
    readonly readonly: boolean,
  ) {
    this.traceTag = `[shm ${seg.id}]`;
  }

  [TO_USER](): object {
    if (this.facade) return this.facade;
    const { k, owner } = this;
    const access = (name: string, impl: SyscallImpl) =>
      (...args: unknown[]): Promise<never> => {
        // Cells hold numbers and indices are numbers: anything else is refused by the access itself.
        const copied = args.map((a) => (typeof a === "object" || typeof a === "function" ? undefined : a));
        return k.submit(owner, name, impl, [this, ...copied], false) as Promise<never>;
      };
    this.facade = makeFacade(this, {
      id: this.seg.id,
      size: this.seg.size,
      readonly: this.readonly,
      load: access("load", shmLoad),
      store: access("store", shmStore),
      fetchAdd: access("fetchAdd", shmFetchAdd),
      compareExchange: access("compareExchange", shmCompareExchange),
    });
    return this.facade;
  }
}

export class ShmTable {
  readonly ns: IpcNamespace<ShmSegment>;
  readonly attachments = new Map<Process, ShmView[]>();
  constructor(ids: () => number) {
    this.ns = new IpcNamespace<ShmSegment>(ids);
  }

  detach(view: ShmView): void {
    view.attached = false;
    const list = this.attachments.get(view.owner);
    if (list) list.splice(list.indexOf(view), 1);
    const seg = view.seg;
    seg.nattch--;
    if (seg.nattch === 0 && seg.dest) this.ns.remove(seg);
  }

  snapshot(): { id: number; key: number; size: number; nattch: number; dest: boolean; data: number[] }[] {
    return [...this.ns.byId.values()].map((s) => ({ id: s.id, key: s.key, size: s.size, nattch: s.nattch, dest: s.dest, data: Array.from(s.data) }));
  }
}

function access(p: Process, r: Request, write: boolean): { view: ShmView; index: number } {
  const view = r.args[0] as ShmView;
  const index = r.args[1];
  if (!view.attached || view.owner !== p) fail("EINVAL", "segment is not attached in this process");
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= view.seg.size) fail("EINVAL", `index ${String(index)} outside segment of ${view.seg.size} cells`);
  if (write && view.readonly) fail("EACCES", "segment attached read-only");
  return { view, index };
}

function checkNumber(v: unknown): number {
  if (typeof v !== "number") fail("EINVAL", "shared memory cells hold numbers");
  return v;
}

function shmLoad(k: Kernel, p: Process, r: Request): number {
  const { view, index } = access(p, r, false);
  const value = view.seg.data[index];
  k.chargeShm(p, false);
  if (view.seg.obs !== null) view.seg.obs.read(p.pid, index, value, false);
  if (k.trace) k.record({ step: k.steps, pid: p.pid, kind: "shm-read", name: "load", shmid: view.seg.id, index, value });
  return value;
}

function writeCell(k: Kernel, p: Process, r: Request, view: ShmView, index: number, value: number, atomic: boolean): number {
  const old = view.seg.data[index];
  view.seg.data[index] = value;
  k.chargeShm(p, atomic);
  if (view.seg.obs !== null) view.seg.obs.write(r.name === "store" ? 1 : r.name === "fetchAdd" ? 2 : 3, p.pid, index, value, old);
  if (k.trace) k.record({ step: k.steps, pid: p.pid, kind: "shm-write", name: r.name, shmid: view.seg.id, index, value, old });
  return old;
}

function shmStore(k: Kernel, p: Process, r: Request): undefined {
  const { view, index } = access(p, r, true);
  writeCell(k, p, r, view, index, checkNumber(r.args[2]), false);
  return undefined;
}

function shmFetchAdd(k: Kernel, p: Process, r: Request): number {
  const { view, index } = access(p, r, true);
  return writeCell(k, p, r, view, index, view.seg.data[index] + checkNumber(r.args[2]), true);
}

function shmCompareExchange(k: Kernel, p: Process, r: Request): number {
  const { view, index } = access(p, r, true);
  const expected = checkNumber(r.args[2]);
  const replacement = checkNumber(r.args[3]);
  const old = view.seg.data[index];
  if (old !== expected) {
    k.chargeShm(p, true);
    if (view.seg.obs !== null) view.seg.obs.read(p.pid, index, old, true);
    if (k.trace) k.record({ step: k.steps, pid: p.pid, kind: "shm-read", name: r.name, shmid: view.seg.id, index, value: old });
    return old;
  }
  return writeCell(k, p, r, view, index, replacement, true);
}

export function sysShmget(k: Kernel, p: Process, r: Request): number {
  const [key, size, flags = 0] = r.args as [number, number, number?];
  if (!Number.isInteger(size) || size <= 0 || size > MAX_CELLS) fail("EINVAL", "size must be a positive number of cells");
  return k.shm.ns.get(
    p,
    key,
    flags,
    (id) => {
      const seg = new ShmSegment(id, key, makePerm(p, flags), size, p.pid);
      seg.obs = k.obs.shm(id, key, size, p.pid);
      return seg;
    },
    (seg) => {
      if (size > seg.size) fail("EINVAL", "segment exists with a smaller size");
    },
  );
}

export function sysShmat(k: Kernel, p: Process, r: Request): ShmView {
  const [id, opts] = r.args as [number, { readonly?: boolean }?];
  const seg = k.shm.ns.lookup(id);
  if (seg.dest) fail("EIDRM");
  const ro = !!opts?.readonly;
  checkAccess(p, seg.perm, ro ? R : R | W);
  const view = new ShmView(k, p, seg, ro);
  seg.nattch++;
  seg.lpid = p.pid;
  let list = k.shm.attachments.get(p);
  if (!list) {
    list = [];
    k.shm.attachments.set(p, list);
    p.cleanups.push(() => {
      for (const v of list!.slice()) k.shm.detach(v);
    });
  }
  list.push(view);
  return view;
}

export function sysShmdt(k: Kernel, p: Process, r: Request): number {
  const view = r.args[0];
  if (!(view instanceof ShmView) || !view.attached || view.owner !== p) fail("EINVAL");
  view.seg.lpid = p.pid;
  k.shm.detach(view);
  return 0;
}

export function sysShmctl(k: Kernel, p: Process, r: Request): unknown {
  const [id, cmd, buf] = r.args as [number, number, { uid?: number; gid?: number; mode?: number }?];
  const seg = k.shm.ns.lookup(id);
  switch (cmd) {
    case IPC_STAT:
      checkAccess(p, seg.perm, R);
      return { key: seg.key, ...seg.perm, size: seg.size, nattch: seg.nattch, dest: seg.dest, cpid: seg.cpid, lpid: seg.lpid };
    case IPC_SET:
      setPerm(p, seg.perm, buf ?? {});
      return 0;
    case IPC_RMID:
      if (!isOwner(p, seg.perm)) fail("EPERM");
      // Removal waits for the last detach; the key is free for new segments right away.
      seg.dest = true;
      if (seg.obs !== null && seg.obs.removed === null) seg.obs.removed = k.obs.removal(p.pid);
      k.shm.ns.unlinkKey(seg);
      if (seg.nattch === 0) k.shm.ns.remove(seg);
      return 0;
  }
  return fail("EINVAL", "unknown shmctl command");
}
