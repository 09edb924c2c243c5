// Mistake: only the store is locked; the balance is read before taking the lock, so the written value can be stale.
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
    const balance = await account.load(0);
    if (balance + amount < 0) continue; // refused
    await mutex_lock(lock);
    await account.store(0, balance + amount);
    await mutex_unlock(lock);
  }
}
