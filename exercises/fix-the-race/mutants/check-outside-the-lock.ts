// Mistake: the overdraft check reads the balance before taking the lock; by the time the withdrawal runs, another one may already have spent the money.
import { shmget, shmat, spawn, waitpid, mutex_create, mutex_lock, mutex_unlock } from "ipc";

const ACCOUNT_KEY = 0x1234;

export async function main(tellers: Array<[number, number]>) {
  const pids: number[] = [];
  for (const t of tellers) pids.push(await spawn(teller, t));
  for (const pid of pids) await waitpid(pid);
}

export async function teller([amount, times]: [number, number]) {
  const account = await shmat(await shmget(ACCOUNT_KEY, 1, 0));
  const lock = await mutex_create("account");
  for (let i = 0; i < times; i++) {
    if ((await account.load(0)) + amount < 0) continue; // refused
    await mutex_lock(lock);
    try {
      const balance = await account.load(0);
      await account.store(0, balance + amount);
    } finally {
      await mutex_unlock(lock);
    }
  }
}
