import { cloneValue, type JsonValue } from "./clone";
import { IPC_NOWAIT, IPC_RMID, IPC_SET, IPC_STAT, MSG_EXCEPT, MSG_NOERROR } from "./constants";
import { fail } from "./errors";
import type { Kernel } from "./kernel";
import { checkAccess, IpcNamespace, isOwner, makePerm, R, setPerm, W, type IpcPerm } from "./perm";
import type { Process, Request } from "./process";
import { utf8Length } from "./utf8";
import type { MessageRecord, MsgRecord } from "./observations";

interface Message {
  type: number;
  data: JsonValue;
  size: number;
  /** Its record in the queue's observations, if logged. */
  obs?: MessageRecord | null;
}

class MsgQueue {
  readonly messages: Message[] = [];
  readonly sendWait: Process[] = [];
  readonly recvWait: Process[] = [];
  cbytes = 0;
  lspid = 0;
  lrpid = 0;
  /** What the kernel observes of it (observations.ts); null past the cap. */
  obs: MsgRecord | null = null;
  constructor(
    readonly id: number,
    readonly key: number,
    readonly perm: IpcPerm,
    public qbytes: number,
  ) {}
}

export class MsgTable {
  readonly ns: IpcNamespace<MsgQueue>;
  constructor(ids: () => number) {
    this.ns = new IpcNamespace<MsgQueue>(ids);
  }

  snapshot(): { id: number; key: number; messages: { type: number; data: JsonValue }[] }[] {
    return [...this.ns.byId.values()].map((q) => ({ id: q.id, key: q.key, messages: q.messages.map((m) => ({ type: m.type, data: cloneValue(m.data) })) }));
  }
}

/** Bytes a message occupies: UTF-8 length for text, JSON length otherwise. */
function messageSize(data: JsonValue): number {
  return utf8Length(typeof data === "string" ? data : JSON.stringify(data));
}

export function sysMsgget(k: Kernel, p: Process, r: Request): number {
  const [key, flags = 0] = r.args as [number, number?];
  return k.msg.ns.get(p, key, flags, (id) => {
    const q = new MsgQueue(id, key, makePerm(p, flags), k.opts.msgQueueBytes);
    q.obs = k.obs.msgQueue(id, key, p.pid);
    return q;
  });
}

export function sysMsgsnd(k: Kernel, p: Process, r: Request): number | symbol {
  const [id, msg, flags = 0] = r.args as [number, { type: number; data: unknown }, number?];
  const q = k.msg.ns.lookup(id);
  checkAccess(p, q.perm, W);
  if (!msg || typeof msg !== "object" || !Number.isInteger(msg.type) || msg.type <= 0) fail("EINVAL", "message type must be a positive integer");
  // Copy in once, at the first attempt: later changes by the sender must not leak into the queue.
  const m = (r.progress ??= (() => {
    const data = cloneValue(msg.data);
    return { type: msg.type, data, size: messageSize(data) } satisfies Message;
  })()) as Message;
  if (m.size > k.opts.msgMax) fail("EINVAL", `message of ${m.size} bytes exceeds msgmax ${k.opts.msgMax}`);
  if (q.cbytes + m.size > q.qbytes) {
    if (flags & IPC_NOWAIT) fail("EAGAIN");
    return k.block(p, q.sendWait, { describe: () => `msgsnd on queue ${q.id} (full: ${q.cbytes}/${q.qbytes} bytes)`, object: () => ({ kind: "queue", id: q.id, op: "msgsnd" }) });
  }
  q.messages.push(m);
  q.cbytes += m.size;
  q.lspid = p.pid;
  if (q.obs !== null) m.obs = q.obs.sent(p.pid, m.type, m.data, m.size);
  k.chargeCopy(p, m.size);
  k.wakeAll(q.recvWait);
  return 0;
}

function selectMessage(q: MsgQueue, type: number, except: boolean): number {
  const ms = q.messages;
  if (type === 0) return ms.length ? 0 : -1;
  if (type > 0) return ms.findIndex((m) => (except ? m.type !== type : m.type === type));
  // Negative: the lowest type not above |type|, first among equals.
  let best = -1;
  for (let i = 0; i < ms.length; i++) if (ms[i].type <= -type && (best < 0 || ms[i].type < ms[best].type)) best = i;
  return best;
}

export function sysMsgrcv(k: Kernel, p: Process, r: Request): { type: number; data: JsonValue } | symbol {
  const [id, type = 0, flags = 0, maxSize] = r.args as [number, number?, number?, number?];
  const q = k.msg.ns.lookup(id);
  checkAccess(p, q.perm, R);
  if (!Number.isInteger(type)) fail("EINVAL", "type must be an integer");
  const i = selectMessage(q, type, (flags & MSG_EXCEPT) !== 0);
  if (i < 0) {
    if (flags & IPC_NOWAIT) fail("ENOMSG");
    return k.block(p, q.recvWait, { describe: () => `msgrcv on queue ${q.id} (type ${type})`, object: () => ({ kind: "queue", id: q.id, op: "msgrcv" }) });
  }
  const m = q.messages[i];
  let data = m.data;
  if (maxSize !== undefined && m.size > maxSize) {
    if (!(flags & MSG_NOERROR)) fail("E2BIG");
    if (typeof data === "string") data = data.slice(0, maxSize);
  }
  q.messages.splice(i, 1);
  q.cbytes -= m.size;
  q.lrpid = p.pid;
  if (q.obs !== null) q.obs.receivedBy(m.obs, p.pid);
  k.chargeCopy(p, m.size);
  k.wakeAll(q.sendWait);
  return { type: m.type, data };
}

export function sysMsgctl(k: Kernel, p: Process, r: Request): unknown {
  const [id, cmd, buf] = r.args as [number, number, { uid?: number; gid?: number; mode?: number; qbytes?: number }?];
  const q = k.msg.ns.lookup(id);
  switch (cmd) {
    case IPC_STAT:
      checkAccess(p, q.perm, R);
      return { key: q.key, ...q.perm, qnum: q.messages.length, qbytes: q.qbytes, cbytes: q.cbytes, lspid: q.lspid, lrpid: q.lrpid };
    case IPC_SET:
      if (buf?.qbytes !== undefined && buf.qbytes > q.qbytes && p.uid !== 0 && buf.qbytes > k.opts.msgQueueBytes) fail("EPERM", "only root may raise msg_qbytes above the default");
      setPerm(p, q.perm, buf ?? {});
      if (buf?.qbytes !== undefined) {
        if (!Number.isInteger(buf.qbytes) || buf.qbytes < 0) fail("EINVAL");
        q.qbytes = buf.qbytes;
        k.wakeAll(q.sendWait);
      }
      return 0;
    case IPC_RMID:
      if (!isOwner(p, q.perm)) fail("EPERM");
      if (q.obs !== null) q.obs.removed = k.obs.removal(p.pid);
      k.msg.ns.remove(q);
      k.wakeAll(q.sendWait, "EIDRM");
      k.wakeAll(q.recvWait, "EIDRM");
      return 0;
  }
  return fail("EINVAL", "unknown msgctl command");
}
