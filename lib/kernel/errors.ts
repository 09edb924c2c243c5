import { harden } from "./user-boundary";

/** errno names, numbers (Linux x86-64 values) and strerror texts. */
export const ERRNO = {
  EPERM: [1, "Operation not permitted"],
  ENOENT: [2, "No such file or directory"],
  ESRCH: [3, "No such process"],
  EINTR: [4, "Interrupted system call"],
  E2BIG: [7, "Argument list too long"],
  EBADF: [9, "Bad file descriptor"],
  ECHILD: [10, "No child processes"],
  EAGAIN: [11, "Resource temporarily unavailable"],
  EACCES: [13, "Permission denied"],
  EBUSY: [16, "Device or resource busy"],
  EEXIST: [17, "File exists"],
  EINVAL: [22, "Invalid argument"],
  EMFILE: [24, "Too many open files"],
  ENOSPC: [28, "No space left on device"],
  ESPIPE: [29, "Illegal seek"],
  EROFS: [30, "Read-only file system"],
  EPIPE: [32, "Broken pipe"],
  ERANGE: [34, "Numerical result out of range"],
  EDEADLK: [35, "Resource deadlock avoided"],
  ENOMSG: [42, "No message of desired type"],
  EIDRM: [43, "Identifier removed"],
  ENOTSOCK: [88, "Socket operation on non-socket"],
  EDESTADDRREQ: [89, "Destination address required"],
  EMSGSIZE: [90, "Message too long"],
  EOPNOTSUPP: [95, "Operation not supported"],
  EADDRINUSE: [98, "Address already in use"],
  ECONNRESET: [104, "Connection reset by peer"],
  EISCONN: [106, "Transport endpoint is already connected"],
  ENOTCONN: [107, "Transport endpoint is not connected"],
  ECONNREFUSED: [111, "Connection refused"],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrnoCode = keyof typeof ERRNO;

/** Error thrown into student code by a failed system call, shaped like C's errno. */
export class IpcError extends Error {
  readonly code: ErrnoCode;
  readonly errno: number;
  readonly syscall: string;

  constructor(syscall: string, code: ErrnoCode, detail?: string) {
    const [errno, text] = ERRNO[code];
    super(`${syscall}: ${code} (${text})${detail ? `: ${detail}` : ""}`);
    // Defined, not assigned: in the sandbox Error.prototype is frozen, and assigning a property that a
    // frozen prototype holds as read-only throws a TypeError (the "override mistake").
    Object.defineProperty(this, "name", { value: "IpcError", writable: true, configurable: true, enumerable: false });
    this.code = code;
    this.errno = errno;
    this.syscall = syscall;
  }
}

// One class for every process: frozen, so no process can change it or hang state on it.
harden(IpcError);

/** The error a failed call throws into user code: a fresh, hardened IpcError made from primitives only. */
export function userError(syscall: string, e: unknown): Error {
  if (e instanceof Errno) return harden(new IpcError(syscall, e.code, e.detail));
  if (e instanceof IpcError) return harden(new IpcError(e.syscall, e.code, detailOf(e)));
  // A kernel-side JavaScript error (a bug, or a limit of the engine): its text, never the object.
  const message = e instanceof Error ? e.message : String(e);
  return harden(e instanceof RangeError ? new RangeError(message) : new TypeError(`${syscall}: ${message}`));
}

function detailOf(e: IpcError): string | undefined {
  const prefix = `${e.syscall}: ${e.code} (${ERRNO[e.code][1]})`;
  return e.message.startsWith(`${prefix}: `) ? e.message.slice(prefix.length + 2) : undefined;
}

/**
 * Thrown inside syscall implementations; the kernel rewrites it into an IpcError
 * carrying the syscall name, so implementations need not repeat their own name.
 */
export class Errno {
  constructor(
    readonly code: ErrnoCode,
    readonly detail?: string,
  ) {}
}

export function fail(code: ErrnoCode, detail?: string): never {
  throw new Errno(code, detail);
}
