import { F_GETFL, F_SETFL, O_NONBLOCK } from "./constants";
import { fail } from "./errors";
import { closeFd, getFile, installFd } from "./fd";
import type { Kernel } from "./kernel";
import { BLOCKED, type Process, type Request } from "./process";
import { utf8Decode, utf8Encode } from "./utf8";

/** Accepted write payloads: text (sent as UTF-8), bytes, or an array of byte values. */
export function toBytes(data: unknown): Uint8Array {
  if (typeof data === "string") return utf8Encode(data);
  // A plain copy through internal slots: slice() would run a subclass's Symbol.species (student code) in the kernel.
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (Array.isArray(data) && data.every((b) => Number.isInteger(b) && b >= 0 && b < 256)) return Uint8Array.from(data as number[]);
  return fail("EINVAL", "data must be a string, Uint8Array or array of bytes");
}

export function checkCount(max: unknown): number {
  if (typeof max !== "number" || !Number.isInteger(max) || max < 0) fail("EINVAL", "byte count must be a non-negative integer");
  return max;
}

export function sysReadBytes(k: Kernel, p: Process, r: Request): Uint8Array | typeof BLOCKED {
  const of = getFile(p, r.args[0]);
  const max = checkCount(r.args[1] ?? 65536);
  if (!of.ops.read) fail("EBADF", "not open for reading");
  const v = of.ops.read(k, p, r, of, max);
  if (v !== BLOCKED) k.chargeCopy(p, v.length, of.ops.kind === "socket" && (of.ops as { inet?: boolean }).inet);
  return v;
}

/** read(2) decoded as UTF-8; a multi-byte character split across reads decodes as U+FFFD (use readBytes). */
export function sysRead(k: Kernel, p: Process, r: Request): string | typeof BLOCKED {
  const v = sysReadBytes(k, p, r);
  return v === BLOCKED ? v : utf8Decode(v);
}

export function sysWrite(k: Kernel, p: Process, r: Request): number | typeof BLOCKED {
  const of = getFile(p, r.args[0]);
  if (!of.ops.write) fail("EBADF", "not open for writing");
  // Convert once; retries after blocking reuse the same bytes via r.progress.
  const data = r.progress ? (r.progress as { bytes: Uint8Array }).bytes : toBytes(r.args[1]);
  return of.ops.write(k, p, r, of, data);
}

export function sysClose(k: Kernel, p: Process, r: Request): number {
  closeFd(k, p, r.args[0] as number);
  return 0;
}

export function sysDup(k: Kernel, p: Process, r: Request): number {
  return installFd(k, p, getFile(p, r.args[0]));
}

export function sysDup2(k: Kernel, p: Process, r: Request): number {
  const [oldfd, newfd] = r.args as [number, number];
  const of = getFile(p, oldfd);
  if (typeof newfd !== "number" || !Number.isInteger(newfd) || newfd < 0 || newfd >= k.opts.maxFds) fail("EBADF");
  if (oldfd === newfd) return newfd;
  if (p.fds[newfd]) closeFd(k, p, newfd);
  return installFd(k, p, of, newfd);
}

export function sysFcntl(_k: Kernel, p: Process, r: Request): number {
  const [fd, cmd, flags] = r.args as [number, number, number];
  const of = getFile(p, fd);
  if (cmd === F_GETFL) return of.nonblock ? O_NONBLOCK : 0;
  if (cmd === F_SETFL) {
    of.nonblock = ((flags ?? 0) & O_NONBLOCK) !== 0;
    return 0;
  }
  return fail("EINVAL", "unsupported fcntl command");
}

export function sysOpen(k: Kernel, p: Process, r: Request): number {
  return installFd(k, p, k.fs.open(p, r.args[0] as string, (r.args[1] as string | undefined) ?? "r"));
}

export function sysReaddir(k: Kernel, _p: Process, r: Request): string[] {
  return k.fs.list((r.args[0] as string | undefined) ?? "/");
}
