/**
 * IPC Lab 커널 API — 학생 코드가 받는 `ipc` 객체입니다.
 * IPC Lab kernel API — the `ipc` object student code receives.
 *
 * 모든 비동기 함수는 스케줄링 지점입니다: `await` 하는 순간 다른 프로세스가 실행될 수 있습니다.
 * Every async function is a scheduling point: while you `await` it, other processes may run.
 * 실패하면 `IpcError`(`code`, `errno`, `syscall`)를 던집니다.
 * Failures throw an `IpcError` (`code`, `errno`, `syscall`).
 */

/** JSON으로 표현 가능한 값 (프로세스 사이에서 복사됩니다). / A JSON-like value (copied between processes). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** 종료 상태. / How a process ended. */
export type ExitStatus = { exited: true; code: number } | { signaled: true; signal: string };

/** wait/waitpid의 결과. / Result of wait/waitpid. */
export interface WaitResult {
  pid: number;
  status: ExitStatus;
}

/** 시그널 번호 또는 이름 (`"SIGINT"`). / A signal number or name (`"SIGINT"`). */
export type Signal = number | string;

/** 시그널 처리기. / A signal disposition. */
export type SignalHandler = ((sig: number) => unknown | Promise<unknown>) | "SIG_IGN" | "SIG_DFL";

/** 쓰기 데이터: 문자열(UTF-8), 바이트 배열. / Data to write: text (sent as UTF-8) or bytes. */
export type Data = string | Uint8Array | number[];

/** 시스템 콜 오류. / A failed system call. */
export declare class IpcError extends Error {
  /** errno 이름 (예: 'EAGAIN'). / errno name, e.g. 'EAGAIN'. */
  readonly code: string;
  /** errno 번호 (Linux 값). / errno number (Linux values). */
  readonly errno: number;
  /** 실패한 호출 이름. / Name of the failed call. */
  readonly syscall: string;
}

/** shmat이 돌려주는 공유 메모리 뷰. 셀(word) 단위로 숫자를 저장합니다. / A shared-memory attachment of numeric cells (words). */
export interface ShmView {
  /** 세그먼트 id. / Segment id. */
  readonly id: number;
  /** 셀 개수. / Number of cells. */
  readonly size: number;
  /** 읽기 전용 부착 여부. / Attached read-only? */
  readonly readonly: boolean;
  /** 셀 하나를 읽습니다 (원자적이지 않은 일반 메모리 접근). / Loads one cell (a plain, non-atomic memory access). */
  load(index: number): Promise<number>;
  /** 셀 하나에 씁니다. 읽기 전용이면 EACCES. / Stores one cell; EACCES if attached read-only. */
  store(index: number, value: number): Promise<void>;
  /** 원자적으로 더하고 이전 값을 돌려줍니다. / Atomically adds and returns the previous value. */
  fetchAdd(index: number, delta: number): Promise<number>;
  /** 값이 expected이면 replacement로 바꿉니다. 이전 값을 돌려줍니다. / Atomic compare-and-swap; returns the previous value. */
  compareExchange(index: number, expected: number, replacement: number): Promise<number>;
}

/** semop의 연산 하나. / One semaphore operation. */
export interface SemOp {
  /** 세마포어 번호. / Semaphore index in the set. */
  num: number;
  /** 양수: 증가, 음수: 감소(대기 가능), 0: 0이 될 때까지 대기. / >0 add, <0 take (may wait), 0 wait for zero. */
  op: number;
  /** IPC_NOWAIT, SEM_UNDO. */
  flags?: number;
}

/** 프로세스 생성 옵션. / Options for spawn. */
export interface SpawnOptions {
  /** 자식의 uid (root만 변경 가능). / Child uid (only root may change it). */
  uid?: number;
  /** 자식의 gid (root만 변경 가능). / Child gid (only root may change it). */
  gid?: number;
  /** 자식의 fd 0이 될 부모의 fd. / Parent fd to become the child's fd 0. */
  stdin?: number;
  /** 자식의 fd 1이 될 부모의 fd. / Parent fd to become the child's fd 1. */
  stdout?: number;
  /** 자식의 fd 2가 될 부모의 fd. / Parent fd to become the child's fd 2. */
  stderr?: number;
  /** 자식에서 닫을 fd 목록 (상속 후). / Descriptors to close in the child after inheriting them. */
  close?: number[];
}

export interface Ipc {
  // ------------------------------------------------------------ processes / 프로세스

  /**
   * 새 프로세스를 만들고 pid를 돌려줍니다. entry는 이 프로그램의 export 이름, export된 함수, 또는 내장 프로그램
   * (`cat`, `grep`, `wc`, `sort`, `head`, `ls`)입니다. 자식은 파일 디스크립터를 상속하고 모듈을 새로 가집니다.
   * 프로세스 수 제한에 걸리면 EAGAIN.
   * Creates a process running `entry` (an export name, an exported function, or a builtin) with `args`; returns its pid.
   * The child inherits file descriptors and gets a fresh copy of the module. EAGAIN at the process limit.
   */
  spawn(entry: string | ((args: never) => unknown), args?: JsonValue[], opts?: SpawnOptions): Promise<number>;
  /** 아무 자식이나 끝나기를 기다려 거둡니다. 자식이 없으면 ECHILD. / Waits for and reaps any child; ECHILD if none. */
  wait(): Promise<WaitResult>;
  /**
   * 특정 자식(-1이면 아무 자식)을 기다립니다. nohang이면 아직 끝난 자식이 없을 때 null.
   * Waits for child `pid` (-1: any). With `nohang`, returns null when no child has exited yet.
   */
  waitpid(pid: number, opts?: { nohang?: boolean }): Promise<WaitResult | null>;
  /** 프로세스를 종료합니다 (돌아오지 않음). / Terminates the calling process (never returns). */
  exit(code?: number): Promise<never>;
  /** 내 pid. / The caller's pid. */
  getpid(): number;
  /** 부모 pid (고아가 되면 1). / Parent pid (1 once orphaned). */
  getppid(): number;
  /** 내 uid (0 = root). / The caller's uid (0 = root). */
  getuid(): number;
  /** 내 gid. / The caller's gid. */
  getgid(): number;
  /** 시드가 고정된 난수 [0,1). / Seeded, reproducible random number in [0, 1). */
  random(): number;
  /** 가상 시계 (나노초). / Virtual clock in nanoseconds. */
  now(): number;
  /** 출력 기록에 한 줄을 남깁니다 (fd 1이 아님). / Appends a line to this process's captured output (not fd 1). */
  print(...values: unknown[]): void;
  /** print와 같습니다. / Same as print. */
  log(...values: unknown[]): void;
  /** 다른 프로세스에 CPU를 양보합니다. / Gives other processes a chance to run. */
  sched_yield(): Promise<number>;
  /** 가상 시간으로 잠듭니다 (초). 시그널에 깨면 EINTR. / Sleeps for virtual seconds; EINTR if a handler runs. */
  sleep(seconds: number): Promise<number>;

  // ------------------------------------------------------------ signals / 시그널

  /**
   * 시그널을 보냅니다. root가 아니면 같은 uid의 프로세스에게만 (EPERM). 없는 pid는 ESRCH. sig 0은 존재 확인만 합니다.
   * Sends a signal. Non-root callers may only signal processes of their own uid (EPERM); ESRCH for unknown pids; 0 only checks.
   */
  kill(pid: number, sig?: Signal): Promise<number>;
  /**
   * 시그널 처리기를 설치하고 이전 처리기를 돌려줍니다 (SA_RESTART 동작). SIGKILL/SIGSTOP은 EINVAL.
   * Installs a handler (with SA_RESTART semantics) and returns the previous one; EINVAL for SIGKILL/SIGSTOP.
   */
  signal(sig: Signal, handler: SignalHandler): Promise<SignalHandler>;
  /**
   * 처리기, 플래그(SA_RESTART), 처리 중 막을 시그널(mask)을 설정합니다.
   * Installs a handler with flags (SA_RESTART) and a mask of signals blocked while it runs.
   */
  sigaction(sig: Signal, action: { handler: SignalHandler; flags?: number; mask?: Signal[] }): Promise<SignalHandler>;
  /**
   * 시그널 마스크를 바꾸고 이전 마스크를 돌려줍니다. 막힌 시그널은 풀릴 때 전달됩니다.
   * Changes the signal mask (SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK); returns the old mask. Blocked signals stay pending until unblocked.
   */
  sigprocmask(how: number, set: Signal[]): Promise<number[]>;
  /** 대기 중인 시그널 목록. / Signals currently pending. */
  sigpending(): Promise<number[]>;
  /** 처리기가 실행될 때까지 잠듭니다. 항상 EINTR로 끝납니다. / Sleeps until a handler has run; always fails with EINTR. */
  pause(): Promise<never>;
  /**
   * 마스크를 원자적으로 바꾸고 잠듭니다 (검사-후-대기 경쟁을 막음). EINTR로 끝나며 마스크는 복원됩니다.
   * Atomically installs `mask` and waits for a handler (closes the check-then-pause race); ends with EINTR and restores the mask.
   */
  sigsuspend(mask: Signal[]): Promise<never>;
  /** 가상 시간 seconds 후 SIGALRM을 예약합니다. 이전 알람의 남은 시간을 돌려줍니다. / Schedules SIGALRM after virtual seconds; returns what was left. */
  alarm(seconds: number): Promise<number>;

  // ------------------------------------------------------------ files & pipes / 파일과 파이프

  /**
   * 파이프를 만듭니다: [읽기 fd, 쓰기 fd]. 모든 쓰기 끝이 닫혀야 EOF(빈 문자열)를 읽습니다.
   * Creates a pipe: [readFd, writeFd]. Reads see EOF ("") only once every write end is closed in every process.
   */
  pipe(opts?: { nonblock?: boolean }): Promise<[number, number]>;
  /**
   * 최대 maxBytes 바이트를 읽어 UTF-8 문자열로 돌려줍니다 ("" = EOF). 비어 있으면 잠듭니다 (O_NONBLOCK이면 EAGAIN).
   * Reads up to maxBytes and decodes them as UTF-8 ("" = EOF). Sleeps while empty (EAGAIN with O_NONBLOCK).
   */
  read(fd: number, maxBytes?: number): Promise<string>;
  /** read와 같지만 바이트를 돌려줍니다. / Like read but returns raw bytes. */
  readBytes(fd: number, maxBytes?: number): Promise<Uint8Array>;
  /**
   * 데이터를 쓰고 쓴 바이트 수를 돌려줍니다. PIPE_BUF 이하 쓰기는 원자적입니다. 읽는 쪽이 없으면 SIGPIPE와 EPIPE.
   * Writes data; returns bytes written. Pipe writes ≤ PIPE_BUF are atomic. No reader: SIGPIPE and EPIPE.
   */
  write(fd: number, data: Data): Promise<number>;
  /** fd를 닫습니다. / Closes a descriptor. */
  close(fd: number): Promise<number>;
  /** fd를 가장 낮은 빈 번호로 복제합니다. / Duplicates fd onto the lowest free number. */
  dup(fd: number): Promise<number>;
  /** oldfd를 newfd로 복제합니다 (newfd가 열려 있으면 먼저 닫음). / Makes newfd refer to oldfd's open file (closing newfd first). */
  dup2(oldfd: number, newfd: number): Promise<number>;
  /** F_GETFL / F_SETFL(O_NONBLOCK). */
  fcntl(fd: number, cmd: number, flags?: number): Promise<number>;
  /** 읽기 전용 파일을 엽니다 ('r'만 가능, 없으면 ENOENT, 권한이 없으면 EACCES). / Opens a read-only file ('r' only; ENOENT, EACCES). */
  open(path: string, flags?: "r"): Promise<number>;
  /** 디렉터리의 이름 목록. / Lists the names in a directory. */
  readdir(path?: string): Promise<string[]>;

  // ------------------------------------------------------------ message queues / 메시지 큐

  /**
   * 메시지 큐를 얻거나 만듭니다 (IPC_CREAT, IPC_EXCL, IPC_PRIVATE, 권한 비트). 없으면 ENOENT, 이미 있으면(EXCL) EEXIST.
   * Gets or creates a message queue (IPC_CREAT, IPC_EXCL, IPC_PRIVATE, mode bits); ENOENT, EEXIST, EACCES.
   */
  msgget(key: number, flags?: number): Promise<number>;
  /**
   * 메시지를 보냅니다 (type > 0). 큐가 가득 차면 잠듭니다 (IPC_NOWAIT이면 EAGAIN). 큐가 삭제되면 EIDRM.
   * Sends a message (type > 0). Sleeps while the queue is full (EAGAIN with IPC_NOWAIT); EIDRM if removed meanwhile.
   */
  msgsnd(id: number, msg: { type: number; data: JsonValue }, flags?: number): Promise<number>;
  /**
   * 메시지를 받습니다. type 0: 첫 메시지, >0: 그 type의 첫 메시지 (MSG_EXCEPT: 그 외), <0: |type| 이하 중 가장 작은 type.
   * 없으면 잠듭니다 (IPC_NOWAIT이면 ENOMSG). maxSize보다 크면 E2BIG (MSG_NOERROR면 잘라냄).
   * Receives: type 0 first message; >0 first of that type (MSG_EXCEPT: first of any other); <0 lowest type ≤ |type|.
   * Sleeps if none (ENOMSG with IPC_NOWAIT). E2BIG if larger than maxSize unless MSG_NOERROR.
   */
  msgrcv(id: number, type?: number, flags?: number, maxSize?: number): Promise<{ type: number; data: JsonValue }>;
  /** IPC_STAT(정보) / IPC_SET(uid, gid, mode, qbytes) / IPC_RMID(삭제, 대기자는 EIDRM). / Queue control. */
  msgctl(id: number, cmd: number, buf?: { uid?: number; gid?: number; mode?: number; qbytes?: number }): Promise<unknown>;

  // ------------------------------------------------------------ shared memory / 공유 메모리

  /** size개의 숫자 셀을 가진 세그먼트를 얻거나 만듭니다. / Gets or creates a segment of `size` numeric cells. */
  shmget(key: number, size: number, flags?: number): Promise<number>;
  /** 세그먼트를 붙입니다 (readonly면 store가 EACCES). / Attaches a segment (stores fail with EACCES if read-only). */
  shmat(id: number, opts?: { readonly?: boolean }): Promise<ShmView>;
  /** 세그먼트를 뗍니다. / Detaches a segment. */
  shmdt(view: ShmView): Promise<number>;
  /**
   * IPC_STAT(nattch, dest 포함) / IPC_SET / IPC_RMID (마지막 분리 때 실제 삭제).
   * IPC_STAT (shows nattch and dest) / IPC_SET / IPC_RMID (destroyed after the last detach).
   */
  shmctl(id: number, cmd: number, buf?: { uid?: number; gid?: number; mode?: number }): Promise<unknown>;

  // ------------------------------------------------------------ semaphores / 세마포어

  /** nsems개의 System V 세마포어 집합을 얻거나 만듭니다 (초깃값 0). / Gets or creates a set of nsems semaphores (initially 0). */
  semget(key: number, nsems: number, flags?: number): Promise<number>;
  /**
   * 여러 연산을 원자적으로 (전부 또는 전무) 수행합니다. 모두 가능할 때까지 잠듭니다 (IPC_NOWAIT이면 EAGAIN).
   * SEM_UNDO 연산은 프로세스가 끝날 때 되돌려집니다.
   * Applies all operations atomically (all or nothing), sleeping until all can proceed (EAGAIN with IPC_NOWAIT).
   * SEM_UNDO operations are undone when the process exits.
   */
  semop(id: number, ops: SemOp[]): Promise<number>;
  /** GETVAL / SETVAL / GETALL / SETALL / IPC_STAT / IPC_SET / IPC_RMID. */
  semctl(id: number, num: number, cmd: number, arg?: unknown): Promise<unknown>;
  /** POSIX 이름 있는 세마포어를 엽니다 (create, excl, value, mode). / Opens a POSIX named semaphore; returns a handle. */
  sem_open(name: string, opts?: { create?: boolean; excl?: boolean; value?: number; mode?: number }): Promise<number>;
  /** 값을 1 줄입니다 (0이면 잠듦). / Decrements, sleeping while the value is 0. */
  sem_wait(sem: number): Promise<number>;
  /** sem_wait와 같지만 잠들지 않고 EAGAIN. / Like sem_wait but fails with EAGAIN instead of sleeping. */
  sem_trywait(sem: number): Promise<number>;
  /** 값을 1 늘립니다 (누구나 가능). / Increments (anyone may post). */
  sem_post(sem: number): Promise<number>;
  /** 현재 값. / Current value. */
  sem_getvalue(sem: number): Promise<number>;
  /** 핸들을 닫습니다. / Closes the handle. */
  sem_close(sem: number): Promise<number>;
  /** 이름을 지웁니다 (이미 연 프로세스는 계속 사용). / Removes the name; existing users keep the semaphore. */
  sem_unlink(name: string): Promise<number>;
  /** 이름으로 공유되는 뮤텍스를 만들거나 엽니다. / Creates or opens a process-shared mutex by name; returns a handle. */
  mutex_create(name: string, opts?: { mode?: number }): Promise<number>;
  /** 잠급니다. 이미 내가 잠갔으면 EDEADLK. / Locks; EDEADLK if the caller already holds it. */
  mutex_lock(m: number): Promise<number>;
  /** 잠그거나 즉시 EBUSY. / Locks or fails at once with EBUSY. */
  mutex_trylock(m: number): Promise<number>;
  /** 풉니다. 내가 잠근 것이 아니면 EPERM. / Unlocks; EPERM unless the caller holds it. */
  mutex_unlock(m: number): Promise<number>;

  // ------------------------------------------------------------ sockets / 소켓

  /** 소켓을 만듭니다 (AF_UNIX | AF_INET, SOCK_STREAM | SOCK_DGRAM). / Creates a socket. */
  socket(domain: number, type: number): Promise<number>;
  /**
   * 주소에 묶습니다: AF_UNIX는 경로, AF_INET은 "host:port" (1024 미만은 root만). 사용 중이면 EADDRINUSE.
   * Binds to a path (AF_UNIX) or "host:port" (AF_INET; ports < 1024 need root). EADDRINUSE if taken.
   */
  bind(fd: number, address: string): Promise<number>;
  /** 연결을 기다리기 시작합니다. / Starts listening with the given backlog. */
  listen(fd: number, backlog?: number): Promise<number>;
  /** 연결을 받아 새 fd를 돌려줍니다 (없으면 잠듦). / Accepts a connection, returning a new fd (sleeps until one arrives). */
  accept(fd: number): Promise<number>;
  /**
   * 연결합니다. 듣는 소켓이 없으면 ECONNREFUSED, backlog가 가득 차면 자리가 날 때까지 잠듭니다. AF_UNIX는 쓰기 권한이 필요 (EACCES).
   * Connects. ECONNREFUSED if nobody listens; sleeps while the backlog is full. AF_UNIX needs write permission (EACCES).
   */
  connect(fd: number, address: string): Promise<number>;
  /**
   * 보냅니다. 스트림에는 메시지 경계가 없습니다: 받는 쪽은 여러 send를 합치거나 나눠 받을 수 있습니다.
   * Sends. Streams keep no message boundaries: the receiver may get several sends merged or one split.
   */
  send(fd: number, data: Data): Promise<number>;
  /** 받습니다 ("" = 상대가 닫음). 스트림은 일부만 돌려줄 수 있습니다. / Receives ("" = orderly shutdown); streams may return only part. */
  recv(fd: number, maxBytes?: number): Promise<string>;
  /** 데이터그램을 주소로 보냅니다 (경계 유지). / Sends a datagram to an address (boundaries kept). */
  sendto(fd: number, data: Data, address: string): Promise<number>;
  /** 데이터그램 하나와 보낸 주소를 받습니다. / Receives one datagram and its sender address. */
  recvfrom(fd: number, maxBytes?: number): Promise<{ data: string; from: string }>;
  /** SHUT_RD / SHUT_WR / SHUT_RDWR. SHUT_WR 후 상대는 EOF를 읽습니다. / After SHUT_WR the peer reads EOF. */
  shutdown(fd: number, how: number): Promise<number>;
  /** AF_UNIX 소켓 경로의 권한을 바꿉니다 (소유자만). / Changes the mode of a bound AF_UNIX socket path (owner only). */
  chmod(path: string, mode: number): Promise<number>;

  // ------------------------------------------------------------ constants / 상수
  readonly IpcError: typeof IpcError;
  readonly IPC_PRIVATE: number;
  readonly IPC_CREAT: number;
  readonly IPC_EXCL: number;
  readonly IPC_NOWAIT: number;
  readonly IPC_RMID: number;
  readonly IPC_SET: number;
  readonly IPC_STAT: number;
  readonly MSG_NOERROR: number;
  readonly MSG_EXCEPT: number;
  readonly SEM_UNDO: number;
  readonly GETVAL: number;
  readonly GETALL: number;
  readonly SETVAL: number;
  readonly SETALL: number;
  readonly SHM_RDONLY: number;
  readonly O_NONBLOCK: number;
  readonly F_GETFL: number;
  readonly F_SETFL: number;
  readonly AF_UNIX: number;
  readonly AF_INET: number;
  readonly SOCK_STREAM: number;
  readonly SOCK_DGRAM: number;
  readonly SHUT_RD: number;
  readonly SHUT_WR: number;
  readonly SHUT_RDWR: number;
  readonly SIG_BLOCK: number;
  readonly SIG_UNBLOCK: number;
  readonly SIG_SETMASK: number;
  readonly SA_RESTART: number;
  readonly SIGHUP: number;
  readonly SIGINT: number;
  readonly SIGKILL: number;
  readonly SIGUSR1: number;
  readonly SIGUSR2: number;
  readonly SIGPIPE: number;
  readonly SIGALRM: number;
  readonly SIGTERM: number;
  readonly SIGCHLD: number;
  readonly SIGCONT: number;
  readonly SIGSTOP: number;
}
