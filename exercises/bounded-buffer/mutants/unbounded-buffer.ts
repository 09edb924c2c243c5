// Mistake: the buffer is made large enough for every item, so producers never wait for a free slot: it is no longer bounded by its capacity.
import { shmget, shmat, shmdt, shmctl, semget, semctl, semop, spawn, waitpid, print, IPC_PRIVATE, IPC_CREAT, IPC_RMID, SETALL } from "ipc";

// The semaphore set: a mutex for the buffer's slots and indices, and two counters.
const MUTEX = 0; // 1 = free
const EMPTY = 1; // number of free slots
const FULL = 2; // number of filled slots

// Segment layout: cells 0 … capacity−1 are the slots, then the two ring indices.
const IN = (capacity: number) => capacity; // next slot to fill
const OUT = (capacity: number) => capacity + 1; // next slot to empty

const P = (sems: number, num: number) => semop(sems, [{ num, op: -1 }]);
const V = (sems: number, num: number) => semop(sems, [{ num, op: +1 }]);

export async function main([producers, consumers, requested]: [number[][], number[], number]) {
  // Room for every item at once: producers never have to wait for a free slot.
  const capacity = Math.max(requested, producers.flat().length);
  const shm = await shmget(IPC_PRIVATE, capacity + 2, IPC_CREAT | 0o600);
  const sems = await semget(IPC_PRIVATE, 3, IPC_CREAT | 0o600);
  await semctl(sems, 0, SETALL, [1, capacity, 0]);

  const pids: number[] = [];
  for (const list of producers) pids.push(await spawn(producer, [shm, sems, capacity, list]));
  for (const count of consumers) pids.push(await spawn(consumer, [shm, sems, capacity, count]));
  for (const pid of pids) await waitpid(pid);

  await shmctl(shm, IPC_RMID);
  await semctl(sems, 0, IPC_RMID);
}

export async function producer([shm, sems, capacity, list]: [number, number, number, number[]]) {
  const buf = await shmat(shm);
  for (const item of list) {
    // First wait for a free slot, THEN take the mutex: a producer sleeping on EMPTY while
    // holding the mutex would keep out the very consumer that could free a slot.
    await P(sems, EMPTY);
    await P(sems, MUTEX);
    const i = await buf.load(IN(capacity));
    await buf.store(i, item);
    await buf.store(IN(capacity), (i + 1) % capacity);
    await V(sems, MUTEX);
    await V(sems, FULL); // one more filled slot: wakes a waiting consumer
  }
  await shmdt(buf);
}

export async function consumer([shm, sems, capacity, count]: [number, number, number, number]) {
  const buf = await shmat(shm);
  for (let n = 0; n < count; n++) {
    await P(sems, FULL);
    await P(sems, MUTEX);
    const i = await buf.load(OUT(capacity));
    const item = await buf.load(i);
    await buf.store(OUT(capacity), (i + 1) % capacity);
    await V(sems, MUTEX);
    await V(sems, EMPTY); // one more free slot: wakes a waiting producer
    print(`consumed ${item}`);
  }
  await shmdt(buf);
}
