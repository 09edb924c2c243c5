import { ByteQueue } from "./byte-queue";
import { AF_INET, AF_UNIX, SHUT_RD, SHUT_RDWR, SHUT_WR, SIGPIPE, SOCK_DGRAM, SOCK_STREAM } from "./constants";
import { fail } from "./errors";
import { getFile, installFd, OpenFile, type FileOps } from "./fd";
import { checkCount, sysRead, sysWrite, toBytes } from "./io";
import type { Kernel } from "./kernel";
import { checkAccess, isOwner, W, type IpcPerm } from "./perm";
import { BLOCKED, type Process, type Request } from "./process";
import { utf8Decode } from "./utf8";

interface Datagram {
  data: Uint8Array;
  from: string;
}

export class SocketTable {
  /** Bound addresses, keyed by domain, type and address (TCP and UDP ports are separate namespaces). */
  readonly bound = new Map<string, Socket>();
}

function addrKey(domain: number, type: number, addr: string): string {
  return `${domain}/${type}/${addr}`;
}

/**
 * A socket is its own open-file operations, so read()/write() on a socket
 * descriptor behave like recv()/send().
 */
export class Socket implements FileOps {
  readonly kind = "socket" as const;
  readonly inet: boolean;
  state: "new" | "listening" | "connected" | "closed" = "new";
  addr: string | null = null;
  perm: IpcPerm | null = null;
  peer: Socket | null = null;
  defaultPeer: string | null = null;
  recvBuf: ByteQueue | null = null;
  readonly dgrams: Datagram[] = [];
  dgramBytes = 0;
  readonly backlog: Socket[] = [];
  backlogMax = 0;
  shutRd = false;
  shutWr = false;
  readonly recvWait: Process[] = [];
  /** Senders waiting for room in this socket's receive buffer. */
  readonly spaceWait: Process[] = [];
  readonly acceptWait: Process[] = [];
  readonly connectWait: Process[] = [];

  constructor(
    readonly k: Kernel,
    readonly id: number,
    readonly domain: number,
    readonly type: number,
  ) {
    this.inet = domain === AF_INET;
  }

  get stream(): boolean {
    return this.type === SOCK_STREAM;
  }

  private get peerEof(): boolean {
    const peer = this.peer;
    return !peer || peer.state === "closed" || peer.shutWr;
  }

  describe(): string {
    return `${this.inet ? "inet" : "unix"} ${this.stream ? "stream" : "dgram"} socket ${this.id}${this.addr ? ` (${this.addr})` : ""}`;
  }

  read(k: Kernel, p: Process, _r: Request, of: OpenFile, max: number): Uint8Array | typeof BLOCKED {
    if (!this.stream) {
      const d = this.recvDatagram(k, p, of, max);
      return d === BLOCKED ? d : d.data;
    }
    if (this.state !== "connected") fail("ENOTCONN");
    const buf = this.recvBuf!;
    if (this.shutRd) return new Uint8Array(0);
    if (buf.length > 0 && max > 0) {
      // Streams have no message boundaries: the (seeded) kernel decides how much of what is there to hand over.
      const avail = Math.min(buf.length, max);
      const n = k.prng.int(2) === 0 ? avail : 1 + k.prng.int(avail);
      const out = buf.shift(n);
      k.wakeAll(this.spaceWait);
      return out;
    }
    if (this.peerEof || max === 0) return new Uint8Array(0);
    if (of.nonblock) fail("EAGAIN");
    return k.block(p, this.recvWait, { describe: () => `recv on ${this.describe()}`, holder: () => this.peerPid() });
  }

  recvDatagram(k: Kernel, p: Process, of: OpenFile, max: number): Datagram | typeof BLOCKED {
    const d = this.dgrams.shift();
    if (d) {
      this.dgramBytes -= d.data.length;
      k.wakeAll(this.spaceWait);
      // A datagram is delivered whole or truncated; the rest is discarded, never split across calls.
      return { data: d.data.subarray(0, max), from: d.from };
    }
    if (this.shutRd) return { data: new Uint8Array(0), from: "" };
    if (of.nonblock) fail("EAGAIN");
    return k.block(p, this.recvWait, { describe: () => `recvfrom on ${this.describe()}` });
  }

  write(k: Kernel, p: Process, r: Request, of: OpenFile, data: Uint8Array): number | typeof BLOCKED {
    if (!this.stream) {
      if (this.defaultPeer === null) fail("EDESTADDRREQ");
      return this.sendDatagram(k, p, r, of, data, this.defaultPeer);
    }
    if (this.state !== "connected") fail(this.state === "closed" ? "EPIPE" : "ENOTCONN");
    const prog = (r.progress ??= { bytes: data, done: 0 }) as { bytes: Uint8Array; done: number };
    const peer = this.peer!;
    if (this.shutWr || peer.state === "closed" || peer.shutRd) {
      k.post(p, SIGPIPE, p.pid);
      if (prog.done > 0) return prog.done;
      fail("EPIPE");
    }
    const n = peer.recvBuf!.push(prog.bytes, prog.done);
    if (n > 0) {
      prog.done += n;
      k.chargeCopy(p, n, this.inet);
      k.wakeAll(peer.recvWait);
    }
    if (prog.done === prog.bytes.length) return prog.done;
    if (of.nonblock) {
      if (prog.done > 0) return prog.done;
      fail("EAGAIN");
    }
    return k.block(p, peer.spaceWait, { describe: () => `send on ${this.describe()} (peer buffer full)`, holder: () => this.peerPid() });
  }

  sendDatagram(k: Kernel, p: Process, _r: Request, of: OpenFile, data: Uint8Array, addr: string): number | typeof BLOCKED {
    if (data.length > k.opts.socketBuffer) fail("EMSGSIZE");
    const target = k.sockets.bound.get(addrKey(this.domain, SOCK_DGRAM, addr));
    if (!target || target.state === "closed") fail("ECONNREFUSED");
    if (target.perm) checkAccess(p, target.perm, W);
    if (target.dgramBytes + data.length > k.opts.socketBuffer) {
      if (of.nonblock) fail("EAGAIN");
      return k.block(p, target.spaceWait, { describe: () => `sendto ${addr} (receive queue full)` });
    }
    target.dgrams.push({ data, from: this.addr ?? "" });
    target.dgramBytes += data.length;
    k.chargeCopy(p, data.length, this.inet);
    k.wakeAll(target.recvWait);
    return data.length;
  }

  private peerPid(): number | undefined {
    const peer = this.peer;
    if (!peer) return undefined;
    for (const q of this.k.procs.values()) if (q.alive && q.fds.some((of) => of?.ops === peer)) return q.pid;
    return undefined;
  }

  release(k: Kernel): void {
    if (this.addr !== null && k.sockets.bound.get(addrKey(this.domain, this.type, this.addr)) === this) {
      k.sockets.bound.delete(addrKey(this.domain, this.type, this.addr));
    }
    const wasListening = this.state === "listening";
    this.state = "closed";
    if (wasListening) {
      // Connections never accepted are reset: their clients see EOF / EPIPE.
      for (const s of this.backlog.splice(0)) s.release(k);
      k.wakeAll(this.connectWait);
      k.wakeAll(this.acceptWait);
    }
    if (this.peer) {
      k.wakeAll(this.peer.recvWait);
      k.wakeAll(this.peer.spaceWait);
    }
    k.wakeAll(this.spaceWait);
    k.wakeAll(this.recvWait);
  }
}

function getSocket(p: Process, fd: unknown): { sock: Socket; of: OpenFile } {
  const of = getFile(p, fd);
  if (!(of.ops instanceof Socket)) fail("ENOTSOCK");
  return { sock: of.ops, of };
}

export function sysSocket(k: Kernel, p: Process, r: Request): number {
  const [domain, type] = r.args as [number, number];
  if (domain !== AF_UNIX && domain !== AF_INET) fail("EINVAL", "domain must be AF_UNIX or AF_INET");
  if (type !== SOCK_STREAM && type !== SOCK_DGRAM) fail("EINVAL", "type must be SOCK_STREAM or SOCK_DGRAM");
  return installFd(k, p, new OpenFile(new Socket(k, k.newObjectId(), domain, type)));
}

function checkAddress(sock: Socket, addr: unknown): string {
  if (typeof addr !== "string" || addr.length === 0) fail("EINVAL", "address must be a non-empty string");
  if (sock.inet) {
    const m = /^([^:\s]+):(\d+)$/.exec(addr);
    if (!m || +m[2] < 1 || +m[2] > 65535) fail("EINVAL", 'AF_INET addresses look like "127.0.0.1:8080"');
  }
  return addr;
}

export function sysBind(k: Kernel, p: Process, r: Request): number {
  const { sock } = getSocket(p, r.args[0]);
  const addr = checkAddress(sock, r.args[1]);
  if (sock.addr !== null || sock.state !== "new") fail("EINVAL", "socket is already bound");
  if (sock.inet && +addr.split(":")[1] < 1024 && p.uid !== 0) fail("EACCES", "ports below 1024 need root");
  const key = addrKey(sock.domain, sock.type, addr);
  if (k.sockets.bound.has(key)) fail("EADDRINUSE");
  k.sockets.bound.set(key, sock);
  sock.addr = addr;
  // Like a socket file created under umask 022: others may not connect until chmod.
  if (!sock.inet) sock.perm = { uid: p.uid, gid: p.gid, cuid: p.uid, cgid: p.gid, mode: 0o755 };
  return 0;
}

export function sysListen(k: Kernel, p: Process, r: Request): number {
  const { sock } = getSocket(p, r.args[0]);
  if (!sock.stream) fail("EOPNOTSUPP");
  if (sock.addr === null || sock.state === "connected") fail("EINVAL", "listen needs a bound, unconnected socket");
  const backlog = (r.args[1] as number | undefined) ?? 16;
  sock.backlogMax = Math.max(1, Math.min(k.opts.listenBacklogMax, Math.floor(backlog)));
  sock.state = "listening";
  return 0;
}

/** Stream connect completes once the connection is queued on the listener (the kernel does the handshake); a full backlog makes the caller wait. */
export function sysConnect(k: Kernel, p: Process, r: Request): number | typeof BLOCKED {
  const { sock, of } = getSocket(p, r.args[0]);
  const addr = checkAddress(sock, r.args[1]);
  if (!sock.stream) {
    if (!k.sockets.bound.has(addrKey(sock.domain, SOCK_DGRAM, addr))) fail("ECONNREFUSED");
    sock.defaultPeer = addr;
    return 0;
  }
  if (sock.state === "connected") fail("EISCONN");
  if (sock.state !== "new") fail("EINVAL");
  const listener = k.sockets.bound.get(addrKey(sock.domain, SOCK_STREAM, addr));
  if (!listener || listener.state !== "listening") fail("ECONNREFUSED");
  if (listener.perm) checkAccess(p, listener.perm, W);
  if (listener.backlog.length >= listener.backlogMax) {
    if (of.nonblock) fail("EAGAIN");
    return k.block(p, listener.connectWait, { describe: () => `connect to ${addr} (backlog full)` });
  }
  const server = new Socket(k, k.newObjectId(), sock.domain, SOCK_STREAM);
  server.addr = addr;
  for (const s of [sock, server]) {
    s.state = "connected";
    s.recvBuf = new ByteQueue(k.opts.socketBuffer);
  }
  sock.peer = server;
  server.peer = sock;
  listener.backlog.push(server);
  k.wakeAll(listener.acceptWait);
  return 0;
}

export function sysAccept(k: Kernel, p: Process, r: Request): number | typeof BLOCKED {
  const { sock, of } = getSocket(p, r.args[0]);
  if (sock.state !== "listening") fail("EINVAL", "socket is not listening");
  const conn = sock.backlog.shift();
  if (!conn) {
    if (of.nonblock) fail("EAGAIN");
    return k.block(p, sock.acceptWait, { describe: () => `accept on ${sock.addr}` });
  }
  k.wakeAll(sock.connectWait);
  return installFd(k, p, new OpenFile(conn));
}

// On a stream socket send/recv are write/read (after the ENOTSOCK check): one code path.
export function sysSend(k: Kernel, p: Process, r: Request): number | typeof BLOCKED {
  getSocket(p, r.args[0]);
  return sysWrite(k, p, r);
}

export function sysRecv(k: Kernel, p: Process, r: Request): string | typeof BLOCKED {
  getSocket(p, r.args[0]);
  return sysRead(k, p, r);
}

export function sysSendto(k: Kernel, p: Process, r: Request): number | typeof BLOCKED {
  const { sock, of } = getSocket(p, r.args[0]);
  if (sock.stream) return sysSend(k, p, r);
  return sock.sendDatagram(k, p, r, of, toBytes(r.args[1]), checkAddress(sock, r.args[2]));
}

export function sysRecvfrom(k: Kernel, p: Process, r: Request): { data: string; from: string } | typeof BLOCKED {
  const { sock, of } = getSocket(p, r.args[0]);
  if (sock.stream) {
    const data = sysRead(k, p, r);
    return data === BLOCKED ? data : { data, from: sock.peer?.addr ?? "" };
  }
  const d = sock.recvDatagram(k, p, of, checkCount(r.args[1] ?? 65536));
  if (d === BLOCKED) return d;
  k.chargeCopy(p, d.data.length, sock.inet);
  return { data: utf8Decode(d.data), from: d.from };
}

export function sysShutdown(k: Kernel, p: Process, r: Request): number {
  const { sock } = getSocket(p, r.args[0]);
  const how = r.args[1] as number;
  if (how !== SHUT_RD && how !== SHUT_WR && how !== SHUT_RDWR) fail("EINVAL");
  if (sock.state !== "connected") fail("ENOTCONN");
  if (how !== SHUT_WR) {
    sock.shutRd = true;
    k.wakeAll(sock.recvWait);
    k.wakeAll(sock.spaceWait);
  }
  if (how !== SHUT_RD) {
    sock.shutWr = true;
    if (sock.peer) k.wakeAll(sock.peer.recvWait);
  }
  return 0;
}

/** chmod on a bound AF_UNIX socket path (the only writable inodes in this file system). */
export function sysChmod(k: Kernel, p: Process, r: Request): number {
  const [path, mode] = r.args as [string, number];
  for (const type of [SOCK_STREAM, SOCK_DGRAM]) {
    const s = k.sockets.bound.get(addrKey(AF_UNIX, type, path));
    if (s?.perm) {
      if (!isOwner(p, s.perm)) fail("EPERM");
      s.perm.mode = mode & 0o777;
      return 0;
    }
  }
  return fail("ENOENT");
}
