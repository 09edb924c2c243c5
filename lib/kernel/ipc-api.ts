import { CONSTANTS } from "./constants";
import { Errno, fail, IpcError, userError } from "./errors";
import { copyIn, CopyError, harden } from "./user-boundary";

// Per-process objects over hardened prototypes, with no properties of their own: freezing is hardening.
const { freeze } = Object;
import type { Kernel, SpawnOptions } from "./kernel";
import type { Process, SyscallImpl } from "./process";
import type { Ipc } from "./ipc";
import { sysClose, sysDup, sysDup2, sysFcntl, sysOpen, sysRead, sysReadBytes, sysReaddir, sysWrite } from "./io";
import { sysPipe } from "./pipe";
import { sysMsgctl, sysMsgget, sysMsgrcv, sysMsgsnd } from "./msgqueue";
import { sysShmat, sysShmctl, sysShmdt, sysShmget } from "./shm";
import {
  createLatch, sysLatchPost, sysLatchWait, type Latch, sysMutexCreate, sysMutexLock, sysMutexTrylock, sysMutexUnlock, sysSemClose, sysSemctl, sysSemget, sysSemGetvalue,
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

/** The stub of one call for one process, made on first use (most programs use a handful) and hardened. */
function stubFor(name: string, make: (o: Owner) => (...args: never[]) => unknown) {
  return {
    get(this: unknown) {
      const o = owner(this, name);
      return (o.fns[name] ??= freeze(make(o)));
    },
    enumerable: true,
  };
}

/** Calls whose arguments may hold the process's own functions (signal handlers), kept by reference. */
const TAKES_HANDLERS = new Set(["signal", "sigaction"]);

/** A call whose arguments could not be copied fails like a bad pointer would, with no scheduling point. */
function refuse(name: string, error: unknown): Promise<never> {
  return Promise.reject(error instanceof CopyError ? userError(name, new Errno("EINVAL", error.message)) : error);
}

/** The arguments as kernel-owned copies (see copyIn): the kernel validates and uses only these. */
function copyArgs(name: string, args: unknown[]): unknown[] {
  // Most calls pass only primitives: the rest-parameter array is the stub's own, so it can be used as is.
  let primitive = true;
  for (let i = 0; i < args.length && primitive; i++) primitive = (typeof args[i] !== "object" || args[i] === null) && typeof args[i] !== "function";
  if (primitive) return args;
  const handlers = TAKES_HANDLERS.has(name);
  const out: unknown[] = [];
  for (let i = 0; i < args.length; i++) out.push(copyIn(args[i], handlers));
  return out;
}

function syscallStub(name: string, impl: SyscallImpl) {
  const restartable = !NON_RESTARTABLE.has(name);
  return ({ k, p }: Owner) =>
    (...args: unknown[]) => {
      let copied: unknown[];
      try {
        copied = copyArgs(name, args);
      } catch (error) {
        return refuse(name, error);
      }
      return k.submit(p, name, impl, copied, true, restartable);
    };
}

/**
 * spawn resolves its entry in the caller's turn, against the caller's own module (reading
 * exports can run the caller's code): the kernel receives only the export's name and whether
 * the module has it, never the function or the module.
 */
function spawnStub({ k, p }: Owner) {
  return (entry: unknown, args: unknown = [], opts: unknown = {}) => {
    let copied: unknown[];
    try {
      const mod = p.module;
      let target: string;
      if (typeof entry === "function") {
        const name = mod ? Object.keys(mod).find((key) => mod[key] === entry) : undefined;
        if (name === undefined) throw new CopyError("spawn: the function is not an export of this program");
        target = name;
      } else if (typeof entry === "string") target = entry;
      else throw new CopyError("entry must be an export name or an exported function");
      const exported = mod ? typeof mod[target] === "function" : null;
      copied = [target, exported, copyIn(args ?? []), copyIn(opts ?? {})];
    } catch (error) {
      return refuse("spawn", error);
    }
    return k.submit(p, "spawn", sysSpawn, copied, true, true);
  };
}

function callDescriptors(): PropertyDescriptorMap {
  const descriptors: PropertyDescriptorMap = {};
  for (const name of Object.keys(SYSCALLS)) descriptors[name] = stubFor(name, name === "spawn" ? spawnStub : syscallStub(name, SYSCALLS[name]));
  descriptors.getpid = stubFor("getpid", ({ p }) => () => p.pid);
  descriptors.getppid = stubFor("getppid", ({ p }) => () => p.ppid);
  descriptors.getuid = stubFor("getuid", ({ p }) => () => p.uid);
  descriptors.getgid = stubFor("getgid", ({ p }) => () => p.gid);
  // Each process draws from its own stream: a shared one would let processes signal each other by drawing.
  descriptors.random = stubFor("random", ({ p }) => () => p.random.float());
  descriptors.now = stubFor("now", ({ k }) => () => k.now);
  // The text is made in the caller's turn (formatting may run its code), then handed over as a string.
  const print = ({ k, p }: Owner) => (...parts: unknown[]) => k.print(p, parts.map(format).join(" ") + "\n");
  descriptors.print = stubFor("print", print);
  descriptors.log = stubFor("log", print);
  return descriptors;
}

// One hardened prototype for every process: constants, plus getters that hand out stubs bound to
// the calling process. Building ~60 closures per process dominated exploration profiles.
const IPC_PROTO: object = harden(Object.create(harden({ ...CONSTANTS, IpcError }), callDescriptors()));

// Harness drivers (trusted processes the scenario runs beside the student's) also get latches:
// kernel semaphores with no name or id, reachable only through the token the harness holds.
const LATCHES = new WeakMap<object, Latch>();
const DRIVER_PROTO: object = harden(
  Object.create(IPC_PROTO, {
    latch_wait: stubFor("latch_wait", ({ k, p }) => (token: object) => k.submit(p, "latch_wait", sysLatchWait, [LATCHES.get(token)], true, true)),
    latch_post: stubFor("latch_post", ({ k, p }) => (token: object) => k.submit(p, "latch_post", sysLatchPost, [LATCHES.get(token)], true, true)),
  }),
);

/** Builds the `ipc` object a process sees; every call on it is bound to that process. */
export function makeIpc(k: Kernel, p: Process): Ipc {
  const ipc = Object.create(p.privileged ? DRIVER_PROTO : IPC_PROTO) as object;
  OWNERS.set(ipc, { k, p, fns: Object.create(null) as Record<string, unknown> });
  return freeze(ipc) as Ipc;
}

/** What a harness driver's `ipc` adds: waiting for and posting a latch the setup created. */
export interface DriverIpc extends Ipc {
  latch_wait(latch: object): Promise<number>;
  latch_post(latch: object): Promise<number>;
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
  /** A latch for drivers to order themselves (a semaphore at 0 that only holders of the token can use). */
  latch(name: string): object;
}

export function makeSetupApi(k: Kernel): SetupApi {
  const api: Record<string, unknown> = {};
  for (const name of ["msgget", "msgsnd", "msgctl", "shmget", "shmctl", "semget", "semctl", "sem_open", "mutex_create"]) {
    api[name] = (...args: unknown[]) => k.privileged(name, SYSCALLS[name], args);
  }
  api.spawn = (entry: string | ((ipc: Ipc, args: unknown[]) => unknown), args: unknown[] = [], opts: SpawnOptions = {}) =>
    k.spawn(null, entry as never, args, opts).pid;
  api.latch = (name: string) => {
    const token = harden({});
    LATCHES.set(token, createLatch(k, name));
    return token;
  };
  api.poke = (shmid: number, index: number, value: number) =>
    k.privileged("poke", (kk) => {
      const seg = kk.shm.ns.lookup(shmid);
      if (!Number.isInteger(index) || index < 0 || index >= seg.size) fail("EINVAL", "index outside segment");
      seg.data[index] = value;
    }, []);
  return api as unknown as SetupApi;
}
