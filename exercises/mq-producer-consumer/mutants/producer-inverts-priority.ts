// Mistake: the producer sends 4 - priority as the type, reading "priority 1 is the most urgent" as "the highest type wins", so urgent jobs are received last.
import { msgget, msgsnd, msgrcv, msgctl, spawn, waitpid, print, IPC_CREAT, IPC_RMID } from "ipc";

const QUEUE_KEY = 0x4d51;
/** Job types are priorities 1 (urgent) … 3 (bulk). */
const LOWEST_PRIORITY = 3;
/** The sentinel's type sorts after every job, so a consumer only sees it once no job is left. */
const STOP = LOWEST_PRIORITY + 1;

type Job = { id: string; priority: number };

export async function main([producers, consumers]: [Job[][], number]) {
  // IPC_CREAT without IPC_EXCL: use the queue if it already exists (it may hold waiting jobs).
  const queue = await msgget(QUEUE_KEY, IPC_CREAT | 0o600);

  const consumerPids: number[] = [];
  for (let i = 0; i < consumers; i++) consumerPids.push(await spawn(consumer, []));
  const producerPids: number[] = [];
  for (const list of producers) producerPids.push(await spawn(producer, [list]));

  // Only when every producer has finished is every job in the queue: now the sentinels can
  // go in — one per consumer, because each message is received by exactly one consumer.
  for (const pid of producerPids) await waitpid(pid);
  for (let i = 0; i < consumers; i++) await msgsnd(queue, { type: STOP, data: null });

  // The queue outlives its users: remove it, but only after the last consumer is done with it.
  for (const pid of consumerPids) await waitpid(pid);
  await msgctl(queue, IPC_RMID);
}

export async function producer([list]: [Job[]]) {
  const queue = await msgget(QUEUE_KEY, 0);
  for (const job of list) await msgsnd(queue, { type: LOWEST_PRIORITY + 1 - job.priority, data: job.id });
}

export async function consumer() {
  const queue = await msgget(QUEUE_KEY, 0);
  for (;;) {
    // A negative type takes the lowest type ≤ STOP: the most urgent job, and the sentinel last.
    const message = await msgrcv(queue, -STOP);
    if (message.type === STOP) return;
    print(`done ${message.data}`);
  }
}
