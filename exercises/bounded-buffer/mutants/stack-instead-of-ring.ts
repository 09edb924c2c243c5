// Mistake: one shared count used as a stack pointer (push/pop at the same end): nothing is lost, but the newest item leaves first, so the buffer is LIFO, not FIFO.
import { shmget, shmat, shmdt, shmctl, semget, semctl, semop, spawn, waitpid, print, IPC_PRIVATE, IPC_CREAT, IPC_RMID, SETALL } from "ipc";

const MUTEX = 0;
const EMPTY = 1;
const FULL = 2;

const P = (sems: number, num: number) => semop(sems, [{ num, op: -1 }]);
const V = (sems: number, num: number) => semop(sems, [{ num, op: +1 }]);

export async function main([producers, consumers, capacity]: [number[][], number[], number]) {
  const shm = await shmget(IPC_PRIVATE, capacity + 1, IPC_CREAT | 0o600);
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
    await P(sems, EMPTY);
    await P(sems, MUTEX);
    const count = await buf.load(capacity);
    await buf.store(count, item);
    await buf.store(capacity, count + 1);
    await V(sems, MUTEX);
    await V(sems, FULL);
  }
  await shmdt(buf);
}

export async function consumer([shm, sems, capacity, count]: [number, number, number, number]) {
  const buf = await shmat(shm);
  for (let n = 0; n < count; n++) {
    await P(sems, FULL);
    await P(sems, MUTEX);
    const top = (await buf.load(capacity)) - 1;
    const item = await buf.load(top);
    await buf.store(capacity, top);
    await V(sems, MUTEX);
    await V(sems, EMPTY);
    print(`consumed ${item}`);
  }
  await shmdt(buf);
}
