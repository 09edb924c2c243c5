// Mistake: main waits for each teller before starting the next one, and the tellers take no lock: no race can show, but the tellers never run at the same time.
import { shmget, shmat, spawn, waitpid } from "ipc";

const ACCOUNT_KEY = 0x1234;

export async function main(tellers: Array<[number, number]>) {
  // One teller at a time: nobody can interleave with anybody.
  for (const t of tellers) await waitpid(await spawn(teller, t));
}

export async function teller([amount, times]: [number, number]) {
  const account = await shmat(await shmget(ACCOUNT_KEY, 1, 0));
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
