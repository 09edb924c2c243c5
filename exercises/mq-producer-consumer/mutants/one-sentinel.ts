// Mistake: main sends a single sentinel; with several consumers only one of them stops, the others wait forever.
import { msgget, msgsnd, msgrcv, msgctl, spawn, waitpid, print, IPC_CREAT, IPC_RMID } from "ipc";

const QUEUE_KEY = 0x4d51;
const STOP = 4;

type Job = { id: string; priority: number };

export async function main([producers, consumers]: [Job[][], number]) {
  const queue = await msgget(QUEUE_KEY, IPC_CREAT | 0o600);
  const consumerPids: number[] = [];
  for (let i = 0; i < consumers; i++) consumerPids.push(await spawn(consumer, []));
  const producerPids: number[] = [];
  for (const list of producers) producerPids.push(await spawn(producer, [list]));
  for (const pid of producerPids) await waitpid(pid);
  await msgsnd(queue, { type: STOP, data: null });
  for (const pid of consumerPids) await waitpid(pid);
  await msgctl(queue, IPC_RMID);
}

export async function producer([list]: [Job[]]) {
  const queue = await msgget(QUEUE_KEY, 0);
  for (const job of list) await msgsnd(queue, { type: job.priority, data: job.id });
}

export async function consumer() {
  const queue = await msgget(QUEUE_KEY, 0);
  for (;;) {
    const message = await msgrcv(queue, -4);
    if (message.type === STOP) return;
    print(`done ${message.data}`);
  }
}
