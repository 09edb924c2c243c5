// Mistake: a replacement forked while SIGTERM is being handled is added to the pool after the handler stopped the others, so nobody ever stops it and the supervisor waits for it forever.
import { spawn, wait, kill, signal, msgget, msgrcv, shmget, shmat, semget, semop, semctl, sched_yield, IPC_CREAT, SETVAL, SEM_UNDO, SIGTERM, type ShmView } from "ipc";

// Created for you before the supervisor starts:
export const JOBS_KEY = 0x10b5; // message queue of jobs: { type: 1, data: { id, key } }
export const CACHE_KEY = 0xcac; // shared memory: cells 0..15 cache f(key) (0 = not cached), 16 = hits, 17 = misses
export const RESULTS_KEY = 0x5e5; // shared memory: cell id = times job id was done, cell 32 + id = its result
// Yours to create:
export const LOCK_KEY = 0x10c; // the System V semaphore guarding the cache

const HITS = 16, MISSES = 17, RESULT = 32;

/** Pre-forks `workers` workers, replaces any that dies, and on SIGTERM stops them all. */
export async function supervisor([workers]: [number]) {
  // The lock must exist (and be 1) before the first worker can look for it.
  const lock = await semget(LOCK_KEY, 1, IPC_CREAT | 0o600);
  await semctl(lock, 0, SETVAL, 1);

  const pool = new Set<number>();
  let stopping = false;
  await signal(SIGTERM, async () => {
    stopping = true;
    for (const pid of pool) await kill(pid, SIGTERM);
  });
  const start = async () => {
    const pid = await spawn(worker, []);
    pool.add(pid);
  };
  for (let i = 0; i < workers; i++) await start();

  // wait() blocks until *some* child has changed state, however many SIGCHLDs were merged into
  // one, so a loop around it never misses a dead worker.
  while (pool.size > 0) {
    const { pid, status } = await wait();
    pool.delete(pid);
    if (!stopping && "signaled" in status) await start(); // a worker crashed or was killed: replace it
  }
}

/** Takes jobs forever; looks each key up in the shared cache, computing and caching it on a miss. */
export async function worker() {
  const jobs = await msgget(JOBS_KEY, 0);
  const cache = await shmat(await shmget(CACHE_KEY, 18, 0));
  const results = await shmat(await shmget(RESULTS_KEY, 64, 0));
  const lock = await semget(LOCK_KEY, 1, 0);
  for (;;) {
    const { data } = await msgrcv(jobs, 0);
    const { id, key } = data as { id: number; key: number };
    // Check-then-compute-then-store is one critical section: otherwise two workers can both miss
    // the same key. SEM_UNDO makes the kernel give the lock back if we are killed while holding it.
    await semop(lock, [{ num: 0, op: -1, flags: SEM_UNDO }]);
    let value = await cache.load(key);
    if (value === 0) {
      value = await compute(key);
      await cache.store(key, value);
      await cache.fetchAdd(MISSES, 1);
    } else {
      await cache.fetchAdd(HITS, 1);
    }
    await semop(lock, [{ num: 0, op: 1, flags: SEM_UNDO }]);
    await report(results, id, value);
  }
}

// ---------------------------------------------------------------- given: do not change

/** The expensive function being cached (it takes a while: other processes run meanwhile). */
async function compute(key: number): Promise<number> {
  await sched_yield();
  // The graders count the calls, per key, in a segment they created.
  computeLog ??= await shmat(await shmget(COMPUTE_KEY, 16, 0));
  await computeLog.fetchAdd(key, 1);
  return key * key + 1;
}
const COMPUTE_KEY = 0xc0de;
let computeLog: ShmView | undefined;

/** Records a finished job where the graders look for it. */
async function report(results: ShmView, id: number, value: number) {
  await results.store(RESULT + id, value);
  await results.fetchAdd(id, 1);
}
