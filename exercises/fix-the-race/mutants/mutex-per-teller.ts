// Mistake: each teller creates its own mutex (the name includes its pid), so no two tellers ever contend for the same lock.
import { shmget, shmat, spawn, waitpid, getpid, mutex_create, mutex_lock, mutex_unlock } from "ipc";

const ACCOUNT_KEY = 0x1234;

export async function main(tellers: Array<[number, number]>) {
  const pids: number[] = [];
  for (const t of tellers) pids.push(await spawn(teller, t));
  for (const pid of pids) await waitpid(pid);
}

export async function teller([amount, times]: [number, number]) {
  const account = await shmat(await shmget(ACCOUNT_KEY, 1, 0));
  const lock = await mutex_create(`account-${getpid()}`);
  for (let i = 0; i < times; i++) {
    await mutex_lock(lock);
    try {
      await apply(account, amount);
    } catch {
      // Refused.
    } finally {
      await mutex_unlock(lock);
    }
  }
}

async function apply(account: Awaited<ReturnType<typeof shmat>>, amount: number) {
  const balance = await account.load(0);
  if (balance + amount < 0) throw new Error("insufficient funds");
  await account.store(0, balance + amount);
}
