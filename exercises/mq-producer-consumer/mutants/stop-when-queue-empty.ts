// Mistake: consumers stop as soon as the queue is momentarily empty (IPC_NOWAIT → ENOMSG) instead of waiting for a sentinel.
import { msgget, msgsnd, msgrcv, msgctl, spawn, waitpid, print, IPC_CREAT, IPC_RMID, IPC_NOWAIT } from "ipc";

const QUEUE_KEY = 0x4d51;

type Job = { id: string; priority: number };

export async function main([producers, consumers]: [Job[][], number]) {
  const queue = await msgget(QUEUE_KEY, IPC_CREAT | 0o600);
  const pids: number[] = [];
  for (let i = 0; i < consumers; i++) pids.push(await spawn(consumer, []));
  for (const list of producers) pids.push(await spawn(producer, [list]));
  for (const pid of pids) await waitpid(pid);
  await msgctl(queue, IPC_RMID);
}

export async function producer([list]: [Job[]]) {
  const queue = await msgget(QUEUE_KEY, 0);
  for (const job of list) await msgsnd(queue, { type: job.priority, data: job.id });
}

export async function consumer() {
  const queue = await msgget(QUEUE_KEY, 0);
  for (;;) {
    let message;
    try {
      message = await msgrcv(queue, -3, IPC_NOWAIT);
    } catch {
      return; // ENOMSG: nothing left?
    }
    print(`done ${message.data}`);
  }
}
