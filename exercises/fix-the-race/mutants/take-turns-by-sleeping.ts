// Mistake: instead of a lock, each teller sleeps until "its turn" (teller i waits i seconds): the tellers only happen not to overlap, and nothing excludes them.
import { shmget, shmat, spawn, waitpid, sleep } from "ipc";

const ACCOUNT_KEY = 0x1234;

export async function main(tellers: Array<[number, number]>) {
  const pids: number[] = [];
  for (const [i, t] of tellers.entries()) pids.push(await spawn(teller, [...t, i]));
  for (const pid of pids) await waitpid(pid);
}

export async function teller([amount, times, turn]: [number, number, number]) {
  const account = await shmat(await shmget(ACCOUNT_KEY, 1, 0));
  await sleep(turn); // wait for my turn
  for (let i = 0; i < times; i++) {
    try {
      await apply(account, amount);
    } catch {
      // Refused: the balance stays as it was.
    }
  }
}

async function apply(account: Awaited<ReturnType<typeof shmat>>, amount: number) {
  const balance = await account.load(0);
  if (balance + amount < 0) throw new Error("insufficient funds");
  await account.store(0, balance + amount);
}
