// Mistake: the semaphore starts at 0, so the first sem_wait already sleeps and nobody ever posts: every teller blocks.
import { shmget, shmat, spawn, waitpid, sem_open, sem_wait, sem_post } from "ipc";

const ACCOUNT_KEY = 0x1234;

export async function main(tellers: Array<[number, number]>) {
  const pids: number[] = [];
  for (const t of tellers) pids.push(await spawn(teller, t));
  for (const pid of pids) await waitpid(pid);
}

export async function teller([amount, times]: [number, number]) {
  const account = await shmat(await shmget(ACCOUNT_KEY, 1, 0));
  const sem = await sem_open("account", { create: true, value: 0 });
  for (let i = 0; i < times; i++) {
    await sem_wait(sem);
    try {
      await apply(account, amount);
    } catch {
      // Refused.
    } finally {
      await sem_post(sem);
    }
  }
}

async function apply(account: Awaited<ReturnType<typeof shmat>>, amount: number) {
  const balance = await account.load(0);
  if (balance + amount < 0) throw new Error("insufficient funds");
  await account.store(0, balance + amount);
}
