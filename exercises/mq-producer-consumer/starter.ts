import { msgget, msgsnd, msgrcv, spawn, waitpid, print, IPC_CREAT, IPC_NOWAIT } from "ipc";

const QUEUE_KEY = 0x4d51;

type Job = { id: string; priority: number };

/** Starts the consumers and the producers (one per job list), then waits for all of them. */
export async function main([producers, consumers]: [Job[][], number]) {
  await msgget(QUEUE_KEY, IPC_CREAT | 0o600);
  const pids: number[] = [];
  for (let i = 0; i < consumers; i++) pids.push(await spawn(consumer, []));
  for (const list of producers) pids.push(await spawn(producer, [list]));
  for (const pid of pids) await waitpid(pid);
}

/** Sends its jobs; a job's type is its priority (1 = most urgent). */
export async function producer([list]: [Job[]]) {
  const queue = await msgget(QUEUE_KEY, 0);
  for (const job of list) await msgsnd(queue, { type: job.priority, data: job.id });
}

/** Processes jobs until there is no work left. */
export async function consumer() {
  const queue = await msgget(QUEUE_KEY, 0);
  for (;;) {
    let message;
    try {
      message = await msgrcv(queue, 0, IPC_NOWAIT);
    } catch {
      return; // ENOMSG: the queue is empty, so we are done?
    }
    print(`done ${message.data}`);
  }
}
