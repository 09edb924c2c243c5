import { CONSTANTS } from "./constants";
import { fail, IpcError } from "./errors";
import type { Kernel, SpawnOptions } from "./kernel";
import type { Process, SyscallImpl } from "./process";
import type { Ipc } from "./ipc";
import { sysClose, sysDup, sysDup2, sysFcntl, sysOpen, sysRead, sysReadBytes, sysReaddir, sysWrite } from "./io";
import { sysPipe } from "./pipe";
import { sysMsgctl, sysMsgget, sysMsgrcv, sysMsgsnd } from "./msgqueue";
import { sysShmat, sysShmctl, sysShmdt, sysShmget } from "./shm";
import {
  sysMutexCreate, sysMutexLock, sysMutexTrylock, sysMutexUnlock, sysSemClose, sysSemctl, sysSemget, sysSemGetvalue,
  sysSemop, sysSemOpen, sysSemPost, sysSemTrywait, sysSemUnlink, sysSemWait,
} from "./sem";
import { sysAlarm, sysKill, sysPause, sysSigaction, sysSignal, sysSigpending, sysSigprocmask, sysSigsuspend, sysSleep } from "./signals";
import { sysExit, sysSpawn, sysWait, sysWaitpid } from "./proc";
import {
  sysAccept, sysBind, sysChmod, sysConnect, sysListen, sysRecv, sysRecvfrom, sysSend, sysSendto, sysShutdown, sysSocket,
} from "./socket";
import { toTraceJson } from "./trace";

export type { Ipc } from "./ipc";

/** Every kernel-mediated operation. Each call is a scheduling point. */
export const SYSCALLS: Record<string, SyscallImpl> = {
  spawn: sysSpawn,
  wait: sysWait,
  waitpid: sysWaitpid,
  exit: sysExit,
  kill: sysKill,
  signal: sysSignal,
  sigaction: sysSigaction,
  sigprocmask: sysSigprocmask,
  sigpending: sysSigpending,
  pause: sysPause,
  sigsuspend: sysSigsuspend,
  alarm: sysAlarm,
  sleep: sysSleep,
  sched_yield: () => 0,
  pipe: sysPipe,
  read: sysRead,
  readBytes: sysReadBytes,
  write: sysWrite,
  close: sysClose,
  dup: sysDup,
  dup2: sysDup2,
  fcntl: sysFcntl,
  open: sysOpen,
  readdir: sysReaddir,
  msgget: sysMsgget,
  msgsnd: sysMsgsnd,
  msgrcv: sysMsgrcv,
  msgctl: sysMsgctl,
  shmget: sysShmget,
  shmat: sysShmat,
  shmdt: sysShmdt,
  shmctl: sysShmctl,
  semget: sysSemget,
  semop: sysSemop,
  semctl: sysSemctl,
  sem_open: sysSemOpen,
  sem_wait: sysSemWait,
  sem_trywait: sysSemTrywait,
  sem_post: sysSemPost,
  sem_getvalue: sysSemGetvalue,
  sem_close: sysSemClose,
  sem_unlink: sysSemUnlink,
  mutex_create: sysMutexCreate,
  mutex_lock: sysMutexLock,
  mutex_trylock: sysMutexTrylock,
  mutex_unlock: sysMutexUnlock,
  socket: sysSocket,
  bind: sysBind,
  listen: sysListen,
  accept: sysAccept,
  connect: sysConnect,
  send: sysSend,
  recv: sysRecv,
  sendto: sysSendto,
  recvfrom: sysRecvfrom,
  shutdown: sysShutdown,
  chmod: sysChmod,
};

/** Calls that POSIX never restarts after a handler, whatever SA_RESTART says. */
const NON_RESTARTABLE = new Set(["pause", "sigsuspend", "sleep"]);

/** Process-local queries: they touch no shared state, so they are synchronous and not scheduling points. */
export const LOCAL_CALLS = ["getpid", "getppid", "getuid", "getgid", "random", "now", "print", "log"] as const;

function format(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(toTraceJson(v));
}

type Owner = { k: Kernel; p: Process; fns: Record<string, unknown> };

// Which process an ipc object belongs to. A WeakMap, not a property: student code receives the
// object and must not reach the kernel or its own process record through it.
const OWNERS = new WeakMap<object, Owner>();

function owner(receiver: unknown, name: string): Owner {
  const o = OWNERS.get(receiver as object);
  if (!o) throw new TypeError(`ipc.${name} must be called on the ipc module`);
  return o;
}

/** The stub of one call for one process, made on first use (most programs use a handful). */
function stubFor(name: string, make: (o: Owner) => unknown) {
  return {
    get(this: unknown) {
      const o = owner(this, name);
      return (o.fns[name] ??= make(o));
    },
    enumerable: true,
  };
}

// One frozen prototype for every process: constants, plus getters that hand out stubs bound to
// the calling process. Building ~60 closures per process dominated exploration profiles.
const IPC_PROTO: object = (() => {
  const descriptors: PropertyDescriptorMap = {};
  for (const name of Object.keys(SYSCALLS)) {
    const impl = SYSCALLS[name];
    const restartable = !NON_RESTARTABLE.has(name);
    descriptors[name] = stubFor(name, ({ k, p }) => (...args: unknown[]) => k.submit(p, name, impl, args, true, restartable));
  }
  descriptors.getpid = stubFor("getpid", ({ p }) => () => p.pid);
  descriptors.getppid = stubFor("getppid", ({ p }) => () => p.ppid);
  descriptors.getuid = stubFor("getuid", ({ p }) => () => p.uid);
  descriptors.getgid = stubFor("getgid", ({ p }) => () => p.gid);
  descriptors.random = stubFor("random", ({ k }) => () => k.prng.float());
  descriptors.now = stubFor("now", ({ k }) => () => k.now);
  const print = ({ k, p }: Owner) => (...parts: unknown[]) => k.print(p, parts.map(format).join(" ") + "\n");
  descriptors.print = stubFor("print", print);
  descriptors.log = stubFor("log", print);
  return Object.freeze(Object.create(Object.freeze({ ...CONSTANTS, IpcError }), descriptors));
})();

/** Builds the `ipc` object a process sees; every call on it is bound to that process. */
export function makeIpc(k: Kernel, p: Process): Ipc {
  const ipc = Object.create(IPC_PROTO) as object;
  OWNERS.set(ipc, { k, p, fns: Object.create(null) as Record<string, unknown> });
  return ipc as Ipc;
}

/** The privileged API given to `program.setup`: same calls, run synchronously as root before any process starts. */
export interface SetupApi {
  spawn(entry: string | ((ipc: Ipc, args: unknown[]) => unknown), args?: unknown[], opts?: SpawnOptions): number;
  msgget(key: number, flags?: number): number;
  msgsnd(id: number, msg: { type: number; data: unknown }, flags?: number): number;
  shmget(key: number, size: number, flags?: number): number;
  shmctl(id: number, cmd: number, buf?: object): unknown;
  /** Writes a shared-memory cell directly (initial contents). */
  poke(shmid: number, index: number, value: number): void;
  semget(key: number, nsems: number, flags?: number): number;
  semctl(id: number, num: number, cmd: number, arg?: unknown): unknown;
  sem_open(name: string, opts?: { create?: boolean; excl?: boolean; value?: number; mode?: number }): number;
  mutex_create(name: string, opts?: { mode?: number }): number;
  msgctl(id: number, cmd: number, buf?: object): unknown;
}

export function makeSetupApi(k: Kernel): SetupApi {
  const api: Record<string, unknown> = {};
  for (const name of ["msgget", "msgsnd", "msgctl", "shmget", "shmctl", "semget", "semctl", "sem_open", "mutex_create"]) {
    api[name] = (...args: unknown[]) => k.privileged(name, SYSCALLS[name], args);
  }
  api.spawn = (entry: string | ((ipc: Ipc, args: unknown[]) => unknown), args: unknown[] = [], opts: SpawnOptions = {}) =>
    k.spawn(null, entry as never, args, opts).pid;
  api.poke = (shmid: number, index: number, value: number) =>
    k.privileged("poke", (kk) => {
      const seg = kk.shm.ns.lookup(shmid);
      if (!Number.isInteger(index) || index < 0 || index >= seg.size) fail("EINVAL", "index outside segment");
      seg.data[index] = value;
    }, []);
  return api as unknown as SetupApi;
}
