import { shmget, shmat, shmdt, shmctl, semget, semctl, semop, spawn, waitpid, print, IPC_PRIVATE, IPC_CREAT, IPC_RMID, SETALL } from "ipc";

// A semaphore set with three semaphores (all 0 after semget).
const MUTEX = 0;
const EMPTY = 1;
const FULL = 2;

// Segment layout: cells 0 … capacity−1 are the slots, then the two ring indices.
const IN = (capacity: number) => capacity; // next slot to fill
const OUT = (capacity: number) => capacity + 1; // next slot to empty

const P = (sems: number, num: number) => semop(sems, [{ num, op: -1 }]);
const V = (sems: number, num: number) => semop(sems, [{ num, op: +1 }]);

export async function main([producers, consumers, capacity]: [number[][], number[], number]) {
  const shm = await shmget(IPC_PRIVATE, capacity + 2, IPC_CREAT | 0o600);
  const sems = await semget(IPC_PRIVATE, 3, IPC_CREAT | 0o600);
  // TODO: give MUTEX, EMPTY and FULL their initial values (semctl with SETALL).

  const pids: number[] = [];
  for (const list of producers) pids.push(await spawn(producer, [shm, sems, capacity, list]));
  for (const count of consumers) pids.push(await spawn(consumer, [shm, sems, capacity, count]));
  for (const pid of pids) await waitpid(pid);

  await shmctl(shm, IPC_RMID);
  await semctl(sems, 0, IPC_RMID);
}

/** Puts each item of `list` into the ring buffer. */
export async function producer([shm, sems, capacity, list]: [number, number, number, number[]]) {
  const buf = await shmat(shm);
  for (const item of list) {
    // TODO: wait until there is a free slot and nobody else is using the buffer.
    const i = await buf.load(IN(capacity));
    await buf.store(i, item);
    await buf.store(IN(capacity), (i + 1) % capacity);
    // TODO: let the others know.
  }
  await shmdt(buf);
}

/** Takes `count` items out of the ring buffer, printing `consumed <item>` for each. */
export async function consumer([shm, sems, capacity, count]: [number, number, number, number]) {
  const buf = await shmat(shm);
  for (let n = 0; n < count; n++) {
    // TODO: wait until there is an item and nobody else is using the buffer.
    const i = await buf.load(OUT(capacity));
    const item = await buf.load(i);
    await buf.store(OUT(capacity), (i + 1) % capacity);
    // TODO: let the others know.
    print(`consumed ${item}`);
  }
  await shmdt(buf);
}

// Unused until you fill in the TODOs.
void [MUTEX, EMPTY, FULL, P, V, SETALL];
