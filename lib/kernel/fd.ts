import { fail } from "./errors";
import type { Kernel } from "./kernel";
import type { Process, Request } from "./process";
import { BLOCKED } from "./process";

/**
 * What an open file description can do. Pipes, sockets and files implement
 * the subset that makes sense; a missing operation means EBADF (e.g. reading
 * from a pipe's write end), matching what read(2)/write(2) report.
 */
export interface FileOps {
  readonly kind: "pipe" | "socket" | "file" | "console";
  read?(k: Kernel, p: Process, r: Request, of: OpenFile, max: number): Uint8Array | typeof BLOCKED;
  write?(k: Kernel, p: Process, r: Request, of: OpenFile, data: Uint8Array): number | typeof BLOCKED;
  /** Called when the last descriptor referring to this description is closed. */
  release(k: Kernel): void;
  describe(): string;
}

/** An open file description: shared (with its flags) by dup'ed and inherited descriptors. */
export class OpenFile {
  refs = 0;
  constructor(
    readonly ops: FileOps,
    public nonblock = false,
  ) {}
}

export function installFd(k: Kernel, p: Process, of: OpenFile, at?: number): number {
  let fd = at ?? p.fds.indexOf(null);
  if (fd < 0) fd = p.fds.length;
  if (fd >= k.opts.maxFds) fail("EMFILE");
  while (p.fds.length <= fd) p.fds.push(null);
  p.fds[fd] = of;
  of.refs++;
  return fd;
}

/** Allocates all descriptors or none, so pipe()/socketpair-style calls never leak on EMFILE. */
export function installFds(k: Kernel, p: Process, files: OpenFile[]): number[] {
  const free = p.fds.reduce((n, f) => n + (f === null ? 1 : 0), 0) + Math.max(0, k.opts.maxFds - p.fds.length);
  if (free < files.length) fail("EMFILE");
  return files.map((f) => installFd(k, p, f));
}

export function getFile(p: Process, fd: unknown): OpenFile {
  const of = typeof fd === "number" ? p.fds[fd] : undefined;
  if (!of) fail("EBADF");
  return of;
}

export function closeFd(k: Kernel, p: Process, fd: number): void {
  const of = getFile(p, fd);
  p.fds[fd] = null;
  if (--of.refs === 0) of.ops.release(k);
}

export function closeAllFds(k: Kernel, p: Process): void {
  for (let fd = 0; fd < p.fds.length; fd++) if (p.fds[fd]) closeFd(k, p, fd);
}

/** fork semantics: a copied table whose entries share the parent's open file descriptions. */
export function inheritFds(parent: Process, child: Process): void {
  child.fds = parent.fds.slice();
  for (const of of child.fds) if (of) of.refs++;
}
