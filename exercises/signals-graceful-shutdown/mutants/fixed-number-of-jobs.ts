// Mistake: each worker does a fixed batch of two jobs and quits, and the supervisor just waits for them: nobody runs until told to stop, so the signal finds everyone gone.
import { spawn, wait, sleep, print } from "ipc";

// ---------------------------------------------------------------- supervisor

export async function main([count]: [number]) {
  for (let i = 0; i < count; i++) await spawn(worker, []);
  for (let i = 0; i < count; i++) await wait(); // every worker ends on its own
}

// ---------------------------------------------------------------- worker

const JOBS = 2;

export async function worker() {
  for (let job = 1; job <= JOBS; job++) await work(job);
}

/** One job: a start line, one virtual second of work, a done line. */
async function work(job: number) {
  print(`start ${job}`);
  await sleep(1);
  print(`done ${job}`);
}
