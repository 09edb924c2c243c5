// Mistake: main waits for every teller but the last (an off-by-one in the wait loop), so the last teller is left a zombie.
import { shmget, shmat, spawn, waitpid, mutex_create, mutex_lock, mutex_unlock } from "ipc";

const ACCOUNT_KEY = 0x1234;

export async function main(tellers: Array<[number, number]>) {
  const pids: number[] = [];
  for (const t of tellers) pids.push(await spawn(teller, t));
  for (let i = 0; i < pids.length - 1; i++) await waitpid(pids[i]);
}

export async function teller([amount, times]: [number, number]) {
  const account = await shmat(await shmget(ACCOUNT_KEY, 1, 0));
  const lock = await mutex_create("account");
  for (let i = 0; i < times; i++) {
    await mutex_lock(lock);
    try {
      await apply(account, amount);
    } catch {
      // Refused: the balance stays as it was.
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
