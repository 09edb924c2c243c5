/** Flag and command values. Numeric values follow Linux so students' C knowledge transfers. */
export const IPC_PRIVATE = 0;
export const IPC_CREAT = 0o1000;
export const IPC_EXCL = 0o2000;
export const IPC_NOWAIT = 0o4000;
export const IPC_RMID = 0;
export const IPC_SET = 1;
export const IPC_STAT = 2;

export const MSG_NOERROR = 0o10000;
export const MSG_EXCEPT = 0o20000;

export const SEM_UNDO = 0x1000;
export const GETVAL = 12;
export const GETALL = 13;
export const SETVAL = 16;
export const SETALL = 17;

export const SHM_RDONLY = 0o10000;

export const O_NONBLOCK = 0o4000;
export const F_GETFL = 3;
export const F_SETFL = 4;

export const AF_UNIX = 1;
export const AF_INET = 2;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SHUT_RD = 0;
export const SHUT_WR = 1;
export const SHUT_RDWR = 2;

export const SIG_BLOCK = 0;
export const SIG_UNBLOCK = 1;
export const SIG_SETMASK = 2;
export const SA_RESTART = 0x10000000;

export const SIGNALS = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
} as const;
export type SignalName = keyof typeof SIGNALS;
export const SIGHUP = 1, SIGINT = 2, SIGKILL = 9, SIGUSR1 = 10, SIGUSR2 = 12, SIGPIPE = 13;
export const SIGALRM = 14, SIGTERM = 15, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19;

const SIGNAL_NAMES: string[] = [];
for (const [name, num] of Object.entries(SIGNALS)) SIGNAL_NAMES[num] = name;

export function signalName(sig: number): string {
  return SIGNAL_NAMES[sig] ?? `SIG${sig}`;
}

/** Accepts a number or a name so student code can write either `SIGINT` or `"SIGINT"`. */
export function signalNumber(sig: number | string): number | undefined {
  if (typeof sig === "number") return SIGNAL_NAMES[sig] ? sig : undefined;
  return (SIGNALS as Record<string, number>)[sig];
}

/** Everything a student can reference as `ipc.CONSTANT`. */
export const CONSTANTS = {
  IPC_PRIVATE, IPC_CREAT, IPC_EXCL, IPC_NOWAIT, IPC_RMID, IPC_SET, IPC_STAT,
  MSG_NOERROR, MSG_EXCEPT, SEM_UNDO, GETVAL, GETALL, SETVAL, SETALL, SHM_RDONLY,
  O_NONBLOCK, F_GETFL, F_SETFL, AF_UNIX, AF_INET, SOCK_STREAM, SOCK_DGRAM,
  SHUT_RD, SHUT_WR, SHUT_RDWR, SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK, SA_RESTART,
  ...SIGNALS,
} as const;
