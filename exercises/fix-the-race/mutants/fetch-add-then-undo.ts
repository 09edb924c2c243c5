// Mistake: the amount is applied with an atomic fetchAdd and undone if the result is negative; another teller can see that temporary debit and be refused although the money was there.
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
    // fetchAdd is atomic, so the update itself is one short critical section…
    await mutex_lock(lock);
    const before = await account.fetchAdd(0, amount);
    await mutex_unlock(lock);
    // …and an overdraft is rolled back in a second one.
    if (before + amount < 0) {
      await mutex_lock(lock);
      await account.fetchAdd(0, -amount);
      await mutex_unlock(lock);
    }
  }
}
