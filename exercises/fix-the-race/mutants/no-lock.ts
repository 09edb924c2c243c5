// Mistake: no mutual exclusion at all — the load/check/store of the balance can interleave with another teller's.
import { shmget, shmat, spawn, waitpid } from "ipc";

const ACCOUNT_KEY = 0x1234;

export async function main(tellers: Array<[number, number]>) {
  const pids: number[] = [];
  for (const t of tellers) pids.push(await spawn(teller, t));
  for (const pid of pids) await waitpid(pid);
}

export async function teller([amount, times]: [number, number]) {
  const account = await shmat(await shmget(ACCOUNT_KEY, 1, 0));
  for (let i = 0; i < times; i++) {
    const balance = await account.load(0);
    if (balance + amount < 0) continue; // refused
    await account.store(0, balance + amount);
  }
}
