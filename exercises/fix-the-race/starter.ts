import { shmget, shmat, spawn, waitpid } from "ipc";

// The account balance lives in cell 0 of this shared-memory segment, created for you.
const ACCOUNT_KEY = 0x1234;

/** Runs the tellers given in args (each is [amount, times]) at the same time, then waits. */
export async function main(tellers: Array<[number, number]>) {
  const pids: number[] = [];
  for (const t of tellers) pids.push(await spawn(teller, t));
  for (const pid of pids) await waitpid(pid);
}

/** Applies `amount` to the balance `times` times; withdrawals that would overdraw are refused. */
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
